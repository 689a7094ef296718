/**
 * @module Merging near-duplicate persons end to end in Debian's Chromium (issue 16): KKR Testregion's
 * minutes name "Birgit Hansen" at one meeting and "Birgit Stenbak Hansen" at the next; the secretariat
 * signs in, opens /sekretariat/personer/dubletter, keeps the fuller name and presses "Slå sammen"; the
 * kept person's page then lists both meetings and the old address leads there. axe-core finds no serious
 * fault; screenshots person-duplicates-{390,1280}.png (before) and person-duplicates-merged-{390,1280}.png
 * land in test-output/screenshots/.
 */
import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import type { Page } from "playwright-core";
import { openStore, type Store } from "../../src/store/index.js";
import { createApp } from "../../src/web/app.js";
import { attendee, importMeeting, PEOPLE_BODY, personId } from "../support/near-duplicate-people.js";
import { assertAccessible, chromiumSkip, SHOTS } from "./page-checks.js";
import { addSecretariatUser, openPortalSession, type PortalSession, signIn } from "./secretariat-session.js";

const EMAIL = "dorte.dubletter@kl.dk";
/** A phone and a desktop, as the issue asks. */
const SHOT_WIDTHS = [390, 1280] as const;

/** Full-page screenshots at each width; nothing may scroll sideways. */
async function shootWidths(page: Page, name: string): Promise<void> {
  for (const width of SHOT_WIDTHS) {
    await page.setViewportSize({ width, height: 900 });
    const overflow = await page.evaluate<number>("document.documentElement.scrollWidth - window.innerWidth");
    assert.ok(overflow <= 0, `${name} at ${width} px scrolls sideways by ${overflow} px`);
    await page.screenshot({ path: `${SHOTS}/${name}-${width}.png`, fullPage: true });
  }
  await page.setViewportSize({ width: 1280, height: 900 });
}

describe("merging near-duplicate persons in Chromium", { skip: chromiumSkip() }, () => {
  let store: Store;
  let session: PortalSession | undefined;
  let totpSecret: string;

  before(async () => {
    store = await openStore({ dataDir: "memory://" });
    await importMeeting(store.db, "2026-01-16", [
      attendee("Birgit Hansen", "Frederikshavn"),
      attendee("Anne Berg", "Aalborg"),
    ]);
    await importMeeting(store.db, "2026-03-20", [
      attendee("Birgit Stenbak Hansen", "Frederikshavn"),
      attendee("Anne Berg", "Aalborg"),
    ]);
    totpSecret = await addSecretariatUser(store.db, {
      email: EMAIL,
      name: "Dorte Dublet",
      body: PEOPLE_BODY,
    });
    session = await openPortalSession(createApp({ db: store.db }));
  });

  after(async () => {
    await session?.close();
    await store?.close();
  });

  it("the secretariat keeps 'Birgit Stenbak Hansen', whose page then lists both meetings", async () => {
    assert.ok(session);
    const { base, page } = session;
    const shortName = await personId(store.db, "Birgit Hansen");
    const fullName = await personId(store.db, "Birgit Stenbak Hansen");
    await page.goto(`${base}/sekretariat/personer/dubletter`);
    await signIn(page, EMAIL, totpSecret);
    await page.waitForURL(/\/sekretariat\/personer\/dubletter$/);
    assert.equal(await page.locator("h1").innerText(), "Mulige dubletter blandt personer");
    const pairs = page.locator(".matter-suggestions > li");
    assert.equal(await pairs.count(), 1);
    const pair = pairs.first();
    assert.match(await pair.innerText(), /Birgit Hansen\s*Socialdemokratiet \(A\) · Frederikshavn Kommune/);
    assert.ok(
      await pair.getByLabel("Birgit Stenbak Hansen").isChecked(),
      "the fuller name is offered as kept",
    );
    await assertAccessible(page, "/sekretariat/personer/dubletter");
    await shootWidths(page, "person-duplicates");

    await pair.getByRole("button", { name: /^Slå sammen/ }).click();
    await page.waitForURL(/besked=samlet$/);
    assert.match(await page.getByRole("status").innerText(), /Personerne er slået sammen\./);
    assert.equal(await page.locator(".matter-suggestions > li").count(), 0);
    assert.match(await page.locator("#forslag + p").innerText(), /Ingen forslag lige nu\./);
    await shootWidths(page, "person-duplicates-merged");

    await page.goto(`${base}/person/${shortName}`);
    assert.equal(new URL(page.url()).pathname, `/person/${fullName}`);
    assert.equal(await page.locator("h1").innerText(), "Birgit Stenbak Hansen");
    const attendance = await page.locator("table").innerText();
    assert.match(attendance, /16\. januar 2026/);
    assert.match(attendance, /20\. marts 2026/);
    assert.match(await page.locator("main").innerText(), /Deltog i 2 af 2 møder \(100 %\)/);
    assert.match(await page.locator("main").innerText(), /Også skrevet: Birgit Hansen/);
  });
});
