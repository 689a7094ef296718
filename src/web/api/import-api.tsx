/**
 * @module Imports through the JSON API: POST /api/imports takes one or more files (multipart/form-data,
 * fields `file`, or a raw body named by `?name=`), stages each and queues its `import-file` job in one new
 * batch (importer/import-upload.ts, audited), and answers 202 at once; GET /api/imports/{batch} follows
 * the batch's jobs. Any worker of any process on the same database (serve's or `raadsinfo worker`'s)
 * takes the jobs. Only whom domain/visibility's mayImport allows (administrators), signed in or with an
 * API token. Documented in openapi-import.ts.
 */
import { type Context, Hono } from "hono";
import { mayImport } from "../../domain/index.js";
import {
  IMPORTABLE_TYPES,
  importUploader,
  uploadedFileName,
  uploadRefusal,
} from "../../importer/import-upload.js";
import { MAX_SOURCE_FILE_BYTES } from "../../ingest/index.js";
import { batchJobs, type JobStatus, jobJson } from "../../store/index.js";
import { badRequest, forbidden, notFound, portalError } from "../http-error.js";
import { actorOf } from "./api-request.js";

/** One file of an upload, before it is read. */
interface Upload {
  readonly name: string;
  readonly size: number;
  readonly bytes: () => Promise<Uint8Array>;
}

/** The acting administrator with the store, or 401/403. */
function importer(c: Context) {
  const acting = actorOf(c);
  if (!mayImport(acting.viewer)) throw forbidden("Kun administratorer må indlæse filer.");
  return acting;
}

/** The files of the request: every multipart `file` field, or the raw body named by `?name=`. */
async function uploadsOf(c: Context): Promise<Upload[]> {
  const type = c.req.header("content-type") ?? "";
  if (/^multipart\/form-data/i.test(type)) {
    const form = await c.req.parseBody({ all: true }).catch(() => {
      throw badRequest('Send filerne som multipart/form-data i feltet "file".');
    });
    const sent = form.file;
    const files = (Array.isArray(sent) ? sent : sent === undefined ? [] : [sent]).map((file) => {
      if (!(file instanceof File)) throw badRequest('Feltet "file" skal være en fil, ikke tekst.');
      const name = uploadedFileName(file.name);
      if (!name) throw badRequest('En fil i feltet "file" har intet navn.');
      return { name, size: file.size, bytes: async () => new Uint8Array(await file.arrayBuffer()) };
    });
    if (files.length === 0) throw badRequest('Send mindst én fil i feltet "file" (multipart/form-data).');
    return files;
  }
  const name = uploadedFileName(c.req.query("name") ?? "");
  if (!name) {
    throw badRequest(
      'Send filerne som multipart/form-data i feltet "file", eller filen som indhold med ?name=FILNAVN.',
    );
  }
  const bytes = new Uint8Array(await c.req.arrayBuffer());
  return [{ name, size: bytes.byteLength, bytes: async () => bytes }];
}

/**
 * Refuses a file import cannot read (by its ending, as `raadsinfo import` skips it), an empty one or one
 * larger than import reads, naming it; nothing is queued then. Refused here rather than as a failed job,
 * so that the sender learns it at once.
 */
function checkUpload(upload: Upload): void {
  const refusal = uploadRefusal(upload.name, upload.size);
  if (refusal === "type") {
    throw portalError(
      "unprocessable",
      `Filen "${upload.name}" kan ikke indlæses: kun ${IMPORTABLE_TYPES}. Intet er indlæst.`,
    );
  }
  if (refusal === "empty") throw badRequest(`Filen "${upload.name}" er tom. Intet er indlæst.`);
  if (refusal === "too-large") {
    throw portalError(
      "payload-too-large",
      `Filen "${upload.name}" er større end ${MAX_SOURCE_FILE_BYTES / 1024 / 1024} MB. Intet er indlæst.`,
    );
  }
}

/** A batch's job as GET /api/imports/{batch} shows it: one file. */
function presentImportJob(status: JobStatus) {
  const { id, file, ...job } = jobJson(status);
  return { name: file, job: id, ...job };
}

/** POST /api/imports and GET /api/imports/{batch}; mounted under /api. */
export function importApi(): Hono {
  const app = new Hono();

  app.post("/imports", async (c) => {
    const { db, actor } = importer(c);
    const uploads = await uploadsOf(c);
    for (const upload of uploads) checkUpload(upload);
    const { batch, files } = await importUploader({ db, actor, files: uploads, now: c.get("now")() });
    // Nothing queued (every file's bytes are stored already): no batch to follow.
    const anyQueued = files.some((f) => "job" in f);
    return c.json(
      { batch, status: anyQueued ? `/api/imports/${batch}` : null, files },
      anyQueued ? 202 : 200,
    );
  });

  app.get("/imports/:batch", async (c) => {
    const { db } = importer(c);
    const batch = c.req.param("batch").toLowerCase();
    const jobs = /^[0-9a-f-]{36}$/.test(batch) ? await batchJobs(db, batch) : [];
    if (jobs.length === 0) throw notFound("Indlæsningen");
    const count = (state: JobStatus["state"]) => jobs.filter((job) => job.state === state).length;
    return c.json({
      batch,
      total: jobs.length,
      queued: count("queued"),
      running: count("running"),
      done: count("done"),
      failed: count("failed"),
      files: jobs.map(presentImportJob),
    });
  });

  return app;
}
