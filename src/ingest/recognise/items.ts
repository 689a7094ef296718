/**
 * @module Sections and agenda items of minutes and agendas: which numbered headings open a section or
 * an item, and which are list entries or sub-headings inside an item's text.
 */
import type { ParsedItem, ParsedSection, ParseWarning } from "../../domain/index.js";
import { recogniseFlatItems } from "./flat-items.js";
import { recogniseFlattenedItems } from "./flattened-items.js";
import {
  isStandingTitle,
  type NumberedHeading,
  parseCaseLine,
  parseFieldHeading,
  parseNumberedHeading,
  parseNumberOnly,
} from "./headings.js";
import { buildItem, type ItemHeading, type TextOf, titleText } from "./item-body.js";
import type { LineView, ViewLine } from "./line-view.js";
import { heaviestRisingRun } from "./rising-run.js";
import { readSplitContents, type SplitContents } from "./split-contents.js";
import { joinTitleLines, wrappedTitleEnd } from "./title-wrap.js";
import { recogniseUnnumberedItems } from "./unnumbered-items.js";

export type { TextOf } from "./item-body.js";

/** What the item recogniser found, with the lines each part claims. */
export interface ItemsResult {
  readonly sections: readonly ParsedSection[];
  readonly items: readonly ParsedItem[];
  /** Line ranges (inclusive) claimed by section headings and items. */
  readonly claimed: readonly (readonly [number, number])[];
  readonly warnings: readonly ParseWarning[];
  /** How many items carry at least one headed field: the strongest sign of minutes or an agenda. */
  readonly itemsWithFields: number;
  /** A contents list named the items found (or stood alone as the only list of them). */
  readonly contentsConfirmed: boolean;
}

/** A numbered heading found at a content position, with whether the lines under it look like an item. */
interface Candidate extends ItemHeading {
  /** A case line or field heading follows before the next heading. */
  readonly strong: boolean;
  /** The case line stands directly under the title: the surest sign of an agenda item. */
  readonly caseBelow: boolean;
}

/** How far after a heading a case line or first field heading may stand (content lines). */
const EVIDENCE_WINDOW = 6;

/**
 * Finds sections and items. Items are numbered "2.3" (or "2.3."); a section is a one-level heading
 * ("2. Regionalpolitiske sager") that opens the items numbered under it; a one-level heading with no
 * items under it and a standing title ("5. Eventuelt", seeds/004 line 2132) is both a section and an
 * item. Numbered list entries inside an item (seeds/004 lines 1502-1510) are neither.
 */
