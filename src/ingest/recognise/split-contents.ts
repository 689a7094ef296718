/**
 * @module A contents list whose number column and title column came apart in the extraction: a PDF that
 * sets numbers and titles as two columns can give the numbers in blocks and the titles after them
 * ("1." / "Godkendelse af referat ....3" / "1.1." / "2." / "Siden sidst ....4", real-world/15). The
 * pairing is read from what a contents list promises: its entries run in the outline's order and their
 * page numbers never fall, so numbers sorted as an outline and titles sorted by page pair one to one.
 */
import { parseNumberedHeading, parseNumberOnly } from "./headings.js";
import { readTitle } from "./item-lines.js";
import type { LineView, ViewLine } from "./line-view.js";
import { splitLeader } from "./toc.js";

/** One entry of the list, paired: number (one or two levels), title, the content position of its title. */
export interface SplitContentsEntry {
  readonly major: number;
  readonly minor: number | null;
  readonly number: string;
  readonly title: string;
  readonly closed: boolean;
  readonly pos: number;
}

/** The paired list and the content positions it spans. */
export interface SplitContents {
  readonly entries: readonly SplitContentsEntry[];
  readonly from: number;
  readonly to: number;
}

/** Fewest numbers and titles that make a list worth pairing. */
const MIN_ENTRIES = 3;

/** How many more numbers than titles (or titles than numbers) a list may show before pairing is a guess. */
const MAX_UNPAIRED_SHARE = 0.25;

interface NumberLine {
  readonly major: number;
  readonly minor: number | null;
  readonly order: number;
}

interface TitleLine {
  readonly title: string;
  readonly page: number | null;
  readonly pos: number;
  readonly order: number;
}

/** A contents title without its number: leader dots and a page number after it. */
function leaderTitle(text: string): { title: string; page: number | null } | null {
  const leader = splitLeader(text);
  if (!leader || leader.title === "" || parseNumberedHeading(leader.title)) return null;
  if (parseNumberOnly(leader.title)) return null;
  return leader;
}

/**
 * Finds the first stretch of lines that holds only numbers standing alone and contents titles, with
 * numbers after titles at least once (the columns came apart), and pairs it.
 */
export function readSplitContents(view: LineView): SplitContents | null {
  const content = view.content;
  for (let start = 0; start < content.length; start++) {
    if (!parseNumberOnly((content[start] as ViewLine).text)) continue;
    const found = readStretch(content, start);
    if (found) return found;
    // Skip past this stretch: nothing inside it can start a better one.
    while (start + 1 < content.length && isListLine((content[start + 1] as ViewLine).text)) start++;
  }
  return null;
}

function isListLine(text: string): boolean {
  return parseNumberOnly(text) !== null || leaderTitle(text) !== null;
}

function readStretch(content: readonly ViewLine[], start: number): SplitContents | null {
  const numbers: NumberLine[] = [];
  const titles: TitleLine[] = [];
  let numberAfterTitle = false;
  let pos = start;
  for (; pos < content.length; pos++) {
    const text = (content[pos] as ViewLine).text;
    const number = parseNumberOnly(text);
    if (number) {
      if (titles.length > 0) numberAfterTitle = true;
      numbers.push({ ...number, order: numbers.length });
      continue;
    }
    const leader = leaderTitle(text);
    if (leader) {
      titles.push({ ...leader, pos, order: titles.length });
      continue;
    }
    // An entry whose leader and page were lost (a list cut short, or a title set without dots) while
    // numbers still wait for a title: taken as the last title of the list.
    const bare = readTitle(text);
    if (bare && numbers.length > titles.length && text.length <= 120) {
      titles.push({ title: bare.title, page: null, pos, order: titles.length });
      pos++;
    }
    break;
  }
  if (!numberAfterTitle || numbers.length < MIN_ENTRIES || titles.length < MIN_ENTRIES) return null;
  const unpaired = Math.abs(numbers.length - titles.length);
  if (unpaired > Math.max(1, Math.floor(MAX_UNPAIRED_SHARE * Math.max(numbers.length, titles.length)))) {
    return null;
  }
  const byOutline = [...numbers].sort(
    (a, b) => a.major - b.major || (a.minor ?? -1) - (b.minor ?? -1) || a.order - b.order,
  );
  const byPage = [...titles].sort(
    (a, b) =>
      (a.page ?? Number.POSITIVE_INFINITY) - (b.page ?? Number.POSITIVE_INFINITY) || a.order - b.order,
  );
  const entries: SplitContentsEntry[] = [];
  byOutline.forEach((number, index) => {
    const title = byPage[index];
    if (!title) return;
    const split = readTitle(title.title);
    entries.push({
      major: number.major,
      minor: number.minor,
      number: number.minor === null ? String(number.major) : `${number.major}.${number.minor}`,
      title: split?.title ?? title.title,
      closed: split?.closed ?? false,
      pos: title.pos,
    });
  });
  return { entries, from: start, to: pos - 1 };
}
