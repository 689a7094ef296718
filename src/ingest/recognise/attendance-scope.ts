/**
 * @module Where attendance statements of this meeting may stand: not inside an item's treatment history
 * ("Sagsforløb", "Sagens forløb"), whose "Fraværende:" and "X deltog ikke i sagens behandling" lines
 * record earlier meetings of other bodies (real-pdf Aarhus page 5, real-world/25).
 */
import { parseFieldHeading, parseNumberedHeading } from "./headings.js";
import type { LineView } from "./line-view.js";
import { isDecisionLine } from "./meeting-facts.js";

/** Fields that describe a case: a name list there is the case's, not the meeting's attendance. */
const DESCRIPTIVE_FIELDS: ReadonlySet<string> = new Set([
  "sagsfremstilling",
  "baggrund",
  "resume",
  "indstilling",
]);

/**
 * Line numbers inside a field that describes the case (Sagsfremstilling, Baggrund, Resume, Indstilling):
 * from its heading to the next field or item heading. A roster there may still name the members
 * ("Udvalget består af syv regionsrådsmedlemmer:", real-world/11), but no list or sentence there records
 * who came.
 */
export function descriptiveFieldLines(view: LineView): ReadonlySet<number> {
  const out = new Set<number>();
  let inside = false;
  for (const line of view.content) {
    const field = parseFieldHeading(line.text);
    if (field) {
      inside = DESCRIPTIVE_FIELDS.has(field);
      continue;
    }
    if (parseNumberedHeading(line.text) || isDecisionLine(line.text)) inside = false;
    if (inside) out.add(line.line);
  }
  return out;
}

const HISTORY_HEADING =
  /^(?:sags?forløb|sagens forløb|tidligere behandling(?:er)?|behandlingsforløb)\s*:?$/iu;

/** Line numbers inside a treatment history: from its heading to the next field or item heading. */
export function treatmentHistoryLines(view: LineView): ReadonlySet<number> {
  const out = new Set<number>();
  let inside = false;
  for (const line of view.content) {
    if (HISTORY_HEADING.test(line.text)) {
      inside = true;
      out.add(line.line);
      continue;
    }
    if (
      inside &&
      (parseFieldHeading(line.text) || parseNumberedHeading(line.text) || /^bilag\s*:?$/iu.test(line.text))
    ) {
      inside = false;
    }
    if (inside) out.add(line.line);
  }
  return out;
}
