/**
 * @module Decisions sent on and follow-up in Debian's Chromium (issue 14), set up through the commands
 * (KKR Nordjylland's minutes imported with a decision, addresses for three municipalities): the
 * secretariat sends the decision to Aalborg, Hjørring and Brønderslev from its page (the three mails
 * reach a real SMTP server through the real queue, each with the letter as PDF), creates a follow-up with
 * a deadline, and, once the app's clock (the test's, not the machine's) is past it, sees "Overskredet"
 * first in the follow-up list; /kommune/aalborg shows the decision. axe-core clean, no sideways scrolling
 * at 320 px; screenshots decision-send, follow-up-list and kommune-aalborg (-desktop and -phone).
 */
import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import type { Browser, Page } from "playwright-core";
import { followUpCreator } from "../../src/authoring/follow-up-creator.js";
import { startWorker, type Worker } from "../../src/jobs/index.js";
import { type Mailer, mailAttachments, openMailer, parseMail } from "../../src/mail/index.js";
import { openStore, type Store } from "../../src/store/index.js";
import { createApp } from "../../src/web/app.js";
import { CLI } from "../authoring/agenda-support.js";
import { ADDRESSES, decisionWorld, taskFor } from "../authoring/decision-follow-up-support.js";
import { startSmtpServer, type TestSmtpServer } from "../support/smtp-server.js";
import { assertAccessible, chromiumSkip, screenshots, WIDTHS } from "./page-checks.js";
import { addSecretariatUser, openPortalSession, type PortalSession, signIn } from "./secretariat-session.js";

const EMAIL = "sofie.opfoelgning@kl.dk";

describe("decisions sent on and follow-up in Chromium", { skip: chromiumSkip() }, () => {
  let store: Store;
  let browser: Browser;
  let session: PortalSession | undefined;
  let smtp: TestSmtpServer;
  let mailer: Mailer;
  let worker: Worker;
  let base: string;
  let page: Page;
  let totpSecret: string;
  let meetingId: number;
  let openItemId: number;
  let clock = new Date("2035-05-01T10:00:00Z");

  before(async () => {
    store = await openStore({ dataDir: "memory://" });
    const world = await decisionWorld(store.db);
    openItemId = world.openItemId;
    meetingId = (
      await store.db
        .selectFrom("agenda_item")
        .select("meeting_id")
        .where("id", "=", openItemId)
        .executeTakeFirstOrThrow()
    ).meeting_id;
    // A task due later, made first: the overdue one must still come first.
    await followUpCreator({
      db: store.db,
      viewer: world.world.secretariat,
      actor: CLI,
      itemId: openItemId,
      task: { ...taskFor("Aalborg", "2035-12-01"), description: "Status på rammeaftalen til KKR" },
    });
    totpSecret = await addSecretariatUser(store.db, {
      email: EMAIL,
      name: "Sofie Sekretariat",
      body: "KKR Nordjylland",
    });
    smtp = await startSmtpServer();
    mailer = openMailer({ smtpUrl: smtp.url, dataDir: "/nonexistent" });
    worker = startWorker({ db: store.db, services: { mailer, now: () => clock }, pollMs: 20 });
    session = await openPortalSession(createApp({ db: store.db, now: () => clock }));
    ({ base, browser, page } = session);
  });

  after(async () => {
    await session?.close();
    await worker?.stop(1000);
    mailer?.close();
    await smtp?.close();
    await store?.close();
  });

  it("sends the decision to three municipalities; the SMTP server gets three letters", async () => {
    await page.goto(`${base}/sekretariat/moede/${meetingId}/beslutninger`);
    await signIn(page, EMAIL, totpSecret);
    await page.waitForURL(/\/beslutninger$/);
    await page.getByRole("link", { name: /2\.1 Rammeaftale/ }).click();
    await page.waitForURL(/\/send$/);
    for (const m of ["Aalborg", "Hjørring", "Brønderslev"])
      await page.getByLabel(new RegExp(`^${m}`)).check();
    await page.getByRole("button", { name: "Send beslutningen" }).click();
    await page.waitForURL(/besked=sendt/);
    const main = await page.locator("main").innerText();
    assert.match(main, /Beslutningen er sendt videre/);
    for (const m of ["Aalborg", "Hjørring", "Brønderslev"]) assert.match(main, new RegExp(`${m} Kommune`));
    for (let i = 0; i < 500 && smtp.received.length < 3; i++) await new Promise((r) => setTimeout(r, 20));
    for (const to of Object.values(ADDRESSES)) {
      const raw = smtp.received.find((r) => r.to.includes(to));
      assert.ok(raw, `mail to ${to}`);
      assert.equal(mailAttachments(parseMail(raw.raw))[0]?.contentType, "application/pdf");
    }
    await page.reload();
    assert.match(
      await page.locator("#sendt + ul, section[aria-labelledby=sendt]").first().innerText(),
      /sendt/,
    );
    await assertAccessible(page, "the decision's send page");
    await screenshots(page, "decision-send");
  });

  it("creates a follow-up with a deadline, and sees it overdue first once the clock passes it", async () => {
    await page.getByLabel("Opgave", { exact: true }).fill("Rammeaftalen behandles i Aalborg Byråd");
    await page.getByLabel("En kommune", { exact: true }).check();
    await page.getByLabel("Kommune (når en kommune har opgaven)").selectOption("Aalborg");
    await page.getByLabel("Frist", { exact: true }).fill("2035-06-01");
    await page.getByRole("button", { name: "Opret opgaven" }).click();
    await page.waitForURL(/besked=opgave/);
    assert.match(await page.locator("main").innerText(), /Rammeaftalen behandles i Aalborg Byråd/);
    await page.goto(`${base}/sekretariat/opfoelgning`);
    assert.doesNotMatch(await page.locator("main").innerText(), /Overskredet/);
    clock = new Date("2035-06-02T08:00:00Z");
    await page.goto(`${base}/sekretariat/opfoelgning?kommune=Aalborg`);
    const first = await page.locator(".follow-up-list > li").first().innerText();
    assert.match(first, /Overskredet/);
    assert.match(first, /Rammeaftalen behandles i Aalborg Byråd/);
    assert.match(await page.locator(".follow-up-list > li").nth(1).innerText(), /Status på rammeaftalen/);
    await assertAccessible(page, "the follow-up list");
    await screenshots(page, "follow-up-list");
  });

  it("shows the decision and the overdue task on /kommune/aalborg to the public", async () => {
    const context = await browser.newContext({ viewport: WIDTHS.desktop, locale: "da-DK" });
    const publicPage = await context.newPage();
    await publicPage.goto(`${base}/kommune/aalborg`);
    const main = await publicPage.locator("main").innerText();
    assert.match(main, /Aalborg Kommune/);
    assert.match(main, /Rammeaftale for det specialiserede socialområde 2025-2026/);
    assert.match(main, /Overskredet/);
    await assertAccessible(publicPage, "/kommune/aalborg");
    await screenshots(publicPage, "kommune-aalborg");
    await context.close();
  });
});
