/**
 * @module Downloads of a body's export, linked from its page: /organ/{id}/eksport.json (everything) and
 * /organ/{id}/eksport.csv (items with decisions; ?tabel=deltagere or ?tabel=personer for the others).
 */

import type { Context } from "hono";
import { Hono } from "hono";
import { formatExportCsv, isCsvTable } from "../../export/export-csv.js";
import { buildExportDocument } from "../../export/export-document.js";
import { formatExportJson } from "../../export/export-json.js";
import { exportRows } from "../../store/index.js";
import { badRequest, notFound } from "../http-error.js";
import { rowId } from "../request-params.js";

async function bodyExport(c: Context) {
  const id = rowId(c.req.param("id"));
  const rows = await exportRows(c.get("readDb"), { bodyId: id, viewer: c.get("viewer") });
  if (rows.bodies.length === 0) throw notFound("Organet");
  return { id, document: buildExportDocument(rows, new Date()) };
}

function attachment(name: string): string {
  return `attachment; filename="${name}"`;
}

export function exportApp(): Hono {
  const app = new Hono();
  app.get("/organ/:id/eksport.json", async (c) => {
    const { id, document } = await bodyExport(c);
    return c.body(formatExportJson(document), 200, {
      "content-type": "application/json; charset=utf-8",
      "content-disposition": attachment(`raadsinfo-organ-${id}.json`),
    });
  });
  app.get("/organ/:id/eksport.csv", async (c) => {
    const table = c.req.query("tabel") ?? "punkter";
    if (!isCsvTable(table)) throw badRequest("tabel skal være punkter, deltagere eller personer.");
    const { id, document } = await bodyExport(c);
    return c.body(formatExportCsv(document, table), 200, {
      // RFC 4180 §3 registers text/csv; header=present tells readers the first line names the columns.
      "content-type": "text/csv; charset=utf-8; header=present",
      "content-disposition": attachment(`raadsinfo-organ-${id}-${table}.csv`),
    });
  });
  return app;
}
