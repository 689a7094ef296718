/**
 * @module The privacy gate's other way out (issue 12, point 9): an annex whose pages hold a CPR number is
 * replaced by a redacted copy. The copy's bytes become the annex's own source file (an annex cut from a
 * pack downloads the copy, not the pack, whose original stays withheld while it holds the number); its
 * pages replace the annex's pages, whose search documents follow through the file_page triggers; the
 * annex keeps its id, item, meeting, title and stamp. Whether the caller may, and whether the copy is
 * clean, is the command's (authoring/file-redactor.ts); this writes only.
 */
import { createHash } from "node:crypto";
import { type Kysely, sql, type Transaction } from "kysely";
import type { PageSpan, SourceFormat, WithholdingReason } from "../../domain/index.js";
import type { Database } from "../schema.js";
import { collectWords, municipalitiesIn } from "../search-text.js";
import { queueSearchWords } from "../search-words.js";
import { parameterChunks } from "./insert-chunks.js";

type Db = Kysely<Database> | Transaction<Database>;

/** source_file.kind of a redacted copy: no import made it, so no re-import of a pack will read it. */
export const REDACTED_COPY_KIND = "redacted-copy";

/** A file as a replacement sees it: what it is, whose it is, and what it holds now. */
export interface ReplaceableFile {
  readonly id: number;
  readonly role: string;
  readonly title: string;
  readonly fileName: string;
  readonly deleted: boolean;
  readonly withheld: WithholdingReason | null;
  /** The meeting's body, or for a file of no meeting the body its source file names; null when none. */
  readonly bodyId: number | null;
  readonly sha256: string;
  readonly byteSize: number;
  readonly pages: number;
  /** Pages withheld for a CPR number. */
  readonly cprPages: readonly number[];
}

/**
 * The file `id` as a replacement needs to know it; undefined when there is no such file.
 * @example const file = await replaceableFile(tx, 12);
 */
export async function replaceableFile(db: Db, id: number): Promise<ReplaceableFile | undefined> {
  const result = await sql<Omit<ReplaceableFile, "cprPages"> & { cprPages: number[] | null }>`
    select f.id, f.role, f.title, f.file_name as "fileName", f.deleted, f.withheld,
      coalesce(m.body_id, b.id) as "bodyId", f.sha256, f.byte_size as "byteSize",
      (select count(*)::int from file_page p where p.file_id = f.id) as pages,
      (select array_agg(p.page order by p.page) from file_page p
        where p.file_id = f.id and p.withheld = 'cpr-number') as "cprPages"
    from file f left join meeting m on m.id = f.meeting_id
      left join source_file sf on sf.id = f.source_file_id
      left join body b on m.id is null and b.name = sf.body_name
    where f.id = ${id}`.execute(db);
  const row = result.rows[0];
  return row ? { ...row, cprPages: row.cprPages ?? [] } : undefined;
}

/**
 * The source file already holding these bytes, if any: source_file.sha256 is unique, and an imported
 * file is no redacted copy.
 */
export async function sourceFileWithHash(
  db: Db,
  sha256: string,
): Promise<{ readonly id: number; readonly fileName: string } | undefined> {
  return db
    .selectFrom("source_file")
    .select(["id", "file_name as fileName"])
    .where("sha256", "=", sha256)
    .executeTakeFirst();
}

/** The redacted copy, read: its bytes and its text page by page. */
export interface RedactedCopy {
  readonly fileName: string;
  readonly bytes: Uint8Array;
  readonly sha256: string;
  readonly format: SourceFormat;
  readonly mime: string;
  readonly text: string;
  readonly pages: readonly (PageSpan & { readonly text: string })[];
}

/** What changed, for the audit log: the file's bytes and pages before and after. */
export interface FileReplaced {
  readonly before: {
    readonly fileName: string;
    readonly sha256: string;
    readonly byteSize: number;
    readonly pages: number;
    readonly withheld: WithholdingReason | null;
    readonly cprPages: readonly number[];
  };
  readonly after: {
    readonly fileName: string;
    readonly sha256: string;
    readonly byteSize: number;
    readonly pages: number;
    readonly withheld: WithholdingReason | null;
  };
}

