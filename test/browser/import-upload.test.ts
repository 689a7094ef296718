/**
 * @module The administrator's upload of meeting records (issue 17) in Debian's Chromium: an administrator
 * signs in with TOTP, follows the workspace's link to /sekretariat/import, is refused a file it cannot read
 * (the error names it), uploads a seed and a broken PDF, and sees the batch's page: both files "I kø", then,
 * while a real worker imports them, import-progress.js brings "Importeret" and "Mislykkedes" into the table
 * without a reload. axe-core finds no serious fault, nothing scrolls sideways at 320 px, and screenshots
 * of the form, its error state and the batch before and after land in test-output/screenshots/.
 */
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { after, before, describe, it } from "node:test";
import { CLI_ACTOR, userCreator } from "../../src/accounts/index.js";
import { importFileJob, startWorker, type Worker } from "../../src/jobs/index.js";
import { openStore, type Store } from "../../src/store/index.js";
import { createApp } from "../../src/web/app.js";
import { PASSWORD } from "../accounts/support.js";
import { noMail } from "../web/secretariat/agenda-support.js";
import { assertAccessible, chromiumSkip, screenshots } from "./page-checks.js";
import { openPortalSession, type PortalSession, signIn } from "./secretariat-session.js";

const EMAIL = "ada.administrator@kl.dk";
const SEED = "004_5f8a3532f4c6e49a.txt";

describe("the administrator's upload in Chromium", { skip: chromiumSkip() }, () => {
  let store: Store;
  let session: PortalSession;
  let totpSecret: string;
  let worker: Worker | undefined;

  before(async () => {
    store = await openStore({ dataDir: "memory://" });
    const created = await userCreator({
      db: store.db,
      email: EMAIL,
      name: "Ada Administrator",
      role: "administrator",
      body: null,
      password: PASSWORD,
      actor: CLI_ACTOR,
    });
    totpSecret = created.totpSecret ?? "";
    session = await openPortalSession(createApp({ db: store.db }));
  });

  after(async () => {
    await worker?.stop(1000);
    await session?.close();
    await store?.close();
  });

  it("signs in and finds the form from the workspace", async () => {
    const { page, base } = session;
    await page.goto(`${base}/sekretariat`);
    await signIn(page, EMAIL, totpSecret);
    await page.waitForURL(/\/sekretariat$/);
    await page.getByRole("link", { name: "Importér møderegistre" }).click();
    await page.waitForURL(/\/sekretariat\/import$/);
    assert.equal(await page.locator("h1").innerText(), "Importér møderegistre");
    await assertAccessible(page, "the upload form");
    await screenshots(page, "import-form");
  });

  it("refuses a file it cannot read, naming it", async () => {
    const { page } = session;
    await page
      .getByLabel("Filer")
      .setInputFiles([
        { name: "program.exe", mimeType: "application/octet-stream", buffer: Buffer.from("MZ") },
      ]);
    await page.getByRole("button", { name: "Importér filerne" }).click();
    await page.waitForLoadState();
    assert.match(await page.title(), /^Fejl: Importér møderegistre/);
    assert.match(
      await page.locator(".error-summary").innerText(),
      /Filen "program\.exe" kan ikke importeres/,
    );
    await assertAccessible(page, "the upload form with an error");
    await screenshots(page, "import-form-error");
  });

  it("uploads a seed and a broken PDF and follows them to the end", async () => {
    const { page } = session;
    await page.getByLabel("Filer").setInputFiles([
      { name: SEED, mimeType: "text/plain", buffer: readFileSync(`../shared/seeds/${SEED}`) },
      {
        name: "ødelagt-referat-fra-mødet-i-kkr-nordjylland.pdf",
        mimeType: "application/pdf",
        buffer: Buffer.from("ikke en PDF"),
      },
    ]);
    await page.getByRole("button", { name: "Importér filerne" }).click();
    await page.waitForURL(/\/sekretariat\/import\/[0-9a-f-]{36}$/);
    assert.equal(await page.locator("h1").innerText(), "Import af filer");
    const rows = page.locator("#import-rows tr");
    assert.equal(await rows.count(), 2);
    assert.match(await rows.nth(0).innerText(), /I kø/);
    assert.match(await page.locator("#import-progress-text").innerText(), /0 af 2 filer færdige/);
    await assertAccessible(page, "a batch in the queue");
    await screenshots(page, "import-batch-queued");

    // The page's script fetches it again every other second: the outcome arrives without a reload.
    const url = page.url();
    worker = startWorker({ db: store.db, services: { mailer: noMail }, kinds: [importFileJob], pollMs: 50 });
    await page
      .locator("#import-progress-text", { hasText: "2 af 2 filer færdige" })
      .waitFor({ timeout: 60_000 });
    assert.equal(page.url(), url);
    assert.match(await rows.nth(0).innerText(), /Importeret: referat, oprettet, \d+ punkter/);
    assert.match(await rows.nth(1).innerText(), /Mislykkedes: filen hedder \.pdf, men er ikke en PDF/);
    await assertAccessible(page, "a batch imported");
    await screenshots(page, "import-batch-done");
  });
});
