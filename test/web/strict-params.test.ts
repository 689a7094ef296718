/**
 * @module Every surface refuses malformed numbers, dates and ids with 400, never 500: pages (a Danish page),
 * /api and OParl (JSON). Paging at its extremes (0, -1, huge, not a number), impossible dates, oversized
 * ids. Both backends, over the demo meeting.
 */
import assert from "node:assert/strict";
import { before, it } from "node:test";
import type { Hono } from "hono";
import { loadDemoIfEmpty } from "../../src/demo/load-demo.js";
import { createApp } from "../../src/web/app.js";
import { forEachBackend } from "../support/stores.js";

/** Paging values no surface may take. 184467440737095516 was the 500 on OParl. */
const BAD_NUMBERS = ["0", "-1", "abc", "1e3", "184467440737095516", "99999999999999999999", "1.5"];
/** Ids that cannot name a row: not digits, zero, or beyond PostgreSQL's integer. */
const BAD_IDS = ["abc", "0", "-1", "1e3", "2147483648", "99999999999999999999"];
/** Dates that are not on the calendar or not in PostgreSQL's range. */
const BAD_DATES = [
  "2024-02-30",
  "2023-02-29",
  "0000-01-01",
  "2024-13-01",
  "2024-00-10",
  "2024-01-01T24:00:00Z",
  "2024-01-01T10:60:00Z",
  "2024-06-01T10:00:00+15:00",
  "i går",
];

forEachBackend("strict parameters", (store) => {
  let app: Hono;
  const ids = { body: 0, meeting: 0, annex: 0 };

  before(async () => {
    const { db } = store();
    await loadDemoIfEmpty(db);
    app = createApp({ db });
    ids.body = (await db.selectFrom("body").select("id").executeTakeFirstOrThrow()).id;
    ids.meeting = (await db.selectFrom("meeting").select("id").executeTakeFirstOrThrow()).id;
    ids.annex = (
      await db.selectFrom("file").select("id").where("role", "=", "annex").executeTakeFirstOrThrow()
    ).id;
  });

  /** Asks for `path` and checks a 400 in the surface's own form: JSON for /api and OParl, else a page. */
  async function refused(path: string): Promise<void> {
    const res = await app.request(path);
    assert.equal(res.status, 400, path);
    const text = await res.text();
    if (path.startsWith("/api/") || path.startsWith("/oparl/")) {
      const body = JSON.parse(text) as { error: { status: number; message: string } };
      assert.equal(body.error.status, 400, path);
      assert.ok(body.error.message.length > 0, path);
    } else {
      assert.match(text, /<html lang="da">/, path);
      assert.match(text, /Forkert forespørgsel/, path);
    }
    assert.doesNotMatch(text, /\bat \S+\.ts:\d+|Error:/, `${path}: no stack`);
  }

  it("pages refuse malformed ids with a Danish 400", async () => {
    const paths = ["/moede/", "/punkt/", "/organ/", "/person/", "/bilag/"];
    for (const bad of BAD_IDS) {
      for (const path of paths) await refused(`${path}${bad}`);
      await refused(`/bilag/${bad}/original`);
      await refused(`/organ/${bad}/feed.rss`);
      await refused(`/organ/${bad}/moeder.ics`);
      await refused(`/organ/${bad}/eksport.csv`);
      await refused(`/organ/${bad}/eksport.json`);
    }
    assert.equal((await app.request("/moede/999999")).status, 404, "a well-formed id of nothing is 404");
  });

  it("pages refuse malformed page numbers: /soeg's page and an annex's side", async () => {
    for (const bad of BAD_NUMBERS) {
      await refused(`/soeg?q=biokul&page=${bad}`);
      await refused(`/soeg?q=biokul&pageSize=${bad}`);
      await refused(`/soeg?q=biokul&person=${bad}`);
      await refused(`/bilag/${ids.annex}?side=${bad}`);
    }
    assert.equal((await app.request(`/bilag/${ids.annex}?side=2`)).status, 200);
    assert.equal((await app.request("/soeg?q=biokul&person=2147483647")).status, 200);
  });

  it("/api refuses malformed ids, limits, offsets and filters with a JSON 400", async () => {
    for (const bad of BAD_IDS) {
      for (const path of ["/api/bodies/", "/api/meetings/", "/api/items/", "/api/persons/"]) {
        await refused(`${path}${bad}`);
      }
    }
    for (const bad of BAD_NUMBERS) {
      for (const list of ["/api/meetings", "/api/persons"]) {
        await refused(`${list}?limit=${bad}`);
        if (bad !== "0") await refused(`${list}?offset=${bad}`);
        await refused(`${list}?body=${bad}`);
      }
      await refused(`/api/meetings?year=${bad}`);
      await refused(`/api/search?q=biokul&page=${bad}`);
    }
    assert.equal((await app.request("/api/meetings?offset=0&limit=200")).status, 200);
    assert.equal((await app.request("/api/meetings/999999")).status, 404);
  });

  it("OParl refuses malformed pages, page sizes, ids and impossible dates with a JSON 400", async () => {
    const lists = [
      "/oparl/v1/bodies",
      `/oparl/v1/body/${ids.body}/meetings`,
      `/oparl/v1/body/${ids.body}/papers`,
    ];
    for (const list of lists) {
      for (const bad of BAD_NUMBERS) {
        await refused(`${list}?page=${bad}`);
        await refused(`${list}?elementsPerPage=${bad}`);
      }
      for (const bad of BAD_DATES) {
        for (const filter of ["created_since", "created_until", "modified_since", "modified_until"]) {
          await refused(`${list}?${filter}=${encodeURIComponent(bad)}`);
        }
      }
    }
    for (const bad of BAD_IDS) {
      await refused(`/oparl/v1/meeting/${bad}`);
      await refused(`/oparl/v1/body/${bad}/meetings`);
      await refused(`/oparl/v1/organization/${bad}/meetings`);
      await refused(`/oparl/v1/file/${bad}/download`);
    }
    for (const good of [
      "2024-02-29",
      "2024-01-01T10:00:00+01:00",
      "2024-01-01T10:00:00Z",
      "1999-12-31T23:59:59.5Z",
    ]) {
      const res = await app.request(`/oparl/v1/bodies?created_since=${encodeURIComponent(good)}`);
      assert.equal(res.status, 200, good);
    }
    const far = await app.request("/oparl/v1/bodies?page=1000000");
    assert.equal(far.status, 200, "the last allowed page answers, empty");
    assert.equal(((await far.json()) as { data: unknown[] }).data.length, 0);
  });
});
