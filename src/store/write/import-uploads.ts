/**
 * @module Files staged for import jobs (migration 0030): the bytes are kept in the database, so that a
 * worker on any machine that reaches it can import the file, and deleted once the file is imported.
 */
import type { Kysely } from "kysely";
import type { Database } from "../schema.js";

type Db = Kysely<Database>;

export interface StagedFile {
  readonly fileName: string;
  readonly sha256: string;
  readonly content: Uint8Array;
}

/**
 * Stages a file's bytes and returns the upload's id, for an `import-file` job's payload. Given a
 * transaction, pass the same one to enqueueJob: the upload exists exactly when its job does.
 */
export async function stageImportUpload(db: Db, file: StagedFile): Promise<number> {
  const row = await db
    .insertInto("import_upload")
    .values({ file_name: file.fileName, sha256: file.sha256, content: file.content })
    .returning("id")
    .executeTakeFirstOrThrow();
  return row.id;
}

/** A staged file, or null when it is gone (imported and deleted by an earlier attempt of its job). */
export async function stagedImportUpload(db: Db, id: number): Promise<StagedFile | null> {
  const row = await db
    .selectFrom("import_upload")
    .select(["file_name", "sha256", "content"])
    .where("id", "=", id)
    .executeTakeFirst();
  return row ? { fileName: row.file_name, sha256: row.sha256, content: row.content } : null;
}

/** Deletes a staged file once its job has imported it (or given it up). */
export async function deleteImportUpload(db: Db, id: number): Promise<void> {
  await db.deleteFrom("import_upload").where("id", "=", id).execute();
}
