/**
 * The OpenAPI 3.1 document validates (against the official 3.1 schema, through
 * @seriousme/openapi-schema-validator, and by a strict hand check), and every route in it answers as
 * documented: status, content type and a body that matches the documented schema (JSON Schema 2020-12).
 */
import assert from "node:assert/strict";
import { before, it } from "node:test";
import { Validator } from "@seriousme/openapi-schema-validator";
import { Ajv2020 } from "ajv/dist/2020.js";
import addFormatsModule from "ajv-formats";
import type { Hono } from "hono";
import { demoFiles } from "../../../src/demo/demo-meeting.js";
import { importDocument } from "../../../src/store/index.js";
import { type OpenApiDocument, openApiDocument, operationsOf } from "../../../src/web/api/openapi.js";
import { createApp } from "../../../src/web/app.js";
import { forEachBackend } from "../../support/stores.js";

const BASE = "https://raadsinfo.test";

// ajv-formats is CommonJS; under ESM its plugin function may sit on `default`.
type AddFormats = (ajv: Ajv2020, formats: readonly string[]) => unknown;
const loadedFormats = addFormatsModule as unknown as AddFormats & { default?: AddFormats };
const addFormats: AddFormats = loadedFormats.default ?? loadedFormats;

type JsonObject = { [key: string]: unknown };

function collectRefs(value: unknown, out: string[] = []): string[] {
  if (Array.isArray(value)) for (const v of value) collectRefs(v, out);
  else if (typeof value === "object" && value !== null) {
    for (const [k, v] of Object.entries(value)) {
      if (k === "$ref" && typeof v === "string") out.push(v);
      else collectRefs(v, out);
    }
  }
  return out;
}

it("the OpenAPI document validates against the OpenAPI 3.1 schema", async () => {
  const doc = openApiDocument(BASE);
  const validator = new Validator({ strict: false });
  // A JSON round trip: the validator wants plain data, as a client would read it from /api/openapi.json.
  const result = await validator.validate(JSON.parse(JSON.stringify(doc)) as JsonObject);
  assert.deepEqual(result.errors ?? [], []);
  assert.equal(result.valid, true);
  assert.equal(validator.version, "3.1");
});

