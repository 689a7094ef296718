/**
 * Crawls the whole OParl API from /oparl/v1/system with the demo meeting and the five seeds imported,
 * and validates every object, embedded ones included, against the shared OParl 1.1 schemas plus the rules
 * of that folder's README. Every imported meeting and item must be reached; file bytes must match.
 */
import assert from "node:assert/strict";
import { createHash } from "node:crypto";
import { before, it } from "node:test";
import type { Hono } from "hono";
import { createApp } from "../../../src/web/app.js";
import { forEachBackend } from "../../support/stores.js";
import { importDemoAndSeeds } from "./oparl-fixture.js";
import { loadOparlValidator } from "./oparl-schemas.js";

const BASE = "https://raadsinfo.test";
const ROOT = `${BASE}/oparl/v1`;
const SECRET = "HEMMELIG-NOTE-telefon-12345678";
const FILTERS = ["created_since", "created_until", "modified_since", "modified_until"];
/** Fields a Body must link besides the schema's required ones (README of the shared schemas). */
const BODY_LINKS = [
  "agendaItem",
  "consultation",
  "file",
  "membership",
  "locationList",
  "legislativeTermList",
];

type JsonObject = { [key: string]: unknown };

const isObject = (v: unknown): v is JsonObject => typeof v === "object" && v !== null && !Array.isArray(v);
const isOparlObject = (v: unknown): v is JsonObject & { id: string; type: string } =>
  isObject(v) && typeof v.type === "string" && v.type.startsWith("https://schema.oparl.org/1.1/");

/** Every OParl object inside a value, the value itself included, with its JSON path. */
function* oparlObjects(
  value: unknown,
  path = "$",
): Generator<[string, JsonObject & { id: string; type: string }]> {
  if (Array.isArray(value)) {
    for (const [i, v] of value.entries()) yield* oparlObjects(v, `${path}[${i}]`);
  } else if (isObject(value)) {
    if (isOparlObject(value)) yield [path, value];
    for (const [k, v] of Object.entries(value)) yield* oparlObjects(v, `${path}.${k}`);
  }
}

/** Every string in a value that is a URL of this API. */
function* apiUrls(value: unknown): Generator<string> {
  if (typeof value === "string") {
    if (value.startsWith(`${ROOT}/`)) yield value;
  } else if (Array.isArray(value)) {
    for (const v of value) yield* apiUrls(v);
  } else if (isObject(value)) {
    for (const v of Object.values(value)) yield* apiUrls(v);
  }
}

function* nullPaths(value: unknown, path = "$"): Generator<string> {
  if (value === null) yield path;
  else if (Array.isArray(value)) for (const [i, v] of value.entries()) yield* nullPaths(v, `${path}[${i}]`);
  else if (isObject(value)) for (const [k, v] of Object.entries(value)) yield* nullPaths(v, `${path}.${k}`);
}

interface CrawlResult {
  readonly errors: string[];
  /** Every object seen, top-level or embedded, by id. */
  readonly objects: Map<string, JsonObject & { id: string; type: string }>;
  readonly lists: Set<string>;
  readonly bodies: string[];
}

