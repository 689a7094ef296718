/**
 * @module Import of a document's agenda items and their cases: a handful of statements per document,
 * whatever its number of items (one select of what the meeting has, one multi-row insert of the new
 * items, one of the new cases), since a statement per item capped import at about a hundred items/s.
 */
import { isDeepStrictEqual } from "node:util";
import type { Insertable, Transaction } from "kysely";
import {
  ITEM_FIELD_KEYS,
  type ItemFieldKey,
  type ParsedDocument,
  type ParsedItem,
  rangesMeet,
  storedItemNumber,
  type WithholdingReason,
} from "../../domain/index.js";
import type { AgendaItemTable, Database } from "../schema.js";
import { collectWords, itemTexts, municipalitiesIn } from "../search-text.js";
import { parameterChunks } from "./insert-chunks.js";
import { cprLines } from "./withholding.js";

type Tx = Transaction<Database>;

export interface ItemsWritten {
  readonly created: number;
  readonly updated: number;
  readonly removed: number;
}

/** Columns of an agenda item whose change is a change of the item (provenance columns are not). */
const CONTENT_COLUMNS = [
  "position",
  "section_number",
  "section_title",
  "title",
  "public",
  "case_id",
  ...ITEM_FIELD_KEYS,
  "notes",
  "blocks",
  "extra_fields",
  "decisions",
  "case_history",
  "not_participating",
  "annex_markers",
  "withheld",
  "deleted",
] as const;

/**
 * Writes the items of `doc` into the meeting: new numbers inserted, known numbers updated in place (so
 * ids and URLs stay), and items an earlier version of the file brought but this one lacks removed.
 * The words of public items are added to `words` for the "Mente du" list.
 */
export async function writeItems(
  tx: Tx,
  doc: ParsedDocument,
  meetingId: number,
  sourceFileId: number,
  previousIds: readonly number[],
  now: Date,
  words: Set<string>,
): Promise<ItemsWritten> {
  const caseIds = await upsertCases(tx, doc.items, now);
  const sectionTitles = new Map(doc.sections.map((s) => [s.number, s.title]));
  const cpr = cprLines(doc.warnings);
  // An annex pack brings no items: it need not read the meeting's.
  const rows =
    doc.items.length === 0
      ? []
      : await tx.selectFrom("agenda_item").selectAll().where("meeting_id", "=", meetingId).execute();
  const existing = new Map(rows.map((row) => [row.number, row]));
  // By number: a document that repeats a number (a damaged file) stores the later item, as an update would.
  const fresh = new Map<string, Insertable<AgendaItemTable>>();
  let updated = 0;
  for (const [position, item] of doc.items.entries()) {
    const values = itemValues(item, position, {
      sectionTitle: sectionTitles.get(item.section ?? "") ?? null,
      caseId: item.caseNumber ? (caseIds.get(item.caseNumber) ?? null) : null,
      sourceFileId,
      now,
      cprLines: cpr,
    });
    const number = storedItemNumber(item, position);
    const row = existing.get(number);
    // Sticky: an item once withheld stays so until released, whatever this version of the file says.
    if (row) values.withheld = row.withheld ?? values.withheld;
    if (values.withheld === null) for (const text of itemTexts(item)) collectWords(text, words);
    if (row) {
      // An item whose content is unchanged keeps its `modified`, so OParl's modified_since lists only
      // what a re-import really changed (OParl 1.1 §2.5 "Filter"); its provenance still moves along.
      const unchanged = CONTENT_COLUMNS.every((column) => isSame(row[column], values[column]));
      const { modified: _modified, ...provenanceOnly } = values;
      await tx
        .updateTable("agenda_item")
        .set(unchanged ? provenanceOnly : values)
        .where("id", "=", row.id)
        .execute();
      updated++;
    } else {
      fresh.set(number, { meeting_id: meetingId, number, ...values });
    }
  }
  for (const chunk of parameterChunks([...fresh.values()])) {
    await tx.insertInto("agenda_item").values(chunk).execute();
  }
  const kept = [...new Set(doc.items.map((item, position) => storedItemNumber(item, position)))];
  return {
    created: fresh.size,
    updated,
    removed: await removeDropped(tx, meetingId, previousIds, kept, now),
  };
}

/** What an item's row takes from beyond the item: its section's title, its case, its file and the time. */
export interface ItemContext {
  readonly sectionTitle: string | null;
  readonly caseId: number | null;
  readonly sourceFileId: number;
  readonly now: Date;
  /** Lines with a CPR number (store/write/withholding.ts cprLines): an item over one is withheld. */
  readonly cprLines?: readonly { readonly lineStart: number; readonly lineEnd: number }[];
}

