/**
 * @module The work of one `import-file` job: parse a staged file on the process's parser pool and store
 * it in one transaction. A file that cannot be read fails the job at once (a JobFailure: trying again
 * cannot mend it); anything else (the database gone for a moment) is tried again. The same bytes are
 * never stored twice: an attempt after one that stored the file but died before it ended finds them.
 */
import type { Kysely } from "kysely";
import type { ParsedDocument } from "../domain/index.js";
import { isIngestError } from "../ingest/index.js";
import { JobFailure } from "../jobs/define-job.js";
import { enqueueJobUnlessQueued } from "../jobs/enqueue.js";
import {
  type Database,
  deleteImportUpload,
  importDocument,
  isImported,
  stagedImportUpload,
} from "../store/index.js";
import type { FileReport } from "./import-report.js";
import { type ParseProgress, sharedParserPool } from "./worker-parser.js";

export interface ImportFilePayload {
  /** The staged bytes (import_upload). */
  readonly uploadId: number;
  /** The file's name, as the import reports it. */
  readonly file: string;
  /** Its SHA-256, to recognise bytes an earlier attempt stored. */
  readonly sha256: string;
}

/** What an import job returns: the file's report without the path, which only its starter knows. */
export type ImportFileResult = Omit<FileReport, "path">;

/** How long after an import the search words are brought up to date (one refresh for many files). */
const FINISH_DELAY_MS = 2000;

/**
 * Imports one staged file and deletes its upload.
 * @example const result = await importStagedFile(db, payload, (ocr) => progress(ocr.done, ocr.total));
 */
export async function importStagedFile(
  db: Kysely<Database>,
  payload: ImportFilePayload,
  onProgress?: ParseProgress,
): Promise<ImportFileResult> {
  const staged = await stagedImportUpload(db, payload.uploadId);
  if (!staged) {
    if (await isImported(db, payload.sha256)) return { outcome: "unchanged", warnings: [] };
    throw new JobFailure("the file staged for import is gone");
  }
  const source = { file: staged.fileName, bytes: staged.content, sha256: staged.sha256 };
  if (await isImported(db, source.sha256)) {
    await deleteImportUpload(db, payload.uploadId);
    return { outcome: "unchanged", warnings: [] };
  }
  let doc: ParsedDocument;
  try {
    doc = await sharedParserPool().parse(source, onProgress);
  } catch (error) {
    // A file that cannot be parsed will not parse the next time either.
    await deleteImportUpload(db, payload.uploadId);
    // The worker keeps the first line as the job's reason.
    const reason = isIngestError(error)
      ? error.problem
      : error instanceof Error
        ? error.message
        : String(error);
    throw new JobFailure(reason);
  }
  const result = await importDocument(db, doc, { content: source.bytes });
  await deleteImportUpload(db, payload.uploadId);
  if (result.status === "unchanged") return { outcome: "unchanged", warnings: [] };
  await enqueueJobUnlessQueued(db, "finish-imports", {}, { delayMs: FINISH_DELAY_MS });
  return {
    outcome: "imported",
    kind: doc.kind,
    status: result.status,
    items: result.items.created + result.items.updated,
    attendees: doc.attendance.present.length + doc.attendance.absent.length,
    documents: doc.documents.length,
    meetingId: result.meetingId,
    warnings: [...doc.warnings, ...result.warnings],
  };
}
