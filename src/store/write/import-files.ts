/** @module Import of files: the original for download, and each annex document with its text per page. */
import type { Insertable, Transaction } from "kysely";
import {
  annexWithholding,
  type PageSpan,
  type ParsedDocument,
  rangesMeet,
  type WithholdingReason,
} from "../../domain/index.js";
import type { Database, FilePageTable, FileTable } from "../schema.js";
import { collectWords, municipalitiesIn } from "../search-text.js";
import type { ImportOptions } from "./import-document.js";
import { parameterChunks } from "./insert-chunks.js";
import { runPrepared } from "./prepared.js";
import { cprLines } from "./withholding.js";

type Tx = Transaction<Database>;
type PageText = PageSpan & { readonly text: string };

export const MIME_BY_FORMAT = {
  text: "text/plain; charset=utf-8",
  pdf: "application/pdf",
  docx: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
  // A saved web page is kept as its source text: served as HTML it would run its scripts on the portal.
  html: "text/plain",
} as const;

/** Where a document's files go: its source file and its meeting. */
export interface FileTarget {
  readonly sourceFileId: number;
  readonly meetingId: number | null;
  /**
   * The meeting's date was only estimated from the pack's text: the link may be wrong, so its annexes
   * stay withheld as unlinked (nothing says which of its items are closed) until released.
   */
  readonly meetingEstimated?: boolean;
  /** Why the imported file itself is withheld, from what its items are (import-items.ts); null if not. */
  readonly originalWithheld?: WithholdingReason | null;
  /** Source files this one replaces: their files are reused (same ids) or removed. */
  readonly previousIds: readonly number[];
  readonly now: Date;
}

/**
 * The file_page row of one page of an annex document: its lines are those of the page that fall inside
 * the document's range (a page shared with the next document has lines of both).
 */
export function pageRow(
  fileId: number,
  page: PageText,
  range: { readonly lineStart: number | null; readonly lineEnd: number | null },
  cpr: readonly { readonly lineStart: number; readonly lineEnd: number }[] = [],
): Insertable<FilePageTable> {
  const lineStart = Math.max(page.lineStart, range.lineStart ?? page.lineStart);
  const lineEnd = Math.min(page.lineEnd, range.lineEnd ?? page.lineEnd);
  return {
    file_id: fileId,
    page: page.page,
    line_start: lineStart,
    line_end: lineEnd,
    text: page.text,
    // The privacy gate: a page over a line with a CPR number is withheld from the public.
    withheld: rangesMeet(cpr, page.lineStart, page.lineEnd) ? "cpr-number" : null,
    search_municipalities: municipalitiesIn(page.text),
  };
}

/**
 * The imported file itself becomes an "original" File (for download); each document of an annex pack,
 * or the whole text of a plain document, becomes an "annex" File with its text page by page.
 */
