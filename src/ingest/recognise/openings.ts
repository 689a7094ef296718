/**
 * @module Where a document without an item stamp begins inside an annex pack: letters placed one after
 * the other ("Til Beskæftigelsesminister ...", seeds/001 lines 1, 229, 376, 613, 804), a report whose
 * outline starts again at "1. Indledning" (seeds/000 line 4645), a cover page (seeds/001 line 8337), a
 * new title where the vocabulary changes (seeds/002 line 3744), and, in a PDF, page numbers that start
 * again or a running header that changes. Every cue is read at a page start: a document opens a page.
 */
import type { LineView, ViewLine } from "./line-view.js";

/** What made a page the start of a document. */
export type OpeningCue = "letter" | "outline" | "cover" | "title" | "page-numbers" | "running-header";

/** A document start found without a stamp. */
export interface Opening {
  /** Content position of the first line. */
  readonly pos: number;
  /** The title block: the page's first lines up to the text ("KLIMATILPASNING FOR FREMTIDEN"). */
  readonly title: string;
  readonly cue: OpeningCue;
}

/** A page of the view: its content lines and, for a PDF, its running lines. */
interface Page {
  readonly page: number;
  /** Content position of the page's first line. */
  readonly pos: number;
  readonly lines: readonly ViewLine[];
  readonly words: number;
  /** The page number the running lines print ("Side 3 af 12", "3"), or null. */
  readonly printedNumber: number | null;
  /** Shapes of the running lines that are not page numbers (digits masked). */
  readonly headerShapes: readonly string[];
}

/** Pages of text on either side whose vocabulary is compared. */
const VOCABULARY_PAGES = 3;
/** Words a side needs before its vocabulary says anything. */
const VOCABULARY_MIN_WORDS = 200;
/** Below this cosine two stretches of text share too little vocabulary to be one document. */
const VOCABULARY_SHIFT = 0.12;
/** A title in capitals is a stronger opening: it needs a smaller shift. */
const VOCABULARY_SHIFT_CAPITALS = 0.155;
/** A cover page says little itself: what follows it must share less with what went before. */
const COVER_VOCABULARY_SHIFT = 0.25;
/** Content lines after a document's start within which its own cover or title pages do not split it. */
const TITLE_PAGES_LINES = 25;
/** Pages before an outline's first page where an appendix title makes it the appendix's outline. */
const APPENDIX_PAGES = 2;
/** Caption words that open a figure or table page, never a document. */
const CAPTION = /^(?:figur|fig\.|tabel|kilde|diagram|kort|graf|billede|foto|note)\b/iu;

/**
 * Finds the pages in content positions [from, to) that open a document of their own. `taken` holds the
 * content positions where documents are known to start (stamps): a page that follows one of them
 * within TITLE_PAGES_LINES content lines belongs to that document, unless it opens a letter.
 */
export function findOpenings(view: LineView, from: number, to: number, taken: readonly number[]): Opening[] {
  const pages = pagesOf(view, from, to);
  const out: Opening[] = [];
  const startsSoFar = [...taken].sort((a, b) => a - b);
  const pageOfPos = (pos: number): number => (view.content[pos] as ViewLine).page;
  for (let index = 0; index < pages.length; index++) {
    const page = pages[index] as Page;
    // The range's first page opens the document that the caller starts there anyway.
    if (index === 0) continue;
    const cue = openingCue(pages, index, view);
    if (cue === null) continue;
    let lastStart: number | undefined;
    for (const pos of [...startsSoFar, ...out.map((o) => o.pos)])
      if (pos <= page.pos && (lastStart === undefined || pos > lastStart)) lastStart = pos;
    if (lastStart === page.pos) continue;
    // A stamp further down this page opens the page's document.
    if (startsSoFar.some((pos) => pos > page.pos && pageOfPos(pos) === page.page)) continue;
    // A stamp or cover, a title page and the outline's first page follow each other: one document
    // (seeds/001 line 979, a plan's cover after its stamp). A letter or a page number 1 opens a new one
    // however short the one before.
    const strong = cue === "letter" || cue === "page-numbers";
    if (!strong && lastStart !== undefined && page.pos - lastStart < TITLE_PAGES_LINES) continue;
    const opening = cue === "outline" ? titlePageBefore(pages, index) : page;
    if (lastStart !== undefined && opening.pos <= lastStart) continue;
    out.push({ pos: opening.pos, title: titleBlock(opening.lines), cue });
  }
  return out;
}

