/**
 * OParl File bytes (§2.7 "Dateizugriffe"): accessUrl shows inline, downloadUrl as an attachment, a
 * removed annex stays an object (deleted under modified_since) while its bytes answer 410; CORS is open.
 */
import assert from "node:assert/strict";
import { createHash } from "node:crypto";
import { before, it } from "node:test";
import { setTimeout as sleep } from "node:timers/promises";
import type { Hono } from "hono";
import type { ParsedDocument } from "../../../src/domain/index.js";
import { importDocument } from "../../../src/store/index.js";
import { createApp } from "../../../src/web/app.js";
import { buildMinutes } from "../../support/documents.js";
import { forEachBackend } from "../../support/stores.js";
import { loadOparlValidator } from "./oparl-schemas.js";

const BASE = "https://raadsinfo.test";
const ROOT = `${BASE}/oparl/v1`;

/** An annex pack of the test meeting with the given documents, one page each. */
function annexPack(titles: readonly string[]): { parsed: ParsedDocument; content: Uint8Array } {
  const pages = titles.map((title, i) => `1.${i + 1} Punkt\nBilag ${i + 1}: ${title}\nIndhold om ${title}.`);
  const text = pages.join("\n");
  const minutes = buildMinutes({ body: "KKR Filregion" });
  let line = 1;
  const pageTexts = pages.map((page, i) => {
    const lines = page.split("\n").length;
    const span = { page: i + 1, lineStart: line, lineEnd: line + lines - 1, text: page };
    line += lines;
    return span;
  });
  return {
    content: new TextEncoder().encode(text),
    parsed: {
      ...minutes,
      source: {
        file: "bilag-filregion.txt",
        sha256: createHash("sha256").update(text).digest("hex"),
        format: "text",
        pages: pages.length,
      },
      kind: "annex-pack",
      attendance: { present: [], absent: [] },
      items: [],
      sections: [],
      documents: titles.map((title, i) => ({
        itemNumber: `1.${i + 1}`,
        annexNumber: i + 1,
        title,
        source: {
          pageStart: i + 1,
          pageEnd: i + 1,
          lineStart: pageTexts[i]!.lineStart,
          lineEnd: pageTexts[i]!.lineEnd,
        },
      })),
      text,
      pageTexts,
    },
  };
}

forEachBackend("OParl file access", (store) => {
  let app: Hono;
  let bodyId: number;
  let since: string;
  const fileIds = new Map<string, number>();

  before(async () => {
    const { db } = store();
    await importDocument(db, buildMinutes({ body: "KKR Filregion" }));
    const v1 = annexPack(["Budget 2026", "Plan for biokul"]);
    await importDocument(db, v1.parsed, { content: v1.content });
    const rows = await db.selectFrom("file").select(["id", "title"]).where("role", "=", "annex").execute();
    for (const row of rows) fileIds.set(row.title, row.id);
    await sleep(30);
    since = new Date().toISOString();
    await sleep(30);
    const v2 = annexPack(["Budget 2026"]);
    await importDocument(db, v2.parsed, { content: v2.content });
    bodyId = (
      await db.selectFrom("body").select("id").where("name", "=", "KKR Filregion").executeTakeFirstOrThrow()
    ).id;
    app = createApp({ db, settings: { publicBaseUrl: BASE } });
  });

  it("serves accessUrl inline and downloadUrl as an attachment, never sniffed, CORS open", async () => {
    const res = await app.request(`${ROOT}/file/${fileIds.get("Budget 2026")}`);
    assert.equal(res.headers.get("access-control-allow-origin"), "*");
    const file = (await res.json()) as { accessUrl: string; downloadUrl: string; size: number; text: string };
    assert.match(file.text, /Indhold om Budget 2026/);
    const access = await app.request(file.accessUrl);
    // An annex is served alone, under its own name, not as the pack it came in ("bilag-filregion.txt").
    assert.match(
      access.headers.get("content-disposition") ?? "",
      /^inline; filename="1\.1 Bilag 1 Budget 2026\.txt"/,
    );
    const download = await app.request(file.downloadUrl);
    assert.match(download.headers.get("content-disposition") ?? "", /^attachment; /);
    assert.equal(download.headers.get("x-content-type-options"), "nosniff");
    assert.equal((await download.arrayBuffer()).byteLength, file.size);
  });

  it("lists the removed annex as a valid deleted File under modified_since, whose bytes answer 410", async () => {
    const removed = `${ROOT}/file/${fileIds.get("Plan for biokul")}`;
    const page = (await (
      await app.request(`${ROOT}/body/${bodyId}/files?modified_since=${encodeURIComponent(since)}`)
    ).json()) as { data: { id: string; deleted?: boolean; accessUrl: string }[] };
    const tombstone = page.data.find((f) => f.id === removed);
    assert.ok(tombstone, "the removed file is listed");
    assert.equal(tombstone.deleted, true);
    assert.deepEqual(loadOparlValidator().validate(tombstone), []);
    const gone = await app.request(tombstone.accessUrl);
    assert.equal(gone.status, 410);
    const plain = (await (await app.request(`${ROOT}/body/${bodyId}/files`)).json()) as {
      data: { id: string }[];
    };
    assert.ok(!plain.data.some((f) => f.id === removed), "left out without modified_since");
  });
});
