/**
 * @module The documents inside an annex pack: each opens with an item stamp ("3.2 Limfjordsrådet -
 * Masterplan", seeds/001 line 970), possibly wrapped, or, where the contents page lists a document that
 * has no stamp, at the page its content shows it begins.
 */
import type { ParsedAnnexDocument, ParseWarning, TocEntry } from "../../domain/index.js";
import { parseNumberedHeading } from "./headings.js";
import type { LineView, ViewLine } from "./line-view.js";
import { findOpenings, type OpeningCue, titleBlock } from "./openings.js";
import { findStamps, type Stamp } from "./stamps.js";

/** What the document recogniser found. */
export interface DocumentsResult {
  readonly documents: readonly ParsedAnnexDocument[];
  readonly stamps: readonly Stamp[];
  readonly claimed: readonly (readonly [number, number])[];
  readonly warnings: readonly ParseWarning[];
}

/** Lower case, letters and digits only: for comparing a stamp's title with the contents page's. */
function titleKey(text: string): string {
  return text.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, "");
}

/**
 * Stamps that the contents page vouches for: a line that opens a page (or follows two blank lines) with
 * an item number and title exactly as the contents page lists them, even when the annex's own text
 * follows without a gap. The title match is what makes the looser layout safe.
 */
function contentsConfirmedStamps(view: LineView, toc: readonly TocEntry[], firstPos: number): Stamp[] {
  const titles = new Map<string, string>();
  for (const entry of toc) {
    if (entry.level === "item" && entry.itemNumber !== null)
      titles.set(entry.itemNumber, titleKey(entry.title));
  }
  const out: Stamp[] = [];
  const content = view.content;
  for (let pos = firstPos; pos < content.length; pos++) {
    const line = content[pos] as ViewLine;
    if (!(line.pageStart || line.blankBefore >= 2) || line.text.length > 200) continue;
    const heading = parseNumberedHeading(line.text);
    const expected = heading ? titles.get(heading.number) : undefined;
    if (!heading || !expected) continue;
    const own = titleKey(heading.title);
    if (own.length < 4) continue;
    let end = pos;
    let title = heading.title;
    if (own !== expected) {
      // A wrapped stamp: the contents title goes on in the next line.
      const next = content[pos + 1];
      if (!next || !expected.startsWith(own) || titleKey(`${own}${next.text}`) !== expected) continue;
      end = pos + 1;
      title = `${heading.title} ${next.text}`;
    }
    out.push({
      pos,
      end,
      heading,
      title,
      annexNumber: null,
      lineStart: line.line,
      lineEnd: (content[end] as ViewLine).line,
    });
  }
  return out;
}

/** Stamps from both sources, each position once, in document order. */
function mergeStamps(a: readonly Stamp[], b: readonly Stamp[]): Stamp[] {
  const byPos = new Map<number, Stamp>();
  for (const stamp of [...a, ...b]) if (!byPos.has(stamp.pos)) byPos.set(stamp.pos, stamp);
  return [...byPos.values()].sort((x, y) => x.pos - y.pos);
}

/** A document being assembled: where it starts (content position) and what it is. */
interface Start {
  readonly pos: number;
  readonly itemNumber: string | null;
  readonly annexNumber: number | null;
  readonly title: string;
}

/**
 * Splits an annex pack into documents. Without a contents page every stamp opens a document, numbered
 * Bilag 1, 2 ... per item, and text before the first stamp is a document of its own whose item is
 * unknown. With a contents page the stamps are matched to its annex entries item by item; an entry left
 * without a stamp (seeds/003: 3.1 Bilag 2 and 3.2 Bilag 1) starts at the page whose opening lines best
 * match its title, near where the contents page numbers put it.
 */
