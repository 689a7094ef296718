/**
 * @module The round trip of the documents Rådsinfo writes: what an agenda or annex pack should read back
 * as (from its input), what the importer read back (from its ParsedDocument), both in one comparable
 * shape, and the share recovered exactly. Used by the round-trip test and the round-trip bench.
 */
import {
  type AgendaDocument,
  type AnnexPackInput,
  ITEM_FIELD_KEYS,
  type ParsedDocument,
  parseRichText,
  richTextPlain,
} from "../../domain/index.js";
import { visibleItem } from "./agenda-pdf.js";

/** An item as compared: number, title, closed, case number and the text of each field. */
export interface RoundTripItem {
  readonly number: string;
  readonly title: string;
  readonly closed: boolean;
  readonly caseNumber: string | null;
  readonly fields: Readonly<Record<string, string>>;
}

/** An annex document of a pack as compared. */
export interface RoundTripAnnex {
  readonly itemNumber: string | null;
  readonly annexNumber: number | null;
  readonly title: string;
  /** 1-based page of the pack the annex starts on. */
  readonly firstPage: number;
}

/**
 * Text as both sides are compared: list dashes the PDF draws ("–", "•") read as "- ", and all white space
 * (line and paragraph breaks included) as one space.
 *
 * @example
 * comparableText("Programmet:\n– Ankomst\n\n– Møde"); // "Programmet: - Ankomst - Møde"
 */
export function comparableText(text: string): string {
  return text
    .replace(/^[ \t]*[–•▪][ \t]+/gmu, "- ")
    .replace(/\s+/g, " ")
    .trim();
}

/**
 * The items an agenda should read back as: what its edition shows of each item, fields as plain text. A
 * section without items reads back as an item of its own ("5. Eventuelt"), as the KKR minutes write it.
 */
export function expectedAgendaItems(agenda: AgendaDocument): RoundTripItem[] {
  return agenda.sections.flatMap((section) => {
    if (section.items.length === 0) {
      return [{ number: section.number, title: section.title, closed: false, caseNumber: null, fields: {} }];
    }
    return section.items.map((original) => {
      const item = visibleItem(original, agenda.edition);
      const fields: Record<string, string> = {};
      for (const [key, text] of Object.entries(item.fields)) {
        const plain = comparableText(richTextPlain(parseRichText(text ?? "")));
        if (plain !== "") fields[key] = plain;
      }
      return {
        number: item.number,
        title: item.title,
        closed: item.closed,
        caseNumber: item.caseNumber,
        fields,
      };
    });
  });
}

/** The items the importer read back, in the same shape. */
export function parsedAgendaItems(doc: ParsedDocument): RoundTripItem[] {
  return doc.items.map((item) => {
    const fields: Record<string, string> = {};
    for (const key of ITEM_FIELD_KEYS) {
      const text = item.fields[key];
      if (text !== undefined && comparableText(text) !== "") fields[key] = comparableText(text);
    }
    return {
      number: item.number,
      title: item.title,
      closed: item.closed === true,
      caseNumber: item.caseNumber,
      fields,
    };
  });
}

/**
 * The annex documents a pack should read back as. `pageCounts` are the annexes' page counts in order,
 * `contentsPages` the pages of contents before the first annex.
 */
export function expectedPackAnnexes(
  input: AnnexPackInput,
  pageCounts: readonly number[],
  contentsPages: number,
): RoundTripAnnex[] {
  let page = contentsPages + 1;
  return input.annexes.map((annex, index) => {
    const entry = {
      itemNumber: annex.itemNumber,
      annexNumber: annex.annexNumber,
      title: annex.title,
      firstPage: page,
    };
    page += pageCounts[index] ?? 0;
    return entry;
  });
}

/** The annex documents the importer read back. */
export function parsedPackAnnexes(doc: ParsedDocument): RoundTripAnnex[] {
  return doc.documents.map((document) => ({
    itemNumber: document.itemNumber,
    annexNumber: document.annexNumber,
    title: document.title,
    firstPage: document.source.pageStart,
  }));
}

/** How many of the expected records were read back exactly, and which were not. */
export interface RoundTripScore<T> {
  readonly expected: number;
  readonly recovered: number;
  readonly missed: readonly T[];
  /** Records read back that were not expected. */
  readonly extra: readonly T[];
}

/**
 * Counts the expected records found exactly among the parsed ones (each parsed record used once).
 *
 * @example
 * roundTripScore(expectedAgendaItems(agenda), parsedAgendaItems(parsed)).recovered;
 */
export function roundTripScore<T>(expected: readonly T[], parsed: readonly T[]): RoundTripScore<T> {
  const left = new Map<string, number>();
  for (const record of parsed) {
    const key = JSON.stringify(record, sortedKeys);
    left.set(key, (left.get(key) ?? 0) + 1);
  }
  const missed: T[] = [];
  for (const record of expected) {
    const key = JSON.stringify(record, sortedKeys);
    const count = left.get(key) ?? 0;
    if (count > 0) left.set(key, count - 1);
    else missed.push(record);
  }
  const extra = parsed.filter((record) => {
    const key = JSON.stringify(record, sortedKeys);
    const count = left.get(key) ?? 0;
    if (count === 0) return false;
    left.set(key, count - 1);
    return true;
  });
  return { expected: expected.length, recovered: expected.length - missed.length, missed, extra };
}

/** JSON replacer that writes object keys in sorted order, so equal records give equal keys. */
function sortedKeys(_key: string, value: unknown): unknown {
  if (value === null || typeof value !== "object" || Array.isArray(value)) return value;
  return Object.fromEntries(
    Object.entries(value as Record<string, unknown>).sort(([a], [b]) => a.localeCompare(b)),
  );
}
