/**
 * @module DATABASE_READ_URL (issue 17): the public read-only surfaces of a visitor who is not signed in
 * read the replica, through connections that refuse to write; sign-in, sessions and the signed-in's own
 * reads stay on the primary. The "replica" here is a second database holding the demo meeting while the
 * primary holds none, so a page that reads the wrong one shows it; a public GET that writes fails there.
 */
import assert from "node:assert/strict";
import { after, before, it } from "node:test";
import type { Hono } from "hono";
import type { Kysely } from "kysely";
import { type Database, openStore, type Store } from "../../src/store/index.js";
import { createApp } from "../../src/web/app.js";
import { type PrimaryAndReplica, primaryAndDemoReplica } from "../support/read-replica.js";
import { describeOnServer } from "../support/stores.js";
import { makeUser, TestBrowser } from "./accounts/support.js";

const DEMO_BODY = "KKR Eksempelregion";

/** Rows in the "Mente du" queue. */
async function queuedWords(db: Kysely<Database>): Promise<number> {
  const row = await db
    .selectFrom("search_word_pending")
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

interface ApiList {
  readonly total: number;
  readonly data: readonly { readonly id: number }[];
}

describeOnServer("DATABASE_READ_URL: public reads from the replica", () => {
  let databases: PrimaryAndReplica | undefined;
  let store: Store;
  let app: Hono;
  let pendingWords = 0;

  before(async () => {
    databases = await primaryAndDemoReplica();
    store = await openStore({ databaseUrl: databases.primaryUrl, readDatabaseUrl: databases.replicaUrl });
    app = createApp({ db: store.db, readDb: store.readDb });
    // The demo's words wait in the "Mente du" queue, which a search takes in on a store that writes.
    pendingWords = await queuedWords(store.readDb);
  });
  after(async () => {
    await store?.close();
    await databases?.drop();
  });

  it("opens the replica's connections read-only: a forgotten write fails loudly", async () => {
    await assert.rejects(
      store.readDb.insertInto("site_secret").values({ name: "x", value: "y" }).execute(),
      /read-only transaction/,
    );
    assert.match(store.description, /^PostgreSQL at .+, reads from .+\/raadsinfo_test_/);
  });

  it("serves the public pages, search, API, OParl, feeds and exports from the replica", async () => {
    const meetings = (await (await app.request("/api/meetings")).json()) as ApiList;
    assert.ok(meetings.total > 0, "the demo meeting, which only the replica has");
    const meetingId = meetings.data[0]?.id;
    const bodies = (await (await app.request("/api/bodies")).json()) as ApiList;
    const bodyId = bodies.data[0]?.id;
    assert.ok(meetingId && bodyId);
    const meetingPage = await (await app.request(`/moede/${meetingId}`)).text();
    const itemId = /href="\/punkt\/(\d+)"/.exec(meetingPage)?.[1];
    assert.ok(itemId, "the meeting page lists its items");
    for (const path of [
      "/",
      `/organ/${bodyId}`,
      `/moede/${meetingId}`,
      `/punkt/${itemId}`,
      "/soeg?q=biokul",
      "/api/search?q=biokul",
      `/api/meetings/${meetingId}`,
      `/api/items/${itemId}`,
      "/oparl/v1/bodies",
      `/organ/${bodyId}/feed.rss`,
      `/organ/${bodyId}/moeder.ics`,
      `/organ/${bodyId}/eksport.csv`,
    ]) {
      const res = await app.request(path);
      assert.equal(res.status, 200, path);
      const text = await res.text();
      assert.ok(text.includes(DEMO_BODY) || text.includes("biokul"), `${path} shows the replica's data`);
    }
  });

  it("answers a search through the replica without taking in the word queue it cannot write", async () => {
    assert.ok(pendingWords > 0, "the replica has queued words");
    // Misspellings that find nothing: the search asks which words are known, which on the primary takes in
    // the queue, and offers the nearest ("Mente du").
    for (const q of ["biokkul", "forprojektt"]) {
      const res = await app.request(`/soeg?q=${q}`);
      assert.equal(res.status, 200, q);
    }
    assert.equal(
      await queuedWords(store.readDb),
      pendingWords,
      "the queue is as it was: nothing was written",
    );
  });

  it("writes a sign-in to the primary, and the signed-in read the primary", async () => {
    const user = await makeUser(store.db, "medlem", "Pia Primær");
    const browser = new TestBrowser(app);
    const signedIn = await browser.logIn(user);
    assert.equal(signedIn.status, 303);
    const sessions = await store.db.selectFrom("user_session").select("user_id").execute();
    assert.deepEqual(
      sessions.map((s) => s.user_id),
      [user.id],
    );
    // The replica's copy was made before: no user, no session there.
    assert.equal((await store.readDb.selectFrom("app_user").select("id").execute()).length, 0);
    // Signed in, the same list reads the primary, which has no meeting: what they wrote is what they see.
    const mine = (await (await browser.get("/api/meetings")).json()) as ApiList;
    assert.equal(mine.total, 0);
    const anonymous = (await (await app.request("/api/meetings")).json()) as ApiList;
    assert.ok(anonymous.total > 0);
  });

  it("writes nothing on any public page a visitor can reach from the front page", async () => {
    const seen = new Set<string>();
    const queue = ["/"];
    const failures: string[] = [];
    while (queue.length > 0 && seen.size < 300) {
      const path = queue.shift() as string;
      if (seen.has(path)) continue;
      seen.add(path);
      const res = await app.request(path);
      // A write through the replica's read-only connection is a 500.
      if (res.status >= 500) failures.push(`${path}: ${res.status}`);
      // Only the whole-meeting download reads the primary (it queues its job there), which has no meeting.
      if (res.status === 404 && !/\/hele-moedet/.test(path)) failures.push(`${path}: read the primary`);
      const type = res.headers.get("content-type") ?? "";
      if (!type.startsWith("text/html")) continue;
      for (const [, href] of (await res.text()).matchAll(/href="(\/[^"#]*)"/g)) {
        const next = (href as string).replaceAll("&amp;", "&");
        if (!next.startsWith("/static/") && !seen.has(next)) queue.push(next);
      }
    }
    assert.deepEqual(failures, []);
    assert.ok(seen.size > 20, `crawled ${seen.size} pages`);
  });
});
