/** @module Import of files: the original for download, and each annex document with its text per page. */
import type { Transaction } from "kysely";
import type { ParsedDocument } from "../domain/index.js";
import type { ImportOptions } from "./import-document.js";
import type { Database } from "./schema.js";

type Tx = Transaction<Database>;

export const MIME_BY_FORMAT = {
  text: "text/plain; charset=utf-8",
  pdf: "application/pdf",
  docx: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
} as const;

/**
 * The imported file itself becomes an "original" File (for download); each document of an annex pack,
 * or the whole text of a plain document, becomes an "annex" File with its text page by page.
 */
export async function writeFiles(
  tx: Tx,
  doc: ParsedDocument,
  sourceFileId: number,
  meetingId: number | null,
  itemIds: ReadonlyMap<string, number>,
  previousIds: readonly number[],
  options: ImportOptions,
  now: Date,
): Promise<number> {
  const pages = doc.pageTexts ?? [{ page: 1, lineStart: 1, lineEnd: lineCount(doc.text), text: doc.text }];
  const mime = options.mime ?? MIME_BY_FORMAT[doc.source.format];
  const byteSize = options.content?.byteLength ?? Buffer.byteLength(doc.text);
  const itemIdFor = async (itemNumber: string | null): Promise<number | null> => {
    if (!itemNumber || meetingId === null) return null;
    const known = itemIds.get(itemNumber);
    if (known !== undefined) return known;
    const row = await tx
      .selectFrom("agenda_item")
      .select("id")
      .where("meeting_id", "=", meetingId)
      .where("number", "=", itemNumber)
      .where("deleted", "=", false)
      .executeTakeFirst();
    return row?.id ?? null;
  };

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
          .select(["id", "role", "title", "item_number", "annex_number"])
          .where("source_file_id", "in", previousIds)
          .where("deleted", "=", false)
          .execute()
      : [];
  const reused = new Set<number>();
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
      agenda_item_id: await itemIdFor(plan.itemNumber),
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
    let fileId: number;
    if (match) {
      reused.add(match.id);
      await tx.updateTable("file").set(values).where("id", "=", match.id).execute();
      await tx.deleteFrom("file_page").where("file_id", "=", match.id).execute();
      fileId = match.id;
    } else {
      const row = await tx.insertInto("file").values(values).returning("id").executeTakeFirstOrThrow();
      fileId = row.id;
    }
    if (plan.role === "annex" && pagesOf.length > 0) {
      await tx
        .insertInto("file_page")
        .values(
          pagesOf.map((p) => ({
            file_id: fileId,
            page: p.page,
            line_start: Math.max(p.lineStart, plan.lineStart ?? p.lineStart),
            line_end: Math.min(p.lineEnd, plan.lineEnd ?? p.lineEnd),
            text: p.text,
          })),
        )
        .execute();
    }
  }
  const stale = earlier.filter((e) => !reused.has(e.id)).map((e) => e.id);
  if (stale.length > 0) {
    await tx.updateTable("file").set({ deleted: true, modified: now }).where("id", "in", stale).execute();
  }
  return planned.length - 1;
}

function lineCount(text: string): number {
  return text.split("\n").length;
}
