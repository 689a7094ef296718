/**
 * @module Items numbered on one level, as municipalities and regions number them ("Punkt 3: Title",
 * "147. Title", "Pkt. 15", "31Title", "Sag nr. 162"), with or without a contents list before them.
 * Which numbered lines are items is decided from layout, never from wording: the evidence under a
 * heading (a field heading, a case line, a status line), the shape of numbering a document keeps for all
 * its items, numbers that rise, and a contents list that names the same items.
 */
import type { ParsedItem, ParseWarning } from "../../domain/index.js";
import { parseFieldHeading } from "./headings.js";
import { buildItem, type ItemHeading, type TextOf } from "./item-body.js";
import {
  type ItemLine,
  type ItemNumberShape,
  parseCaseMarkLine,
  parseItemLine,
  parseItemNumberLine,
  readTitle,
  splitFlattenedContents,
  stripBullet,
  titleSaysClosed,
} from "./item-lines.js";
import type { LineView, ViewLine } from "./line-view.js";
import { heaviestRisingRun } from "./rising-run.js";
import { joinTitleLines, wrappedTitleEnd } from "./title-wrap.js";

/** What the one-level recogniser found. */
export interface FlatItemsResult {
  readonly items: readonly ParsedItem[];
  readonly claimed: readonly (readonly [number, number])[];
  readonly itemsWithFields: number;
  /** A contents list confirmed at least one item found in the body, or stood alone. */
  readonly contentsConfirmed: boolean;
}

/** A numbered line at a content position: `pos` is its first line, `end` its last (title and number). */
interface Candidate {
  readonly pos: number;
  readonly end: number;
  readonly line: ItemLine;
  /** Content positions of the title's first and last line (a title may stand above its number). */
  readonly titlePos: number;
  readonly titleEnd: number;
  /** A field heading, case line or status line follows before the next candidate. */
  readonly evidence: boolean;
  /** A case or KLE line right above the heading ("85.02.02-G01-5-17" / "131. Godkendelse af dagsorden"). */
  readonly caseAbove: string | null;
}

/** How many content lines under a heading its evidence may stand. */
const EVIDENCE_WINDOW = 8;

/**
 * Section headings that municipal systems use besides the Danish field list proper: evidence that an
 * item's text has begun, not a field of the contract (the field list lives in headings.ts).
 */
const ITEM_SECTION =
  /^(?:resum[eé]|beslutningstema|sagens (?:kerne|indhold|gang|forløb)|økonomi|kompetence|beslutningskompetence|sagen afgøres (?:af|i)|anledning|beslutningspunkter|supplerende sagsfremstilling|politisk behandling|behandling i\b.{0,80}|sagsgang og sagstype|forventet sagsgang|beskrivelse af sagen|åben beslutning|lukket beslutning|bilag|beslutning\b.{0,80})$/iu;

/** "Åbent", "Åbent punkt", "Lukket punkt": a status line under a heading. */
const STATUS_LINE = /^(?:åben|åbent|lukket)(?:\s+punkt)?\.?$/iu;

/** "Lukkede punkter": the closed part of the agenda, whose items are closed. */
const CLOSED_PART = /^lukkede?\s+(?:punkter|dagsordenspunkter|sager)\b/iu;

/** A field heading, an item section heading or a status line: the text of an item has begun. */
export function isSectionLine(text: string): boolean {
  const bare = stripBullet(text).replace(/\s*:\s*$/, "");
  if (bare.length > 90) return false;
  return parseFieldHeading(bare) !== null || ITEM_SECTION.test(bare) || STATUS_LINE.test(bare);
}

/** "Beslutningskompetence: ØU", "Sagsnr.: ": a short label with its value, as an item's metadata. */
function isLabelLine(text: string): boolean {
  return /^[\p{Lu}][\p{L}. -]{2,40}:(?:\s|$)/u.test(stripBullet(text)) && text.length <= 120;
}

