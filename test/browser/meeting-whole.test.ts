/**
 * "Hent hele mødet" in Debian's Chromium, with the five seeds and the real job worker: the reader clicks
 * the link on the meeting of 20 September 2024, sees the progress page while the job gathers the record,
 * and the browser downloads one PDF named for body and date, which Rådsinfo's own parser reads back as the
 * minutes of that meeting.
 */
import assert from "node:assert/strict";
import { createHash } from "node:crypto";
import { readFileSync, rmSync } from "node:fs";
import { after, before, describe, it } from "node:test";
import { PDFDocument } from "pdf-lib";
import type { Browser, Page } from "playwright-core";
import { loadIngestOptions, parseSource } from "../../src/ingest/index.js";
import { startWorker, type Worker } from "../../src/jobs/index.js";
import type { Store } from "../../src/store/index.js";
import { createApp } from "../../src/web/app.js";
import { noMail } from "../web/secretariat/agenda-support.js";
import { storeWithSeeds } from "./import-seeds.js";
import {
  assertAccessible,
  chromiumSkip,
  launchChromium,
  readerPage,
  screenshots,
  servePortal,
} from "./page-checks.js";

describe("the whole meeting as one PDF in Chromium", { skip: chromiumSkip() }, () => {
  let store: Store;
  let dataDir: string;
  let browser: Browser;
  let worker: Worker | undefined;
  let portal: Awaited<ReturnType<typeof servePortal>> | undefined;
  let page: Page;

  before(async () => {
    ({ store, dataDir } = await storeWithSeeds());
    portal = await servePortal(createApp({ db: store.db }));
    browser = await launchChromium();
    page = await readerPage(browser);
  });

  after(async () => {
    await worker?.stop(2000);
    await browser?.close();
    await portal?.close();
    await store?.close();
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  });

  it("shows the job's progress, then downloads the minutes as one PDF the parser reads back", async () => {
    const meeting = await store.db
      .selectFrom("meeting")
      .innerJoin("body", "body.id", "meeting.body_id")
      .select("meeting.id")
      .where("body.name", "=", "KKR Nordjylland")
      .where("meeting.date", "=", "2024-09-20")
      .executeTakeFirstOrThrow();
    await page.goto(`${portal?.base}/moede/${meeting.id}`);
    await page.getByRole("link", { name: /Hent hele mødet/ }).click();
    // No worker runs yet: the job waits in the queue and the page says what is being made.
    await page.waitForURL(/\/moede\/\d+\/hele-moedet$/);
    assert.match(await page.locator("main").innerText(), /Samler mødet/);
    assert.match(await page.locator("main").innerText(), /Referatet og mødets offentlige bilag i én PDF/);
    await assertAccessible(page, "meeting-whole");
    await screenshots(page, "meeting-whole-progress");

    const download = page.waitForEvent("download", { timeout: 120_000 });
    worker = startWorker({ db: store.db, services: { mailer: noMail }, pollMs: 50 });
    const file = await download;
    assert.equal(file.suggestedFilename(), "KKR-Nordjylland-2024-09-20-hele-moedet.pdf");
    const bytes = new Uint8Array(readFileSync((await file.path()) as string));
    const pdf = await PDFDocument.load(bytes);
    assert.ok(pdf.getPageCount() > 1, `${pdf.getPageCount()} pages`);
    const sha256 = createHash("sha256").update(bytes).digest("hex");
    const parsed = await parseSource(
      { file: file.suggestedFilename(), bytes, sha256 },
      await loadIngestOptions(),
    );
    assert.ok(
      parsed.items.some((item) => item.title.startsWith("Fordeling af lærepladser på SOSU-uddannelserne")),
      "item 2.8 is read back from the downloaded PDF",
    );
    assert.match(await page.locator("main").innerText(), /Filen er klar/);
  });
});
