/**
 * @module Signing in, end to end in Debian's Chromium: a sekretariat user added by `raadsinfo user add`
 * signs in with password and TOTP, sees their name in the header, opens /konto, changes nothing, logs
 * out. On the way: a wrong password's error summary takes focus, axe-core finds no serious fault, no page
 * breaks the Content-Security-Policy, and screenshots of /log-ind, its error state and /konto with the QR
 * code are saved at desktop and 320 px width in test-output/screenshots/.
 */
import assert from "node:assert/strict";
import { mkdirSync, rmSync } from "node:fs";
import { after, before, describe, it } from "node:test";
import type { Browser, Page } from "playwright-core";
import { totpCode } from "../../src/accounts/index.js";
import { openStore, type Store } from "../../src/store/index.js";
import { createApp } from "../../src/web/app.js";
import { runCli } from "../support/cli.js";
import { storeWithSeeds } from "./import-seeds.js";
import {
  assertAccessible,
  chromiumSkip,
  launchChromium,
  SHOTS,
  screenshots,
  servePortal,
  WIDTHS,
} from "./page-checks.js";

const EMAIL = "bente.browser@kl.dk";
const NAME = "Bente Browser";
const PASSWORD = "en lang og god adgangssætning til browseren";

describe("signing in with password and TOTP in Chromium", { skip: chromiumSkip() }, () => {
  let store: Store;
  let dataDir: string;
  let browser: Browser;
  let portal: Awaited<ReturnType<typeof servePortal>> | undefined;
  let base: string;
  let page: Page;
  let totpSecret: string;
  const cspViolations: string[] = [];

  before(async () => {
    ({ store, dataDir } = await storeWithSeeds());
    // The CLI opens the embedded store itself, so the test's own handle closes first.
    await store.close();
    const added = runCli(
      [
        "user",
        "add",
        EMAIL,
        "--name",
        NAME,
        "--role",
        "sekretariat",
        "--body",
        "KKR Nordjylland",
        "--password-stdin",
        "--json",
      ],
      { env: { RAADSINFO_DATA_DIR: dataDir }, input: `${PASSWORD}\n` },
    );
    assert.equal(added.code, 0, added.stderr);
    const printed = JSON.parse(added.stdout) as { id: number; email: string; totpSecret: string };
    assert.equal(printed.email, EMAIL);
    totpSecret = printed.totpSecret;
    assert.match(totpSecret, /^[A-Z2-7]+$/);

    store = await openStore({ dataDir });
    const app = createApp({ db: store.db });
    portal = await servePortal(app);
    base = portal.base;
    browser = await launchChromium();
    const context = await browser.newContext({ viewport: WIDTHS.desktop, locale: "da-DK" });
    page = await context.newPage();
    page.on("console", (message) => {
      if (/Content Security Policy/i.test(message.text()))
        cspViolations.push(`${page.url()}: ${message.text()}`);
    });
    mkdirSync(SHOTS, { recursive: true });
  });

  after(async () => {
    await browser?.close();
    await portal?.close();
    await store?.close();
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  });

  it("shows /log-ind, refuses a wrong password with a focused error summary", async () => {
    await page.goto(`${base}/`);
    await page.getByRole("link", { name: "Log ind", exact: true }).click();
    await page.waitForURL(/\/log-ind$/);
    assert.equal(await page.locator("h1").innerText(), "Log ind");
    await assertAccessible(page, "/log-ind");
    await screenshots(page, "login");

    await page.getByLabel("E-mail").fill(EMAIL);
    await page.getByLabel("Adgangskode", { exact: true }).fill("forkert adgangskode igen");
    await page.getByRole("button", { name: "Log ind" }).click();
    await page.waitForLoadState("load");
    const summary = page.locator("#error-summary");
    assert.match(await summary.innerText(), /Forkert e-mail eller adgangskode\./);
    assert.equal(
      await page.evaluate<string>("document.activeElement?.id"),
      "error-summary",
      "focus on the summary",
    );
    assert.equal(await page.getByLabel("E-mail").inputValue(), EMAIL, "the e-mail is kept");
    assert.equal(await page.getByLabel("Adgangskode", { exact: true }).getAttribute("aria-invalid"), "true");
    await assertAccessible(page, "/log-ind with an error");
    await screenshots(page, "login-error");
  });

  it("signs in with password and TOTP and shows the name in the header", async () => {
    await page.getByLabel("Adgangskode", { exact: true }).fill(PASSWORD);
    await page.getByLabel("Kode fra autentificeringsapp").fill(totpCode(totpSecret));
    await page.getByRole("button", { name: "Log ind" }).click();
    await page.waitForURL(`${base}/`);
    const nav = page.getByRole("navigation", { name: "Konto" });
    assert.equal(await nav.locator(".site-account__name").innerText(), NAME);
    assert.equal(await nav.getByRole("link", { name: "Konto" }).count(), 1);
    assert.equal(await nav.getByRole("button", { name: "Log ud" }).count(), 1);
  });

  it("opens /konto with the QR code for a new app, and changes nothing", async () => {
    await page.getByRole("navigation", { name: "Konto" }).getByRole("link", { name: "Konto" }).click();
    await page.waitForURL(/\/konto$/);
    assert.match(await page.locator("main").innerText(), /Totrinsbekræftelse er slået til\./);
    await page.getByRole("link", { name: "Skift til en ny app" }).click();
    await page.waitForURL(/\/konto\?totrin=ny/);
    const qr = page.getByRole("img", { name: "QR-kode til autentificeringsappen" });
    const box = await qr.boundingBox();
    assert.ok(box && box.width >= 150, `QR code drawn (${box?.width} px)`);
    await assertAccessible(page, "/konto");
    await screenshots(page, "konto-qr");
  });

  it("keeps the Content-Security-Policy on portal pages with the seeds", async () => {
    await page.goto(`${base}/`);
    await page.getByRole("link", { name: "KKR Nordjylland", exact: true }).first().click();
    await page.waitForURL(/\/organ\/\d+$/);
    await page.locator("#moeder").locator("..").getByRole("link", { name: "20. september 2024" }).click();
    await page.waitForURL(/\/moede\/\d+$/);
    await page.locator("#punkt-2\\.8 a").first().click();
    await page.waitForURL(/\/punkt\/\d+$/);
    await page.goto(`${base}/soeg?q=biokul`);
    assert.deepEqual(cspViolations, []);
  });

  it("logs out", async () => {
    await page.getByRole("button", { name: "Log ud" }).click();
    await page.waitForURL(/\/log-ind\?besked=logget-ud$/);
    assert.match(await page.locator("main").innerText(), /Du er logget ud\./);
    const nav = page.getByRole("navigation", { name: "Konto" });
    assert.equal(await nav.getByRole("link", { name: "Log ind" }).count(), 1);
    await page.goto(`${base}/konto`);
    assert.match(page.url(), /\/log-ind\?til=%2Fkonto$/, "the session has ended");
  });
});
