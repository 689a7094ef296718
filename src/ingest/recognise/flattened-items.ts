/**
 * @module Items inside lines that hold a whole page: some copies of PDF minutes keep no line breaks, so a
 * page is one line ("3 35 Godkendelse af dagsorden Sagsnr.: Sagen afgøres i: Kultur- og Idrætsudvalget
 * ... Beslutning i Kultur- og Idrætsudvalget den : Godkendt. Side 3", real-world/16). An item opens where a
 * number is followed by a title and then by an item's first label ("Sagsnr.:", "Sagsfremstilling:");
 * only numbers that run on by one are taken, so a count or a year in the text never opens an item.
 */
import type { ItemFieldKey, ParsedItem } from "../../domain/index.js";
import { isSectionLine } from "./flat-items.js";
import { parseFieldHeading } from "./headings.js";
import { readTitle } from "./item-lines.js";
import type { LineView, ViewLine } from "./line-view.js";

/** How far after a number its title and first label may reach (characters). */
const HEADING_REACH = 200;

/** Longest label before a colon, in words ("Beslutning i Kultur- og Idrætsudvalget den"). */
const LABEL_WORDS = 7;

/** Longest label the word lists do not know, in words. */
const GENERIC_LABEL_WORDS = 3;

/** Case labels that open an item's metadata. */
const CASE_LABEL =
  /^(?:sags?\s?nr|sagsnummer|sags?[\s-]?id|j\.?\s?nr|journal\s?nr|journalnummer|brevid)\.?$/iu;

/** The footer that ends a flattened page: "Side 3", "Side 3 af 12". */
const PAGE_FOOTER = /\s*\bSide (\d{1,4})(?: af \d{1,4})?$/u;

/** An item opening found inside a long line. */
interface Opening {
  readonly pos: number;
  /** Offset of the number in the line's text. */
  readonly at: number;
  /** Offset just after the title, where the item's labelled text starts. */
  readonly bodyAt: number;
  readonly value: number;
  readonly title: string;
  readonly closed: boolean;
}

/** A label ending at a colon: its start offset and what it names. */
interface Label {
  readonly start: number;
  readonly end: number;
  readonly field: ItemFieldKey | null;
}

/**
 * The label that ends at the colon at `colon`: the longest run of up to LABEL_WORDS words before it that
 * reads as a field heading, an item section or a case label. Null when no such run stands there.
 */
function labelBefore(text: string, colon: number, from: number): Label | null {
  const before = text.slice(Math.max(from, colon - 120), colon);
  const offset = colon - before.length;
  const starts = [...before.matchAll(/(?:^|\s)(?=\S)/gu)].map(
    (m) => (m.index ?? 0) + (m[0].length > 0 ? 1 : 0),
  );
  const words = starts.slice(-LABEL_WORDS);
  for (const start of words) {
    const label = before.slice(start).trim();
    if (label === "") continue;
    const field = parseFieldHeading(label);
    if (field || isSectionLine(label) || CASE_LABEL.test(label)) {
      return { start: offset + start, end: colon + 1, field };
    }
  }
  // A label the word lists do not know ("Økonomiske konsekvenser:", "Vurdering:"): a few words from a
  // capital, right after a sentence or another label.
  for (const start of words.slice(-GENERIC_LABEL_WORDS)) {
    const label = before.slice(start).trim();
    const boundary = before.slice(0, start).trimEnd();
    if (/^\p{Lu}[\p{L}-]*(?: [\p{L}-]+){0,2}$/u.test(label) && (boundary === "" || /[.:]$/u.test(boundary))) {
      return { start: offset + start, end: colon + 1, field: null };
    }
  }
  return null;
}

/** Every label in a stretch of text, in order. */
function labelsIn(text: string, from: number, to: number): Label[] {
  const labels: Label[] = [];
  let floor = from;
  for (let colon = text.indexOf(":", from); colon >= 0 && colon < to; colon = text.indexOf(":", colon + 1)) {
    const label = labelBefore(text, colon, floor);
    if (label) {
      labels.push(label);
      floor = label.end;
    }
  }
  return labels;
}