export function recogniseDocuments(
  view: LineView,
  toc: readonly TocEntry[],
  tocEnd: number | null,
): DocumentsResult {
  const content = view.content;
  const warnings: ParseWarning[] = [];
  const firstPos = tocEnd === null ? 0 : content.findIndex((line) => line.line > tocEnd);
  if (firstPos < 0 || content.length === 0) return { documents: [], stamps: [], claimed: [], warnings };
  const tocItems = new Set(
    toc.filter((entry) => entry.itemNumber !== null).map((entry) => entry.itemNumber as string),
  );
  let stamps = findStamps(view).filter((stamp) => stamp.pos >= firstPos);
  if (tocItems.size > 0) {
    stamps = stamps.filter((stamp) => tocItems.has(stamp.heading.number));
    stamps = mergeStamps(stamps, contentsConfirmedStamps(view, toc, firstPos));
  }
  const annexEntries = toc.filter((entry) => entry.level === "annex");
  // A contents page that lists items only, in a pack with no stamps at all: one document per item.
  const itemEntries =
    annexEntries.length === 0 && stamps.length === 0
      ? toc
          .filter((entry) => entry.itemNumber !== null && entry.page !== null)
          .map((entry) => ({ ...entry, annexNumber: 1, level: "annex" as const }))
      : [];
  const starts =
    annexEntries.length > 0
      ? startsFromToc(view, stamps, annexEntries, firstPos, warnings)
      : itemEntries.length > 0
        ? startsFromToc(view, stamps, itemEntries, firstPos, warnings)
        : startsFromStamps(view, stamps, firstPos, warnings);
  const documents: ParsedAnnexDocument[] = [];
  const claimed: [number, number][] = [];
  starts.forEach((start, index) => {
    const nextPos = starts[index + 1]?.pos ?? content.length;
    const first = content[start.pos] as ViewLine;
    const last = (content[nextPos - 1] ?? first) as ViewLine;
    documents.push({
      itemNumber: start.itemNumber,
      annexNumber: start.annexNumber,
      title: start.title,
      source: { pageStart: first.page, pageEnd: last.page, lineStart: first.line, lineEnd: last.line },
    });
    claimed.push([first.line, last.line]);
  });
  return { documents, stamps, claimed, warnings };
}

function startsFromStamps(
  view: LineView,
  stamps: readonly Stamp[],
  firstPos: number,
  warnings: ParseWarning[],
): Start[] {
  const content = view.content;
  const openings = findOpenings(
    view,
    firstPos,
    content.length,
    stamps.map((stamp) => stamp.pos),
  ).filter((opening) => !stamps.some((stamp) => opening.pos >= stamp.pos && opening.pos <= stamp.end));
  const unstamped: { pos: number; title: string; cue: string }[] = openings.map((opening) => ({
    pos: opening.pos,
    title: opening.title,
    cue: CUE_WORDS[opening.cue],
  }));
  const first = stamps[0];
  if (!first || first.pos > firstPos) {
    // Text before the first stamp: an annex whose stamp is missing (seeds/000 opens with a plan whose
    // first page carries no stamp).
    const page = (content[firstPos] as ViewLine).page;
    let end = firstPos;
    while (end < content.length && (content[end] as ViewLine).page === page) end++;
    unstamped.push({
      pos: firstPos,
      title: titleBlock(content.slice(firstPos, end)),
      cue: "it comes before the first item stamp",
    });
  }
  const starts: Start[] = [];
  const perItem = new Map<string, number>();
  for (const stamp of stamps) {
    const count = stamp.annexNumber ?? (perItem.get(stamp.heading.number) ?? 0) + 1;
    perItem.set(stamp.heading.number, count);
    starts.push({ pos: stamp.pos, itemNumber: stamp.heading.number, annexNumber: count, title: stamp.title });
  }
  for (const doc of unstamped)
    starts.push({ pos: doc.pos, itemNumber: null, annexNumber: null, title: doc.title });
  starts.sort((a, b) => a.pos - b.pos);
  for (const doc of unstamped) {
    const index = starts.findIndex((start) => start.pos === doc.pos);
    const opening = content[doc.pos] as ViewLine;
    const last = content[(starts[index + 1]?.pos ?? content.length) - 1] as ViewLine;
    warnings.push({
      code: "unstamped-document",
      message: `Lines ${opening.line}-${last.line} carry no item stamp; they are kept as a document of their own whose item is unknown, because ${doc.cue}.`,
      source: { lineStart: opening.line, lineEnd: last.line },
    });
  }
  return starts;
}

/** Why a page was taken for a document's start, in a warning's words. */
const CUE_WORDS: Readonly<Record<OpeningCue, string>> = {
  letter: "its page opens with a letter head",
  outline: "its page opens a numbered outline at 1",
  cover: "it opens with a cover page where the vocabulary changes",
  title: "its page opens with a title where the vocabulary changes",
  "page-numbers": "the printed page numbers start again there",
  "running-header": "the running header changes there",
};

/** Words that say nothing about which document a page opens. */
const STOP_WORDS = new Set([
  "og",
  "i",
  "til",
  "for",
  "af",
  "om",
  "på",
  "med",
  "samt",
  "mellem",
  "fra",
  "ved",
  "det",
  "den",
  "de",
  "en",
  "et",
  "kl",
  "kkr",
  "bilag",
  "der",
  "som",
  "er",
  "at",
]);