/** A line that never continues a title: a heading, a field or status line, a label, a case line. */
function endsTitle(text: string): boolean {
  return (
    parseItemLine(text) !== null ||
    parseItemNumberLine(text) !== null ||
    isSectionLine(text) ||
    isLabelLine(text) ||
    parseCaseMarkLine(text) !== null
  );
}

/** Finds the numbered lines that could be items, each with the lines its title wraps onto. */
function findCandidates(view: LineView): Omit<Candidate, "evidence" | "caseAbove">[] {
  return findNumberedLines(view.content).map((candidate) => {
    // A title above its number ("Meddelelser" / "Sag nr. 162") does not wrap below the number.
    if (candidate.line.contents || candidate.titlePos !== candidate.end) return candidate;
    const end = wrappedTitleEnd(view, candidate.end, candidate.line.title, endsTitle);
    return { ...candidate, end, titleEnd: end };
  });
}

function findNumberedLines(content: readonly ViewLine[]): Omit<Candidate, "evidence" | "caseAbove">[] {
  const out: Omit<Candidate, "evidence" | "caseAbove">[] = [];
  for (let pos = 0; pos < content.length; pos++) {
    const text = (content[pos] as ViewLine).text;
    if (/^[-–—*]/u.test(text)) continue;
    const line = parseItemLine(text);
    if (line) {
      out.push({ pos, end: pos, titlePos: pos, titleEnd: pos, line });
      continue;
    }
    const alone = parseItemNumberLine(text);
    if (!alone) continue;
    // The title follows the number ("Pkt. 15" / "Beslutninger om dagsordenen"), or, where metadata
    // follows, stands above it ("Meddelelser" / "Sag nr. 162" / "Beslutningskompetence: ØU").
    const next = content[pos + 1];
    const nextTitle =
      next && !isSectionLine(next.text) && !isLabelLine(next.text) ? readTitle(next.text) : null;
    if (nextTitle && !parseItemLine(next?.text ?? "") && !parseCaseMarkLine(next?.text ?? "")) {
      out.push({
        pos,
        end: pos + 1,
        titlePos: pos + 1,
        titleEnd: pos + 1,
        line: { ...alone, ...nextTitle, shape: shapeOf(alone), contents: false },
      });
      continue;
    }
    const previous = content[pos - 1];
    const previousTitle =
      alone.prefixed && previous && !isSectionLine(previous.text) && !isLabelLine(previous.text)
        ? readTitle(previous.text)
        : null;
    if (previousTitle && !parseItemLine(previous?.text ?? "")) {
      out.push({
        pos: pos - 1,
        end: pos,
        titlePos: pos - 1,
        titleEnd: pos - 1,
        line: { ...alone, ...previousTitle, shape: "prefixed", contents: false },
      });
    }
  }
  return out;
}

function shapeOf(alone: { readonly prefixed: boolean }): ItemNumberShape {
  return alone.prefixed ? "prefixed" : "bare";
}

/** Evidence under each candidate, up to the next candidate. */
function withEvidence(
  content: readonly ViewLine[],
  found: readonly Omit<Candidate, "evidence" | "caseAbove">[],
): Candidate[] {
  return found.map((candidate, index) => {
    const limit = Math.min(found[index + 1]?.pos ?? content.length, candidate.end + 1 + EVIDENCE_WINDOW);
    let evidence = false;
    for (let pos = candidate.end + 1; pos < limit && !evidence; pos++) {
      const text = (content[pos] as ViewLine).text;
      evidence = isSectionLine(text) || parseCaseMarkLine(text) !== null || isLabelLine(text);
    }
    let caseAbove: string | null = null;
    for (let pos = candidate.pos - 1; pos >= Math.max(0, candidate.pos - 2); pos--) {
      caseAbove = parseCaseMarkLine((content[pos] as ViewLine).text);
      if (caseAbove) break;
    }
    return { ...candidate, evidence: evidence || caseAbove !== null, caseAbove };
  });
}

