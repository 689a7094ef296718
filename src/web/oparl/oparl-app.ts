/**
 * @module The OParl 1.1 API under /oparl/v1: System, body list, each body's external lists, every object
 * by its URL, and the files' bytes. Handlers parse, ask the store, map; mapping lives in one file per type.
 */

import type { Context } from "hono";
import { Hono } from "hono";
import {
  type OparlListKind,
  type OparlScope,
  oparlBodyExists,
  oparlFileContent,
  oparlListIds,
  oparlOrganizationExists,
  oparlSystemDates,
} from "../../store/index.js";
import { notFound } from "../http-error.js";
import { readOnlyCors } from "../read-only-cors.js";
import { rowId } from "../request-params.js";
import { annexContent } from "./annex-parts.js";
import { listPage, readListRequest } from "./list-page.js";
import { OBJECT_LOADERS } from "./object-loaders.js";
import { mapSystem } from "./system.js";
import { BODY_LIST_PATHS, type BodyListKind, OBJECT_PATHS, type OparlObjectKind, oparlUrls } from "./urls.js";

function urlsOf(c: Context) {
  return oparlUrls(c.get("settings").publicBaseUrl);
}

async function answerList(c: Context, kind: OparlListKind, scope: OparlScope, listUrl: string) {
  const request = readListRequest((name) => c.req.query(name));
  const db = c.get("readDb");
  const { total, ids } = await oparlListIds(db, kind, scope, request.filter, request.page);
  const data = await OBJECT_LOADERS[kind](db, ids, urlsOf(c));
  return c.json(listPage(listUrl, request, total, data));
}

/**
 * Builds the sub-app; mount it with `app.route("/oparl/v1", oparlApp())`.
 * @example const res = await app.request("/oparl/v1/system");
 */
export function oparlApp(): Hono {
  const app = new Hono();
  app.use(readOnlyCors());

  app.get("/system", async (c) => {
    const dates = (await oparlSystemDates(c.get("readDb"))) ?? {
      created: new Date(0),
      modified: new Date(0),
    };
    return c.json(mapSystem({ name: c.get("settings").siteName, ...dates }, urlsOf(c)));
  });

  app.get("/bodies", (c) => answerList(c, "body", { kind: "system" }, urlsOf(c).bodies()));

  for (const [kind, path] of Object.entries(BODY_LIST_PATHS) as [BodyListKind, string][]) {
    app.get(`/body/:id/${path}`, async (c) => {
      const id = rowId(c.req.param("id"));
      if (!(await oparlBodyExists(c.get("readDb"), id))) throw notFound("Organet");
      return answerList(c, kind, { kind: "body", id }, urlsOf(c).bodyList(id, kind));
    });
  }

  app.get("/organization/:id/meetings", async (c) => {
    const id = rowId(c.req.param("id"));
    if (!(await oparlOrganizationExists(c.get("readDb"), id))) throw notFound("Organisationen");
    return answerList(c, "meeting", { kind: "organization", id }, urlsOf(c).organizationMeetings(id));
  });
  app.get("/organization/:id/consultations", async (c) => {
    const id = rowId(c.req.param("id"));
    if (!(await oparlOrganizationExists(c.get("readDb"), id))) throw notFound("Organisationen");
    return answerList(
      c,
      "consultation",
      { kind: "organization", id },
      urlsOf(c).organizationConsultations(id),
    );
  });

  app.get("/file/:id/access", (c) => serveFile(c, "inline"));
  app.get("/file/:id/download", (c) => serveFile(c, "attachment"));

  for (const [kind, path] of Object.entries(OBJECT_PATHS) as [OparlObjectKind, string][]) {
    app.get(`/${path}/:id`, async (c) => {
      const [object] = await OBJECT_LOADERS[kind](c.get("readDb"), [rowId(c.req.param("id"))], urlsOf(c));
      if (!object) throw notFound("Objektet");
      // A deleted object still answers 200 with `deleted: true` (§2.8), never 404 or 410.
      return c.json(object);
    });
  }
  return app;
}

/** Serves a File's original bytes; a deleted file's bytes are gone (410), its OParl object stays. */
async function serveFile(c: Context, disposition: "inline" | "attachment") {
  const stored = await oparlFileContent(c.get("readDb"), rowId(c.req.param("id")));
  if (!stored) throw notFound("Filen");
  if (stored.deleted) return c.json({ error: { status: 410, message: "Filen er slettet." } }, 410);
  // An annex is served alone: its pages or lines cut from the pack, under its own name.
  const content = await annexContent(c.get("readDb"), stored);
  // RFC 6266: a UTF-8 file name goes in filename*, with an ASCII fallback for old clients.
  const ascii = content.fileName.replace(/[^\x20-\x7e]|["\\]/g, "_");
  return c.body(new Uint8Array(content.bytes).buffer as ArrayBuffer, 200, {
    "content-type": content.mime,
    "content-length": String(content.bytes.byteLength),
    "content-disposition": `${disposition}; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(content.fileName)}`,
    // Imported bytes are served as their declared type only; a browser must not sniff them into HTML.
    "x-content-type-options": "nosniff",
  });
}
