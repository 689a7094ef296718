/**
 * @module Item stamps of an annex pack: the agenda item's number and title set alone at the top of an
 * annex's first page ("3.2 Limfjordsrådet - Masterplan", seeds/001 line 970), told apart from the
 * numbered headings of the documents' own outlines.
 */
import { type NumberedHeading, parseNumberedHeading } from "./headings.js";
import type { LineView, ViewLine } from "./line-view.js";
import { heaviestRisingRun } from "./rising-run.js";

/** An item stamp: the item number and title set alone at the top of an annex's first page. */
export interface Stamp {
  /** Content position of the first stamp line. */
  readonly pos: number;
  /** Content position of the last stamp line (a wrapped title runs onto the next line). */
  readonly end: number;
  readonly heading: NumberedHeading;
  /** Title with a wrapped continuation joined. */
  readonly title: string;
  /** "3.1 Bilag 2" stamps carry the annex number. */
  readonly annexNumber: number | null;
  /** First and last line numbers of the stamp. */
  readonly lineStart: number;
  readonly lineEnd: number;
}

/** Blank lines that set a stamp apart from the text before and after it (seeds/003 lines 28-36). */
const ISOLATION = 2;

/**
 * Finds the item stamps. A stamp is a two-level numbered title that stands alone: the file or a page
 * starts with it, or two blank lines precede it; and a page break or two blank lines follow it (with at
 * most one wrapped title line in between). A numbered heading inside a document is followed directly by
 * its text ("2.2 Tilskudsregler" / "For at få tilskud ...", seeds/002 lines 8001-8002) or by one blank
 * line ("3.1 Grøn omstilling i den kollektive trafik", seeds/000 line 2294) and is not a stamp.
 */
export function findStamps(view: LineView): Stamp[] {
  const content = view.content;
  // A PDF extraction writes one blank line for any paragraph gap; a text export repeats them.
  const gap = view.bodyFontSize === null ? ISOLATION : 1;
  const isolatedAfter = (line: ViewLine): boolean => line.pageStart || line.blankBefore >= gap;
  const out: Stamp[] = [];
  for (let pos = 0; pos < content.length; pos++) {
    const line = content[pos] as ViewLine;
    if (line.text.length > 160) continue;
    // In a PDF a one-line gap is any paragraph break, so there a stamp must also open its page.
    const opensAlone = pos === 0 || line.pageStart || (view.bodyFontSize === null && line.blankBefore >= gap);
    if (!opensAlone) continue;
    const heading = parseNumberedHeading(line.text);
    if (!heading || heading.minor === null) continue;
    if (/^\s*[-–—•·▪]/u.test(line.raw)) continue;
    let end = pos;
    const next = content[pos + 1];
    if (next && !isolatedAfter(next) && wrapsInto(line, next, heading)) end = pos + 1;
    const after = content[end + 1];
    if (after && !isolatedAfter(after)) continue;
    const title = content
      .slice(pos, end + 1)
      .map((l, index) => (index === 0 ? heading.title : l.text))
      .join(" ")
      .replace(/\s+/g, " ")
      .trim();
    const annex = /^bilag\s{0,3}(\d{1,3})\b\s*[:.–-]?\s*(.*)$/iu.exec(title);
    out.push({
      pos,
      end,
      heading,
      title: annex ? (annex[2] ?? "").trim() || title : title,
      annexNumber: annex ? Number(annex[1]) : null,
      lineStart: line.line,
      lineEnd: (content[end] as ViewLine).line,
    });
  }
  return keepRisingRun(out);
}

/**
 * A stamp title wraps when the first line is long or breaks after a function word, and the next line is
 * a short title fragment ("regnskab 2019", "(tidl. Sociolancen)", "Nordjylland": seeds/000 line 6234,
 * seeds/003 line 3556, seeds/001 line 5949), not a sentence.
 */
function wrapsInto(line: ViewLine, next: ViewLine, heading: NumberedHeading): boolean {
  if (next.blankBefore > 0 || next.text.length > 80 || /[.:;]$/.test(next.text)) return false;
  if (parseNumberedHeading(next.text)) return false;
  const brokenAfterFunctionWord = /\b(?:og|i|til|for|af|om|på|med|samt|mellem|fra|ved|det|den|de)$/iu.test(
    line.text,
  );
  return heading.title.length >= 45 || brokenAfterFunctionWord;
}

/**
 * Stamps follow the agenda, so their numbers never go down (the same number repeats for a second annex
 * of one item, seeds/001 lines 1546 and 2357). Keeps the longest non-decreasing run, which drops a stray
 * in-document heading that happens to stand alone. Numbers order by major, then minor (each 1-2 digits).
 */
function keepRisingRun(stamps: readonly Stamp[]): Stamp[] {
  if (stamps.length <= 1) return [...stamps];
  const run = heaviestRisingRun(
    stamps.map((stamp) => stamp.heading.major * 1_000_000 + (stamp.heading.minor ?? 0)),
    stamps.map(() => 1),
    { strict: false },
  );
  return run.map((index) => stamps[index] as Stamp);
}
