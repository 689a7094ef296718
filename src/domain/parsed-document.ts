/**
 * @module The ParsedDocument contract of DESIGN.md: what `raadsinfo parse FILE --json` prints and what the
 * store imports. Field names are fixed because outside tools and tests read them.
 */
import type { DocumentKind } from "./document-kind.js";
import type { WarningCode } from "./warning-code.js";

/** Where a source file came from and what it is. */
export interface SourceInfo {
  readonly file: string;
  readonly sha256: string;
  readonly format: SourceFormat;
  readonly pages: number;
}

export const SOURCE_FORMATS = ["text", "pdf", "docx", "html"] as const;
export type SourceFormat = (typeof SOURCE_FORMATS)[number];

export interface ParsedMeeting {
  /** ISO date (YYYY-MM-DD). */
  readonly date: string | null;
  /** "HH:MM" */
  readonly startTime: string | null;
  readonly endTime: string | null;
  readonly location: string | null;
  readonly previousMeetingDate: string | null;
  readonly nextMeetingDate: string | null;
}

export interface Attendee {
  readonly name: string;
  /** Party letter as written: "A", "V", "Ø" ... */
  readonly party: string | null;
  /** Municipality name without "Kommune": "Aalborg". */
  readonly municipality: string | null;
  /** For a substitute ("Suppl. for Birgit Hansen"): the name of the member substituted for. */
  readonly substituteFor?: string | null;
}

export interface ParsedAttendance {
  readonly present: readonly Attendee[];
  readonly absent: readonly Attendee[];
}

export interface ParsedSection {
  readonly number: string;
  readonly title: string;
}

/** Keys of the headed fields of an item, lower case without accents. */
export const ITEM_FIELD_KEYS = [
  "resume",
  "baggrund",
  "indstilling",
  "sagsforloeb",
  "sagsfremstilling",
  "beslutning",
] as const;
export type ItemFieldKey = (typeof ITEM_FIELD_KEYS)[number];
export type ItemFields = Partial<Record<ItemFieldKey, string>>;

export function isItemFieldKey(value: string): value is ItemFieldKey {
  return (ITEM_FIELD_KEYS as readonly string[]).includes(value);
}

/** A paragraph of running text. */
export interface ParagraphBlock {
  readonly type: "paragraph";
  readonly text: string;
}

/** A sub-heading inside a field; level 1 is the field's highest, 2 one below it. */
export interface HeadingBlock {
  readonly type: "heading";
  readonly level: 1 | 2;
  readonly text: string;
}

/** A bulleted (unordered) or numbered (ordered) list; each item's text without its marker. */
export interface ListBlock {
  readonly type: "list";
  readonly ordered: boolean;
  readonly items: readonly string[];
}

/** A header cell over several columns (a group heading above the column headers). */
export interface TableHeaderGroup {
  readonly text: string;
  readonly span: number;
}

/**
 * A table: `header` has one text per column ("" where the source has none, e.g. over a column of row
 * labels) or is empty when no header row was found; every row has as many cells as the table has
 * columns. `headerGroups`, when present, spans the columns above `header` and its spans add up to them.
 */
export interface TableBlock {
  readonly type: "table";
  readonly header: readonly string[];
  readonly headerGroups?: readonly TableHeaderGroup[];
  readonly rows: readonly (readonly string[])[];
}

/** The structure of a field's text, in reading order. */
export type FieldBlock = ParagraphBlock | HeadingBlock | ListBlock | TableBlock;

/** Blocks per field; only fields whose text has more structure than paragraphs are present. */
export type ItemBlocks = Partial<Record<ItemFieldKey, readonly FieldBlock[]>>;

/** Page and 1-based line range in the original file. */
export interface LineRange {
  readonly page: number;
  readonly lineStart: number;
  readonly lineEnd: number;
}

/**
 * A headed field beyond the six of ItemFields, as municipal and regional layouts print them ("Økonomi",
 * "Sagen afgøres af", "Beslutningstema"): `key` groups the names of one kind of field ("oekonomi" for
 * "Økonomi" and "Økonomiske konsekvenser"), `heading` is the heading as printed.
 */
export interface ExtraField {
  readonly key: string;
  readonly heading: string;
  readonly text: string;
  /** The text as blocks, when it has more structure than paragraphs. */
  readonly blocks?: readonly FieldBlock[];
  readonly source: LineRange;
}

/** A decision under a heading that names its body or date ("Beslutning i Økonomiudvalget den 12-03-2024"). */
export interface ItemDecision {
  /** The deciding body as printed, or null. */
  readonly body: string | null;
  /** ISO date, or null. */
  readonly date: string | null;
  readonly heading: string;
  readonly text: string;
  readonly blocks?: readonly FieldBlock[];
  readonly source: LineRange;
}

