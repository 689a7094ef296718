/**
 * Printing in Debian's Chromium, as a reader would from the browser's print dialogue: the meeting of
 * 20 September 2024 and its item 2.8 printed to PDF, which Rådsinfo's own extractor reads back. The text
 * uses the sheet's full width, the page's address and the print date are on paper, and the last sheet
 * carries more than that line.
 */
import assert from "node:assert/strict";
import { mkdirSync, rmSync } from "node:fs";
import { after, before, describe, it } from "node:test";
import type { Browser, Page } from "playwright-core";
import { extract } from "../../src/ingest/extract/index.js";
import type { Store } from "../../src/store/index.js";
import { createApp } from "../../src/web/app.js";
import { storeWithSeeds } from "./import-seeds.js";
import { chromiumSkip, launchChromium, SHOTS, servePortal, WIDTHS } from "./page-checks.js";

const PRINTED_AT = new Date("2026-12-03T10:00:00Z");

describe("printing the portal in Chromium", { skip: chromiumSkip() }, () => {
  let store: Store;
  let dataDir: string;
  let browser: Browser;
  let portal: Awaited<ReturnType<typeof servePortal>> | undefined;
  let page: Page;

  before(async () => {
    ({ store, dataDir } = await storeWithSeeds());
    portal = await servePortal(createApp({ db: store.db, now: () => PRINTED_AT }));
    browser = await launchChromium();
    page = await (await browser.newContext({ viewport: WIDTHS.desktop, locale: "da-DK" })).newPage();
    mkdirSync(SHOTS, { recursive: true });
  });

  after(async () => {
    await browser?.close();
    await portal?.close();
    await store?.close();
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  });

  /** Opens the meeting of 20 September 2024 from its body's page; returns its path. */
  async function openMeeting(): Promise<string> {
    await page.goto(`${portal?.base}/`);
    await page.getByRole("link", { name: "KKR Nordjylland", exact: true }).first().click();
    await page.waitForURL(/\/organ\/\d+$/);
    await page.locator("#moeder").locator("..").getByRole("link", { name: "20. september 2024" }).click();
    await page.waitForURL(/\/moede\/\d+$/);
    return new URL(page.url()).pathname;
  }

  /** Prints the open page to A4 as Chromium's print dialogue would, and reads the PDF back. */
  async function printed(name: string) {
    const pdf = await page.pdf({ path: `${SHOTS}/${name}-print.pdf`, format: "A4", preferCSSPageSize: true });
    const doc = await extract({ file: `${name}-print.pdf`, bytes: new Uint8Array(pdf), sha256: "" });
    const onPage = (n: number) => doc.lines.filter((l) => l.page === n && l.text.trim() !== "");
    return { pages: doc.pages, text: doc.lines.map((l) => l.text).join("\n"), lastPage: onPage(doc.pages) };
  }

  /** Width of the widest element matching `selector` over the main column's, as printed. */
  async function widestShare(selector: string): Promise<number> {
    await page.emulateMedia({ media: "print" });
    const share = await page.evaluate<number>(`(() => {
      const main = document.querySelector("main").getBoundingClientRect().width;
      const widths = [...document.querySelectorAll(${JSON.stringify(selector)})].map((e) => e.getBoundingClientRect().width);
      return Math.max(...widths) / main;
    })()`);
    // Back to the default, under which page.pdf prints with the print style sheet.
    await page.emulateMedia({ media: null });
    return share;
  }

  it("prints the meeting at full width, with its address and the print date on the last sheet", async () => {
    const path = await openMeeting();
    assert.ok((await widestShare("main .agenda")) > 0.95, "the agenda uses the sheet's width");
    const { text, lastPage } = await printed("meeting");
    assert.match(text, /Møde 20\. september 2024/);
    assert.doesNotMatch(text, /Gå til sideindhold|Log ind/, "screen-only navigation is not printed");
    const lastText = lastPage.map((l) => l.text).join(" ");
    assert.match(lastText, /Udskrevet 3\. december 2026 fra/);
    assert.ok(lastText.replace(/\s+/g, "").endsWith(path), `the page address ends in ${path}`);
    assert.ok(lastPage.length >= 4, `the last sheet has more than the print line (${lastPage.length} lines)`);
  });

  it("prints item 2.8 with its decision and the print line", async () => {
    await openMeeting();
    await page.locator("#punkt-2\\.8 a").first().click();
    await page.waitForURL(/\/punkt\/\d+$/);
    assert.ok((await widestShare("main p")) > 0.95, "paragraphs use the sheet's width");
    const { text, lastPage } = await printed("item");
    assert.match(text, /Fordeling af lærepladser/);
    assert.match(text, /tiltrådte indstillingen/);
    assert.match(lastPage.map((l) => l.text).join(" "), /Udskrevet 3\. december 2026 fra/);
    assert.ok(lastPage.length >= 4, `the last sheet has more than the print line (${lastPage.length} lines)`);
  });
});