/**
 * Replaces annex `fileId`'s bytes and pages with `copy`, and clears its `cpr-number` marks (the file's
 * and every page's: the pages are new). Another mark (closed item, unlinked annex) stays: that reason is
 * released on its own. The page count follows the copy; pages beyond it are gone, links to them land on
 * the annex. Call inside a transaction, after replaceableFile said it is an annex.
 * @example await replaceFileContent(tx, { fileId: 12, copy, now: new Date() });
 */
export async function replaceFileContent(
  tx: Transaction<Database>,
  input: { readonly fileId: number; readonly copy: RedactedCopy; readonly now: Date },
): Promise<FileReplaced> {
  const { fileId, copy, now } = input;
  const old = await tx
    .selectFrom("file")
    .leftJoin("source_file", "source_file.id", "file.source_file_id")
    .select([
      "file.file_name",
      "file.sha256",
      "file.byte_size",
      "file.withheld",
      "file.source_file_id",
      "source_file.body_name",
      "source_file.kind",
    ])
    .where("file.id", "=", fileId)
    .forUpdate("file")
    .executeTakeFirstOrThrow();
  const oldPages = await tx
    .selectFrom("file_page")
    .select(["page", "withheld"])
    .where("file_id", "=", fileId)
    .orderBy("page")
    .execute();
  const source = await tx
    .insertInto("source_file")
    .values({
      file_name: copy.fileName,
      sha256: copy.sha256,
      sha512: createHash("sha512").update(copy.bytes).digest("hex"),
      format: copy.format,
      mime: copy.mime,
      byte_size: copy.bytes.byteLength,
      pages: copy.pages.length,
      kind: REDACTED_COPY_KIND,
      body_name: old.body_name,
      content: copy.bytes,
      text: copy.text,
      warnings: "[]",
      parsed: JSON.stringify({ redactedCopyOf: fileId }),
      modified: now,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  // An earlier redacted copy of this annex is nobody's source any more.
  if (old.kind === REDACTED_COPY_KIND && old.source_file_id !== null) {
    await tx
      .updateTable("source_file")
      .set({ deleted: true, modified: now })
      .where("id", "=", old.source_file_id)
      .execute();
  }
  await tx.deleteFrom("file_page").where("file_id", "=", fileId).execute();
  const withheld = old.withheld === "cpr-number" ? null : old.withheld;
  const lastLine = copy.pages.at(-1)?.lineEnd ?? null;
  await tx
    .updateTable("file")
    .set({
      source_file_id: source.id,
      file_name: copy.fileName,
      mime: copy.mime,
      sha256: copy.sha256,
      byte_size: copy.bytes.byteLength,
      page_start: 1,
      page_end: copy.pages.length,
      line_start: 1,
      line_end: lastLine,
      text: copy.pages.map((p) => p.text).join("\n\n"),
      withheld,
      modified: now,
    })
    .where("id", "=", fileId)
    .execute();
  // The copy was refused if any page held a CPR number, so no page is withheld.
  const rows = copy.pages.map((p) => ({
    file_id: fileId,
    page: p.page,
    line_start: p.lineStart,
    line_end: p.lineEnd,
    text: p.text,
    withheld: null,
    search_municipalities: municipalitiesIn(p.text),
  }));
  for (const chunk of parameterChunks(rows)) await tx.insertInto("file_page").values(chunk).execute();
  // The copy's words join "Mente du" as an import's would, unless the annex stays withheld.
  if (withheld === null) {
    const words = new Set<string>();
    for (const p of copy.pages) collectWords(p.text, words);
    await queueSearchWords(tx, words);
  }
  return {
    before: {
      fileName: old.file_name,
      sha256: old.sha256,
      byteSize: old.byte_size,
      pages: oldPages.length,
      withheld: old.withheld,
      cprPages: oldPages.filter((p) => p.withheld === "cpr-number").map((p) => p.page),
    },
    after: {
      fileName: copy.fileName,
      sha256: copy.sha256,
      byteSize: copy.bytes.byteLength,
      pages: copy.pages.length,
      withheld,
    },
  };
}