/**
 * Contents lists: runs of candidates on consecutive lines whose numbers rise by one in one shape
 * ("49. Godkendelse ..." / "50. Godkendelse ..." under "PUNKTER"), and lines with leader dots.
 */
function contentsRuns(candidates: readonly Candidate[]): Set<Candidate> {
  const inRuns = new Set<Candidate>();
  let run: Candidate[] = [];
  const close = (): void => {
    if (run.length >= 2) for (const c of run) inRuns.add(c);
    run = [];
  };
  for (const candidate of candidates) {
    const last = run[run.length - 1];
    if (
      last &&
      candidate.pos === last.end + 1 &&
      candidate.line.value === last.line.value + 1 &&
      candidate.line.shape === last.line.shape
    ) {
      run.push(candidate);
      continue;
    }
    close();
    run = [candidate];
  }
  close();
  for (const candidate of candidates) if (candidate.line.contents) inRuns.add(candidate);
  return inRuns;
}

function sameTitle(a: string, b: string): boolean {
  const norm = (t: string) => t.toLowerCase().replace(/\s+/g, " ").trim();
  const x = norm(a);
  const y = norm(b);
  return x === y || x.startsWith(y) || y.startsWith(x) || x.split(" ")[0] === y.split(" ")[0];
}

/** Finds one-level items. Returns no items when the document shows none. */
export function recogniseFlatItems(
  view: LineView,
  textOf: TextOf,
  warnings: ParseWarning[],
): FlatItemsResult {
  const content = view.content;
  const candidates = withEvidence(content, findCandidates(view));
  const runs = contentsRuns(candidates);

  // A contents list stands before the items it lists: a run after an evidenced heading is a list inside
  // an item's text.
  const firstEvidenced = candidates.find((c) => c.evidence && !runs.has(c))?.pos ?? Number.POSITIVE_INFINITY;
  const contents: ItemLine[] = [];
  for (const candidate of candidates) {
    if (runs.has(candidate) && candidate.pos < firstEvidenced) contents.push(candidate.line);
  }
  // A contents list flattened onto one line (a PDF copy without line breaks).
  if (contents.length === 0) {
    for (const line of content) {
      const entries = splitFlattenedContents(line.text);
      if (entries.length >= 2) {
        contents.push(...entries);
        break;
      }
    }
  }
  const contentsByNumber = new Map<string, ItemLine>();
  for (const entry of contents)
    if (!contentsByNumber.has(entry.number)) contentsByNumber.set(entry.number, entry);
  const confirmed = (c: Candidate): boolean => {
    const entry = contentsByNumber.get(c.line.number);
    return entry !== undefined && sameTitle(entry.title, c.line.title);
  };

  // Headings in the body: evidenced or named by the contents list, in the numbering shape the document
  // keeps for its items ("Punkt 2:" over the "1." and "2." of a proposal's list inside it).
  const body = candidates.filter(
    (c) => !(runs.has(c) && c.pos < firstEvidenced) && (c.evidence || confirmed(c)),
  );
  const shapeCount = new Map<ItemNumberShape, number>();
  for (const c of body) shapeCount.set(c.line.shape, (shapeCount.get(c.line.shape) ?? 0) + 1);
  let dominant: ItemNumberShape | null = null;
  for (const [shape, count] of shapeCount) {
    const best = dominant === null ? -1 : (shapeCount.get(dominant) ?? 0);
    if (count > best || (count === best && shape === "prefixed")) dominant = shape;
  }
  const kept = body.filter((c) => c.line.shape === dominant || confirmed(c));
  const run = heaviestRisingRun(
    kept.map((c) => c.line.value),
    kept.map(
      (c) => 1 + (c.evidence ? 2 : 0) + (confirmed(c) ? 2 : 0) + (c.line.shape === "prefixed" ? 1 : 0),
    ),
    { strict: true },
  );
  const heads = run.map((index) => kept[index] as Candidate);
  // A contents list with no body behind it, or a body confirmed by it, gives the items it names.
  const contentsConfirmed =
    contents.length >= 2 &&
    (heads.length === 0 || heads.some((head) => contentsByNumber.has(head.line.number)));
  if (heads.length === 0 && !contentsConfirmed) {
    return { items: [], claimed: [], itemsWithFields: 0, contentsConfirmed: false };
  }

  const closedFrom = closedPartStart(content, heads[0]?.pos ?? Number.POSITIVE_INFINITY);
  const items: { value: number; item: ParsedItem }[] = [];
  const claimed: [number, number][] = [];
  let itemsWithFields = 0;
  const bodyNumbers = new Set<string>();
  heads.forEach((head, index) => {
    const nextPos = heads[index + 1]?.pos ?? content.length;
    const first = content[head.pos] as ViewLine;
    const last = content[nextPos - 1] ?? first;
    const title = joinTitleLines(view, textOf, head.line.title, head.titlePos, head.titleEnd);
    const heading: ItemHeading = {
      pos: head.pos,
      end: head.end,
      heading: { major: head.line.value, minor: null, number: head.line.number, title },
    };
    const built = buildItem(view, heading, nextPos, null, textOf, warnings);
    const entry = contentsByNumber.get(head.line.number);
    const closed =
      head.line.closed || titleSaysClosed(title) || (entry?.closed ?? false) || head.pos > closedFrom;
    const item: ParsedItem = {
      ...built,
      number: head.line.number,
      title,
      caseNumber: built.caseNumber ?? caseBelow(content, head.end, nextPos) ?? head.caseAbove,
      closed: closed || undefined,
    };
    if (!closed) delete (item as { closed?: boolean }).closed;
    if (Object.keys(item.fields).length > 0) itemsWithFields++;
    bodyNumbers.add(head.line.number);
    items.push({ value: head.line.value, item });
    claimed.push([first.line, last.line]);
  });
  if (contentsConfirmed) {
    const contentsLine = contentsSource(content, candidates);
    for (const entry of contents) {
      if (bodyNumbers.has(entry.number)) continue;
      items.push({
        value: entry.value,
        item: {
          number: entry.number,
          title: entry.title,
          section: null,
          caseNumber: null,
          caseInitials: [],
          fields: {},
          notes: null,
          annexMarkers: 0,
          ...(entry.closed ? { closed: true } : {}),
          source: contentsLine(entry),
        },
      });
    }
  }
  items.sort((a, b) => a.value - b.value);
  return { items: items.map((i) => i.item), claimed, itemsWithFields, contentsConfirmed };
}