async function crawl(app: Hono): Promise<CrawlResult> {
  const validator = loadOparlValidator();
  const errors: string[] = [];
  const objects = new Map<string, JsonObject & { id: string; type: string }>();
  const lists = new Set<string>();
  const seen = new Set<string>();
  const queue = [`${ROOT}/system`];
  const bodies: string[] = [];

  const check = (where: string, value: unknown) => {
    for (const path of nullPaths(value))
      errors.push(`${where} ${path}: null (mandatory fields are never null)`);
    for (const [path, object] of oparlObjects(value)) {
      for (const e of validator.validate(object)) errors.push(`${where} ${path}: ${e}`);
      for (const key of ["created", "modified"]) {
        if (typeof object[key] !== "string") errors.push(`${where} ${path}: ${object.type} without ${key}`);
      }
      if (object.deleted === true) errors.push(`${where} ${path}: deleted object outside modified_since`);
      if (object.type.endsWith("/Body")) {
        for (const key of BODY_LINKS) {
          if (typeof object[key] !== "string") errors.push(`${where} ${path}: Body without ${key}`);
        }
      }
      objects.set(object.id, object);
    }
  };

  while (queue.length > 0) {
    const url = queue.shift()!;
    if (seen.has(url)) continue;
    seen.add(url);
    if (/\/file\/\d+\/(access|download)$/.test(url)) continue; // bytes are checked separately
    const res = await app.request(url);
    if (res.status !== 200) {
      errors.push(`${url}: HTTP ${res.status}`);
      continue;
    }
    if (!(res.headers.get("content-type") ?? "").startsWith("application/json")) {
      errors.push(`${url}: content type ${res.headers.get("content-type")}`);
    }
    const text = await res.text();
    if (text.includes(SECRET)) errors.push(`${url}: personal data (private_note) in the output`);
    const json = JSON.parse(text) as unknown;
    if (isObject(json) && "data" in json) {
      lists.add(url.split("?")[0]!);
      checkListPage(url, json, errors);
      check(url, json.data);
      const links = json.links as JsonObject | undefined;
      if (typeof links?.next === "string") queue.push(links.next);
    } else if (isOparlObject(json)) {
      if (json.id !== url) errors.push(`${url}: id is ${json.id}`);
      check(url, json);
      if (json.type.endsWith("/Body")) bodies.push(json.id);
    } else {
      errors.push(`${url}: neither a list page nor an OParl object`);
    }
    for (const next of apiUrls(json)) if (!seen.has(next)) queue.push(next);
  }
  return { errors, objects, lists, bodies };
}

/** §2.5: data, pagination and links on every page; links.next on every page but the last. */
function checkListPage(url: string, page: JsonObject, errors: string[]) {
  if (!Array.isArray(page.data)) errors.push(`${url}: list page without data array`);
  const pagination = page.pagination as JsonObject | undefined;
  const links = page.links as JsonObject | undefined;
  if (!isObject(pagination)) errors.push(`${url}: list page without pagination`);
  if (!isObject(links)) {
    errors.push(`${url}: list page without links`);
    return;
  }
  const current = Number(pagination?.currentPage);
  const total = Number(pagination?.totalPages);
  if (current < total && typeof links.next !== "string")
    errors.push(`${url}: page ${current}/${total} lacks next`);
  if (current >= total && links.next !== undefined) errors.push(`${url}: last page has next`);
  const query = new URL(url).searchParams;
  for (const [key, value] of Object.entries(links)) {
    if (typeof value !== "string") continue;
    const params = new URL(value).searchParams;
    for (const name of FILTERS) {
      if (query.has(name) && params.get(name) !== query.get(name)) {
        errors.push(`${url}: links.${key} drops the filter ${name}`);
      }
    }
  }
}

it("the schema check itself refuses broken objects", () => {
  const validator = loadOparlValidator();
  assert.equal(validator.types.length, 12);
  const item = { id: `${ROOT}/agenda-item/1`, type: "https://schema.oparl.org/1.1/AgendaItem", order: 1 };
  assert.deepEqual(validator.validate(item), []);
  assert.ok(validator.validate({ ...item, order: undefined }).length > 0, "order is mandatory");
  assert.ok(validator.validate({ ...item, meeting: "not a url" }).length > 0, "url format");
  const meeting = { id: `${ROOT}/meeting/1`, type: "https://schema.oparl.org/1.1/Meeting" };
  assert.ok(
    validator.validate({ ...meeting, agendaItem: [{ id: 3 }] }).length > 0,
    "embedded objects are checked",
  );
  assert.ok(validator.validate({ ...meeting, start: "2024-09-20" }).length > 0, "date-time format");
});

