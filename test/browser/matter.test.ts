/**
 * @module Matters across meetings end to end in Debian's Chromium (issue 14), on the imported seeds and a
 * 2025 meeting of KKR Nordjylland: the secretariat signs in, opens /sekretariat/sager, answers "Ja, samme
 * sag" to the budget of Socialtilsyn Nord of 2024 and of 2025, and lands on the matter; a new visitor
 * then reads the public matter page with the item of 20 September 2024 and the one of 19 September 2025
 * on one timeline, follows an item's link, and never sees the closed item the secretariat linked too.
 * axe-core finds no serious fault, nothing scrolls sideways at 320 px; screenshots matter-suggestions-*,
 * matter-page-secretariat-* and matter-page-* land in test-output/screenshots/.
 */
import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import type { Browser, Page } from "playwright-core";
import { openStore, type Store } from "../../src/store/index.js";
import { createApp } from "../../src/web/app.js";
import { BODY, type MatterWorld, matterWorld } from "../authoring/matter-support.js";
import { assertAccessible, chromiumSkip, screenshots, WIDTHS } from "./page-checks.js";
import { addSecretariatUser, openPortalSession, type PortalSession, signIn } from "./secretariat-session.js";

const EMAIL = "sara.sager@kl.dk";

describe("matters across meetings in Chromium", { skip: chromiumSkip() }, () => {
  let store: Store;
  let world: MatterWorld;
  let browser: Browser;
  let session: PortalSession | undefined;
  let base: string;
  let page: Page;
  let totpSecret: string;
  let matterPath = "";

  before(async () => {
    store = await openStore({ dataDir: "memory://" });
    world = await matterWorld(store.db);
    totpSecret = await addSecretariatUser(store.db, { email: EMAIL, name: "Sara Sekretariat", body: BODY });
    session = await openPortalSession(createApp({ db: store.db }));
    ({ base, browser, page } = session);
  });

  after(async () => {
    await session?.close();
    await store?.close();
  });

  it("the secretariat sees the suggestions and says the two budgets are one matter", async () => {
    await page.goto(`${base}/sekretariat/sager`);
    await signIn(page, EMAIL, totpSecret);
    await page.waitForURL(/\/sekretariat\/sager$/);
    assert.equal(await page.locator("h1").innerText(), "Sager på tværs af møder");
    const suggestions = page.locator(".matter-suggestions > li");
    assert.equal(await suggestions.count(), 4, "the four true pairs of the seeds and the 2025 meeting");
    const budget = suggestions.filter({ hasText: "Socialtilsyn Nords budget for 2025" });
    assert.match(await budget.innerText(), /20\. september 2024 · KKR Nordjylland/);
    assert.match(await budget.innerText(), /19\. september 2025 · KKR Nordjylland/);
    await assertAccessible(page, "/sekretariat/sager");
    await screenshots(page, "matter-suggestions");

    await budget.getByRole("button", { name: /^Ja, samme sag/ }).click();
    await page.waitForURL(/\/sag\/\d+\?besked=samlet$/);
    matterPath = new URL(page.url()).pathname;
    assert.match(await page.getByRole("status").innerText(), /Punkterne er samlet i sagen\./);
    assert.equal(await page.locator(".matter-suggestions > li").count(), 0);
    // The closed item of 2025 goes in by its id: the secretariat sees it, the public will not.
    const closed = await world.item("2025", "2.9");
    await page.getByLabel("Punktets id eller adresse").fill(`/punkt/${closed}`);
    await page.getByRole("button", { name: "Tilføj punktet" }).click();
    await page.waitForURL(/besked=tilfoejet/);
    assert.match(
      await page.locator(".matter-timeline").innerText(),
      /Personalesag om løntrin\s*Lukket punkt · ikke offentligt/,
    );
    await screenshots(page, "matter-page-secretariat");
    await page.getByLabel("Punktets id eller adresse").fill("2.5");
    await page.getByRole("button", { name: "Tilføj punktet" }).click();
    assert.match(await page.title(), /^Fejl: /);
    assert.match(await page.locator("#error-summary").innerText(), /Skriv punktets id \(fx 42\)/);
    await assertAccessible(page, "the matter page with the secretariat's forms");
  });

  it("a new visitor reads the matter: 2024 and 2025 on one timeline, the closed item absent", async () => {
    const visitor = await browser.newContext({ viewport: WIDTHS.desktop, locale: "da-DK" });
    const pub = await visitor.newPage();
    await pub.goto(`${base}${matterPath}`);
    assert.equal(
      await pub.locator("h1").innerText(),
      "Sag på tværs af møder · KKR Nordjylland\nSocialtilsyn Nords budget",
    );
    const entries = pub.locator(".matter-timeline > li");
    assert.equal(await entries.count(), 2);
    assert.match(
      await entries.nth(0).innerText(),
      /^20\. september 2024 · KKR Nordjylland\s+2\.5 Socialtilsyn Nords budget for 2025/,
    );
    assert.match(
      await entries.nth(1).innerText(),
      /^19\. september 2025 · KKR Nordjylland\s+2\.5 Socialtilsyn Nords budget for 2026/,
    );
    assert.match(await entries.nth(1).innerText(), /Beslutning: Indstillingen blev tiltrådt\./);
    assert.equal(
      await pub
        .getByRole("img", { name: /^Tidslinje: 2 møder, 20\. september 2024 – 19\. september 2025$/ })
        .count(),
      1,
    );
    const text = await pub.locator("main").innerText();
    assert.doesNotMatch(text, /løntrin|Personalesag|Fjern fra sagen|Tilføj et punkt/);
    await assertAccessible(pub, matterPath);
    await screenshots(pub, "matter-page");
    await entries.nth(0).getByRole("link", { name: "2.5 Socialtilsyn Nords budget for 2025" }).click();
    await pub.waitForURL(/\/punkt\/\d+$/);
    assert.match(await pub.locator("h1").innerText(), /Socialtilsyn Nords budget for 2025/);
    await visitor.close();
  });
});
