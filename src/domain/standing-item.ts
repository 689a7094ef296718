/**
 * @module Standing items (faste punkter): the routine items most Danish bodies open or close every
 * meeting with ("Godkendelse af dagsorden", "Meddelelser", "Siden sidst", "Eventuelt", "Punkter til
 * næste møde"). Recognised by the shape of the whole title, so "Orientering om status for X" stays a
 * real matter while "Meddelelser fra formanden" is routine.
 */

/** Each shape is the whole title once lower-cased, numbering and end punctuation removed. */
const STANDING_TITLE_SHAPES: readonly RegExp[] = [
  // Approvals of the meeting's own papers: dagsorden, referat, protokol, and both together.
  /^godkendelse af (?:den |det )?(?:dagsorden(?:en)?|referat(?:et)?|protokol(?:len)?|beslutningsprotokol(?:len)?)(?: (?:og|samt) (?:godkendelse af )?(?:dagsorden(?:en)?|referat(?:et)?|protokol(?:len)?))?(?: (?:fra|for) (?:sidste|forrige|seneste) møde)?$/,
  /^(?:dagsorden|referat) (?:til )?godkendelse$/,
  // News rounds: "Meddelelser", "Meddelelser fra formanden", "Orienteringer", "Gensidig orientering".
  /^(?:meddelelse(?:r)?|orienteringer|gensidig orientering|nyt)(?: (?:fra|ved) [\p{L}\s-]{1,40})?$/u,
  /^siden sidst$/,
  /^(?:eventuelt|evt)$/,
  // Closing rounds about the next meeting, and the signature sheet of the minutes.
  /^(?:punkter|emner|forslag til punkter) til (?:næste|kommende|de kommende) møde(?:r)?$/,
  /^underskrift(?:sark|er)?$/,
];

/** The title as compared: lower case, leading number and trailing punctuation gone, single spaces. */
function titleShape(title: string): string {
  return title
    .toLocaleLowerCase("da")
    .replace(/\s+/g, " ")
    .trim()
    .replace(/^(?:punkt )?\d+(?:\.\d+)*\.? /, "")
    .replace(/[.:;!]+$/, "")
    .replace(/\.$/, "")
    .trim();
}

/**
 * True for a routine item every meeting carries; the front page leaves these out of its latest decisions.
 * @example isStandingItem("Godkendelse af dagsorden") // true
 * @example isStandingItem("Orientering om status fra erhvervsområdet") // false
 */
export function isStandingItem(title: string): boolean {
  const shape = titleShape(title);
  return STANDING_TITLE_SHAPES.some((pattern) => pattern.test(shape));
}
