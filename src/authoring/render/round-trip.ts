/**
 * @module The round trip of the documents Rådsinfo writes: what an agenda, annex pack or minutes should read back
 * as (from its input), what the importer read back (from its ParsedDocument), both in one comparable
 * shape, and the share recovered exactly. Used by the round-trip test and the round-trip bench.
 */
import {
  type AgendaDocument,
  type AnnexPackInput,
  type Attendee,
  decisionParagraphs,
  ITEM_FIELD_KEYS,
  MINUTES_DISCUSSION_HEADING,
  type MinutesDocument,
  type ParsedDocument,
  PROTOCOL_REMARK_HEADING,
  parseRichText,
  protocolRemarkLine,
  richTextPlain,
  storedItemNumber,
} from "../../domain/index.js";
import { visibleItem } from "./agenda-pdf.js";
import { visibleMinutesItem } from "./minutes-pdf.js";

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
  return doc.items.map((item, position) => {
    const fields: Record<string, string> = {};
    for (const key of ITEM_FIELD_KEYS) {
      const text = item.fields[key];
      if (text !== undefined && comparableText(text) !== "") fields[key] = comparableText(text);
    }
    return {
      number: storedItemNumber(item, position),
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

/** One attendee as compared: "present" or "absent", name, party, municipality, whom a substitute replaced. */
export interface RoundTripAttendee {
  readonly list: "present" | "absent";
  readonly name: string;
  readonly party: string | null;
  readonly municipality: string | null;
  readonly substituteFor: string | null;
}

/**
 * A minutes item as compared: number, title, closed, the text under "Beslutning" (decision, vote, who did
 * not take part) and the notes after it (protocol remarks, then the discussion).
 */
export interface RoundTripMinutesItem {
  readonly number: string;
  readonly title: string;
  readonly closed: boolean;
  readonly decision: string;
  readonly notes: string;
}

/** The attendance minutes should read back as: members and substitutes present, absences. */
export function expectedMinutesAttendance(minutes: MinutesDocument): RoundTripAttendee[] {
  const person = (
    list: RoundTripAttendee["list"],
    p: { name: string; party: string | null; municipality: string | null },
    substituteFor: string | null,
  ) => ({
    list,
    name: p.name,
    party: p.party,
    municipality: p.municipality,
    substituteFor,
  });
  return [
    ...minutes.present.map((p) => person("present", p, null)),
    ...minutes.substitutes.map((p) => person("present", p, p.substituteFor)),
    ...minutes.absences.map((p) => person("absent", p, null)),
  ];
}

/** The attendance the importer read back, in the same shape. */
export function parsedMinutesAttendance(doc: ParsedDocument): RoundTripAttendee[] {
  const person = (list: RoundTripAttendee["list"], p: Attendee): RoundTripAttendee => ({
    list,
    name: p.name,
    party: p.party,
    municipality: p.municipality,
    substituteFor: p.substituteFor ?? null,
  });
  return [
    ...doc.attendance.present.map((p) => person("present", p)),
    ...doc.attendance.absent.map((p) => person("absent", p)),
  ];
}

/**
 * The items minutes should read back as: what the edition shows of each, its decision and its notes as
 * plain text. A section without items reads back as an item of its own, as in the agenda.
 */
export function expectedMinutesItems(minutes: MinutesDocument): RoundTripMinutesItem[] {
  return minutes.sections.flatMap((section) => {
    if (section.items.length === 0) {
      return [{ number: section.number, title: section.title, closed: false, decision: "", notes: "" }];
    }
    return section.items.map((original) => {
      const item = visibleMinutesItem(original, minutes.edition);
      // Text between the case line and the first field (the "./." annex lines) reads back as notes too.
      const notes: string[] = item.annexes.map((annex) => `./. Bilag ${annex.annexNumber}: ${annex.title}`);
      if (item.record.protocolRemarks.length > 0) {
        notes.push(PROTOCOL_REMARK_HEADING, ...item.record.protocolRemarks.map(protocolRemarkLine));
      }
      const discussion = richTextPlain(parseRichText(item.record.discussion ?? ""));
      if (discussion.trim() !== "") notes.push(MINUTES_DISCUSSION_HEADING, discussion);
      return {
        number: item.number,
        title: item.title,
        closed: item.closed,
        decision: comparableText(decisionParagraphs(item.record).join("\n\n")),
        notes: comparableText(notes.join("\n\n")),
      };
    });
  });
}

/** The minutes items the importer read back, in the same shape. */
export function parsedMinutesItems(doc: ParsedDocument): RoundTripMinutesItem[] {
  return doc.items.map((item, position) => ({
    number: storedItemNumber(item, position),
    title: item.title,
    closed: item.closed === true,
    decision: comparableText(item.fields.beslutning ?? ""),
    notes: comparableText(item.notes ?? ""),
  }));
}

/**
 * F1 of the parsed records against the expected ones (1 when both are empty).
 *
 * @example
 * f1Score(roundTripScore(expectedMinutesAttendance(m), parsedMinutesAttendance(parsed))); // 1
 */
export function f1Score<T>(score: RoundTripScore<T>): number {
  const parsed = score.recovered + score.extra.length;
  if (score.expected === 0 && parsed === 0) return 1;
  if (score.recovered === 0) return 0;
  const precision = score.recovered / parsed;
  const recall = score.recovered / score.expected;
  return (2 * precision * recall) / (precision + recall);
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