function titleWords(title: string): string[] {
  return (title.toLowerCase().match(/[\p{L}\d]{3,}/gu) ?? []).filter((word) => !STOP_WORDS.has(word));
}

function startsFromToc(
  view: LineView,
  stamps: readonly Stamp[],
  annexEntries: readonly TocEntry[],
  firstPos: number,
  warnings: ParseWarning[],
): Start[] {
  const content = view.content;
  // Stamps per item, in order.
  const stampsOf = new Map<string, Stamp[]>();
  for (const stamp of stamps) {
    const list = stampsOf.get(stamp.heading.number) ?? [];
    list.push(stamp);
    stampsOf.set(stamp.heading.number, list);
  }
  // Per item, the first stamp of each annex number and the stamps without one, so that each entry is a
  // lookup rather than a search of its item's stamps.
  const numberedOf = new Map<string, Map<number, Stamp>>();
  const unnumberedOf = new Map<string, Stamp[]>();
  for (const [item, list] of stampsOf) {
    const numbered = new Map<number, Stamp>();
    for (const stamp of list) {
      if (stamp.annexNumber !== null && !numbered.has(stamp.annexNumber))
        numbered.set(stamp.annexNumber, stamp);
    }
    numberedOf.set(item, numbered);
    unnumberedOf.set(
      item,
      list.filter((stamp) => stamp.annexNumber === null),
    );
  }
  // First pass: entries with a stamp get its position; the rest are left for inference.
  const positions: (number | null)[] = annexEntries.map(() => null);
  const used = new Map<string, number>();
  annexEntries.forEach((entry, index) => {
    const item = entry.itemNumber ?? "";
    const numbered = entry.annexNumber === null ? undefined : numberedOf.get(item)?.get(entry.annexNumber);
    if (numbered) {
      positions[index] = numbered.pos;
      return;
    }
    const k = used.get(item) ?? 0;
    const stamp = unnumberedOf.get(item)?.[k];
    if (stamp) {
      positions[index] = stamp.pos;
      used.set(item, k + 1);
    }
  });
  if (positions[0] === null) positions[0] = firstPos;
  // Anchors for placing the unstamped: (contents page, line) of the stamped.
  const anchors: { page: number; line: number }[] = [];
  annexEntries.forEach((entry, index) => {
    const pos = positions[index];
    if (pos !== null && pos !== undefined && entry.page !== null)
      anchors.push({ page: entry.page, line: (content[pos] as ViewLine).line });
  });
  const lastLine = (content[content.length - 1] as ViewLine).line;
  const pageOffset = consistentPageOffset(annexEntries, positions, content);
  // Sorted once by contents page (a stable sort, as expectedLine did per entry).
  const sortedAnchors = [...anchors].sort((a, b) => a.page - b.page);
  // The next placed entry after each one, from the first pass; entries placed below come before
  // `index` only, so the bound ahead stays what a search ahead would find.
  const upperOf = new Array<number>(annexEntries.length);
  let ahead = content.length;
  for (let index = annexEntries.length - 1; index >= 0; index--) {
    upperOf[index] = ahead;
    const pos = positions[index];
    if (pos !== null && pos !== undefined) ahead = pos;
  }
  // The last placed entry before the current one, kept as the loop places them.
  let lower = firstPos;
  for (let index = 0; index < annexEntries.length; index++) {
    const placed = positions[index];
    if (placed !== null && placed !== undefined) {
      lower = placed + 1;
      continue;
    }
    const entry = annexEntries[index] as TocEntry;
    const upper = upperOf[index] as number;
    const expected = expectedLine(sortedAnchors, entry.page, lastLine);
    const pos =
      pageOpening(content, lower, upper, entry.page, pageOffset) ??
      bestOpening(view, lower, upper, entry.title, expected);
    if (pos === null) {
      warnings.push({
        code: "toc-mismatch",
        message: `The contents page lists ${entry.itemNumber ?? "?"} Bilag ${entry.annexNumber ?? "?"} "${entry.title}", but no page in the text opens it.`,
      });
      continue;
    }
    positions[index] = pos;
    lower = pos + 1;
    warnings.push({
      code: "toc-mismatch",
      message: `${entry.itemNumber ?? "?"} Bilag ${entry.annexNumber ?? "?"} "${entry.title}" has no item stamp; its start at line ${(content[pos] as ViewLine).line} is inferred from its content.`,
      source: { lineStart: (content[pos] as ViewLine).line, lineEnd: (content[pos] as ViewLine).line },
    });
  }
  const starts: Start[] = [];
  annexEntries.forEach((entry, index) => {
    const pos = positions[index];
    if (pos === null || pos === undefined) return;
    if (starts.length > 0 && pos <= (starts[starts.length - 1] as Start).pos) return;
    starts.push({ pos, itemNumber: entry.itemNumber, annexNumber: entry.annexNumber, title: entry.title });
  });
  return starts;
}

