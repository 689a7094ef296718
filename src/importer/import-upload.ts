/**
 * @module The import of files sent over HTTP (POST /api/imports): each file staged with its
 * `import-file` job in one new batch, as `raadsinfo import --detach` queues a folder, and the upload in
 * the audit log with who sent it (the user, and the API token when one was used). The caller decides who
 * may (domain's mayImport) and refuses empty or too large files before calling.
 */
import { randomUUID } from "node:crypto";
import type { Kysely } from "kysely";
import type { Actor } from "../accounts/index.js";
import { sourceFileOf } from "../ingest/index.js";
import { type Database, insertAuditEntry } from "../store/index.js";
import { queueSourceFile } from "./import-run.js";

/** One file as it was received. */
export interface ReceivedFile {
  readonly name: string;
  readonly bytes: Uint8Array;
}

/** What became of a received file: its job, or nothing to do because its bytes are stored already. */
export type QueuedUpload =
  | { readonly name: string; readonly job: number }
  | { readonly name: string; readonly outcome: "unchanged" };

/**
 * Queues the files in one new batch and records the upload.
 * @example const { batch, files } = await importUploader({ db, actor, files: [{ name: "referat.pdf", bytes }], now: new Date() });
 */
export async function importUploader(props: {
  readonly db: Kysely<Database>;
  readonly actor: Actor;
  readonly files: readonly ReceivedFile[];
  readonly now: Date;
}): Promise<{ readonly batch: string; readonly files: QueuedUpload[] }> {
  const batch = randomUUID();
  const files: QueuedUpload[] = [];
  const recorded: { name: string; sha256: string; bytes: number; job: number | null }[] = [];
  for (const received of props.files) {
    const source = sourceFileOf(received.name, received.bytes);
    const queued = await queueSourceFile(props.db, source, batch);
    const job = "jobId" in queued ? queued.jobId : null;
    files.push(job === null ? { name: source.file, outcome: "unchanged" } : { name: source.file, job });
    recorded.push({ name: source.file, sha256: source.sha256, bytes: source.bytes.byteLength, job });
  }
  await insertAuditEntry(props.db, {
    actorUserId: props.actor.userId,
    actorTokenId: props.actor.tokenId,
    action: "import-upload",
    targetKind: "import-batch",
    targetId: batch,
    before: null,
    after: { files: recorded },
    at: props.now,
  });
  return { batch, files };
}