/** The cue that makes page `index` a document's first page, strongest first, or null. */
function openingCue(pages: readonly Page[], index: number, view: LineView): OpeningCue | null {
  const page = pages[index] as Page;
  const previous = pages[index - 1];
  if (isLetterHead(page.lines)) return "letter";
  if (previous && pageNumbersRestart(pages, index)) return "page-numbers";
  // Page numbers that run on from the page before say the document goes on.
  if (previous && previous.printedNumber !== null && page.printedNumber === previous.printedNumber + 1)
    return null;
  if (previous && runningHeaderChanges(pages, index)) return "running-header";
  if (opensOutline(pages, index, view)) return "outline";
  if (isCover(pages, index)) {
    const shift = vocabularyCosine(pages, index, 1);
    if (shift !== null && shift < COVER_VOCABULARY_SHIFT) return "cover";
  }
  const first = page.lines[0] as ViewLine;
  if (isTitleLine(first.text)) {
    const shift = vocabularyCosine(pages, index);
    const limit = isCapitals(first.text) ? VOCABULARY_SHIFT_CAPITALS : VOCABULARY_SHIFT;
    if (shift !== null && shift < limit) return "title";
  }
  return null;
}

/**
 * A letter head: the page opens with "Til <addressee>" (seeds/001 line 1 "Til Beskæftigelsesminister
 * Peter Hummelgaard") and a salutation or a date follows within a few lines ("Kære Peter Hummelgaard").
 */
export function isLetterHead(lines: readonly ViewLine[]): boolean {
  const first = lines[0]?.text ?? "";
  if (!/^til:?\s+\p{L}/iu.test(first) || first.length > 100 || /[.;]$/u.test(first)) return false;
  return lines
    .slice(1, 8)
    .some(
      (line) =>
        /^(?:kære|til|att\.?|vedr\.?|brev til|dear|hej)\b/iu.test(line.text) ||
        /^(?:\p{L}+\s+)?(?:den\s+)?\d{1,2}\.\s*\p{L}+\s+\d{4}$/u.test(line.text) ||
        /^\d{1,2}[-./]\d{1,2}[-./]\d{2,4}$/u.test(line.text),
    );
}

/** "1. Indledning", "1 Indledning", "1Indledning": a top-level heading numbered 1. */
const OUTLINE_FIRST = /^1(?:\.\s*|\s+|(?=\p{Lu}))(\p{Lu}[^.!?]{1,70})$/u;

/**
 * The page opens a numbered outline ("1. Indledning", seeds/000 line 4645 and seeds/002 line 7794): a
 * top-level heading numbered 1 at the page's top, a heading numbered 2 further on, and no appendix
 * ("Bilag 2. Samarbejdsaftale", seeds/000 line 5487) opening the pages just before, whose own outline
 * this would be.
 */
function opensOutline(pages: readonly Page[], index: number, view: LineView): boolean {
  const page = pages[index] as Page;
  if (!OUTLINE_FIRST.test((page.lines[0] as ViewLine).text)) return false;
  for (let back = Math.max(0, index - APPENDIX_PAGES); back < index; back++) {
    if (/^bilag\s*\d/iu.test((pages[back] as Page).lines[0]?.text ?? "")) return false;
  }
  const content = view.content;
  const end = Math.min(content.length, page.pos + 600);
  for (let pos = page.pos + 1; pos < end; pos++) {
    if (/^2(?:\.\s*|\s+|(?=\p{Lu}))\p{Lu}/u.test((content[pos] as ViewLine).text)) return true;
  }
  return false;
}

/**
 * A cover or title page: a few short lines that make no sentence ("Aftale med KKR [XX] / om samarbejde
 * om", seeds/001 line 8337), followed by a page of running text. A figure page ("Figur 2.6.A ...") or a
 * back page followed by nothing is none.
 */
