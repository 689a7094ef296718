/**
 * @module The recognise stage as one pure function: extracted lines in, ParsedDocument out. Cleaning
 * (running lines, joined text) and recognition (kind, meeting, attendance, items, contents, documents)
 * are chained here; nothing is read from disk.
 */
import type {
  OcrPage,
  ParsedAttendance,
  ParsedDocument,
  ParsedMeeting,
  ParseWarning,
  SourceFormat,
} from "../domain/index.js";
import { findRunningLines, joinLines, shouldJoinHyphen } from "./clean/index.js";
import { findAmounts } from "./entities/amounts.js";
import { recogniseAttendance } from "./recognise/attendance.js";
import { cprWarnings } from "./recognise/cpr-numbers.js";
import { settleDecisions } from "./recognise/decisions.js";
import { recogniseDocuments } from "./recognise/documents.js";
import { type ItemsResult, recogniseItems, type TextOf } from "./recognise/items.js";
import { decideKind, kindSignals, looksLikeMeetingDocument } from "./recognise/kind.js";
import { buildLineView, normaliseSpace } from "./recognise/line-view.js";
import { recogniseMeeting } from "./recognise/meeting.js";
import { findNotParticipating } from "./recognise/not-participating.js";
import { recogniseToc } from "./recognise/toc.js";
import { findUnassigned, type LineSpan } from "./recognise/unassigned.js";
import type { ExtractedDocument, IngestOptions, SourceLine } from "./types.js";

const NO_ITEMS: ItemsResult = {
  sections: [],
  items: [],
  claimed: [],
  warnings: [],
  itemsWithFields: 0,
  contentsConfirmed: false,
};

/**
 * Parses an extracted document.
 *
 * @example
 * const doc = parseExtracted({ file: "004.txt", sha256 }, extractText(source), await loadIngestOptions());
 * doc.items[2].number; // "2.1"
 */
export function parseExtracted(
  source: { readonly file: string; readonly sha256: string },
  doc: ExtractedDocument,
  options: IngestOptions,
): ParsedDocument {
  const lines = doc.lines;
  const running = findRunningLines(lines);
  const view = buildLineView(lines, running);
  const textOf = makeTextOf(lines, running, options);
  const warnings: ParseWarning[] = [];
  // Cleaning is the costly step: each page is cleaned once and the full text is built from the pages.
  const pages = pageTexts(lines, running, options);

  const toc = recogniseToc(view);
  const signals = kindSignals(view, toc.listsAnnexes);
  const meetingDocument =
    !toc.listsAnnexes && (looksLikeMeetingDocument(signals) || signals.agendaTitle || signals.minutesTitle);
  // Items are looked for in any document but an annex pack: a municipal record without a title or
  // case lines shows itself by its numbered items with fields under them (decideKind weighs that).
  let itemsResult = toc.listsAnnexes ? NO_ITEMS : recogniseItems(view, textOf);
  const documentsResult = meetingDocument
    ? null
    : recogniseDocuments(view, toc.entries, toc.claimed ? toc.claimed[1] : null);
  const decisionsWithText = itemsResult.items.filter(
    (item) => (item.fields.beslutning ?? "").trim().length > 0,
  ).length;
  const kind = decideKind(signals, {
    decisionsWithText,
    stamps: documentsResult?.stamps.length ?? 0,
    items: itemsResult.items.length,
    itemsWithFields: itemsResult.itemsWithFields,
    contentsConfirmed: itemsResult.contentsConfirmed,
  });
  if (kind !== "minutes" && kind !== "agenda") itemsResult = NO_ITEMS;
  const documents = kind === "annex-pack" && documentsResult ? documentsResult : null;
  if (kind === "document") {
    warnings.push({
      code: "unknown-kind",
      message: "No agenda items, decisions, contents page or item stamps found: read as a plain document.",
    });
  }

  const attendanceResult =
    kind === "minutes" || kind === "agenda"
      ? recogniseAttendance(view)
      : { attendance: EMPTY_ATTENDANCE, claimed: [], warnings: [], partial: [] };
  const notParticipating =
    kind === "minutes" || kind === "agenda"
      ? findNotParticipating(view, itemsResult.items, attendanceResult.partial)
      : new Map<number, string[]>();
  const meetingResult = recogniseMeeting(view, {
    meetingDocument: kind === "minutes" || kind === "agenda",
    headEnd: firstItemLine(itemsResult),
    readHead: kind === "document",
  });
  const meeting = hasAnyValue(meetingResult.meeting) ? meetingResult.meeting : null;
  if (kind === "minutes" || kind === "agenda") pushAll(warnings, meetingResult.warnings);

  pushAll(warnings, itemsResult.warnings);
  pushAll(warnings, attendanceResult.warnings);
  pushAll(warnings, documents?.warnings ?? []);
  const claimed: LineSpan[] = [
    ...itemsResult.claimed,
    ...attendanceResult.claimed,
    ...(documents?.claimed ?? []),
    ...(toc.claimed ? [toc.claimed] : []),
  ];
  pushAll(warnings, findUnassigned(view, claimed));
  pushAll(warnings, runningTextWarnings(lines, running));
  pushAll(warnings, extractionWarnings(doc.notes));
  pushAll(warnings, emptyPageWarnings(pages, doc.pages));
  pushAll(warnings, cprWarnings(lines));
  pushAll(warnings, ocrWarnings(doc.ocr ?? []));

  return {
    source: {
      file: source.file,
      sha256: source.sha256,
      format: doc.format as SourceFormat,
      pages: doc.pages,
    },
    kind,
    body: meetingResult.body,
    meeting,
    attendance: attendanceResult.attendance,
    sections: itemsResult.sections,
    items: settleDecisions(
      itemsResult.items.map((item, index) => {
        const names = notParticipating.get(index);
        return names ? { ...item, notParticipating: names } : item;
      }),
      {
        date: meeting?.date ?? null,
        body: meetingResult.body,
        agenda: kind === "agenda",
      },
    ),
    toc: toc.entries,
    documents: documents?.documents ?? [],
    amounts: findAmounts(lines.filter((line) => !running.has(line.line))),
    warnings,
    text: joinPageTexts(pages, options),
    pageTexts: pages,
    ...(doc.ocr?.length ? { ocr: doc.ocr } : {}),
  };
}

