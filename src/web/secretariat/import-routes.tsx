/**
 * @module The administrator's upload of meeting records (issue 17): GET /sekretariat/import shows the form,
 * POST /sekretariat/import (multipart, CSRF checked by the app's middleware, bounded by its body limit)
 * queues the files with importer's importUploader in one new batch (as POST /api/imports does), then sends
 * the browser to /sekretariat/import/{batch}, which shows each file's job. The workers of serve (or
 * `raadsinfo worker`) take the jobs; the audit log records each upload (action import-upload: the files,
 * their sha256 and whether each was queued). Who may import is domain's mayImport; the workspace's guard
 * has already refused the public and those who are not of any secretariat. What a file may be is
 * importer's uploadRefusal, shared with the API.
 */
import { type Context, Hono, type MiddlewareHandler } from "hono";
import { mayImport } from "../../domain/index.js";
import {
  IMPORTABLE_TYPES,
  importUploader,
  uploadedFileName,
  uploadRefusal,
} from "../../importer/import-upload.js";
import { MAX_SOURCE_FILE_BYTES } from "../../ingest/index.js";
import { batchJobs } from "../../store/index.js";
import type { FieldError } from "../components/form-parts.js";
import { forbidden, notFound } from "../http-error.js";
import {
  type BatchFile,
  IMPORT_FILE_FIELD,
  IMPORT_PATH,
  ImportBatchPage,
  ImportFormPage,
  importBatchPath,
  UNCHANGED_FIELD,
} from "../pages/import-page.js";
import { requestActor, secretariatPageBasics } from "./secretariat-guard.js";

const MEGABYTE = 1024 * 1024;
const BATCH_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** Refuses (403) everyone whom domain does not let import. */
function importerOnly(): MiddlewareHandler {
  return async function importerOnlyMiddleware(c, next) {
    if (!mayImport(c.get("viewer"))) throw forbidden("Siden er kun for administratorer.");
    await next();
  };
}

function showForm(c: Context, errors: readonly FieldError[] = [], status: 200 | 413 | 422 = 200) {
  const { csrfToken, siteName } = secretariatPageBasics(c);
  return c.html(
    <ImportFormPage
      csrfToken={csrfToken}
      siteName={siteName}
      errors={errors}
      maxMegabytes={MAX_SOURCE_FILE_BYTES / MEGABYTE}
    />,
    status,
  );
}

/** The file's own name; a file with none is refused by its missing ending. */
const fileNameOf = (upload: File): string => uploadedFileName(upload.name) ?? "";

/**
 * Why the selection cannot be imported, one line per file (none: it can); the first is tied to the field.
 * @example selectionErrors([new File([], "x.exe")]) // [{ field: "filer", message: 'Filen "x.exe" kan ...' }]
 */
export function selectionErrors(uploads: readonly File[], maxBytes = MAX_SOURCE_FILE_BYTES): FieldError[] {
  if (uploads.length === 0)
    return [{ field: IMPORT_FILE_FIELD, message: "Vælg mindst én fil at importere." }];
  const messages: string[] = [];
  for (const upload of uploads) {
    const name = fileNameOf(upload);
    const refusal = uploadRefusal(name, upload.size, maxBytes);
    if (refusal === "type") messages.push(`Filen "${name}" kan ikke importeres: kun ${IMPORTABLE_TYPES}.`);
    else if (refusal === "too-large") {
      messages.push(
        `Filen "${name}" fylder ${Math.ceil(upload.size / MEGABYTE)} MB; en fil må højst fylde ${maxBytes / MEGABYTE} MB.`,
      );
    } else if (refusal === "empty") messages.push(`Filen "${name}" er tom.`);
  }
  return messages.map((message, index) => ({ field: index === 0 ? IMPORT_FILE_FIELD : null, message }));
}

/** The batch's files: those stored already (named in the address), then each job in the order queued. */
async function batchFiles(c: Context, batch: string): Promise<BatchFile[]> {
  const unchanged = c.req.queries(UNCHANGED_FIELD) ?? [];
  const jobs = await batchJobs(c.get("db"), batch);
  return [
    ...unchanged.map((file) => ({ file, job: null })),
    ...jobs
      .filter((job) => job.kind === "import-file")
      .map((job) => ({ file: String((job.payload as { file?: unknown } | null)?.file ?? ""), job })),
  ];
}

export function importRoutes(): Hono {
  const app = new Hono();
  for (const path of [IMPORT_PATH, `${IMPORT_PATH}/*`]) app.use(path, importerOnly());

  app.get(IMPORT_PATH, (c) => showForm(c));

  app.post(IMPORT_PATH, async function importUpload(c) {
    // Parsed (and bounded) already by the app's CSRF check; Hono keeps the form.
    const body = await c.req.parseBody({ all: true });
    // A browser sends an empty file field (no file chosen) as a nameless, empty file.
    const uploads = [body[IMPORT_FILE_FIELD] ?? []]
      .flat()
      .filter((value): value is File => value instanceof File && (value.size > 0 || value.name !== ""));
    const errors = selectionErrors(uploads);
    if (errors.length > 0) return showForm(c, errors, 422);
    const { batch, files } = await importUploader({
      db: c.get("db"),
      actor: requestActor(c),
      files: uploads.map((upload) => ({
        name: fileNameOf(upload),
        bytes: async () => new Uint8Array(await upload.arrayBuffer()),
      })),
      now: c.get("now")(),
    });
    const unchanged = files.flatMap((file) => ("outcome" in file ? [file.name] : []));
    return c.redirect(importBatchPath(batch, unchanged), 303);
  });

  app.get(`${IMPORT_PATH}/:batch`, async function importBatch(c) {
    const batch = c.req.param("batch");
    if (!BATCH_ID.test(batch)) throw notFound("Importen");
    const files = await batchFiles(c, batch);
    if (files.length === 0) throw notFound("Importen");
    const { siteName } = secretariatPageBasics(c);
    return c.html(<ImportBatchPage siteName={siteName} batch={batch} files={files} />);
  });

  return app;
}