function isCover(pages: readonly Page[], index: number): boolean {
  const page = pages[index] as Page;
  const next = pages[index + 1];
  const following = pages.slice(index + 1, index + 3).reduce((sum, p) => sum + p.words, 0);
  if (!next || next.page !== page.page + 1 || following < 150 || page.lines.length > 6 || page.words > 30)
    return false;
  const first = (page.lines[0] as ViewLine).text;
  if (!/^\p{Lu}/u.test(first) || CAPTION.test(first) || /^bilag\b/iu.test(first)) return false;
  if (page.lines.some((line) => /[.:;]$/u.test(line.text))) return false;
  return (first.match(/\p{L}{2,}/gu) ?? []).length >= 1 && page.words >= 2;
}

/**
 * The title page an outline's first page follows ("Aftale om rammerne for erhvervshuse 2024-2027 /
 * mellem / ...", seeds/002 line 1952, two short pages before "1Indledning"), or the page itself.
 */
function titlePageBefore(pages: readonly Page[], index: number): Page {
  let lines = 0;
  let found = pages[index] as Page;
  for (let back = index - 1; back >= Math.max(0, index - 2); back--) {
    const page = pages[back] as Page;
    lines += page.lines.length;
    if (lines > TITLE_PAGES_LINES) break;
    if (isTitleLine((page.lines[0] as ViewLine).text)) found = page;
  }
  return found;
}

/** A line that can open a document: a capital, no sentence end, not a caption, a list entry or a table row. */
function isTitleLine(text: string): boolean {
  if (text.length > 80 || !/^\p{Lu}/u.test(text) || CAPTION.test(text)) return false;
  if (/[.:;,?!>]$/u.test(text) || (text.match(/\d+/g) ?? []).length >= 2) return false;
  return (text.match(/\p{L}{2,}/gu) ?? []).length >= 2 || isCapitals(text);
}

/** A line in capitals: "KLIMATILPASNING", "EN REFORM AF". */
function isCapitals(text: string): boolean {
  const letters = text.replace(/[^\p{L}]/gu, "");
  return letters.length >= 6 && letters === letters.toUpperCase();
}

/** The page's title: its first lines up to the first that reads as text, at most three. */
export function titleBlock(lines: readonly ViewLine[]): string {
  const block: string[] = [];
  for (const line of lines.slice(0, 3)) {
    if (block.length > 0 && (line.text.length > 80 || /^\p{Ll}/u.test(line.text) === false)) {
      if (!isCapitals(line.text) || !isCapitals(block[block.length - 1] as string)) break;
    }
    block.push(line.text);
    if (/[.:;]$/u.test(line.text) || line.text.length > 80) break;
  }
  return block.join(" ").replace(/\s+/g, " ").slice(0, 160).trim();
}

/**
 * Cosine of the word counts of the pages before and from `index` (from `skip` pages on: a cover page's
 * few words say little), or null with too little text.
 */
function vocabularyCosine(pages: readonly Page[], index: number, skip = 0): number | null {
  const before = wordCounts(pages.slice(Math.max(0, index - VOCABULARY_PAGES), index));
  const after = wordCounts(pages.slice(index + skip, index + skip + VOCABULARY_PAGES));
  if (before.total < VOCABULARY_MIN_WORDS || after.total < VOCABULARY_MIN_WORDS) return null;
  let dot = 0;
  let normBefore = 0;
  let normAfter = 0;
  for (const [word, count] of before.counts) {
    normBefore += count * count;
    dot += count * (after.counts.get(word) ?? 0);
  }
  for (const count of after.counts.values()) normAfter += count * count;
  return dot / Math.sqrt(normBefore * normAfter);
}

/**
 * Counts of the longer words (six letters or more: content words, not function words), and how many
 * words the pages hold in all.
 */
function wordCounts(pages: readonly Page[]): { counts: Map<string, number>; total: number } {
  const counts = new Map<string, number>();
  // Summed page by page in page order: the same counts, in the same order, as counting the lines.
  for (const page of pages) {
    for (const [word, count] of pageWordCounts(page)) counts.set(word, (counts.get(word) ?? 0) + count);
  }
  return { counts, total: pages.reduce((sum, page) => sum + page.words, 0) };
}

