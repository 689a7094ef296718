/**
 * @module The minutes in Debian's Chromium (issue 14): a held KKR Nordjylland meeting (set up through the
 * commands for speed: attendance with an absence and a substitute, decisions with a vote, a protocol
 * remark, a recusal, a decision under the closed item) gets its minutes rendered by the worker (the
 * progress line, then the download), sent to the chair for remarks (the mail received by a real SMTP
 * server), approved by the chair's click and published. The public meeting page then shows attendance
 * with "Suppl. for" and the decisions, the closed item's decision nowhere; the public minutes PDF is the
 * public edition. axe-core clean, no sideways scrolling at 320 px; screenshots `minutes-page-*` and the
 * minutes PDF's pages `minutes-pdf-*` (pdftoppm).
 */
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, describe, it } from "node:test";
import type { Browser, Page } from "playwright-core";
import { startWorker, type Worker } from "../../src/jobs/index.js";
import { openMailer } from "../../src/mail/index.js";
import { openStore, type Store } from "../../src/store/index.js";
import { createApp } from "../../src/web/app.js";
import { CLOSED_DECISION, type HeldMeeting, heldMeeting, REMARK } from "../authoring/minutes-support.js";
import { startSmtpServer, type TestSmtpServer } from "../support/smtp-server.js";
import { assertAccessible, chromiumSkip, SHOTS, screenshots, WIDTHS } from "./page-checks.js";
import { addSecretariatUser, openPortalSession, type PortalSession, signIn } from "./secretariat-session.js";

const EMAIL = "sofie.referat@kl.dk";

describe("the minutes in Chromium", { skip: chromiumSkip() }, () => {
  let store: Store;
  let browser: Browser;
  let worker: Worker;
  let smtp: TestSmtpServer;
  let session: PortalSession | undefined;
  let base: string;
  let page: Page;
  let totpSecret: string;
  let held: HeldMeeting;
  let dir: string;

  before(async () => {
    dir = mkdtempSync(join(tmpdir(), "raadsinfo-minutes-browser-"));
    store = await openStore({ dataDir: "memory://" });
    held = await heldMeeting(store.db, "2025-02-07");
    totpSecret = await addSecretariatUser(store.db, {
      email: EMAIL,
      name: "Sofie Sekretariat",
      body: "KKR Nordjylland",
    });
    smtp = await startSmtpServer();
    worker = startWorker({
      db: store.db,
      services: { mailer: openMailer({ smtpUrl: smtp.url, dataDir: dir }) },
      pollMs: 100,
    });
    session = await openPortalSession(createApp({ db: store.db }));
    ({ base, browser, page } = session);
  });

  after(async () => {
    await session?.close();
    await worker?.stop(2000);
    await smtp?.close();
    await store?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  const minutesUrl = () => `${base}/sekretariat/moede/${held.meetingId}/referat`;

  it("signs in and renders the minutes, the progress line ending in a download", async () => {
    await page.goto(minutesUrl());
    await signIn(page, EMAIL, totpSecret);
    await page.waitForURL(/\/referat$/);
    assert.match(await page.locator("main").innerText(), /Status: Udkast/);
    await page.getByRole("button", { name: "Dan referat" }).click();
    await page.waitForURL(/besked=dannes/);
    assert.match(await page.locator(".render-line__text").innerText(), /Referat: (venter|dannes|dannet)/);
    const deadline = Date.now() + 60_000;
    while (!(await page.getByRole("link", { name: /Hent referat/ }).count())) {
      assert.ok(Date.now() < deadline, "the minutes were not rendered within a minute");
      await new Promise((resolve) => setTimeout(resolve, 500));
      await page.reload();
    }
    assert.match(await page.locator(".render-line__text").innerText(), /Referat: dannet/);
    const response = await page.request.get(`${minutesUrl()}/referat.pdf`);
    assert.equal(response.headers()["content-type"], "application/pdf");
    const pdf = join(dir, "referat.pdf");
    writeFileSync(pdf, await response.body());
    const text = execFileSync("pdftotext", ["-layout", pdf, "-"], { encoding: "utf8" });
    assert.match(text, /Søren Suppleant, Suppl\. for Frida Fog/);
    assert.match(
      text,
      new RegExp(CLOSED_DECISION.replace(/\./g, "\\.")),
      "the internal edition has the closed item",
    );
    for (const old of readdirSync(SHOTS).filter((f) => f.startsWith("minutes-pdf-")))
      rmSync(join(SHOTS, old));
    execFileSync("pdftoppm", ["-r", "60", "-png", pdf, join(SHOTS, "minutes-pdf")]);
  });

  it("sends the draft to the chair for remarks, by a mail through the queue", async () => {
    await page.getByLabel("Formanden").check();
    await page.getByRole("button", { name: "Send til bemærkninger" }).click();
    await page.waitForURL(/besked=sendt/);
    const deadline = Date.now() + 30_000;
    while (!smtp.received.some((m) => m.to.includes(held.chair.email))) {
      assert.ok(Date.now() < deadline, "the chair's mail did not arrive");
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    const main = await page.locator("main").innerText();
    assert.match(main, /Status: Sendt til bemærkninger/);
    assert.match(main, /Sendt til bemærkninger hos formanden – .* af sofie\.referat@kl\.dk/);
  });

  it("approves by the chair's click and publishes; the steps list who and when", async () => {
    await page.getByRole("button", { name: "Godkend som formand" }).click();
    await page.waitForURL(/besked=godkendt/);
    assert.match(await page.locator("main").innerText(), /Status: Godkendt – Godkendt af formanden/);
    await page.getByRole("button", { name: "Offentliggør referatet" }).click();
    await page.waitForURL(/besked=offentliggjort/);
    const main = await page.locator("main").innerText();
    assert.match(main, /Status: Offentliggjort/);
    assert.match(main, /Godkendt af formanden – /);
    assert.match(main, /Offentliggjort – /);
    await assertAccessible(page, "the minutes page");
    await screenshots(page, "minutes-page");
  });

  it("shows attendance and decisions on the public meeting page, the closed item's decision nowhere", async () => {
    const visitor = await browser.newContext({ viewport: WIDTHS.desktop, locale: "da-DK" });
    const publicPage = await visitor.newPage();
    await publicPage.goto(`${base}/moede/${held.meetingId}`);
    const main = await publicPage.locator("main").innerText();
    assert.match(main, /Søren Suppleant/);
    assert.match(main, /Frida Fog/);
    assert.match(main, /Indstillingen blev tiltrådt/);
    assert.ok(!main.includes(CLOSED_DECISION));
    const item = await publicPage.request.get(`${base}/api/meetings/${held.meetingId}`);
    const json = await item.text();
    assert.ok(!json.includes(CLOSED_DECISION), "the JSON API keeps the closed decision out");
    assert.ok(json.includes(REMARK), "the JSON API has the protocol remark with the decision");
    const deadline = Date.now() + 30_000;
    let pdf = await publicPage.request.get(`${base}/moede/${held.meetingId}/referat.pdf`);
    while (pdf.status() !== 200 && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 300));
      pdf = await publicPage.request.get(`${base}/moede/${held.meetingId}/referat.pdf`);
    }
    assert.equal(pdf.status(), 200);
    const file = join(dir, "offentligt-referat.pdf");
    writeFileSync(file, await pdf.body());
    const text = execFileSync("pdftotext", [file, "-"], { encoding: "utf8" });
    assert.match(text, /Lukket punkt/);
    assert.ok(!text.includes(CLOSED_DECISION));
    await visitor.close();
  });
});