forEachBackend("OParl crawl", (store) => {
  let app: Hono;
  before(async () => {
    const { db } = store();
    await importDemoAndSeeds(db);
    // Personal data that must never leave the store.
    await db.updateTable("person").set({ private_note: SECRET }).execute();
    app = createApp({ db, settings: { publicBaseUrl: BASE } });
  });

  let crawled: Promise<CrawlResult> | undefined;
  let result: CrawlResult;
  const crawlOnce = async () => {
    crawled ??= crawl(app);
    result = await crawled;
  };
  it("crawls every object from /oparl/v1/system with zero schema and rule errors", async () => {
    await crawlOnce();
    assert.deepEqual(result.errors.slice(0, 30), []);
    for (const type of ["System", "Body", "Organization", "Person", "Membership", "Meeting", "AgendaItem"]) {
      assert.ok(
        [...result.objects.values()].some((o) => o.type.endsWith(`/${type}`)),
        `no ${type} object reached`,
      );
    }
    for (const type of ["Paper", "Consultation", "File", "LegislativeTerm", "Location"]) {
      assert.ok(
        [...result.objects.values()].some((o) => o.type.endsWith(`/${type}`)),
        `no ${type} object reached`,
      );
    }
  });

  it("reaches every imported meeting and agenda item", async () => {
    await crawlOnce();
    const { db } = store();
    const meetings = await db.selectFrom("meeting").select("id").where("deleted", "=", false).execute();
    const items = await db.selectFrom("agenda_item").select("id").where("deleted", "=", false).execute();
    assert.ok(
      meetings.length >= 2 && items.length >= 18,
      `${meetings.length} meetings, ${items.length} items`,
    );
    for (const m of meetings) assert.ok(result.objects.has(`${ROOT}/meeting/${m.id}`), `meeting ${m.id}`);
    for (const i of items) assert.ok(result.objects.has(`${ROOT}/agenda-item/${i.id}`), `item ${i.id}`);
    assert.ok(result.bodies.length >= 2, "the demo body and the seeds' bodies");
  });

  it("shows a closed item only as 'Lukket punkt', with nothing of its content", async () => {
    await crawlOnce();
    const { db } = store();
    const closed = await db.selectFrom("agenda_item").select("id").where("public", "=", false).execute();
    assert.ok(closed.length > 0);
    for (const { id } of closed) {
      const object = result.objects.get(`${ROOT}/agenda-item/${id}`);
      assert.ok(object, `closed item ${id} reached`);
      assert.equal(object.name, "Lukket punkt");
      assert.equal(object.public, false);
      assert.deepEqual(Object.keys(object).sort(), [
        "created",
        "id",
        "meeting",
        "modified",
        "name",
        "number",
        "order",
        "public",
        "type",
      ]);
      const res = await app.request(`${ROOT}/consultation/${id}`);
      assert.equal(res.status, 404, "a closed item has no consultation");
    }
    const everything = JSON.stringify([...result.objects.values()]);
    assert.ok(!everything.includes("Udpegning til bestyrelse"), "the closed demo item's title never appears");
  });

  it("serves every File's bytes with its mime type, size and SHA-512", async () => {
    await crawlOnce();
    const files = [...result.objects.values()].filter((o) => o.type.endsWith("/File"));
    assert.ok(files.length > 0);
    for (const file of files) {
      for (const key of ["accessUrl", "downloadUrl"]) {
        const res = await app.request(String(file[key]));
        assert.equal(res.status, 200, `${file.id} ${key}`);
        assert.equal(res.headers.get("content-type"), file.mimeType);
        const bytes = new Uint8Array(await res.arrayBuffer());
        assert.equal(bytes.byteLength, file.size);
        assert.equal(createHash("sha512").update(bytes).digest("hex"), file.sha512Checksum);
        const text = new TextDecoder().decode(bytes);
        assert.ok(!text.includes("Udpegning til bestyrelse"), `${file.id}: bytes carry a closed item`);
      }
    }
  });

  it("keeps the filters in every link while paging through each list", async () => {
    await crawlOnce();
    const errors: string[] = [];
    const since = "2000-01-01T00:00:00Z";
    for (const list of result.lists) {
      let url: string | undefined = `${list}?created_since=${encodeURIComponent(since)}&elementsPerPage=2`;
      let pages = 0;
      while (url && pages < 200) {
        const res = await app.request(url);
        assert.equal(res.status, 200, url);
        const page = (await res.json()) as JsonObject;
        checkListPage(url, page, errors);
        const links = page.links as JsonObject;
        url = typeof links.next === "string" ? links.next : undefined;
        pages++;
      }
    }
    assert.deepEqual(errors, []);
  });
});