/** A case or KLE line right under the heading ("00.32.10P19-0010", real-world/18). */
function caseBelow(content: readonly ViewLine[], end: number, nextPos: number): string | null {
  const below = end + 1 < nextPos ? content[end + 1] : undefined;
  return below ? parseCaseMarkLine(below.text) : null;
}

/** Where a contents-only item was read: its contents line, or the line that holds the whole list. */
function contentsSource(
  content: readonly ViewLine[],
  candidates: readonly Candidate[],
): (entry: ItemLine) => ParsedItem["source"] {
  const byLine = new Map<ItemLine, ViewLine>();
  for (const candidate of candidates) byLine.set(candidate.line, content[candidate.pos] as ViewLine);
  const flattened = content.find((line) => splitFlattenedContents(line.text).length >= 2) ?? content[0];
  return (entry) => {
    const line = byLine.get(entry) ?? flattened;
    const page = line?.page ?? 1;
    const at = line?.line ?? 1;
    return { page, lineStart: at, lineEnd: at };
  };
}

/**
 * Content position of a "Lukkede punkter" heading that stands after the first item, or Infinity. One
 * before the items heads an empty contents page (real-world/04) and closes nothing.
 */
function closedPartStart(content: readonly ViewLine[], firstItemPos: number): number {
  for (let pos = 0; pos < content.length; pos++) {
    const text = (content[pos] as ViewLine).text;
    if (pos > firstItemPos && text.length <= 60 && CLOSED_PART.test(text)) return pos;
  }
  return Number.POSITIVE_INFINITY;
}
