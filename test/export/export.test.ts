/**
 * The exports hold items with decisions, attendance and persons; a closed item is only "Lukket punkt";
 * personal data never appears. Checked through the store, the download routes and the command.
 */
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, it } from "node:test";
import type { Hono } from "hono";
import { demoFiles } from "../../src/demo/demo-meeting.js";
import { formatExportCsv } from "../../src/export/export-csv.js";
import { buildExportDocument } from "../../src/export/export-document.js";
import { exportRows, importDocument, openStore } from "../../src/store/index.js";
import { createApp } from "../../src/web/app.js";
import { forEachBackend } from "../support/stores.js";

const SECRET = "HEMMELIG-NOTE-privat";

forEachBackend("exports", (store) => {
  let app: Hono;
  let bodyId: number;
  before(async () => {
    const { db } = store();
    for (const file of demoFiles()) await importDocument(db, file.parsed, { content: file.content });
    await db.updateTable("person").set({ private_note: SECRET }).execute();
    bodyId = (await db.selectFrom("body").select("id").executeTakeFirstOrThrow()).id;
    app = createApp({ db, settings: { publicBaseUrl: "https://raadsinfo.test" } });
  });

  it("holds every item with its decision, the closed one as 'Lukket punkt' only", async () => {
    const doc = buildExportDocument(await exportRows(store().db), new Date(0));
    assert.equal(doc.items.length, 5);
    const closed = doc.items.filter((i) => !i.public);
    assert.equal(closed.length, 1);
    assert.deepEqual(
      { ...closed[0], meetingId: 0, itemId: 0 },
      {
        body: "KKR Eksempelregion",
        meetingId: 0,
        meetingDate: "2026-09-18",
        itemId: 0,
        number: "2.3",
        title: "Lukket punkt",
        public: false,
        section: null,
        caseNumber: null,
        indstilling: null,
        beslutning: null,
      },
    );
    const biokul = doc.items.find((i) => i.number === "2.1");
    assert.match(biokul?.beslutning ?? "", /godkendte forprojektet/);
    assert.equal(doc.attendance.length, 5);
    assert.deepEqual(
      doc.attendance.filter((a) => a.substituteFor).map((a) => [a.name, a.substituteFor]),
      [["Ole Bak", "Søren Dam"]],
    );
    assert.equal(doc.persons.find((p) => p.name === "Søren Dam")?.meetingsMissed, 1);
    const text = JSON.stringify(doc);
    assert.ok(!text.includes(SECRET) && !text.includes("Udpegning") && !text.includes("Fortroligt"));
  });

  it("serves the body's CSV with a BOM, Danish headers, CRLF and æøå intact", async () => {
    const res = await app.request(`/organ/${bodyId}/eksport.csv`);
    assert.equal(res.status, 200);
    assert.match(res.headers.get("content-type") ?? "", /^text\/csv; charset=utf-8/);
    assert.match(
      res.headers.get("content-disposition") ?? "",
      /^attachment; filename="raadsinfo-organ-\d+-punkter\.csv"$/,
    );
    const bytes = new Uint8Array(await res.arrayBuffer());
    assert.deepEqual([...bytes.subarray(0, 3)], [0xef, 0xbb, 0xbf]);
    const text = new TextDecoder().decode(bytes.subarray(3));
    const lines = text.split("\r\n");
    assert.equal(
      lines[0],
      "organ,mødedato,møde_id,punkt_id,nummer,titel,offentligt,afsnit,sagsnummer,indstilling,beslutning",
    );
    assert.ok(lines.some((l) => l.includes("Fælles klimaplan og biokul i landbruget")));
    assert.ok(lines.some((l) => l.includes(",2.3,Lukket punkt,nej,,,,")));
    for (const table of ["deltagere", "personer"]) {
      const other = await app.request(`/organ/${bodyId}/eksport.csv?tabel=${table}`);
      assert.equal(other.status, 200);
      assert.ok(!(await other.text()).includes(SECRET));
    }
  });

  it("serves the body's JSON export as a download", async () => {
    const res = await app.request(`/organ/${bodyId}/eksport.json`);
    assert.equal(res.status, 200);
    assert.match(res.headers.get("content-disposition") ?? "", /attachment/);
    const doc = (await res.json()) as { bodies: { id: number }[]; items: unknown[] };
    assert.deepEqual(
      doc.bodies.map((b) => b.id),
      [bodyId],
    );
    assert.equal(doc.items.length, 5);
  });

  it("formats the same rows the same way twice", async () => {
    const rows = await exportRows(store().db);
    const a = formatExportCsv(buildExportDocument(rows, new Date(0)), "punkter");
    const b = formatExportCsv(buildExportDocument(await exportRows(store().db), new Date(0)), "punkter");
    assert.equal(a, b);
  });
});

let dir: string;
before(() => {
  dir = mkdtempSync(join(tmpdir(), "raadsinfo-export-"));
});
after(() => rmSync(dir, { recursive: true, force: true }));

it("raadsinfo export --format csv --out DIR writes the three tables; --format json prints the document", async () => {
  const dataDir = join(dir, "data");
  const store = await openStore({ dataDir });
  for (const file of demoFiles()) await importDocument(store.db, file.parsed, { content: file.content });
  await store.close();
  const cli = (args: string[]) =>
    spawnSync(process.execPath, ["--import", "tsx", "src/cli.ts", ...args, "--data-dir", dataDir], {
      encoding: "utf8",
      env: { ...process.env, DATABASE_URL: "" },
    });
  const out = join(dir, "out");
  const csv = cli(["export", "--format", "csv", "--out", out]);
  assert.equal(csv.status, 0, csv.stderr);
  assert.match(csv.stdout, /Exported 5 items, 5 attendance rows and 5 persons/);
  for (const table of ["punkter", "deltagere", "personer"]) {
    const bytes = readFileSync(join(out, `${table}.csv`));
    assert.deepEqual([...bytes.subarray(0, 3)], [0xef, 0xbb, 0xbf], table);
  }
  const json = cli(["export", "--format", "json"]);
  assert.equal(json.status, 0, json.stderr);
  assert.equal((JSON.parse(json.stdout) as { items: unknown[] }).items.length, 5);
  const bad = cli(["export", "--format", "xml"]);
  assert.notEqual(bad.status, 0);
  assert.equal(bad.stderr.trim().split("\n").length, 1);
  assert.match(bad.stderr, /--format must be json or csv/);
});
