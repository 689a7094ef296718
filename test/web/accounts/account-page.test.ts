/**
 * @module /konto and /log-ind/link/:token on both backends: change the password (wrong current one,
 * mismatch, success keeping this browser signed in and ending the others), set up two-factor with a QR
 * code drawn as SVG (a wrong code and a secret the server did not issue refused), and a first-login link
 * for the secretariat that sets the password and two-factor together.
 */
import assert from "node:assert/strict";
import { it } from "node:test";
import { createTotpSecret, oneTimeLinkCreator, totpCode } from "../../../src/accounts/index.js";
import { createApp } from "../../../src/web/app.js";
import { bodyId, uniqueEmail } from "../../accounts/support.js";
import { forEachBackend } from "../../support/stores.js";
import { csrfOf, makeUser, PASSWORD, TestBrowser, wrongCode } from "./support.js";

const NEW_PASSWORD = "en helt ny og lang adgangssætning";

/** The signed secret of the setup form in a page. */
function setupOf(html: string): { signed: string; secret: string } {
  const signed = /name="totp_secret" value="([^"]+)"/.exec(html)?.[1] ?? "";
  return { signed, secret: signed.split(".")[0] ?? "" };
}

forEachBackend("web accounts: /konto and one-time links", (store) => {
  it("sends an anonymous browser to /log-ind", async () => {
    const res = await createApp({ db: store().db }).request("/konto");
    assert.equal(res.status, 303);
    assert.equal(res.headers.get("location"), "/log-ind?til=%2Fkonto");
  });

  it("changes the password: refusals first, then success keeps this browser and ends the others", async () => {
    const { db } = store();
    const user = await makeUser(db, "medlem", "Mads Medlem");
    const app = createApp({ db });
    const here = new TestBrowser(app);
    const elsewhere = new TestBrowser(app);
    await here.logIn(user);
    await elsewhere.logIn(user);
    const page = await here.get("/konto");
    const html = await page.text();
    assert.match(html, /<dd>Mads Medlem<\/dd>/);
    assert.match(html, /Medlem, KKR Nordjylland/);
    const csrf = csrfOf(html);

    const wrong = await here.post(
      "/konto/adgangskode",
      { current: "forkert forkert", password: NEW_PASSWORD, repeat: NEW_PASSWORD },
      csrf,
    );
    assert.equal(wrong.status, 401);
    assert.match(
      await wrong.text(),
      /<a href="#current-password">Den nuværende adgangskode er forkert\.<\/a>/,
    );
    const mismatch = await here.post(
      "/konto/adgangskode",
      { current: PASSWORD, password: NEW_PASSWORD, repeat: "noget andet" },
      csrf,
    );
    assert.equal(mismatch.status, 422);
    assert.match(await mismatch.text(), /De to nye adgangskoder er ikke ens\./);
    const weak = await here.post(
      "/konto/adgangskode",
      { current: PASSWORD, password: "kort", repeat: "kort" },
      csrf,
    );
    assert.equal(weak.status, 422);
    assert.match(await weak.text(), /Adgangskoden kan ikke bruges/);

    const ok = await here.post(
      "/konto/adgangskode",
      { current: PASSWORD, password: NEW_PASSWORD, repeat: NEW_PASSWORD },
      csrf,
    );
    assert.equal(ok.status, 303);
    assert.equal(ok.headers.get("location"), "/konto?besked=adgangskode");
    const after = await here.get("/konto?besked=adgangskode");
    assert.equal(after.status, 200, "this browser is still signed in");
    assert.match(await after.text(), /Din adgangskode er ændret\./);
    assert.equal((await elsewhere.get("/konto")).status, 303, "the other browser is signed out");
    const fresh = new TestBrowser(app);
    const login = await fresh.submit("/log-ind", "/log-ind", { email: user.email, password: NEW_PASSWORD });
    assert.equal(login.status, 303);
  });

  it("sets up two-factor with a server-drawn QR code; a wrong code or a foreign secret is refused", async () => {
    const { db } = store();
    const user = await makeUser(db, "medlem");
    const app = createApp({ db });
    const browser = new TestBrowser(app);
    await browser.logIn(user);
    const html = await (await browser.get("/konto")).text();
    assert.match(
      html,
      /<div class="totp-qr__image" role="img" aria-label="QR-kode til autentificeringsappen"><svg xmlns="http:\/\/www.w3.org\/2000\/svg"/,
    );
    const { signed, secret } = setupOf(html);
    assert.match(secret, /^[A-Z2-7]{32}$/);
    assert.ok(html.includes(secret.replace(/(.{4})(?=.)/g, "$1 ")), "the secret as text, for typing in");
    const csrf = csrfOf(html);

    const wrong = await browser.post("/konto/totrin", { totp_secret: signed, code: wrongCode(secret) }, csrf);
    assert.equal(wrong.status, 422);
    const retry = await wrong.text();
    assert.match(retry, /Koden er forkert\. Skriv den kode, appen viser nu\./);
    assert.equal(setupOf(retry).secret, secret, "the same secret is offered again");

    const foreign = createTotpSecret();
    const forged = await browser.post(
      "/konto/totrin",
      { totp_secret: `${foreign}.abc`, code: totpCode(foreign) },
      csrf,
    );
    assert.equal(forged.status, 422, "a secret the server did not sign is refused");

    const ok = await browser.post("/konto/totrin", { totp_secret: signed, code: totpCode(secret) }, csrf);
    assert.equal(ok.status, 303);
    assert.match(
      await (await browser.get("/konto?besked=totrin")).text(),
      /Totrinsbekræftelse er slået til\./,
    );

    // From now on signing in needs the code.
    const fresh = new TestBrowser(app);
    const noCode = await fresh.submit("/log-ind", "/log-ind", { email: user.email, password: PASSWORD });
    assert.equal(noCode.status, 401);
    assert.match(await noCode.text(), /Skriv koden fra din autentificeringsapp\./);
  });

  it("a first-login link lets the secretariat set a password and two-factor, then signs in", async () => {
    const { db } = store();
    await bodyId(db, "KKR Nordjylland");
    const email = uniqueEmail("ny");
    const { userCreator, CLI_ACTOR } = await import("../../../src/accounts/index.js");
    const created = await userCreator({
      db,
      email,
      name: "Nina Ny",
      role: "sekretariat",
      body: "KKR Nordjylland",
      actor: CLI_ACTOR,
    });
    // No password yet: the link sets it. The role needs two-factor; the link sets it up too.
    await db.updateTable("app_user").set({ totp_secret: null }).where("id", "=", created.user.id).execute();
    const { token } = await oneTimeLinkCreator({ db, userId: created.user.id, purpose: "first-login" });
    const browser = new TestBrowser(createApp({ db }));
    const form = await browser.get(`/log-ind/link/${token}`);
    assert.equal(form.status, 200);
    assert.equal(form.headers.get("referrer-policy"), "no-referrer");
    const html = await form.text();
    assert.match(html, /<h1>Opret adgangskode<\/h1>/);
    assert.match(html, /Velkommen, Nina Ny/);
    assert.match(html, /<svg xmlns/);
    const { signed, secret } = setupOf(html);
    const csrf = csrfOf(html);
    const mismatch = await browser.post(
      `/log-ind/link/${token}`,
      { password: PASSWORD, repeat: "anden", totp_secret: signed, code: totpCode(secret) },
      csrf,
    );
    assert.equal(mismatch.status, 422);
    assert.match(await mismatch.text(), /De to adgangskoder er ikke ens\./);
    const ok = await browser.post(
      `/log-ind/link/${token}`,
      { password: PASSWORD, repeat: PASSWORD, totp_secret: signed, code: totpCode(secret) },
      csrf,
    );
    assert.equal(ok.status, 303);
    assert.equal(ok.headers.get("location"), "/konto?besked=velkommen");
    const konto = await (await browser.get("/konto?besked=velkommen")).text();
    assert.match(konto, /Din adgangskode er gemt, og du er logget ind\./);
    assert.match(konto, /Totrinsbekræftelse er slået til\./);
  });
});