/** The item openings in one long line. */
function openingsIn(line: ViewLine, pos: number): Opening[] {
  const text = line.text;
  const out: Opening[] = [];
  for (const match of text.matchAll(/(?:^|\s)(\d{1,3})\s(?=\p{Lu})/gu)) {
    const numberAt = (match.index ?? 0) + match[0].indexOf(match[1] as string);
    const titleAt = numberAt + (match[1] as string).length + 1;
    const window = text.slice(titleAt, titleAt + HEADING_REACH);
    const colon = window.indexOf(":");
    if (colon < 0) continue;
    const label = labelBefore(text, titleAt + colon, titleAt);
    if (!label || label.start <= titleAt) continue;
    const raw = text.slice(titleAt, label.start).trim();
    // A page number before the item's number ("3 35 Godkendelse ..."): the inner number opens the item.
    if (/^\d{1,3}\s/u.test(raw)) continue;
    const title = readTitle(raw);
    if (!title || /:/.test(raw)) continue;
    const value = Number(match[1]);
    if (value === 0) continue;
    out.push({ pos, at: numberAt, bodyAt: label.start, value, ...title });
  }
  return out;
}

/** The longest run of openings whose numbers rise by one, in document order. */
function consecutiveRun(openings: readonly Opening[]): Opening[] {
  let best: Opening[] = [];
  let run: Opening[] = [];
  for (const opening of openings) {
    const last = run[run.length - 1];
    run = last && opening.value === last.value + 1 ? [...run, opening] : [opening];
    if (run.length > best.length) best = run;
  }
  return best;
}

/**
 * Finds items inside flattened lines. Returns them with the line ranges they claim, or no items when
 * fewer than two numbers run on.
 */
export function recogniseFlattenedItems(view: LineView): {
  readonly items: readonly ParsedItem[];
  readonly claimed: [number, number][];
  readonly itemsWithFields: number;
} {
  const content = view.content;
  const openings: Opening[] = [];
  content.forEach((line, pos) => {
    openings.push(...openingsIn(line, pos));
  });
  const run = consecutiveRun(openings);
  if (run.length < 2) return { items: [], claimed: [], itemsWithFields: 0 };
  const items: ParsedItem[] = [];
  const claimed: [number, number][] = [];
  let itemsWithFields = 0;
  run.forEach((opening, index) => {
    const next = run[index + 1];
    // The next item's line belongs to this one only where this item's text goes on in front of it.
    const before = next ? (content[next.pos] as ViewLine).text.slice(0, next.at) : "";
    const endPos = next
      ? /^\s*(?:\d{1,4}\s*)?$/u.test(before)
        ? next.pos - 1
        : next.pos
      : content.length - 1;
    const text = itemText(content, opening, next);
    const fields = fieldsOf(text);
    if (Object.keys(fields).length > 0) itemsWithFields++;
    const first = content[opening.pos] as ViewLine;
    const last = content[Math.max(opening.pos, endPos)] as ViewLine;
    items.push({
      number: String(opening.value),
      title: opening.title,
      section: null,
      caseNumber: null,
      caseInitials: [],
      fields,
      notes: null,
      annexMarkers: 0,
      ...(opening.closed ? { closed: true } : {}),
      source: { page: first.page, lineStart: first.line, lineEnd: last.line },
    });
    claimed.push([first.line, last.line]);
  });
  return { items, claimed, itemsWithFields };
}

/** The item's labelled text: from after its title up to the next item's number (or the end). */
function itemText(content: readonly ViewLine[], opening: Opening, next: Opening | undefined): string {
  const parts: string[] = [];
  const lastPos = next ? next.pos : content.length - 1;
  let pageAfter: number | null = null;
  for (let pos = opening.pos; pos <= lastPos; pos++) {
    let text = (content[pos] as ViewLine).text;
    let from = pos === opening.pos ? opening.bodyAt : 0;
    const to = next && pos === next.pos ? next.at : text.length;
    // A flattened page opens with its page number and ends in its footer ("... Godkendt. Side 3" /
    // "4 36 Besøg ..."): neither is the item's text.
    const lead = /^(\d{1,4})\s/u.exec(text);
    if (from === 0 && lead && Number(lead[1]) === pageAfter) from = lead[0].length;
    const footer = to === text.length ? PAGE_FOOTER.exec(text) : null;
    pageAfter = footer ? Number(footer[1]) + 1 : null;
    if (footer) text = text.slice(0, footer.index);
    const end = Math.min(to, text.length);
    if (end > from) parts.push(text.slice(from, end));
  }
  return parts.join(" ").trim();
}

/** The headed fields among the labels of an item's text ("Beslutning i X den : Godkendt."). */
function fieldsOf(text: string): Partial<Record<ItemFieldKey, string>> {
  const labels = labelsIn(text, 0, text.length);
  const fields: Partial<Record<ItemFieldKey, string>> = {};
  labels.forEach((label, index) => {
    if (!label.field) return;
    const value = text
      .slice(label.end, labels[index + 1]?.start ?? text.length)
      .trim()
      .replace(/\s+/g, " ");
    if (value === "") return;
    const before = fields[label.field];
    fields[label.field] = before ? `${before}\n\n${value}` : value;
  });
  return fields;
}
