/** @module Rules for telling whether two written names may be the same person. */

/** Lower case, hyphens as spaces, single spaces: "Per Bach-Laursen" -> "per bach laursen". */
export function normalizePersonName(name: string): string {
  return name
    .toLocaleLowerCase("da")
    .replace(/[-‐–.]/g, " ")
    .replace(/\s+/g, " ")
    .trim();
}

/**
 * True when two different spellings probably name one person: the same words once hyphens are spaces
 * ("Per Bach Laursen" / "Per Bach-Laursen", seeds/004 lines 67 and 1886), or one name is the other with
 * middle names left out ("Birgit Hansen" / "Birgit Stenbak Hansen", seeds/004 lines 55 and 73).
 * Such names are linked and reported, never merged: two councillors can share a short name.
 */
export function isNearMatch(a: string, b: string): boolean {
  const x = normalizePersonName(a);
  const y = normalizePersonName(b);
  if (x === y) return a !== b;
  const xs = x.split(" ");
  const ys = y.split(" ");
  const [shorter, longer] = xs.length <= ys.length ? [xs, ys] : [ys, xs];
  if (shorter.length < 2 || shorter.length === longer.length) return false;
  // First and last name must agree; the shorter's middle words must appear in order in the longer.
  if (shorter[0] !== longer[0] || shorter.at(-1) !== longer.at(-1)) return false;
  let at = 1;
  for (const word of shorter.slice(1, -1)) {
    while (at < longer.length - 1 && longer[at] !== word) at++;
    if (at >= longer.length - 1) return false;
    at++;
  }
  return true;
}

/** A person as the duplicate suggestion compares them: name, municipality and the bodies they sat in. */
export interface PersonForDuplicates {
  readonly name: string;
  readonly municipality: string | null;
  readonly bodyIds: readonly number[];
}

/**
 * True when Rådsinfo suggests the two persons may be one (issue 16), by the rule the import warns by:
 * near-matching names (isNearMatch) of people who sat in the same body or come from the same municipality.
 * @example isSuggestedDuplicate({ name: "Birgit Hansen", municipality: "Frederikshavn", bodyIds: [1] },
 *   { name: "Birgit Stenbak Hansen", municipality: null, bodyIds: [1] }) // true
 */
export function isSuggestedDuplicate(a: PersonForDuplicates, b: PersonForDuplicates): boolean {
  if (!isNearMatch(a.name, b.name)) return false;
  const sameMunicipality = a.municipality !== null && a.municipality === b.municipality;
  return sameMunicipality || a.bodyIds.some((id) => b.bodyIds.includes(id));
}