/** An earlier treatment of the item's case, from its "Sagsforløb" (Udvalg, Dato, Punktnummer). */
export interface CaseHistoryEntry {
  readonly body: string;
  /** ISO date, or null. */
  readonly date: string | null;
  /** The item number in that meeting, as printed, or null. */
  readonly itemNumber: string | null;
  /** What that treatment decided, as written under it ("" when nothing is). */
  readonly text: string;
}

export interface ParsedItem {
  /**
   * "2.3"; a section-level item such as "5 Eventuelt" has number "5"; null for an item printed without a
   * number (some portals publish one page per item, or number items only in their addresses).
   */
  readonly number: string | null;
  readonly title: string;
  /** Number of the section the item belongs to. */
  readonly section: string | null;
  readonly caseNumber: string | null;
  readonly caseInitials: readonly string[];
  readonly fields: ItemFields;
  /**
   * The fields' text as blocks (headings, lists, tables, paragraphs), for fields that have such structure;
   * absent when no field has. `fields` keeps the plain text either way.
   */
  readonly blocks?: ItemBlocks;
  /** Headed fields beyond `fields`, in document order; absent when the item has none. */
  readonly extraFields?: readonly ExtraField[];
  /**
   * Decisions under headings that name a body or date, in document order; absent when there are none.
   * `fields.beslutning` is the decision of the meeting the document records (a plain "Beslutning", or the
   * one of these dated on the meeting's day).
   */
  readonly decisions?: readonly ItemDecision[];
  /** Earlier treatments of the case, from its "Sagsforløb"; absent when none are found. */
  readonly caseHistory?: readonly CaseHistoryEntry[];
  /** Unheaded text of the item (discussion notes, protokolbemærkninger). */
  readonly notes: string | null;
  /** Count of "./." annex markers in the item. */
  readonly annexMarkers: number;
  /** Closed item (lukket punkt): never shown to the public. */
  readonly closed?: boolean;
  /**
   * Members recorded as not taking part in this item ("X deltog ikke i sagens behandling", "deltog ikke i
   * behandlingen af punkt 6"), as written; absent when the record names none. Not an absence from the
   * meeting.
   */
  readonly notParticipating?: readonly string[];
  readonly source: LineRange;
}

/**
 * The number an item is stored and shown under: its printed number, or, for an item printed without one,
 * its 1-based position in the document (so that a re-import of the same file finds the same row).
 */
export function storedItemNumber(item: Pick<ParsedItem, "number">, position: number): string {
  return item.number ?? String(position + 1);
}

export const TOC_LEVELS = ["item", "annex"] as const;
export type TocLevel = (typeof TOC_LEVELS)[number];

export interface TocEntry {
  readonly itemNumber: string | null;
  readonly annexNumber: number | null;
  readonly title: string;
  readonly page: number | null;
  readonly level: TocLevel;
}

export interface ParsedAnnexDocument {
  readonly itemNumber: string | null;
  readonly annexNumber: number | null;
  readonly title: string;
  readonly source: {
    readonly pageStart: number;
    readonly pageEnd: number;
    readonly lineStart: number;
    readonly lineEnd: number;
  };
}

export interface ParsedAmount {
  readonly text: string;
  /** Whole kroner. */
  readonly valueDKK: number;
  readonly source: { readonly line: number };
}

export interface ParseWarning {
  readonly code: WarningCode;
  readonly message: string;
  readonly source?: { readonly lineStart: number; readonly lineEnd: number };
}

/** A page read by OCR: its lines in the extracted text, the engine, and the mean word confidence 0-100. */
export interface OcrPage extends PageSpan {
  readonly engine: string;
  readonly language: string;
  readonly confidence: number;
}

/** One page of the original file: its number and the 1-based line range it covers. */
export interface PageSpan {
  readonly page: number;
  readonly lineStart: number;
  readonly lineEnd: number;
}

export interface ParsedDocument {
  readonly source: SourceInfo;
  readonly kind: DocumentKind;
  readonly body: string | null;
  readonly meeting: ParsedMeeting | null;
  readonly attendance: ParsedAttendance;
  readonly sections: readonly ParsedSection[];
  readonly items: readonly ParsedItem[];
  readonly toc: readonly TocEntry[];
  readonly documents: readonly ParsedAnnexDocument[];
  readonly amounts: readonly ParsedAmount[];
  readonly warnings: readonly ParseWarning[];
  /** The cleaned full text. */
  readonly text: string;
  /**
   * Cleaned text per page of the original, in page order. Not in DESIGN.md's example but part of the
   * contract: the store keeps annex text page by page so search and the annex page can point at a page.
   */
  readonly pageTexts?: readonly (PageSpan & { readonly text: string })[];
  /**
   * Pages whose text was read from their image by OCR (they had no text layer), with the engine and its
   * mean word confidence: provenance a reader of that text needs, since OCR text can be wrong.
   */
  readonly ocr?: readonly OcrPage[];
}