export async function writeFiles(
  tx: Tx,
  doc: ParsedDocument,
  target: FileTarget,
  options: ImportOptions,
  words: Set<string>,
): Promise<number> {
  const { sourceFileId, meetingId, previousIds, now } = target;
  const pages = doc.pageTexts ?? [{ page: 1, lineStart: 1, lineEnd: lineCount(doc.text), text: doc.text }];
  const mime = options.mime ?? MIME_BY_FORMAT[doc.source.format];
  const byteSize = options.content?.byteLength ?? Buffer.byteLength(doc.text);
  type Planned = {
    role: "original" | "annex";
    title: string;
    itemNumber: string | null;
    annexNumber: number | null;
    pageStart: number;
    pageEnd: number;
    lineStart: number | null;
    lineEnd: number | null;
  };
  const lastPage = pages.at(-1)?.page ?? 1;
  const planned: Planned[] = [
    {
      role: "original",
      title: doc.source.file,
      itemNumber: null,
      annexNumber: null,
      pageStart: 1,
      pageEnd: lastPage,
      lineStart: null,
      lineEnd: null,
    },
  ];
  if (doc.documents.length > 0) {
    for (const d of doc.documents) {
      planned.push({
        role: "annex",
        title: d.title,
        itemNumber: d.itemNumber,
        annexNumber: d.annexNumber,
        pageStart: d.source.pageStart,
        pageEnd: d.source.pageEnd,
        lineStart: d.source.lineStart,
        lineEnd: d.source.lineEnd,
      });
    }
  } else if (doc.kind !== "minutes" && doc.kind !== "agenda") {
    // A plain document or a pack whose documents were not told apart is one annex as a whole.
    planned.push({
      role: "annex",
      title: doc.toc[0]?.title ?? doc.source.file.replace(/\.[^.]+$/, ""),
      itemNumber: null,
      annexNumber: null,
      pageStart: 1,
      pageEnd: lastPage,
      lineStart: 1,
      lineEnd: pages.at(-1)?.lineEnd ?? null,
    });
  }

  const earlier =
    previousIds.length > 0
      ? await tx
          .selectFrom("file")
          .select(["id", "role", "title", "item_number", "annex_number", "withheld"])
          .where("source_file_id", "in", previousIds)
          .where("deleted", "=", false)
          .execute()
      : [];
  const { ids: itemIdOf, closed: closedItems } = await itemsOfFiles(tx, meetingId, planned);
  const reused = new Set<number>();
  const fresh: Insertable<FileTable>[] = [];
  const freshPages = new Map<number, PageText[]>();
  const pageRows: Insertable<FilePageTable>[] = [];
  const cpr = cprLines(doc.warnings);
  const withheldOf = (plan: Planned) =>
    plan.role === "annex"
      ? annexWithholding({
          ofClosedItem: closedItems.has(plan.itemNumber ?? ""),
          linked: meetingId !== null && !target.meetingEstimated,
          inPack: doc.kind === "annex-pack",
          itemNumber: plan.itemNumber,
        })
      : (target.originalWithheld ?? null);
  const pagesOfFile = (fileId: number, plan: Planned, pagesOf: readonly PageText[]) => {
    if (plan.role !== "annex") return;
    const fileWithheld = withheldOf(plan) !== null;
    for (const p of pagesOf) {
      const row = pageRow(fileId, p, plan, cpr);
      pageRows.push(row);
      if (!fileWithheld && !row.withheld) collectWords(p.text, words);
    }
  };
  for (const [position, plan] of planned.entries()) {
    const pagesOf = pages.filter((p) => p.page >= plan.pageStart && p.page <= plan.pageEnd);
    const text =
      plan.role === "original"
        ? ""
        : // Whole pages: a document that shares a page with the next keeps that page's text too.
          pagesOf.map((p) => p.text).join("\n\n");
    const values = {
      source_file_id: sourceFileId,
      meeting_id: meetingId,
      agenda_item_id: plan.itemNumber ? (itemIdOf.get(plan.itemNumber) ?? null) : null,
      item_number: plan.itemNumber,
      annex_number: plan.annexNumber,
      title: plan.title,
      file_name: doc.source.file,
      mime,
      sha256: doc.source.sha256,
      byte_size: byteSize,
      page_start: plan.pageStart,
      page_end: plan.pageEnd,
      line_start: plan.lineStart,
      line_end: plan.lineEnd,
      text,
      position,
      role: plan.role,
      modified: now,
      deleted: false,
    };
    const match = earlier.find(
      (e) =>
        !reused.has(e.id) &&
        e.role === plan.role &&
        e.item_number === plan.itemNumber &&
        e.annex_number === plan.annexNumber &&
        (plan.role === "original" || e.title === plan.title),
    );
    if (match) {
      // A re-import: the file keeps its id (and URL); its pages are written anew. Its mark stays (sticky).
      reused.add(match.id);
      const withheld = match.withheld ?? withheldOf(plan);
      await tx
        .updateTable("file")
        .set({ ...values, withheld })
        .where("id", "=", match.id)
        .execute();
      await tx.deleteFrom("file_page").where("file_id", "=", match.id).execute();
      pagesOfFile(match.id, plan, pagesOf);
    } else {
      fresh.push({ ...values, withheld: withheldOf(plan) });
      freshPages.set(position, pagesOf);
    }
  }
  for (const chunk of parameterChunks(fresh)) {
    const rows = await tx.insertInto("file").values(chunk).returning(["id", "position"]).execute();
    for (const row of rows) {
      pagesOfFile(row.id, planned[row.position] as Planned, freshPages.get(row.position) ?? []);
    }
  }
  for (const chunk of parameterChunks(pageRows)) await tx.insertInto("file_page").values(chunk).execute();
  const stale = earlier.filter((e) => !reused.has(e.id)).map((e) => e.id);
  if (stale.length > 0) {
    await tx.updateTable("file").set({ deleted: true, modified: now }).where("id", "in", stale).execute();
  }
  return planned.length - 1;
}

/**
 * The items the planned files belong to, by number: their ids, and which are closed (whose annexes are
 * as closed as they, and add no words to the "Mente du" list).
 */
async function itemsOfFiles(
  tx: Tx,
  meetingId: number | null,
  planned: readonly { itemNumber: string | null }[],
): Promise<{ ids: Map<string, number>; closed: Set<string> }> {
  const ids = new Map<string, number>();
  const closed = new Set<string>();
  const numbers = [...new Set(planned.flatMap((p) => (p.itemNumber ? [p.itemNumber] : [])))];
  if (meetingId === null || numbers.length === 0) return { ids, closed };
  const { rows } = await runPrepared(
    tx,
    tx
      .selectFrom("agenda_item")
      .select(["id", "number", "withheld", "deleted"])
      .where("meeting_id", "=", meetingId)
      .where((eb) => eb("number", "=", eb.fn.any(eb.val(numbers)))),
  );
  for (const row of rows) {
    if (!row.deleted) ids.set(row.number, row.id);
    // A closed item since removed still closes its annexes (what was once closed stays withheld).
    if (row.withheld === "closed-item") closed.add(row.number);
  }
  return { ids, closed };
}

function lineCount(text: string): number {
  return text.split("\n").length;
}