/** The agenda_item columns of a parsed item, but for its meeting and number (the natural key). */
export function itemValues(item: ParsedItem, position: number, context: ItemContext) {
  const field = (key: ItemFieldKey): string | null => item.fields[key] ?? null;
  const withheld: WithholdingReason | null = item.closed
    ? ("closed-item" as WithholdingReason)
    : rangesMeet(context.cprLines ?? [], item.source.lineStart, item.source.lineEnd)
      ? "cpr-number"
      : null;
  return {
    position,
    section_number: item.section,
    section_title: context.sectionTitle,
    title: item.title,
    public: !item.closed,
    case_id: context.caseId,
    resume: field("resume"),
    baggrund: field("baggrund"),
    indstilling: field("indstilling"),
    sagsforloeb: field("sagsforloeb"),
    sagsfremstilling: field("sagsfremstilling"),
    beslutning: field("beslutning"),
    notes: item.notes,
    blocks: item.blocks && Object.keys(item.blocks).length > 0 ? JSON.stringify(item.blocks) : null,
    extra_fields: JSON.stringify(
      (item.extraFields ?? []).map(({ key, heading, text, blocks }) => ({ key, heading, text, blocks })),
    ),
    decisions: JSON.stringify(
      (item.decisions ?? []).map(({ body, date, heading, text, blocks }) => ({
        body,
        date,
        heading,
        text,
        blocks,
      })),
    ),
    case_history: JSON.stringify(item.caseHistory ?? []),
    not_participating: JSON.stringify(item.notParticipating ?? []),
    annex_markers: item.annexMarkers,
    withheld,
    search_municipalities: municipalitiesIn(...itemTexts(item)),
    source_file_id: context.sourceFileId,
    page: item.source.page,
    line_start: item.source.lineStart,
    line_end: item.source.lineEnd,
    modified: context.now,
    deleted: false,
  };
}

/** Items that an earlier version of this file brought and this one no longer has are removed. */
async function removeDropped(
  tx: Tx,
  meetingId: number,
  previousIds: readonly number[],
  kept: readonly string[],
  now: Date,
): Promise<number> {
  if (previousIds.length === 0) return 0;
  let removal = tx
    .updateTable("agenda_item")
    .set({ deleted: true, modified: now })
    .where("meeting_id", "=", meetingId)
    .where("source_file_id", "in", previousIds)
    .where("deleted", "=", false);
  if (kept.length > 0) removal = removal.where("number", "not in", kept);
  const removed = await removal.executeTakeFirst();
  return Number(removed.numUpdatedRows);
}

/** The cases the items name, by number: found or made, their case-worker initials merged. */
async function upsertCases(tx: Tx, items: readonly ParsedItem[], now: Date): Promise<Map<string, number>> {
  const initialsByNumber = new Map<string, Set<string>>();
  for (const item of items) {
    if (!item.caseNumber) continue;
    const initials = initialsByNumber.get(item.caseNumber) ?? new Set<string>();
    for (const i of item.caseInitials) initials.add(i);
    initialsByNumber.set(item.caseNumber, initials);
  }
  const ids = new Map<string, number>();
  if (initialsByNumber.size === 0) return ids;
  const found = await tx
    .selectFrom("case_file")
    .select(["id", "number", "initials"])
    .where("number", "in", [...initialsByNumber.keys()])
    .execute();
  for (const row of found) {
    ids.set(row.number, row.id);
    const known = row.initials ?? [];
    const merged = [...new Set([...known, ...(initialsByNumber.get(row.number) ?? [])])];
    if (merged.length !== known.length) {
      await tx
        .updateTable("case_file")
        .set({ initials: JSON.stringify(merged), modified: now })
        .where("id", "=", row.id)
        .execute();
    }
  }
  const missing = [...initialsByNumber].filter(([number]) => !ids.has(number));
  if (missing.length > 0) {
    const rows = await tx
      .insertInto("case_file")
      .values(
        missing.map(([number, initials]) => ({
          number,
          initials: JSON.stringify([...initials]),
          modified: now,
        })),
      )
      .returning(["id", "number"])
      .execute();
    for (const row of rows) ids.set(row.number, row.id);
  }
  return ids;
}

function isSame(a: unknown, b: unknown): boolean {
  // jsonb comes back parsed (its keys reordered), the new value is its JSON text.
  if (typeof b === "string" && a !== null && typeof a === "object")
    return isDeepStrictEqual(a, JSON.parse(b));
  return (a ?? null) === (b ?? null);
}