/** Word counts per page, counted once: each page is compared in up to six windows of three pages. */
const PAGE_COUNTS = new WeakMap<Page, Map<string, number>>();

function pageWordCounts(page: Page): Map<string, number> {
  let counts = PAGE_COUNTS.get(page);
  if (counts) return counts;
  counts = new Map<string, number>();
  for (const line of page.lines) {
    for (const word of line.text.toLowerCase().match(/\p{L}{6,}/gu) ?? [])
      counts.set(word, (counts.get(word) ?? 0) + 1);
  }
  PAGE_COUNTS.set(page, counts);
  return counts;
}

/**
 * The printed page numbers start again: this page prints 1 (or a number below the last one printed)
 * after pages that printed more ("Side 1 af 4" after "Side 12 af 12").
 */
function pageNumbersRestart(pages: readonly Page[], index: number): boolean {
  const page = pages[index] as Page;
  if (page.printedNumber === null) return false;
  for (let back = index - 1; back >= 0; back--) {
    const earlier = (pages[back] as Page).printedNumber;
    if (earlier !== null) return page.printedNumber <= 2 && earlier > page.printedNumber + (index - back) - 1;
  }
  return false;
}

/**
 * The running header changes for good: a header printed on at least two pages before this one never
 * comes again, and another one, never printed before, starts here.
 */
function runningHeaderChanges(pages: readonly Page[], index: number): boolean {
  const page = pages[index] as Page;
  const previous = pages[index - 1] as Page;
  if (page.headerShapes.length === 0 || previous.headerShapes.length === 0) return false;
  const countIn = (shape: string, list: readonly Page[]): number =>
    list.filter((p) => p.headerShapes.includes(shape)).length;
  const before = pages.slice(0, index);
  const after = pages.slice(index);
  const ended = previous.headerShapes.some(
    (shape) => countIn(shape, before) >= 2 && countIn(shape, after) === 0,
  );
  const started = page.headerShapes.some(
    (shape) => countIn(shape, before) === 0 && countIn(shape, after) >= 2,
  );
  return ended && started;
}

/** Printed page number of a running line: "Side 3 af 12", "Side 3", "3 af 12", "3 / 12", "- 3 -", "3". */
function printedNumber(text: string): number | null {
  const match = /^(?:side\s+|s\.\s*|-\s*)?(\d{1,4})(?:\s*(?:af|of|\/)\s*\d{1,4})?(?:\s*-)?$/iu.exec(text);
  return match ? Number(match[1]) : null;
}

/** The pages of content positions [from, to), with what their running lines print. */
function pagesOf(view: LineView, from: number, to: number): Page[] {
  const running = new Map<number, string[]>();
  for (const line of view.lines) {
    const text = line.text.trim();
    if (text === "" || view.positionOf(line.line) >= 0) continue;
    const list = running.get(line.page) ?? [];
    list.push(text.replace(/\s+/g, " "));
    running.set(line.page, list);
  }
  const pages: Page[] = [];
  let current: ViewLine[] = [];
  let start = from;
  const flush = (): void => {
    const first = current[0];
    if (!first) return;
    const texts = running.get(first.page) ?? [];
    let printed: number | null = null;
    const shapes: string[] = [];
    for (const text of texts) {
      const number = printedNumber(text);
      if (number !== null) printed = number;
      else shapes.push(text.replace(/\d+/g, "#"));
    }
    pages.push({
      page: first.page,
      pos: start,
      lines: current,
      words: current.reduce((sum, line) => sum + line.text.split(" ").length, 0),
      printedNumber: printed,
      headerShapes: shapes,
    });
  };
  for (let pos = from; pos < to; pos++) {
    const line = view.content[pos] as ViewLine;
    if (current.length > 0 && line.page !== (current[0] as ViewLine).page) {
      flush();
      current = [];
      start = pos;
    }
    current.push(line);
  }
  flush();
  return pages;
}
