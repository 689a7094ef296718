/**
 * @module The contents page of a pack or agenda ("Indholdsfortegnelse - Bilag", seeds/003 lines 2-28):
 * entries with dotted leaders and page numbers, wrapped titles joined, item and annex levels.
 */
import type { TocEntry } from "../../domain/index.js";
import { parseNumberedHeading } from "./headings.js";
import type { LineView, ViewLine } from "./line-view.js";

/** What the contents recogniser found. */
export interface TocResult {
  readonly entries: readonly TocEntry[];
  /** Line range of the contents page, or null. */
  readonly claimed: readonly [number, number] | null;
  /** The contents page lists annexes ("Bilag 1: ..."), the mark of an annex pack. */
  readonly listsAnnexes: boolean;
}

const CONTENTS_HEADING = /^(?:indholdsfortegnelse|indhold|indholdsoversigt)\b/iu;
const ANNEX_ENTRY = /^bilag\s{0,3}(\d{1,3})\s{0,3}[:.)–-]?\s{0,3}(.*)$/iu;
/** How far into a document a contents page may start (content lines). */
const CONTENTS_SEARCH = 150;

/** A line split at its dotted leader: the title before it and the page number after it. */
interface LeaderLine {
  readonly title: string;
  readonly page: number | null;
}

/**
 * Splits "3.1 Tværkommunale samarbejder om klima .......2" at the leader. Done by hand rather than with
 * a regular expression so that a long run of dots can never make the match backtrack.
 */
export function splitLeader(text: string): LeaderLine | null {
  if (text.length > 600) return null;
  const at = text.search(/[.·…_]{4}/u);
  if (at < 0) return null;
  const title = text.slice(0, at).trim();
  const tail = text.slice(at).replace(/[.·…_\s]/gu, "");
  if (tail !== "" && !/^\d{1,4}$/.test(tail)) return null;
  return { title, page: tail === "" ? null : Number(tail) };
}

/**
 * A contents line whose leader dots the extraction lost ("3.1 Tværkommunale samarbejder om klima 2"): an
 * annex or numbered entry inside a contents page, with a page number of at most three digits at its end
 * (a year such as "2020" is part of a title). A line set apart by two blank lines or a page break is
 * the first document's stamp, not an entry.
 */
function entryWithoutLeader(line: ViewLine, insideContents: boolean): LeaderLine | null {
  if (!insideContents || line.pageStart || line.blankBefore >= 2 || line.text.length > 300) return null;
  if (!ANNEX_ENTRY.test(line.text) && !parseNumberedHeading(line.text)) return null;
  const page = /\s(\d{1,3})$/.exec(line.text);
  return page?.[1]
    ? { title: line.text.slice(0, page.index).trim(), page: Number(page[1]) }
    : { title: line.text, page: null };
}

/** Finds the contents page near the start of the document and reads its entries. */
export function recogniseToc(view: LineView): TocResult {
  const content = view.content;
  const limit = Math.min(content.length, CONTENTS_SEARCH);
  for (let pos = 0; pos < limit; pos++) {
    const line = content[pos] as ViewLine;
    if (!CONTENTS_HEADING.test(line.text) || splitLeader(line.text)) continue;
    const result = readEntries(view, pos);
    if (result.entries.length >= 2) return result;
  }
  return { entries: [], claimed: null, listsAnnexes: false };
}

function readEntries(view: LineView, headingPos: number): TocResult {
  const content = view.content;
  const entries: TocEntry[] = [];
  let currentItem: string | null = null;
  let pending: string[] = [];
  let lastPos = headingPos;
  let listsAnnexes = /bilag/iu.test(content[headingPos]?.text ?? "");
  for (let pos = headingPos + 1; pos < content.length; pos++) {
    const line = content[pos] as ViewLine;
    let leader = splitLeader(line.text);
    if (!leader) {
      // A wrapped title: this line and the next one, which carries the leader (seeds/003 lines 10-11).
      const next = content[pos + 1];
      if (
        pending.length < 2 &&
        next &&
        next.blankBefore === 0 &&
        splitLeader(next.text) &&
        line.text.length <= 200
      ) {
        pending.push(line.text);
        continue;
      }
      leader = entryWithoutLeader(line, entries.length > 0 || pos === headingPos + 1);
      if (!leader) break;
    }
    const title = [...pending, leader.title].join(" ").replace(/\s+/g, " ").trim();
    pending = [];
    lastPos = pos;
    // The contents page lists itself ("Indholdsfortegnelse - Bilag ....1", seeds/003 line 4): not an entry.
    if (CONTENTS_HEADING.test(title)) continue;
    const annex = ANNEX_ENTRY.exec(title);
    if (annex?.[1]) {
      listsAnnexes = true;
      entries.push({
        itemNumber: currentItem,
        annexNumber: Number(annex[1]),
        title: (annex[2] ?? "").trim(),
        page: leader.page,
        level: "annex",
      });
      continue;
    }
    const heading = parseNumberedHeading(title);
    if (heading) {
      currentItem = heading.number;
      entries.push({
        itemNumber: heading.number,
        annexNumber: null,
        title: heading.title,
        page: leader.page,
        level: "item",
      });
      continue;
    }
    entries.push({ itemNumber: null, annexNumber: null, title, page: leader.page, level: "item" });
  }
  const first = content[headingPos] as ViewLine;
  const last = content[lastPos] as ViewLine;
  return { entries, claimed: [first.line, last.line], listsAnnexes };
}
