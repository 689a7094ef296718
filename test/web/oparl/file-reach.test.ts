/**
 * A client written for OParl 1.0, like Meine Stadt Transparent's importer, walks a body's organizations,
 * persons, meetings and papers, and takes files only where those embed them. With the demo and the five
 * seeds imported, such a crawl must find every public File the body's file list has; each annex's
 * accessUrl serves that annex alone, under its own name.
 */
import assert from "node:assert/strict";
import { createHash } from "node:crypto";
import { before, it } from "node:test";
import type { Hono } from "hono";
import { importDocument } from "../../../src/store/index.js";
import { createApp } from "../../../src/web/app.js";
import { forEachBackend } from "../../support/stores.js";
import { importDemoAndSeeds, parsedSeeds } from "./oparl-fixture.js";
import { loadOparlValidator } from "./oparl-schemas.js";

const BASE = "https://raadsinfo.test";
const ROOT = `${BASE}/oparl/v1`;

type JsonObject = { [key: string]: unknown };
const isObject = (v: unknown): v is JsonObject => typeof v === "object" && v !== null && !Array.isArray(v);

async function getJson(app: Hono, url: string): Promise<JsonObject> {
  const res = await app.request(url);
  assert.equal(res.status, 200, url);
  return (await res.json()) as JsonObject;
}

/** Every element of a paged list, following links.next. */
async function listAll(app: Hono, url: string): Promise<JsonObject[]> {
  const out: JsonObject[] = [];
  let next: string | undefined = url;
  while (next) {
    const page = await getJson(app, next);
    out.push(...(page.data as JsonObject[]));
    const links = page.links as JsonObject | undefined;
    next = typeof links?.next === "string" ? links.next : undefined;
  }
  return out;
}

/** Files embedded where an OParl 1.0 client looks: meeting files, its items' and a paper's files. */
function filesIn(object: JsonObject): JsonObject[] {
  const single = (v: unknown) => (isObject(v) ? [v] : []);
  const many = (v: unknown) => (Array.isArray(v) ? v.filter(isObject) : []);
  return [
    ...single(object.invitation),
    ...single(object.resultsProtocol),
    ...single(object.verbatimProtocol),
    ...single(object.mainFile),
    ...many(object.auxiliaryFile),
    ...many(object.agendaItem).flatMap((item) => [
      ...single(item.resolutionFile),
      ...many(item.auxiliaryFile),
    ]),
  ];
}

forEachBackend("OParl files as a 1.0 client reaches them", (store) => {
  let app: Hono;
  before(async () => {
    await importDemoAndSeeds(store().db);
    // Seed 003, KKR Midtjylland's pack, as published with its meeting's date in its file name: linked to
    // that meeting, its annexes are public (the seed itself names no date, so its own are withheld).
    const pack = (await parsedSeeds()).find((p) => p.parsed.source.file.startsWith("003_"));
    assert.ok(pack);
    const file = "kkr-midtjylland-bilag-2020-02-07.txt";
    await importDocument(
      store().db,
      {
        ...pack.parsed,
        source: { ...pack.parsed.source, file, sha256: createHash("sha256").update(file).digest("hex") },
      },
      { content: pack.content, mime: pack.mime },
    );
    app = createApp({ db: store().db, settings: { publicBaseUrl: BASE } });
  });

  it("finds every public file through organizations, persons, meetings and papers alone", async () => {
    const validator = loadOparlValidator();
    const system = await getJson(app, `${ROOT}/system`);
    const bodies = await listAll(app, String(system.body));
    assert.ok(bodies.length >= 3);
    let missing: string[] = [];
    let listed = 0;
    for (const body of bodies) {
      const reached = new Map<string, JsonObject>();
      for (const org of await listAll(app, String(body.organization))) {
        assert.deepEqual(validator.validate(org), [], String(org.id));
        assert.equal(typeof org.organizationType, "string", `${org.id} has an organizationType`);
      }
      await listAll(app, String(body.person));
      for (const kind of ["meeting", "paper"] as const) {
        for (const object of await listAll(app, String(body[kind]))) {
          for (const file of filesIn(object)) reached.set(String(file.id), file);
        }
      }
      for (const file of reached.values()) assert.deepEqual(validator.validate(file), [], String(file.id));
      const all = await listAll(app, String(body.file));
      listed += all.length;
      missing = missing.concat(all.filter((f) => !reached.has(String(f.id))).map((f) => `${f.id} ${f.name}`));
    }
    assert.ok(listed >= 10, `the bodies list ${listed} files`);
    assert.deepEqual(missing, [], "files a 1.0 client cannot reach");
  });

  it("reaches an annex from its meeting, its agenda item and its paper", async () => {
    const bodies = await listAll(app, String((await getJson(app, `${ROOT}/system`)).body));
    const body = bodies.find((b) => b.name === "KKR Eksempelregion");
    assert.ok(body);
    const papers = await listAll(app, String(body.paper));
    const paper = papers.find((p) => filesIn(p).length > 0);
    assert.ok(paper, "a paper carries its annexes");
    const file = filesIn(paper)[0]!;
    const item = await getJson(app, String((file.agendaItem as string[])[0]));
    assert.ok(
      filesIn(item).some((f) => f.id === file.id),
      "the item lists the annex",
    );
    const meeting = await getJson(app, String((file.meeting as string[])[0]));
    assert.ok(
      filesIn(meeting).some((f) => f.id === file.id),
      "the meeting lists the annex",
    );
  });

  it("serves each annex of a text pack alone, under its own name, with its size and checksum", async () => {
    const bodies = await listAll(app, String((await getJson(app, `${ROOT}/system`)).body));
    const body = bodies.find((b) => b.name === "KKR Midtjylland");
    assert.ok(body, "the Midtjylland pack's body");
    const files = (await listAll(app, String(body.file))).filter((f) => f.name !== undefined);
    const annexes = files.filter((f) => String(f.web ?? "").includes("/bilag/"));
    assert.ok(annexes.length >= 8, `${annexes.length} annexes`);
    const names = new Set<string>();
    const digests = new Set<string>();
    for (const annex of annexes) {
      const res = await app.request(String(annex.accessUrl));
      assert.equal(res.status, 200);
      const bytes = new Uint8Array(await res.arrayBuffer());
      assert.equal(bytes.byteLength, annex.size);
      const digest = createHash("sha512").update(bytes).digest("hex");
      assert.equal(digest, annex.sha512Checksum);
      assert.match(
        res.headers.get("content-disposition") ?? "",
        new RegExp(encodeURIComponent(String(annex.fileName))),
      );
      names.add(String(annex.fileName));
      digests.add(digest);
    }
    assert.equal(names.size, annexes.length, "each annex has its own file name");
    assert.equal(digests.size, annexes.length, "each annex has its own bytes");
    const co2 = annexes.find((a) => a.name === "KL CO2-reduktion i kommunerne");
    assert.ok(co2);
    assert.equal(co2.fileName, "3.1 Bilag 1 KL CO2-reduktion i kommunerne.txt");
    const text = await (await app.request(String(co2.accessUrl))).text();
    // Its own lines only: the next annex's title page is not in it.
    assert.match(text, /CO2/);
    assert.doesNotMatch(text, /Resultatkontrakt KKR Midtjylland og Erhvervshus Midt 2020/);
  });
});
