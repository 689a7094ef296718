/**
 * @module /log-ind and /log-ud on both backends: password and TOTP, each refusal with its status and
 * Danish message, a reused code, a missing CSRF token, throttling to 429 with Retry-After, the session
 * cookie's attributes, and log-out ending the session in the store.
 */
import assert from "node:assert/strict";
import { it } from "node:test";
import { totpCode } from "../../../src/accounts/index.js";
import { createApp } from "../../../src/web/app.js";
import { forEachBackend } from "../../support/stores.js";
import { csrfOf, errorJson, makeUser, PASSWORD, TestBrowser, wrongCode } from "./support.js";

forEachBackend("web accounts: log ind, log ud", (store) => {
  it("signs a sekretariat user in with password and TOTP, shows the name in the header", async () => {
    const { db } = store();
    const app = createApp({ db });
    const user = await makeUser(db, "sekretariat", "Søs Sekretær");
    const browser = new TestBrowser(app);
    const form = await browser.get("/log-ind");
    assert.equal(form.status, 200);
    const html = await form.text();
    assert.match(html, /<label class="form-label" for="email">E-mail<\/label>/);
    assert.match(html, /<label class="form-label" for="code">Kode fra autentificeringsapp<\/label>/);
    const res = await browser.post(
      "/log-ind",
      { email: user.email, password: PASSWORD, code: totpCode(user.totpSecret ?? ""), til: "/konto" },
      csrfOf(html),
    );
    assert.equal(res.status, 303);
    assert.equal(res.headers.get("location"), "/konto");
    const front = await browser.get("/tilgaengelighed");
    const page = await front.text();
    assert.match(page, /<span class="site-account__name">Søs Sekretær<\/span>/);
    assert.match(page, /href="\/konto">Konto<\/a>/);
    assert.match(page, /<form class="site-account__logout" action="\/log-ud" method="post">/);
    assert.equal(front.headers.get("cache-control"), "private, no-store");
  });

  it("sets the session cookie HttpOnly, SameSite=Lax, path /, and Secure only behind https", async () => {
    const { db } = store();
    for (const [base, secure] of [
      ["http://localhost:3000", false],
      ["https://raadsinfo.example.dk", true],
    ] as const) {
      const app = createApp({ db, settings: { publicBaseUrl: base } });
      const user = await makeUser(db, "medlem");
      const res = await new TestBrowser(app).logIn(user);
      assert.equal(res.status, 303, base);
      const cookie = res.headers.getSetCookie().find((line) => line.startsWith("raadsinfo_session="));
      assert.ok(cookie, `${base}: a session cookie`);
      assert.match(cookie, /; HttpOnly/);
      assert.match(cookie, /; SameSite=Lax/);
      assert.match(cookie, /; Path=\//);
      assert.equal(/; Secure/.test(cookie), secure, `${base}: Secure`);
      const token = /^raadsinfo_session=([^;]+)/.exec(cookie)?.[1] ?? "";
      const stored = await db.selectFrom("user_session").selectAll().execute();
      assert.ok(
        stored.every((row) => !Object.values(row).includes(token)),
        "the store keeps the token's hash, not the token",
      );
    }
  });

  it("refuses a wrong password with 401 and the Danish message, keeping the e-mail", async () => {
    const { db } = store();
    const user = await makeUser(db, "medlem");
    const res = await new TestBrowser(createApp({ db })).submit("/log-ind", "/log-ind", {
      email: user.email,
      password: "forkert adgangskode her",
    });
    assert.equal(res.status, 401);
    const html = await res.text();
    assert.match(html, /<title>Fejl: Log ind – Rådsinfo<\/title>/);
    assert.match(html, /<a href="#password">Forkert e-mail eller adgangskode\.<\/a>/);
    assert.match(html, new RegExp(`value="${user.email}"`));
    const summary = /<div[^>]*class="alert alert-error error-summary"[^>]*>/.exec(html)?.[0] ?? "";
    assert.match(summary, /role="alert"/);
    assert.match(summary, /tabindex="-1"/);
    assert.match(summary, /autofocus/);
    assert.match(
      html,
      /<input class="form-input" id="password"[^>]*aria-invalid="true"[^>]*aria-describedby="password-error"/,
    );
  });

  it("asks for the code when it is missing, and refuses a wrong one", async () => {
    const { db } = store();
    const user = await makeUser(db, "administrator");
    const browser = new TestBrowser(createApp({ db }));
    const missing = await browser.submit("/log-ind", "/log-ind", { email: user.email, password: PASSWORD });
    assert.equal(missing.status, 401);
    assert.match(await missing.text(), /<a href="#code">Skriv koden fra din autentificeringsapp\.<\/a>/);
    const wrong = await browser.submit("/log-ind", "/log-ind", {
      email: user.email,
      password: PASSWORD,
      code: wrongCode(user.totpSecret ?? ""),
    });
    assert.equal(wrong.status, 401);
    assert.match(await wrong.text(), /Koden er forkert\. Prøv igen med en ny kode\./);
    assert.equal(browser.cookies.has("raadsinfo_session"), false);
  });

  it("refuses a code that has been used already", async () => {
    const { db } = store();
    const user = await makeUser(db, "sekretariat");
    const code = totpCode(user.totpSecret ?? "");
    const fields = { email: user.email, password: PASSWORD, code };
    const first = await new TestBrowser(createApp({ db })).submit("/log-ind", "/log-ind", fields);
    assert.equal(first.status, 303);
    const again = await new TestBrowser(createApp({ db })).submit("/log-ind", "/log-ind", fields);
    assert.equal(again.status, 401);
    assert.match(await again.text(), /Koden er allerede brugt\. Vent på den næste kode\./);
  });

  it("refuses a POST without a CSRF token, or with a wrong one, with 403 and a Danish page", async () => {
    const { db } = store();
    const user = await makeUser(db, "medlem");
    const browser = new TestBrowser(createApp({ db }));
    await browser.get("/log-ind");
    for (const token of [null, "forfalsket"]) {
      const res = await browser.post("/log-ind", { email: user.email, password: PASSWORD }, token);
      assert.equal(res.status, 403, String(token));
      const html = await res.text();
      assert.match(html, /<h1>Adgang nægtet<\/h1>/);
      assert.match(html, /sikkerhedsnøglen mangler eller er udløbet/);
      assert.match(html, /<a href="\/log-ind">Gå tilbage til formularen<\/a>/);
    }
    assert.equal(browser.cookies.has("raadsinfo_session"), false);
    // A token from another browser (its own nonce cookie) does not fit this one's cookie.
    const other = new TestBrowser(createApp({ db }));
    const stolen = csrfOf(await (await other.get("/log-ind")).text());
    const res = await browser.post("/log-ind", { email: user.email, password: PASSWORD }, stolen);
    assert.equal(res.status, 403);
    const json = await browser.post("/log-ind", { email: user.email }, null, { accept: "application/json" });
    assert.equal(json.status, 403);
    assert.equal((await errorJson(json)).error.code, "csrf-invalid");
  });

  it("throttles ten quick wrong tries: 429 with the lockout message and Retry-After", async () => {
    const { db } = store();
    const user = await makeUser(db, "medlem");
    const browser = new TestBrowser(createApp({ db }));
    const statuses: number[] = [];
    let last: Response | undefined;
    for (let i = 0; i < 10; i++) {
      last = await browser.submit("/log-ind", "/log-ind", {
        email: user.email,
        password: `forkert ${i} forkert`,
      });
      statuses.push(last.status);
    }
    assert.equal(statuses[0], 401);
    assert.equal(statuses.at(-1), 429, statuses.join(","));
    assert.ok(last);
    const retryAfter = Number(last.headers.get("retry-after"));
    assert.ok(retryAfter > 0 && retryAfter <= 15 * 60, `Retry-After ${retryAfter}`);
    assert.match(await last.text(), /For mange forkerte forsøg\. Prøv igen om \d+ minutter?\./);
    // Now even the right password waits.
    const right = await browser.logIn(user);
    assert.equal(right.status, 429);
    const json = await browser.post(
      "/log-ind",
      { email: user.email, password: PASSWORD },
      csrfOf(await (await browser.get("/log-ind")).text()),
      { accept: "application/json" },
    );
    assert.equal(json.status, 429);
    assert.ok(json.headers.get("retry-after"));
    assert.equal((await errorJson(json)).error.code, "throttled");
  });

  it("behind a trusted proxy, limits each client's address, not the proxy's, whatever the client forges", async () => {
    const { db } = store();
    const app = createApp({ db, settings: { trustedProxies: 1 } });
    // The client forges "9.9.9.9"; the proxy appends the address it saw: that one counts.
    const from = (address: string) => new TestBrowser(app, { "x-forwarded-for": `9.9.9.9, ${address}` });
    const attacker = from("203.0.113.7");
    const statuses: number[] = [];
    for (let i = 0; i < 21; i++) {
      // A new unknown account each time: only the address limit (20) can stop these.
      const res = await attacker.submit("/log-ind", "/log-ind", {
        email: `ukendt${i}-${process.pid}@kl.dk`,
        password: "forkert forkert forkert",
      });
      statuses.push(res.status);
    }
    assert.equal(statuses.at(-1), 429, statuses.join(","));
    const user = await makeUser(db, "medlem");
    const neighbour = await from("203.0.113.8").logIn(user);
    assert.equal(neighbour.status, 303, "another client behind the same proxy still signs in");
  });

  it("logs out: the session ends in the store, the cookie is cleared, the header says Log ind", async () => {
    const { db } = store();
    const user = await makeUser(db, "medlem", "Mette Medlem");
    const browser = new TestBrowser(createApp({ db }));
    await browser.logIn(user);
    const cookie = browser.cookies.get("raadsinfo_session") ?? "";
    assert.ok(cookie);
    const konto = await browser.get("/konto");
    assert.equal(konto.status, 200);
    const res = await browser.post("/log-ud", {}, csrfOf(await konto.text()));
    assert.equal(res.status, 303);
    assert.equal(res.headers.get("location"), "/log-ind?besked=logget-ud");
    assert.equal(browser.cookies.has("raadsinfo_session"), false);
    const after = await browser.get("/log-ind?besked=logget-ud");
    const html = await after.text();
    assert.match(html, /Du er logget ud\./);
    assert.match(html, /class="site-account__link" href="\/log-ind">Log ind<\/a>/);
    // The old cookie, replayed, is nobody.
    const replay = await createApp({ db }).request("/konto", {
      headers: { cookie: `raadsinfo_session=${cookie}` },
    });
    assert.equal(replay.status, 303);
    assert.equal(replay.headers.get("location"), "/log-ind?til=%2Fkonto");
    const ended = await db
      .selectFrom("user_session")
      .select("ended")
      .where("user_id", "=", user.id)
      .execute();
    assert.ok(ended.length > 0 && ended.every((s) => s.ended !== null));
  });

  it("goes back only to a path on this site", async () => {
    const { db } = store();
    for (const [til, location] of [
      ["/tilgaengelighed", "/tilgaengelighed"],
      ["//evil.example", "/"],
      ["https://evil.example/", "/"],
    ] as const) {
      const user = await makeUser(db, "medlem");
      const browser = new TestBrowser(createApp({ db }));
      const res = await browser.submit(`/log-ind?til=${encodeURIComponent(til)}`, "/log-ind", {
        email: user.email,
        password: PASSWORD,
        til,
      });
      assert.equal(res.headers.get("location"), location, til);
    }
  });
});