export function recogniseItems(view: LineView, textOf: TextOf): ItemsResult {
  const content = view.content;
  const candidates = findCandidates(view);
  const itemCandidates = candidates.filter((c) => c.heading.minor !== null);
  const sectionCandidates = candidates.filter((c) => c.heading.minor === null);

  const acceptedItems = acceptItems(itemCandidates);
  // Without two-level items the document numbers its items on one level, as municipalities do.
  if (acceptedItems.length === 0) {
    const warnings: ParseWarning[] = [];
    const flat = recogniseFlatItems(view, textOf, warnings);
    if (flat.items.length > 0) {
      return {
        sections: [],
        items: flat.items,
        claimed: flat.claimed,
        warnings,
        itemsWithFields: flat.itemsWithFields,
        contentsConfirmed: flat.contentsConfirmed,
      };
    }
    // A contents list whose numbers and titles the extraction set apart, with no body behind it.
    const split = readSplitContents(view);
    if (split) {
      const fromList = splitContentsItems(view, split);
      if (fromList.items.length > 0) return fromList;
    }
    // Pages flattened onto one line each, with the items' headings inside them.
    const flattened = recogniseFlattenedItems(view);
    if (flattened.items.length > 0) {
      return {
        sections: [],
        items: flattened.items,
        claimed: flattened.claimed,
        warnings: [],
        itemsWithFields: flattened.itemsWithFields,
        contentsConfirmed: false,
      };
    }
    // No numbered line reads as an item heading at all: items may be printed without numbers.
    if (!candidates.some((c) => c.strong)) {
      const unnumbered = recogniseUnnumberedItems(view, textOf, warnings);
      if (unnumbered.items.length > 0) {
        return {
          sections: [],
          items: unnumbered.items,
          claimed: unnumbered.claimed,
          warnings,
          itemsWithFields: unnumbered.itemsWithFields,
          contentsConfirmed: false,
        };
      }
    }
  }
  const sectionHeads = acceptSections(sectionCandidates, acceptedItems, content.length);

  // Headings in document order: items and sections (standing one-level items are both).
  interface Head {
    readonly candidate: Candidate;
    readonly isItem: boolean;
  }
  const heads: Head[] = [
    ...acceptedItems.map((candidate) => ({ candidate, isItem: true })),
    ...sectionHeads.map((s) => ({ candidate: s.candidate, isItem: s.alsoItem })),
  ].sort((a, b) => a.candidate.pos - b.candidate.pos);

  const sections: ParsedSection[] = sectionHeads.map((s) => ({
    number: s.candidate.heading.number,
    title: titleText(view, s.candidate),
  }));
  // The first section of each number, for the closed-section rule below (a lookup, not a scan per item).
  const sectionTitles = new Map<string, string>();
  for (const section of sections) {
    if (!sectionTitles.has(section.number)) sectionTitles.set(section.number, section.title);
  }
  const items: ParsedItem[] = [];
  const claimed: [number, number][] = [];
  const warnings: ParseWarning[] = [];
  let itemsWithFields = 0;
  let currentSection: string | null = null;

  heads.forEach((head, index) => {
    const { candidate } = head;
    const first = content[candidate.pos];
    if (!first) return;
    if (candidate.heading.minor === null) currentSection = candidate.heading.number;
    const nextPos = heads[index + 1]?.candidate.pos ?? content.length;
    const last = content[nextPos - 1] ?? first;
    if (!head.isItem) {
      claimed.push([first.line, content[candidate.end]?.line ?? first.line]);
      return;
    }
    const section =
      candidate.heading.minor === null
        ? candidate.heading.number
        : sectionFor(candidate.heading, currentSection, sectionHeads.length > 0);
    let item = buildItem(view, candidate, nextPos, section, textOf, warnings);
    const titlePos = parseNumberOnly(first.text) !== null ? candidate.pos + 1 : candidate.pos;
    if (candidate.end > titlePos) {
      item = {
        ...item,
        title: joinTitleLines(view, textOf, candidate.heading.title, titlePos, candidate.end),
      };
    }
    // Items under a closed section ("Lukkede punkter") are closed too.
    const sectionTitle = (section !== null ? sectionTitles.get(section) : undefined) ?? "";
    if (!item.closed && /\blukke(?:t|de)\b/iu.test(sectionTitle)) item = { ...item, closed: true };
    if (Object.keys(item.fields).length > 0) itemsWithFields++;
    items.push(item);
    claimed.push([first.line, last.line]);
  });
  return { sections, items, claimed, warnings, itemsWithFields, contentsConfirmed: false };
}

/**
 * Sections and items named by a contents list alone: two-level entries are items under the one-level
 * entries of their number; a one-level entry with none under it is an item too ("5. Eventuelt"), and a
 * list numbered on one level only lists items.
 */
function splitContentsItems(view: LineView, split: SplitContents): ItemsResult {
  const majorsWithItems = new Set(split.entries.filter((e) => e.minor !== null).map((e) => e.major));
  const sections: ParsedSection[] = [];
  const items: ParsedItem[] = [];
  for (const entry of split.entries) {
    const line = view.content[entry.pos] as ViewLine;
    const isSection = entry.minor === null && majorsWithItems.size > 0;
    if (isSection) sections.push({ number: entry.number, title: entry.title });
    if (isSection && majorsWithItems.has(entry.major)) continue;
    items.push({
      number: entry.number,
      title: entry.title,
      section: majorsWithItems.size > 0 ? String(entry.major) : null,
      caseNumber: null,
      caseInitials: [],
      fields: {},
      notes: null,
      annexMarkers: 0,
      ...(entry.closed ? { closed: true } : {}),
      source: { page: line.page, lineStart: line.line, lineEnd: line.line },
    });
  }
  const first = view.content[split.from] as ViewLine;
  const last = view.content[split.to] as ViewLine;
  return {
    sections,
    items,
    claimed: [[first.line, last.line]],
    warnings: [],
    itemsWithFields: 0,
    contentsConfirmed: true,
  };
}

/** An item's section: the section heading it stands under, or its major number when sections exist. */
function sectionFor(heading: NumberedHeading, current: string | null, haveSections: boolean): string | null {
  if (current === String(heading.major)) return current;
  return haveSections || current === null ? String(heading.major) : current;
}

/** Finds every numbered heading, joining a number that stands alone with the title on the next line. */
function findCandidates(view: LineView): Candidate[] {
  const content = view.content;
  const out: Candidate[] = [];
  for (let pos = 0; pos < content.length; pos++) {
    const line = content[pos];
    if (!line) continue;
    let heading = parseNumberedHeading(line.text);
    let end = pos;
    if (!heading) {
      heading = numberThenTitle(content, pos);
      if (heading) end = pos + 1;
    }
    if (!heading || bulletedInRaw(line) || sentenceLike(heading.title) || contentsLine(heading.title))
      continue;
    end = wrappedTitleEnd(view, end, heading.title, endsTitle);
    const below = content[end + 1];
    out.push({
      pos,
      end,
      heading,
      strong: hasItemEvidence(content, end),
      caseBelow: below !== undefined && parseCaseLine(below.text) !== null,
    });
  }
  return out;
}

