/**
 * @module The import of files sent over HTTP (the JSON API's POST /api/imports and the administrator's form
 * at /sekretariat/import): each file staged with its `import-file` job in one new batch, as
 * `raadsinfo import --detach` queues a folder, and the upload in the audit log (import-upload on the
 * batch: who sent it, with the API token when one was used, and each file's name, sha256, size and job).
 * The caller decides who may (domain's mayImport) and, by `uploadRefusal`, refuses before calling a file
 * import cannot take; `uploadedFileName` is the name a received file is known by.
 */
import { randomUUID } from "node:crypto";
import { basename, extname } from "node:path";
import type { Kysely } from "kysely";
import { type Actor, auditAppend } from "../accounts/index.js";
import { MAX_SOURCE_FILE_BYTES, SOURCE_EXTENSIONS, sourceFileOf } from "../ingest/index.js";
import type { Database } from "../store/index.js";
import { queueSourceFile } from "./import-run.js";

/** What import takes, as a reader says it (after "kun"). */
export const IMPORTABLE_TYPES = "PDF (.pdf), Word (.docx), HTML (.html, .htm) og tekst (.txt)";

/** Why a received file cannot be imported; each front door words it and answers with its own status. */
export type UploadRefusal = "type" | "empty" | "too-large";

/**
 * The one rule for what an upload may hold: a file import reads (by its ending, as `raadsinfo import`
 * skips others), not empty, and at most `maxBytes`; null when it may be queued.
 * @example uploadRefusal("bilag.xlsx", 12) // "type"
 */
export function uploadRefusal(
  name: string,
  size: number,
  maxBytes = MAX_SOURCE_FILE_BYTES,
): UploadRefusal | null {
  if (!SOURCE_EXTENSIONS.includes(extname(name).toLowerCase())) return "type";
  if (size === 0) return "empty";
  if (size > maxBytes) return "too-large";
  return null;
}

/**
 * A received file's own name: no folder a browser or client sent along, no control characters, at most
 * 255 characters; null when nothing is left.
 * @example uploadedFileName("C:\\Bilag\\referat.pdf") // "referat.pdf"
 */
export function uploadedFileName(sent: string): string | null {
  const name = basename(sent.replaceAll("\\", "/"))
    // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what is removed.
    .replace(/[\u0000-\u001f\u007f]/g, "")
    .trim()
    .slice(0, 255);
  return name === "" || name === "." || name === ".." ? null : name;
}

/** One file as it was received; its bytes are read when its turn comes, one file at a time. */
export interface ReceivedFile {
  readonly name: string;
  readonly bytes: () => Promise<Uint8Array>;
}

/** What became of a received file: its job, or nothing to do because its bytes are stored already. */
export type QueuedUpload =
  | { readonly name: string; readonly job: number }
  | { readonly name: string; readonly outcome: "unchanged" };

/**
 * Queues the files in one new batch and records the upload.
 * @example const { batch, files } = await importUploader({ db, actor, files: [{ name: "referat.pdf", bytes: async () => bytes }] });
 */
export async function importUploader(props: {
  readonly db: Kysely<Database>;
  readonly actor: Actor;
  readonly files: readonly ReceivedFile[];
  readonly now?: Date;
}): Promise<{ readonly batch: string; readonly files: QueuedUpload[] }> {
  const { db } = props;
  const batch = randomUUID();
  const files: QueuedUpload[] = [];
  const audited: { file: string; sha256: string; bytes: number; queued: boolean; job: number | null }[] = [];
  try {
    for (const received of props.files) {
      const source = sourceFileOf(received.name, await received.bytes());
      const queued = await queueSourceFile(db, source, batch);
      const job = "jobId" in queued ? queued.jobId : null;
      files.push(job === null ? { name: source.file, outcome: "unchanged" } : { name: source.file, job });
      const size = source.bytes.byteLength;
      audited.push({ file: source.file, sha256: source.sha256, bytes: size, queued: job !== null, job });
    }
  } finally {
    // What was queued is recorded even when a later file could not be (the database gone for a moment).
    if (audited.length > 0) {
      await auditAppend({
        db,
        actor: props.actor,
        action: "import-upload",
        targetKind: "import-batch",
        targetId: batch,
        after: { files: audited },
        ...(props.now ? { now: props.now } : {}),
      });
    }
  }
  return { batch, files };
}