/**
 * When the extraction's pages agree with the contents page (a PDF: every stamped document starts on the
 * page the contents page gives, shifted by the same number of cover pages), the offset between them;
 * otherwise null. Text exports lose pages (seeds/003: stamps on extracted pages 1, 48, 64 for contents
 * pages 2, 68, 85), and then the opening is found from the content instead.
 */
function consistentPageOffset(
  entries: readonly TocEntry[],
  positions: readonly (number | null)[],
  content: readonly ViewLine[],
): number | null {
  let offset: number | null = null;
  let anchors = 0;
  for (let index = 0; index < entries.length; index++) {
    const pos = positions[index];
    const page = entries[index]?.page;
    if (pos === null || pos === undefined || page === null || page === undefined) continue;
    const found = (content[pos] as ViewLine).page - page;
    if (offset !== null && found !== offset) return null;
    offset = found;
    anchors++;
  }
  return anchors >= 2 ? offset : null;
}

/** The first line of the page the contents page names, when pages can be trusted and it lies in range. */
function pageOpening(
  content: readonly ViewLine[],
  lower: number,
  upper: number,
  page: number | null,
  offset: number | null,
): number | null {
  if (page === null || offset === null) return null;
  for (let pos = lower; pos < upper; pos++) {
    const line = content[pos] as ViewLine;
    if (line.page === page + offset) return pos;
    if (line.page > page + offset) return null;
  }
  return null;
}

/**
 * Where the contents page puts a page, interpolated between the stamped documents' lines. `sorted`
 * holds the anchors in contents page order.
 */
function expectedLine(
  sorted: readonly { page: number; line: number }[],
  page: number | null,
  lastLine: number,
): number | null {
  // One anchor gives no scale of lines per page: then only the content decides.
  if (page === null || sorted.length < 2) return null;
  let below = sorted[0] as { page: number; line: number };
  let above: { page: number; line: number } | null = null;
  for (const anchor of sorted) {
    if (anchor.page <= page) below = anchor;
    else if (above === null) above = anchor;
  }
  if (above === null || above.page === below.page) {
    return below.page === page ? below.line : Math.min(lastLine, below.line + (page - below.page) * 40);
  }
  return below.line + ((page - below.page) / (above.page - below.page)) * (above.line - below.line);
}

/**
 * The content position in [lower, upper) that best opens a document with this title: a page start
 * whose first lines share the title's words ("KLIMATILPASNING" for "KL Klimatilpasning", seeds/003 line
 * 1202), or that opens like a document ("1. Indledning", line 1909), near the expected line.
 */
function bestOpening(
  view: LineView,
  lower: number,
  upper: number,
  title: string,
  expected: number | null,
): number | null {
  const content = view.content;
  const words = titleWords(title);
  const span = Math.max(
    1,
    ((content[upper - 1] ?? content[content.length - 1]) as ViewLine).line -
      ((content[lower] ?? content[0]) as ViewLine).line,
  );
  let best: number | null = null;
  let bestScore = 0;
  for (let pos = lower; pos < upper; pos++) {
    const line = content[pos] as ViewLine;
    if (!line.pageStart && line.blankBefore < 3) continue;
    const window = content
      .slice(pos, Math.min(upper, pos + 6))
      .map((l) => l.text.toLowerCase())
      .join(" ");
    let score = 0;
    for (const word of words) if (window.includes(word)) score += 1 / Math.max(1, words.length);
    const opening = line.text.toLowerCase();
    if (words.some((word) => opening.includes(word))) score += 0.5;
    if (/^(?:1\.?\s+)?(?:indledning|forord|baggrund|resumé|resume|sammenfatning)\b/iu.test(line.text))
      score += 0.6;
    if (line.text.length >= 4 && line.text === line.text.toUpperCase() && /\p{Lu}{4}/u.test(line.text))
      score += 0.2;
    if (expected !== null) {
      const distance = Math.abs(line.line - expected) / span;
      score *= Math.exp(-(distance * distance) / (2 * 0.25 * 0.25));
    }
    if (score > bestScore) {
      bestScore = score;
      best = pos;
    }
  }
  return bestScore >= 0.3 ? best : null;
}