/** "2.3" alone on a line with the title on the next (some PDF extractions split them). */
function numberThenTitle(content: readonly ViewLine[], pos: number): NumberedHeading | null {
  const line = content[pos];
  const next = content[pos + 1];
  if (!line || !next || next.blankBefore > 1) return null;
  const number = parseNumberOnly(line.text);
  if (!number) return null;
  return parseNumberedHeading(
    `${number.major}${number.minor === null ? "." : `.${number.minor}`} ${next.text}`,
  );
}

/**
 * A heading written after a dash or bullet is a list entry ("– 5.5 Udvikle flere ...", seeds/004 line
 * 1520); the normalised text no longer shows a leading glyph, so look at the raw line.
 */
function bulletedInRaw(line: ViewLine): boolean {
  return /^\s*[-–—•·▪●○*]/u.test(line.raw);
}

/** A line of a contents page ("2.1 Status fra KlimaNord ........ 4") names an item but does not open it. */
function contentsLine(title: string): boolean {
  return /[.·…_]{4}/u.test(title);
}

/** A title that reads as a sentence (ends in a full stop after a lower-case word) is a list entry, not a heading. */
function sentenceLike(title: string): boolean {
  return (
    /[\p{Ll}\d)]\.\s*$/u.test(title) && !/\b(?:mv|m\.v|bl\.a|etc|inkl|ca|nr|jf|tidl)\.\s*$/iu.test(title)
  );
}

/**
 * A line that never continues a wrapped heading ("3.5 Proces for Rammeaftale 2021-2022 samt forslag til" /
 * "udviklingsområder", seeds/003 lines 3496-3497): another heading, a case line, a field heading.
 */
function endsTitle(text: string): boolean {
  return (
    parseNumberedHeading(text) !== null || parseCaseLine(text) !== null || parseFieldHeading(text) !== null
  );
}

/** True when a case line or a field heading follows the heading within a few lines, before another heading. */
function hasItemEvidence(content: readonly ViewLine[], end: number): boolean {
  for (let pos = end + 1; pos <= end + EVIDENCE_WINDOW && pos < content.length; pos++) {
    const line = content[pos];
    if (!line) break;
    if (parseCaseLine(line.text) || parseFieldHeading(line.text)) return true;
    if (parseNumberedHeading(line.text)) return false;
  }
  return false;
}

function compareNumbers(a: NumberedHeading, b: NumberedHeading): number {
  return a.major !== b.major ? a.major - b.major : (a.minor ?? 0) - (b.minor ?? 0);
}

/**
 * Accepts the real items among two-level headings. A heading with a case line or field heading under it
 * is an item when its number goes up. Without such evidence a heading is taken only as the next number in
 * sequence, and, once the document has evidenced items, only where it fills a gap before the next
 * evidenced one: numbered sub-headings inside an item's text ("2.1 Overordnede vurderinger ...") follow
 * their own sequence and are left as text.
 */
function acceptItems(candidates: readonly Candidate[]): Candidate[] {
  const chain = risingChain(candidates.filter((c) => c.strong));
  const anyStrong = chain.size > 0;
  // For each candidate, the first evidenced one after it: found once from the end instead of searched
  // from every candidate (quadratic in a long document).
  const nextInChain = new Array<Candidate | undefined>(candidates.length);
  let following: Candidate | undefined;
  for (let index = candidates.length - 1; index >= 0; index--) {
    nextInChain[index] = following;
    const candidate = candidates[index] as Candidate;
    if (chain.has(candidate)) following = candidate;
  }
  const accepted: Candidate[] = [];
  candidates.forEach((candidate, index) => {
    const previous = accepted[accepted.length - 1];
    if (previous && compareNumbers(candidate.heading, previous.heading) <= 0) return;
    if (chain.has(candidate)) {
      accepted.push(candidate);
      return;
    }
    const sequential = previous
      ? (candidate.heading.major === previous.heading.major &&
          candidate.heading.minor === (previous.heading.minor ?? 0) + 1) ||
        (candidate.heading.major === previous.heading.major + 1 && candidate.heading.minor === 1)
      : candidate.heading.minor === 1;
    if (!sequential) return;
    if (!anyStrong) {
      accepted.push(candidate);
      return;
    }
    const nextStrong = nextInChain[index];
    if (nextStrong && compareNumbers(nextStrong.heading, candidate.heading) > 0) accepted.push(candidate);
    // After the last evidenced item only a standing item ("6.1 Eventuelt") comes without case or fields.
    else if (!nextStrong && isStandingTitle(candidate.heading.title)) accepted.push(candidate);
  });
  return accepted;
}

