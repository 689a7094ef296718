/**
 * @module Lookups of the 98 Danish municipalities (kommuner; the list is domain/municipality.ts) that
 * accept the forms they are written in ("Aalborg Kommune", "Københavns Kommune", "Høje Taastrup").
 */

import { MUNICIPALITIES, type Municipality } from "../../domain/index.js";

/** Other spellings in use, mapped to the official name. */
const ALIASES: Readonly<Record<string, Municipality>> = {
  århus: "Aarhus",
  ålborg: "Aalborg",
  åbenrå: "Aabenraa",
  fåborg: "Faaborg-Midtfyn",
  "fåborg-midtfyn": "Faaborg-Midtfyn",
  vesthimmerland: "Vesthimmerlands",
  nordfyn: "Nordfyns",
  københavns: "København",
  kbh: "København",
  "bornholms regionskommune": "Bornholm",
  "høje taastrup": "Høje-Taastrup",
  "lyngby taarbæk": "Lyngby-Taarbæk",
  lyngby: "Lyngby-Taarbæk",
  "ringkøbing skjern": "Ringkøbing-Skjern",
  "ikast brande": "Ikast-Brande",
  "faaborg midtfyn": "Faaborg-Midtfyn",
  taarnby: "Tårnby",
};

const BY_KEY: ReadonlyMap<string, Municipality> = new Map([
  ...MUNICIPALITIES.map((name) => [name.toLowerCase(), name] as const),
  ...Object.entries(ALIASES),
]);

/**
 * The official name of the municipality that `text` names, or null. Accepts the bare name, "X Kommune",
 * "X kommune", "X Regionskommune", genitive forms ("Københavns Kommune"), spacing and case variants.
 *
 * @example
 * findMunicipality("Vesthimmerlands Kommune"); // "Vesthimmerlands"
 * findMunicipality("Lyngby-Taarbæk"); // "Lyngby-Taarbæk"
 * findMunicipality("Region Nordjylland"); // null
 */
export function findMunicipality(text: string): Municipality | null {
  const key = text
    .replace(/[\s\u00A0]+/g, " ")
    .trim()
    .replace(/[.,;:]$/, "")
    .replace(/\s*[-–]\s*/g, "-")
    .toLowerCase();
  const bare = key.replace(/ (regions)?kommunes?$/u, "").trim();
  for (const candidate of [key, bare]) {
    const found = BY_KEY.get(candidate);
    if (found) return found;
  }
  // Genitive before "Kommune": "Hjørrings kommune" is rare but written; "Vesthimmerlands" is itself a name.
  if (bare.endsWith("s")) return BY_KEY.get(bare.slice(0, -1)) ?? null;
  return null;
}

/** A municipality named in running text, with where it stands. */
export interface MunicipalityMention {
  readonly municipality: Municipality;
  /** The words as written, e.g. "Aalborg Kommune". */
  readonly text: string;
  /** Index of the mention in the searched text. */
  readonly index: number;
}

const NAME_PATTERN = [...BY_KEY.keys()]
  .sort((a, b) => b.length - a.length)
  .map((name) => name.replace(/[-\s]/g, "[-\\s]?"))
  .join("|");
const KOMMUNE_MENTION = new RegExp(
  String.raw`(?<![\p{L}\-])(${NAME_PATTERN})s?\s+(?:regions)?kommunes?(?![\p{L}])`,
  "giu",
);

/**
 * Every "X Kommune" in a text. A bare name is not taken: "Thisted" may be the town, "Horsens" a
 * row of a table; the word "Kommune" makes it the municipality.
 *
 * @example
 * findMunicipalityMentions("Frank Østergaard (V), Jammerbugt Kommune");
 * // [{ municipality: "Jammerbugt", text: "Jammerbugt Kommune", index: 22 }]
 */
export function findMunicipalityMentions(text: string): MunicipalityMention[] {
  const mentions: MunicipalityMention[] = [];
  for (const match of text.matchAll(KOMMUNE_MENTION)) {
    const municipality = findMunicipality(match[0]);
    if (municipality) mentions.push({ municipality, text: match[0], index: match.index ?? 0 });
  }
  return mentions;
}
