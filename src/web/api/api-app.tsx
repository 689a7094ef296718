/**
 * @module The portal's JSON API under /api: bodies, meetings, items, persons, the OpenAPI document and
 * its reference page. /api/search is its own sub-app (search-route.ts). Handlers validate, read, present.
 * The writes (the secretariat's, imports) are mounted from secretariat-api.tsx and import-api.tsx.
 */

import type { Context } from "hono";
import { Hono } from "hono";
import {
  apiBodies,
  apiBody,
  apiItem,
  apiMeeting,
  apiMeetings,
  apiPerson,
  apiPersons,
  mergedPersonTarget,
} from "../../store/index.js";
import { notFound } from "../http-error.js";
import { readOnlyCors } from "../read-only-cors.js";
import { rowId } from "../request-params.js";
import { apiLinks } from "./api-links.js";
import { readListQuery } from "./api-query.js";
import { importApi } from "./import-api.js";
import { openApiDocument } from "./openapi.js";
import { presentBody } from "./present-body.js";
import { presentFile } from "./present-file.js";
import { presentItem } from "./present-item.js";
import { presentMeeting, presentMeetingDetail } from "./present-meeting.js";
import { presentPerson, presentPersonDetail } from "./present-person.js";
import { ReferencePage } from "./reference-page.js";
import { secretariatApi } from "./secretariat-api.js";

const linksOf = (c: Context) => apiLinks(c.get("settings").publicBaseUrl);

/**
 * Builds the sub-app; mount it with `app.route("/api", apiApp())`.
 * @example const res = await app.request("/api/meetings?body=1&limit=10");
 */
export function apiApp(): Hono {
  const app = new Hono();
  app.use(readOnlyCors());

  app.get("/", (c) => {
    const settings = c.get("settings");
    return c.html(
      <ReferencePage document={openApiDocument(settings.publicBaseUrl)} siteName={settings.siteName} />,
    );
  });
  app.get("/openapi.json", (c) => c.json(openApiDocument(c.get("settings").publicBaseUrl)));

  app.get("/bodies", async (c) => {
    const rows = await apiBodies(c.get("readDb"));
    return c.json({ data: rows.map((r) => presentBody(r, linksOf(c))) });
  });
  app.get("/bodies/:id", async (c) => {
    const body = await apiBody(c.get("readDb"), rowId(c.req.param("id")));
    if (!body) throw notFound("Organet");
    return c.json(presentBody(body, linksOf(c)));
  });

  app.get("/meetings", async (c) => {
    const query = readListQuery((name) => c.req.query(name));
    const { total, rows } = await apiMeetings(c.get("readDb"), query);
    return c.json({
      total,
      limit: query.limit,
      offset: query.offset,
      data: rows.map((r) => presentMeeting(r, linksOf(c))),
    });
  });
  app.get("/meetings/:id", async (c) => {
    const meeting = await apiMeeting(c.get("readDb"), rowId(c.req.param("id")), c.get("viewer"));
    if (!meeting) throw notFound("Mødet");
    return c.json(presentMeetingDetail(meeting, linksOf(c)));
  });

  app.get("/items/:id", async (c) => {
    const detail = await apiItem(c.get("readDb"), rowId(c.req.param("id")), c.get("viewer"));
    if (!detail) throw notFound("Punktet");
    const links = linksOf(c);
    return c.json({
      ...presentItem(detail.item, links),
      meeting: presentMeeting(detail.meeting, links),
      files: detail.files.map((f) => presentFile(f, links)),
    });
  });

  app.get("/persons", async (c) => {
    const query = readListQuery((name) => c.req.query(name));
    const { total, rows } = await apiPersons(c.get("readDb"), query);
    return c.json({
      total,
      limit: query.limit,
      offset: query.offset,
      data: rows.map((r) => presentPerson(r, linksOf(c))),
    });
  });
  app.get("/persons/:id", async (c) => {
    const personId = rowId(c.req.param("id"));
    const person = await apiPerson(c.get("readDb"), personId);
    if (!person) {
      // A person merged into another (issue 16) leads to the person kept, as /person/{id} does.
      const kept = await mergedPersonTarget(c.get("readDb"), personId);
      if (kept !== null) return c.redirect(`/api/persons/${kept}`, 301);
      throw notFound("Personen");
    }
    return c.json(presentPersonDetail(person, linksOf(c)));
  });
  app.route("/", importApi());
  app.route("/", secretariatApi());
  return app;
}
