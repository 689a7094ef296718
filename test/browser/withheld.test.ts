/**
 * @module The secretariat's withheld list end to end in Debian's Chromium: a sekretariat user signs in,
 * opens /sekretariat/tilbageholdt, releases a page, uploads a redacted copy of an annex, and reads the
 * notices; axe-core finds no serious fault, nothing scrolls sideways at 320 px, and screenshots of the
 * list, its error state and its notice land in test-output/screenshots/.
 */
import assert from "node:assert/strict";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, describe, it } from "node:test";
import type { Browser, Page } from "playwright-core";
import { CLI_ACTOR, totpCode, userCreator } from "../../src/accounts/index.js";
import { importDocument, openStore, type Store } from "../../src/store/index.js";
import { createApp } from "../../src/web/app.js";
import { PASSWORD } from "../accounts/support.js";
import { redactedCopyText, redactionMinutes, redactionPack, redactionWords } from "../support/redaction.js";
import {
  assertAccessible,
  chromiumSkip,
  launchChromium,
  SHOTS,
  screenshots,
  servePortal,
  WIDTHS,
} from "./page-checks.js";

const EMAIL = "sara.sekretariat@kl.dk";
const KEY = "browser";

describe("the secretariat's withheld list in Chromium", { skip: chromiumSkip() }, () => {
  let store: Store;
  let browser: Browser;
  let stopPortal: (() => Promise<void>) | undefined;
  let base: string;
  let page: Page;
  let totpSecret: string;
  let dir: string;

  before(async () => {
    dir = mkdtempSync(join(tmpdir(), "raadsinfo-withheld-browser-"));
    store = await openStore({ dataDir: "memory://" });
    await importDocument(store.db, redactionMinutes(KEY));
    const { parsed, content } = redactionPack(KEY);
    await importDocument(store.db, parsed, { content });
    const created = await userCreator({
      db: store.db,
      email: EMAIL,
      name: "Sara Sekretariat",
      role: "sekretariat",
      body: redactionWords(KEY).body,
      password: PASSWORD,
      actor: CLI_ACTOR,
    });
    totpSecret = created.totpSecret ?? "";
    writeFileSync(join(dir, "stadig-cpr.txt"), redactedCopyText(KEY, true));
    writeFileSync(join(dir, "henvendelse-anonymiseret.txt"), redactedCopyText(KEY));
    ({ base, close: stopPortal } = await servePortal(createApp({ db: store.db })));
    browser = await launchChromium();
    const context = await browser.newContext({ viewport: WIDTHS.desktop, locale: "da-DK" });
    page = await context.newPage();
    mkdirSync(SHOTS, { recursive: true });
  });

  after(async () => {
    await browser?.close();
    await stopPortal?.();
    await store?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it("signs in and shows the list, accessible and without sideways scrolling", async () => {
    await page.goto(`${base}/sekretariat/tilbageholdt`);
    await page.waitForURL(/\/log-ind\?til=/);
    await page.getByLabel("E-mail").fill(EMAIL);
    await page.getByLabel("Adgangskode", { exact: true }).fill(PASSWORD);
    await page.getByLabel("Kode fra autentificeringsapp").fill(totpCode(totpSecret));
    await page.getByRole("button", { name: "Log ind" }).click();
    await page.waitForURL(/\/sekretariat\/tilbageholdt$/);
    assert.equal(await page.locator("h1").innerText(), "Tilbageholdt fra offentligheden");
    assert.match(await page.locator("main").innerText(), /Borgerens henvendelse, side 1/);
    await assertAccessible(page, "/sekretariat/tilbageholdt");
    await screenshots(page, "withheld-list");
  });

  it("refuses a copy that still names a CPR number, with a focused error summary", async () => {
    await page
      .getByLabel(/^Anonymiseret kopi/)
      .first()
      .setInputFiles(join(dir, "stadig-cpr.txt"));
    await page
      .getByRole("button", { name: /^Erstat med anonymiseret kopi af / })
      .first()
      .click();
    await page.waitForLoadState("load");
    assert.match(
      await page.locator("#error-summary").innerText(),
      /indeholder stadig et CPR-nummer på side 1/,
    );
    assert.equal(await page.evaluate<string>("document.activeElement?.id"), "error-summary");
    await assertAccessible(page, "/sekretariat/tilbageholdt with an error");
    await screenshots(page, "withheld-list-error");
  });

  it("replaces the annex with a clean copy and releases a closed item", async () => {
    await page.goto(`${base}/sekretariat/tilbageholdt`);
    await page
      .getByLabel(/^Anonymiseret kopi/)
      .first()
      .setInputFiles(join(dir, "henvendelse-anonymiseret.txt"));
    await page
      .getByRole("button", { name: /^Erstat med anonymiseret kopi af / })
      .first()
      .click();
    await page.waitForURL(/besked=erstattet$/);
    assert.match(await page.getByRole("status").innerText(), /Bilaget er erstattet/);
    await page.getByRole("button", { name: "Frigiv Punkt 1.2 Personalesag" }).click();
    await page.waitForURL(/besked=frigivet/);
    assert.match(await page.getByRole("status").innerText(), /Frigivet/);
    await assertAccessible(page, "/sekretariat/tilbageholdt after a release");
    await screenshots(page, "withheld-list-notice");
  });
});