it("the OpenAPI document passes a strict hand check", () => {
  const doc = openApiDocument(BASE);
  assert.match(doc.openapi, /^3\.1\.\d+$/);
  assert.ok(doc.info.title && doc.info.version && doc.info.description);
  assert.equal(doc.servers[0]?.url, BASE);
  const ids = new Set<string>();
  const tags = new Set(doc.tags.map((t) => t.name));
  for (const { path, operation: op } of operationsOf(doc)) {
    assert.ok(op.operationId && !ids.has(op.operationId), `${path}: unique operationId`);
    ids.add(op.operationId);
    assert.ok(op.summary, `${path}: summary`);
    assert.ok(
      op.tags.every((t) => tags.has(t)),
      `${path}: declared tags`,
    );
    assert.ok(Object.keys(op.responses).length > 0, `${path}: has responses`);
    assert.ok("200" in op.responses || "201" in op.responses, `${path}: documents its 200 or 201`);
    for (const [status, response] of Object.entries(op.responses)) {
      assert.match(status, /^[1-5]\d\d$/, `${path}: status ${status}`);
      assert.ok(response.description, `${path} ${status}: description`);
    }
    const templated = [...path.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
    const declared = (op.parameters ?? [])
      .filter((p) => p.in === "path")
      .map((p) => p.name)
      .sort();
    assert.deepEqual(declared, templated, `${path}: path parameters match the template`);
    assert.ok((op.parameters ?? []).filter((p) => p.in === "path").every((p) => p.required));
  }
  for (const ref of collectRefs(doc)) {
    const name = ref.replace("#/components/schemas/", "");
    assert.ok(ref.startsWith("#/components/schemas/") && name in doc.components.schemas, `unresolved ${ref}`);
  }
});

forEachBackend("every /api route answers as documented", (store) => {
  let app: Hono;
  let doc: OpenApiDocument;
  const examples = new Map<string, number>();

  before(async () => {
    const { db } = store();
    for (const file of demoFiles()) {
      await importDocument(db, file.parsed, { content: file.content, mime: "text/plain; charset=utf-8" });
    }
    await db.updateTable("person").set({ private_note: "HEMMELIG-NOTE" }).execute();
    app = createApp({ db, settings: { publicBaseUrl: BASE } });
    const body = await db.selectFrom("body").select("id").executeTakeFirstOrThrow();
    const meeting = await db.selectFrom("meeting").select("id").executeTakeFirstOrThrow();
    const item = await db
      .selectFrom("agenda_item")
      .select("id")
      .where("public", "=", true)
      .executeTakeFirstOrThrow();
    const person = await db.selectFrom("person").select("id").executeTakeFirstOrThrow();
    for (const path of ["/api/bodies/{id}", "/organ/{id}/eksport.json", "/organ/{id}/eksport.csv"]) {
      examples.set(path, body.id);
    }
    examples.set("/api/meetings/{id}", meeting.id);
    examples.set("/api/items/{id}", item.id);
    examples.set("/api/persons/{id}", person.id);
    const res = await app.request("/api/openapi.json");
    assert.equal(res.status, 200);
    doc = (await res.json()) as OpenApiDocument;
  });

  /** A validator for one documented response schema, with the document's components beside it. */
  function schemaValidator(schema: unknown) {
    const ajv = new Ajv2020({ strict: false, allErrors: true });
    addFormats(ajv, ["date", "date-time", "uri"]);
    return ajv.compile({ ...(schema as object), components: doc.components });
  }

  /** The public reads: GET operations that need no login (the secretariat's have their own suite). */
  const publicPaths = () =>
    operationsOf(doc)
      .filter((o) => o.method === "get" && !o.operation.security)
      .map((o) => o.path);

  async function check(path: string, status: string, query = "") {
    const op = doc.paths[path]!.get!;
    // A malformed id for a 400 without a bad query parameter; a well-formed id of nothing for a 404.
    const id =
      status === "404" ? 999_999 : status === "400" && query === "" ? "abc" : (examples.get(path) ?? 0);
    const url = path.replace("{id}", String(id)) + query;
    const res = await app.request(url);
    assert.equal(String(res.status), status, `${url}: status`);
    const documented = op.responses[status];
    assert.ok(documented, `${path}: ${status} is documented`);
    const [mediaType, media] = Object.entries(documented.content ?? {})[0] ?? [];
    const contentType = res.headers.get("content-type") ?? "";
    assert.ok(mediaType && contentType.startsWith(mediaType), `${url}: content type ${contentType}`);
    const text = await res.text();
    assert.ok(!text.includes("HEMMELIG-NOTE"), `${url}: no personal data`);
    if (mediaType === "application/json") {
      const validate = schemaValidator(media?.schema);
      const body = JSON.parse(text) as unknown;
      assert.ok(validate(body), `${url}: ${JSON.stringify(validate.errors?.slice(0, 3))}`);
    } else {
      assert.ok(text.length > 0, `${url}: a body`);
    }
    return text;
  }

  it("answers 200 on every documented path with the documented shape", async () => {
    assert.ok(publicPaths().length >= 11);
    for (const path of publicPaths()) {
      await check(path, "200", path === "/api/search" ? "?q=biokul" : "");
    }
  });

  it("answers the documented 404 for an unknown id and 400 for a malformed parameter", async () => {
    for (const path of publicPaths()) {
      const responses = doc.paths[path]!.get!.responses;
      if ("404" in responses) await check(path, "404");
      if ("400" in responses) {
        const bad =
          path === "/api/search"
            ? "?q=x&page=nul"
            : path.endsWith(".csv")
              ? "?tabel=alt"
              : path.includes("{id}")
                ? ""
                : "?limit=mange";
        await check(path, "400", bad);
      }
    }
  });

  it("lists the closed demo item as 'Lukket punkt' with nothing of its content", async () => {
    const meetingId = examples.get("/api/meetings/{id}");
    const res = await app.request(`/api/meetings/${meetingId}`);
    const meeting = (await res.json()) as { items: JsonObject[] };
    const closed = meeting.items.filter((i) => i.public === false);
    assert.equal(closed.length, 1);
    assert.deepEqual(Object.keys(closed[0]!).sort(), ["id", "meetingId", "number", "public", "title", "url"]);
    assert.equal(closed[0]!.title, "Lukket punkt");
    const detail = await (await app.request(`/api/items/${closed[0]!.id}`)).text();
    assert.ok(!detail.includes("Udpegning") && !detail.includes("Fortroligt"));
  });

  it("renders the reference page at /api as HTML listing every path", async () => {
    const res = await app.request("/api");
    assert.equal(res.status, 200);
    assert.match(res.headers.get("content-type") ?? "", /^text\/html/);
    const html = await res.text();
    for (const { path, method } of operationsOf(doc)) {
      assert.ok(html.includes(`${method.toUpperCase()} ${path}`), `${method} ${path}`);
    }
  });

  it("paginates meetings with limit and offset", async () => {
    const res = await app.request("/api/meetings?limit=1&offset=0");
    const page = (await res.json()) as { total: number; limit: number; data: unknown[] };
    assert.equal(page.limit, 1);
    assert.equal(page.data.length, Math.min(1, page.total));
  });
});