/**
 * The evidenced headings that form the longest rising run of numbers. A numbered heading in an item's
 * text can have a field heading of its item under it ("5.2 Knudepunkt ..." inside item 2.6, followed by
 * that item's "Indstilling"); its number breaks the agenda's order, and the longest run leaves it out.
 */
function risingChain(strong: readonly Candidate[]): Set<Candidate> {
  // Weighted: a heading with its case line right under it counts double, so on a tie the run through the
  // real items wins ("6.1 Borgerne ..." with a field below vs "3.3 På speciale 51" with its case line).
  const run = heaviestRisingRun(
    strong.map((c) => numberKey(c.heading)),
    strong.map((c) => (c.caseBelow ? 2 : 1)),
    { strict: true },
  );
  return new Set(run.map((index) => strong[index] as Candidate));
}

/** Index of the first candidate whose position is greater than `pos` (candidates in document order). */
function firstAfter(candidates: readonly Candidate[], pos: number): number {
  let low = 0;
  let high = candidates.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if ((candidates[middle] as Candidate).pos <= pos) low = middle + 1;
    else high = middle;
  }
  return low;
}

/** One number that orders headings as compareNumbers does: major, then minor (numbers have 1-2 digits). */
function numberKey(heading: NumberedHeading): number {
  return heading.major * 1_000_000 + (heading.minor ?? 0);
}

interface SectionHead {
  readonly candidate: Candidate;
  /** A section with no items under it is an item too ("5. Eventuelt"). */
  readonly alsoItem: boolean;
}

/**
 * Picks section headings. For each major number that has items, the section heading is the closest
 * one-level heading with that number before its first item (and after the items of the section before).
 * After a section's items, further one-level headings are sections without items only when they carry the
 * next number in sequence and either have a standing title or case and field evidence of their own.
 */
function acceptSections(
  candidates: readonly Candidate[],
  items: readonly Candidate[],
  contentLength: number,
): SectionHead[] {
  const heads: SectionHead[] = [];
  const majors = [...new Set(items.map((i) => i.heading.major))];
  const firstItemOf = new Map<number, Candidate>();
  const lastItemOf = new Map<number, Candidate>();
  for (const item of items) {
    if (!firstItemOf.has(item.heading.major)) firstItemOf.set(item.heading.major, item);
    lastItemOf.set(item.heading.major, item);
  }
  // Candidates come in document order (findCandidates walks the content once), so the ones between two
  // positions are found by binary search; each range below starts past the one before, which keeps the
  // whole pass linear in the candidates.
  const byMajor = new Map<number, Candidate[]>();
  for (const candidate of candidates) {
    const list = byMajor.get(candidate.heading.major) ?? [];
    list.push(candidate);
    byMajor.set(candidate.heading.major, list);
  }
  let floor = -1;
  let lastNumber = 0;
  const takeItemless = (limit: number): void => {
    for (let index = firstAfter(candidates, floor); index < candidates.length; index++) {
      const candidate = candidates[index] as Candidate;
      if (candidate.pos >= limit) break;
      // A number with items of its own opens their section ("4. Punkter til næste møde" over "4.1
      // Punkter til næste møde"), chosen below, even when its title is a standing one.
      if (firstItemOf.has(candidate.heading.major)) continue;
      // The next number with a standing title, or any higher number with case or field evidence (a
      // closed item left out of a public agenda leaves a gap).
      const next = candidate.heading.major === lastNumber + 1;
      if (
        !(
          (next && isStandingTitle(candidate.heading.title)) ||
          (candidate.strong && candidate.heading.major > lastNumber)
        )
      )
        continue;
      heads.push({ candidate, alsoItem: true });
      lastNumber = candidate.heading.major;
      floor = candidate.pos;
    }
  };
  for (const major of majors) {
    const first = firstItemOf.get(major);
    if (!first) continue;
    if (major > lastNumber + 1) takeItemless(first.pos);
    // The last heading with this number before the section's first item, if it comes after the floor.
    const sameMajor = byMajor.get(major) ?? [];
    const chosen = sameMajor[firstAfter(sameMajor, first.pos - 1) - 1];
    if (chosen && chosen.pos > floor) heads.push({ candidate: chosen, alsoItem: false });
    lastNumber = major;
    floor = lastItemOf.get(major)?.pos ?? first.pos;
  }
  takeItemless(contentLength);
  // Documents numbered on one level only ("1. Godkendelse af dagsorden" with case lines and fields).
  if (items.length === 0 && heads.length === 0) {
    let expected = 0;
    for (const candidate of candidates) {
      if (!candidate.strong) continue;
      if (expected !== 0 && candidate.heading.major <= expected) continue;
      heads.push({ candidate, alsoItem: true });
      expected = candidate.heading.major;
    }
  }
  return heads.sort((a, b) => a.candidate.pos - b.candidate.pos);
}