/** The line the first item starts on: a document's head ends above it. */
function firstItemLine(result: ItemsResult): number | null {
  let first: number | null = null;
  for (const item of result.items) {
    if (first === null || item.source.lineStart < first) first = item.source.lineStart;
  }
  return first;
}

const EMPTY_ATTENDANCE: ParsedAttendance = { present: [], absent: [] };

/**
 * Appends one by one: push(...items) passes every item as an argument, and a long file's hundreds of
 * thousands of warnings overflow the stack.
 */
function pushAll<T>(target: T[], items: readonly T[]): void {
  for (const item of items) target.push(item);
}

function hasAnyValue(meeting: ParsedMeeting): boolean {
  return Object.values(meeting).some((value) => value !== null);
}

/** Cleaned text of a line range, with running lines left out. */
function makeTextOf(
  lines: readonly SourceLine[],
  running: ReadonlySet<number>,
  options: IngestOptions,
): TextOf {
  const indexOf = new Map<number, number>();
  lines.forEach((line, index) => {
    indexOf.set(line.line, index);
  });
  return (lineStart, lineEnd) => {
    const from = indexOf.get(lineStart);
    const to = indexOf.get(lineEnd);
    if (from === undefined || to === undefined || to < from) return "";
    return joinLines(lines.slice(from, to + 1), options.isWord, running);
  };
}

/** Cleaned text per page with the line range each page covers. */
function pageTexts(
  lines: readonly SourceLine[],
  running: ReadonlySet<number>,
  options: IngestOptions,
): { page: number; lineStart: number; lineEnd: number; text: string }[] {
  const out: { page: number; lineStart: number; lineEnd: number; text: string }[] = [];
  let start = 0;
  for (let index = 1; index <= lines.length; index++) {
    const current = lines[index];
    const first = lines[start];
    if (!first) break;
    if (current && current.page === first.page) continue;
    const slice = lines.slice(start, index);
    const last = slice[slice.length - 1] as SourceLine;
    out.push({
      page: first.page,
      lineStart: first.line,
      lineEnd: last.line,
      text: joinLines(slice, options.isWord, running),
    });
    start = index;
  }
  return out;
}

/**
 * The full text from the cleaned pages. A page break never ends a sentence by itself: a word hyphenated
 * over it is joined as cleaning joins it within a page, text going on in lower case continues with a
 * space, and a paragraph break is kept only where the page ends a sentence.
 */
