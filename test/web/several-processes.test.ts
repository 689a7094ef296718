/**
 * @module Several web processes behind a proxy act as one (issue 17): two apps, each with its own store
 * and connection pool on one PostgreSQL database, as two `raadsinfo serve` would have. A browser's
 * requests go to either: a sign-in on one holds on the other, a form served by one (anonymous and signed
 * in) is accepted by the other, a lockout counted on one is seen by the other, and a log-out on one ends
 * the session on both.
 */
import assert from "node:assert/strict";
import { after, before, it } from "node:test";
import type { Hono } from "hono";
import { openStore, type Store } from "../../src/store/index.js";
import { createApp } from "../../src/web/app.js";
import { describeOnServer, serverDatabase } from "../support/stores.js";
import { csrfOf, makeUser, PASSWORD, TestBrowser } from "./accounts/support.js";

describeOnServer("several web processes on one database", () => {
  let database: Awaited<ReturnType<typeof serverDatabase>> | undefined;
  const stores: Store[] = [];
  let first: Hono;
  let second: Hono;

  before(async () => {
    database = await serverDatabase();
    for (let n = 0; n < 2; n++) stores.push(await openStore({ databaseUrl: database.url }));
    // No csrfSecret: each app uses the site's key, as serve does.
    [first, second] = stores.map((store) => createApp({ db: store.db })) as [Hono, Hono];
  });
  after(async () => {
    for (const store of stores) await store.close();
    await database?.drop();
  });

  it("takes a sign-in form served by one and posted to the other, and the session holds on both", async () => {
    const user = await makeUser(stores[0]!.db, "medlem", "Per Proxy");
    const onFirst = new TestBrowser(first);
    const onSecond = onFirst.via(second);
    const form = await onFirst.get("/log-ind");
    assert.ok(onFirst.cookies.has("raadsinfo_csrf"), "the anonymous form's nonce cookie");
    const signedIn = await onSecond.post(
      "/log-ind",
      { email: user.email, password: PASSWORD, til: "/konto" },
      csrfOf(await form.text()),
    );
    assert.equal(signedIn.status, 303, "the second process accepts the first one's anonymous form");
    for (const browser of [onFirst, onSecond]) {
      const account = await browser.get("/konto");
      assert.equal(account.status, 200);
      assert.match(await account.text(), /<span class="site-account__name">Per Proxy<\/span>/);
    }
    // A signed-in form from the second, posted to the first: log-out ends the session for both.
    const page = await onSecond.get("/konto");
    const loggedOut = await onFirst.post("/log-ud", {}, csrfOf(await page.text()));
    assert.equal(loggedOut.status, 303);
    assert.equal(loggedOut.headers.get("location"), "/log-ind?besked=logget-ud");
    for (const browser of [onFirst, onSecond]) {
      const account = await browser.get("/konto");
      assert.notEqual(account.status, 200, "signed out on both");
      assert.doesNotMatch(await account.text(), /Per Proxy/);
    }
  });

  it("locks an account out on the other process after failures counted on one", async () => {
    const user = await makeUser(stores[1]!.db, "medlem");
    const onFirst = new TestBrowser(first);
    const statuses: number[] = [];
    for (let i = 0; i < 5; i++) {
      const res = await onFirst.submit("/log-ind", "/log-ind", {
        email: user.email,
        password: `forkert ${i}`,
      });
      statuses.push(res.status);
    }
    assert.deepEqual(statuses, [401, 401, 401, 401, 401]);
    // A fresh browser on the other process, with the right password: the account is locked there too.
    const right = await new TestBrowser(second).submit("/log-ind", "/log-ind", {
      email: user.email,
      password: PASSWORD,
    });
    assert.equal(right.status, 429);
    assert.ok(Number(right.headers.get("retry-after")) > 0);
    assert.match(await right.text(), /For mange forkerte forsøg/);
  });

  it("makes one site key when several processes ask for it first at once", async () => {
    const third = await openStore({ databaseUrl: database?.url });
    stores.push(third);
    await third.db.deleteFrom("site_secret").execute();
    const fresh = [createApp({ db: third.db }), createApp({ db: stores[0]!.db })] as const;
    const browsers = fresh.map((app) => new TestBrowser(app));
    const forms = await Promise.all(browsers.map((b) => b.get("/log-ind")));
    assert.deepEqual(
      forms.map((f) => f.status),
      [200, 200],
    );
    const keys = await third.db.selectFrom("site_secret").select("name").execute();
    assert.deepEqual(
      keys.map((k) => k.name),
      ["csrf-signing-key"],
    );
    // Each one's form is good on the other: a wrong password (401), not a refused form (403).
    const token = csrfOf(await forms[0]!.text());
    const crossed = await browsers[0]!
      .via(fresh[1])
      .post("/log-ind", { email: "x@kl.dk", password: "x" }, token);
    assert.equal(crossed.status, 401);
  });
});
