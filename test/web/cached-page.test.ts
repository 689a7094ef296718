/** HTTP caching of the meeting and item pages: ETag and Cache-Control, 304 on a matching conditional GET. */
import assert from "node:assert/strict";
import { before, it } from "node:test";
import { createApp } from "../../src/web/app.js";
import { etagMatches, PUBLIC_PAGE_MAX_AGE } from "../../src/web/cached-page.js";
import { forEachBackend } from "../support/stores.js";
import { type DemoIds, demoIds } from "./pages/portal-support.js";

it("matches If-None-Match weakly, in a list and by wildcard", () => {
  assert.ok(etagMatches('W/"abc"', 'W/"abc"'));
  assert.ok(etagMatches('"abc"', 'W/"abc"'));
  assert.ok(etagMatches('W/"x", W/"abc"', 'W/"abc"'));
  assert.ok(etagMatches("*", 'W/"abc"'));
  assert.ok(!etagMatches('W/"abd"', 'W/"abc"'));
  assert.ok(!etagMatches(undefined, 'W/"abc"'));
  assert.ok(!etagMatches("", 'W/"abc"'));
});

forEachBackend("cached pages", (store) => {
  let ids: DemoIds;
  before(async () => {
    ids = await demoIds(store().db);
  });

  for (const [name, path] of [
    ["meeting", () => `/moede/${ids.meeting}`],
    ["item", () => `/punkt/${ids.item("2.1")}`],
  ] as const) {
    it(`${name} page: a full answer carries ETag and Cache-Control; the same ETag back gets 304 without a body`, async () => {
      const app = createApp({ db: store().db });
      const first = await app.request(path());
      assert.equal(first.status, 200);
      const etag = first.headers.get("ETag");
      assert.match(etag ?? "", /^W\/"[\w-]+"$/);
      assert.equal(first.headers.get("Cache-Control"), `public, max-age=${PUBLIC_PAGE_MAX_AGE}`);
      const body = await first.text();
      assert.match(body, /^<!DOCTYPE html>/);

      const again = await app.request(path(), { headers: { "If-None-Match": etag! } });
      assert.equal(again.status, 304);
      assert.equal(again.headers.get("ETag"), etag);
      assert.equal(await again.text(), "");

      const stale = await app.request(path(), { headers: { "If-None-Match": 'W/"older"' } });
      assert.equal(stale.status, 200);
      assert.equal(await stale.text(), body);
    });
  }

  it("a changed page gets a new ETag", async () => {
    const app = createApp({ db: store().db });
    const before = (await app.request(`/moede/${ids.meeting}`)).headers.get("ETag");
    const { db } = store();
    const row = await db
      .selectFrom("meeting")
      .select("location")
      .where("id", "=", ids.meeting)
      .executeTakeFirstOrThrow();
    await db
      .updateTable("meeting")
      .set({ location: "Et andet lokale" })
      .where("id", "=", ids.meeting)
      .execute();
    try {
      const after = (await app.request(`/moede/${ids.meeting}`)).headers.get("ETag");
      assert.notEqual(after, before);
    } finally {
      await db.updateTable("meeting").set({ location: row.location }).where("id", "=", ids.meeting).execute();
    }
  });
});