function joinPageTexts(pages: readonly { readonly text: string }[], options: IngestOptions): string {
  // Page texts are collected as pieces and joined once; only the tail of the text so far is ever
  // inspected, so the cost stays linear in the text. A hyphen joined over a page break is dropped from
  // the last piece (one page's text) rather than by re-joining the run of pages so far: that copied the
  // whole run at each such break, quadratic where page after page ends in a broken word.
  const parts: string[] = [];
  // The last TAIL characters of the text so far: one more than the 200 hyphen decisions look at, so that
  // the text before a final hyphen still has its 200.
  const TAIL = 201;
  let tail = "";
  for (const page of pages) {
    const next = page.text;
    if (next === "") continue;
    if (parts.length === 0) {
      parts.push(next);
      tail = next.slice(-TAIL);
      continue;
    }
    if (/[\p{L}\p{N}]-$/u.test(tail) && !/--$/.test(tail) && /^\p{L}/u.test(next)) {
      const head = tail.slice(0, -1);
      if (shouldJoinHyphen(head.slice(-200), next, options.isWord)) {
        const last = parts.length - 1;
        parts[last] = (parts[last] as string).slice(0, -1);
        tail = (head + next).slice(-TAIL);
      } else {
        tail = (tail + next).slice(-TAIL);
      }
      parts.push(next);
      continue;
    }
    const ends = /[.!?:]["”’)]?$/u.test(tail);
    parts.push(ends || /^[\p{Lu}\p{N}"“•–-]/u.test(next) ? "\n\n" : " ", next);
    tail = next.slice(-TAIL);
  }
  return parts.join("");
}

/**
 * Running headers and footers are cut from the text; so that no text is lost without trace, each
 * distinct one is reported once with the lines it stood on.
 */
function runningTextWarnings(lines: readonly SourceLine[], running: ReadonlySet<number>): ParseWarning[] {
  if (running.size === 0) return [];
  // Grouped by shape (digits masked): "Side 27 af 72" and "Side 32 af 72" make one warning.
  const byShape = new Map<string, Map<string, number[]>>();
  for (const line of lines) {
    if (!running.has(line.line)) continue;
    const text = normaliseSpace(line.text);
    if (text === "") continue;
    const shape = text.replace(/\d+/g, "#");
    const texts = byShape.get(shape) ?? new Map<string, number[]>();
    const at = texts.get(text) ?? [];
    at.push(line.line);
    texts.set(text, at);
    byShape.set(shape, texts);
  }
  const out: ParseWarning[] = [];
  for (const texts of byShape.values()) {
    const all = [...texts.values()].flat();
    const listed = [...texts].map(
      ([text, at]) => `"${text}" (line${at.length > 1 ? "s" : ""} ${at.join(", ")})`,
    );
    out.push({
      code: "running-text-removed",
      message: `Running header/footer removed from the text: ${listed.join("; ")}`,
      // A loop, not Math.min(...all): spreading a hundred thousand lines as arguments overflows the stack.
      source: {
        lineStart: all.reduce((a, b) => Math.min(a, b)),
        lineEnd: all.reduce((a, b) => Math.max(a, b)),
      },
    });
  }
  return out;
}

/** Text read by OCR can hold misread words: say which pages, read by what, and how sure it was. */
function ocrWarnings(ocr: readonly OcrPage[]): ParseWarning[] {
  const first = ocr[0];
  const last = ocr[ocr.length - 1];
  if (!first || !last) return [];
  const pages = ocr.map((page) => `${page.page} (${Math.round(page.confidence)}%)`).join(", ");
  const words = ocr.reduce((sum, page) => sum + page.confidence, 0) / ocr.length;
  return [
    {
      code: "ocr-text",
      message: `Page${ocr.length > 1 ? "s" : ""} ${pages} had no text layer and ${ocr.length > 1 ? "were" : "was"} read by OCR (${first.engine}, ${first.language}), mean word confidence ${Math.round(words)}%: the text may hold misread words.`,
      source: { lineStart: first.lineStart, lineEnd: last.lineEnd },
    },
  ];
}

function extractionWarnings(notes: readonly string[]): ParseWarning[] {
  return notes.map((note) => ({
    code: /windows-1252|utf-16|converted|decoded/iu.test(note)
      ? ("encoding-converted" as const)
      : /no text|scanned|empty/iu.test(note)
        ? ("empty-page" as const)
        : ("extraction-note" as const),
    message: note,
  }));
}

/** Pages with no text at all (a scanned or image-only page in a PDF): their content cannot be searched. */
function emptyPageWarnings(
  pages: readonly { page: number; text: string }[],
  pageCount: number,
): ParseWarning[] {
  const withText = new Set(pages.filter((p) => p.text.trim() !== "").map((p) => p.page));
  const empty: number[] = [];
  for (let page = 1; page <= pageCount; page++) if (!withText.has(page)) empty.push(page);
  if (empty.length === 0 || withText.size === 0) return [];
  return [
    {
      code: "empty-page",
      message: `Page${empty.length > 1 ? "s" : ""} ${empty.slice(0, 30).join(", ")}${empty.length > 30 ? ", …" : ""} ha${empty.length > 1 ? "ve" : "s"} no text (scanned or image only?).`,
    },
  ];
}
