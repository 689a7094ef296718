/**
 * @module Import of a document's agenda items and their cases: a handful of statements per document,
 * whatever its number of items (one select of what the meeting has, one multi-row insert of the new
 * items, one of the new cases), since a statement per item capped import at about a hundred items/s.
 */
import { isDeepStrictEqual } from "node:util";
import { type Insertable, sql, type Transaction } from "kysely";
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
import { runPrepared } from "./prepared.js";
import { cprLines } from "./withholding.js";

type Tx = Transaction<Database>;

export interface ItemsWritten {
  readonly created: number;
  readonly updated: number;
  readonly removed: number;
  /** Why the document's own file must be withheld: an item it holds is (null when none is). */
  readonly withheld?: WithholdingReason | null;
}

/**
 * How much a document of this kind says about its meeting and items: the minutes (what was decided)
 * outrank the agenda (what was proposed), which outranks anything else (an annex pack names only the
 * date). The higher-ranked document's word stands whichever of them is imported first.
 */
export function documentRank(kind: string | null): number {
  return kind === "minutes" ? 2 : kind === "agenda" ? 1 : 0;
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
      : (
          await runPrepared(
            tx,
            tx
              .selectFrom("agenda_item")
              .leftJoin("source_file", (join) =>
                join
                  .onRef("source_file.id", "=", "agenda_item.source_file_id")
                  .on("source_file.deleted", "=", false),
              )
              .selectAll("agenda_item")
              .select("source_file.kind as sourceKind")
              .where("agenda_item.meeting_id", "=", meetingId),
          )
        ).rows;
  const existing = new Map(rows.map((row) => [row.number, row]));
  const rank = documentRank(doc.kind);
  let withheld: WithholdingReason | null = null;
  /** Other documents of the meeting that hold the text of an item withheld now, and why. */
  const holders = new Map<number, WithholdingReason>();
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
    // This document holds the item's text whoever's row it is: when the item is withheld, so is the file.
    withheld ??= row?.withheld ?? values.withheld;
    if (row && rank < documentRank(row.sourceKind)) {
      // The minutes' item stands (its decision, its text); an agenda read after them may only close it.
      if (row.withheld === null && values.withheld !== null) {
        await tx
          .updateTable("agenda_item")
          .set({ withheld: values.withheld, modified: now })
          .where("id", "=", row.id)
          .execute();
        if (row.source_file_id !== null) holders.set(row.source_file_id, values.withheld);
      }
      updated++;
      continue;
    }
    // Sticky: an item once withheld stays so until released, whatever this version of the file says.
    if (row) values.withheld = row.withheld ?? values.withheld;
    // The item's earlier document (the agenda, when the minutes come) holds its text too.
    const holder = row?.source_file_id ?? null;
    if (
      holder !== null &&
      values.withheld !== null &&
      holder !== sourceFileId &&
      !previousIds.includes(holder)
    ) {
      holders.set(holder, values.withheld);
    }
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
  for (const [holder, reason] of holders) {
    await tx
      .updateTable("file")
      .set({ withheld: reason, modified: now })
      .where("source_file_id", "=", holder)
      .where("role", "=", "original")
      .where("withheld", "is", null)
      .execute();
  }
  const kept = [...new Set(doc.items.map((item, position) => storedItemNumber(item, position)))];
  return {
    created: fresh.size,
    updated,
    removed: await removeDropped(tx, meetingId, previousIds, kept, now),
    withheld,
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

/**
 * The cases the items name, by number: found or made, their case-worker initials merged. Safe beside
 * other workers writing the same cases: new numbers are inserted in sorted order with "on conflict do
 * nothing" (a case another worker makes at the same moment is waited for, then found), and initials are
 * merged in one update against the row as it is then, so neither worker's initials are lost.
 */
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
  // One order for every writer: two documents that share cases take their row locks in the same order.
  const numbers = [...initialsByNumber.keys()].sort();
  const find = (wanted: readonly string[]) =>
    runPrepared(
      tx,
      tx
        .selectFrom("case_file")
        .select(["id", "number", "initials"])
        .where((eb) => eb("number", "=", eb.fn.any(eb.val([...wanted])))),
    ).then((r) => r.rows);
  const found = await find(numbers);
  const stale: { number: string; initials: string[] }[] = [];
  for (const row of found) {
    ids.set(row.number, row.id);
    const known = new Set(row.initials ?? []);
    const wanted = [...(initialsByNumber.get(row.number) ?? [])];
    if (wanted.some((i) => !known.has(i))) stale.push({ number: row.number, initials: wanted });
  }
  const missing = numbers.filter((number) => !ids.has(number));
  if (missing.length > 0) {
    const rows = await tx
      .insertInto("case_file")
      .values(
        missing.map((number) => ({
          number,
          initials: JSON.stringify([...(initialsByNumber.get(number) ?? [])]),
          modified: now,
        })),
      )
      .onConflict((oc) => oc.column("number").doNothing())
      .returning(["id", "number"])
      .execute();
    for (const row of rows) ids.set(row.number, row.id);
    // Made by another worker meanwhile: found now (its commit is what the insert waited for).
    const raced = missing.filter((number) => !ids.has(number));
    if (raced.length > 0) {
      for (const row of await find(raced)) {
        ids.set(row.number, row.id);
        stale.push({ number: row.number, initials: [...(initialsByNumber.get(row.number) ?? [])] });
      }
    }
  }
  if (stale.length > 0) {
    stale.sort((a, b) => (a.number < b.number ? -1 : a.number > b.number ? 1 : 0));
    // Known initials first, new ones after in the order given; only rows that lack one are touched.
    await sql`update case_file c
      set initials = (select jsonb_agg(e order by o) from (
          select e, min(o) as o from jsonb_array_elements(c.initials || v.initials) with ordinality t(e, o)
          group by e) merged),
        modified = ${now}
      from (select number, initials from jsonb_to_recordset(${JSON.stringify(stale)}::jsonb)
              as r(number text, initials jsonb) order by number) v
      where c.number = v.number and not c.initials @> v.initials`.execute(tx);
  }
  return ids;
}

function isSame(a: unknown, b: unknown): boolean {
  // jsonb comes back parsed (its keys reordered), the new value is its JSON text.
  if (typeof b === "string" && a !== null && typeof a === "object")
    return isDeepStrictEqual(a, JSON.parse(b));
  return (a ?? null) === (b ?? null);
}
