/**
 * The administrator's upload of meeting records (issue 17) on both backends: a seed uploaded through
 * /sekretariat/import is queued ("I kø") in a new batch, a real worker imports it, and the batch's page
 * says "Importeret" with its items; the same bytes again are "Uændret"; a file that is no PDF fails with its
 * reason in Danish. The form refuses an empty selection and a file it cannot read, naming it; a POST
 * without the CSRF token is refused; so are a sekretariat user and a member (403), and the public is sent
 * to sign in.
 */
import assert from "node:assert/strict";
import { readFile } from "node:fs/promises";
import { basename } from "node:path";
import { before, describe, it } from "node:test";
import { MAX_SOURCE_FILE_BYTES } from "../../../src/ingest/index.js";
import { batchJobs, type JobStatus, listAuditEntries } from "../../../src/store/index.js";
import { createApp } from "../../../src/web/app.js";
import { fileStatus, progressLine } from "../../../src/web/pages/import-page.js";
import { selectionErrors } from "../../../src/web/secretariat/import-routes.js";
import { importBatch } from "../../support/import-jobs.js";
import { forEachBackend } from "../../support/stores.js";
import { csrfOf, makeUser, TestBrowser } from "../accounts/support.js";
import { signedInAs } from "./support.js";

const PATH = "/sekretariat/import";
const SEED = "../shared/seeds/004_5f8a3532f4c6e49a.txt";

const flat = async (res: Response) => (await res.text()).replace(/\s+/g, " ");

function filesForm(files: readonly File[], csrf: string | null): FormData {
  const form = new FormData();
  if (csrf !== null) form.set("_csrf", csrf);
  for (const file of files) form.append("filer", file);
  return form;
}

async function upload(browser: TestBrowser, files: readonly File[], csrf: string | null) {
  return browser.request(PATH, { method: "POST", body: filesForm(files, csrf) });
}

/** The batch in a redirect to its page. */
function batchOf(res: Response): string {
  assert.equal(res.status, 303);
  const match = /^\/sekretariat\/import\/([0-9a-f-]{36})(?:\?|$)/.exec(res.headers.get("location") ?? "");
  assert.ok(match?.[1], `redirected to ${res.headers.get("location")}`);
  return match[1];
}

forEachBackend("web: /sekretariat/import", (store) => {
  let admin: TestBrowser;
  let csrf: string;
  let seed: File;

  before(async () => {
    const { db } = store();
    admin = new TestBrowser(createApp({ db }));
    assert.equal((await admin.logIn(await makeUser(db, "administrator"))).status, 303);
    csrf = csrfOf(await (await admin.get("/sekretariat")).text());
    seed = new File([await readFile(SEED)], basename(SEED), { type: "text/plain" });
  });

  it("shows the administrator the form, linked from the workspace", async () => {
    const res = await admin.get(PATH);
    assert.equal(res.status, 200);
    assert.match(res.headers.get("cache-control") ?? "", /no-store/);
    const html = await flat(res);
    assert.match(html, /<h1>Importér møderegistre<\/h1>/);
    assert.match(html, /PDF, DOCX, HTML eller tekst/);
    assert.match(html, /Lukkede punkter og CPR-numre tilbageholdes automatisk/);
    assert.match(html, /enctype="multipart\/form-data"/);
    assert.match(html, /<input[^>]*type="file"[^>]*multiple/);
    assert.match(
      await flat(await admin.get("/sekretariat")),
      /href="\/sekretariat\/import">Importér møderegistre</,
    );
  });

  it("refuses everyone but an administrator", async () => {
    const { db } = store();
    const anonymous = await createApp({ db }).request(PATH);
    assert.equal(anonymous.status, 303);
    assert.equal(anonymous.headers.get("location"), `/log-ind?til=${encodeURIComponent(PATH)}`);
    const secretariat = await signedInAs(db, "sekretariat", "KKR Nordjylland");
    const refused = await secretariat.browser.get(PATH);
    assert.equal(refused.status, 403);
    assert.match(await refused.text(), /Siden er kun for administratorer\./);
    assert.doesNotMatch(await flat(await secretariat.browser.get("/sekretariat")), /Importér møderegistre/);
    const token = csrfOf(await (await secretariat.browser.get("/sekretariat")).text());
    assert.equal((await upload(secretariat.browser, [seed], token)).status, 403);
    const member = await signedInAs(db, "medlem", "KKR Nordjylland");
    const memberRefused = await member.browser.get(PATH);
    assert.equal(memberRefused.status, 403);
    assert.match(await memberRefused.text(), /Siden er kun for sekretariatet og administratorer\./);
  });

  it("refuses a POST without the CSRF token and queues nothing", async () => {
    const { db } = store();
    const res = await upload(admin, [seed], null);
    assert.equal(res.status, 403);
    assert.match(await res.text(), /sikkerhedsnøglen mangler/);
    const jobs = await db.selectFrom("job").select("id").where("kind", "=", "import-file").execute();
    assert.equal(jobs.length, 0);
  });

  it("gives the form again for an empty selection or a file it cannot read, naming the file", async () => {
    const empty = await upload(admin, [new File([], "", { type: "application/octet-stream" })], csrf);
    assert.equal(empty.status, 422);
    const emptyHtml = await flat(empty);
    assert.match(emptyHtml, /<title>Fejl: Importér møderegistre/);
    assert.match(emptyHtml, /Vælg mindst én fil at importere\./);
    assert.match(emptyHtml, /aria-describedby="filer-hint filer-error"/);

    const exe = await upload(admin, [seed, new File(["MZ"], "program.exe")], csrf);
    assert.equal(exe.status, 422);
    assert.match(await flat(exe), /Filen &quot;program\.exe&quot; kan ikke importeres/);

    const [tooLarge] = selectionErrors(
      [new File(["x".repeat(3 * 1024 * 1024)], "stor.pdf")],
      2 * 1024 * 1024,
    );
    assert.equal(tooLarge?.message, 'Filen "stor.pdf" fylder 3 MB; en fil må højst fylde 2 MB.');
    assert.equal(tooLarge?.field, "filer");
  });

  it("answers a sending larger than the body limit with a Danish 413 that leads back to the form", async () => {
    const res = await createApp({ db: store().db }).request(PATH, {
      method: "POST",
      body: "x",
      headers: {
        "content-type": "multipart/form-data; boundary=x",
        "content-length": String(MAX_SOURCE_FILE_BYTES * 2),
      },
    });
    assert.equal(res.status, 413);
    const html = await flat(res);
    assert.match(html, /Filerne fylder tilsammen mere end 200 MB, så intet er importeret\./);
    assert.match(html, new RegExp(`<a href="${PATH}">Gå tilbage til formularen</a>`));
  });

  it("queues an upload, imports it with a real worker, and shows each file's outcome", async () => {
    const { db } = store();
    const broken = new File(["Dette er ikke en PDF."], "ødelagt.pdf", { type: "application/pdf" });
    const batch = batchOf(await upload(admin, [seed, broken], csrf));
    const queued = await flat(await admin.get(`${PATH}/${batch}`));
    assert.match(queued, /<h1>Import af filer<\/h1>/);
    assert.match(queued, /004_5f8a3532f4c6e49a\.txt<\/th> ?<td[^>]*><strong>I kø<\/strong>/);
    assert.match(queued, /ødelagt\.pdf<\/th> ?<td[^>]*><strong>I kø<\/strong>/);
    assert.match(queued, /0 af 2 filer færdige/);
    assert.match(queued, /<progress id="import-progress-bar"[^>]*max="2"[^>]*value="0"/);
    assert.match(queued, new RegExp(`<a href="${PATH}/${batch}">Opdater</a>`));
    assert.match(queued, /src="\/static\/import-progress\.js"/);
    assert.doesNotMatch(queued, /http-equiv="refresh"/);

    await importBatch(db, batch);
    const [job] = await batchJobs(db, batch);
    const items = (job?.result as { items?: number } | undefined)?.items ?? 0;
    assert.ok(items > 0, JSON.stringify(job));
    const done = await flat(await admin.get(`${PATH}/${batch}`));
    assert.match(
      done,
      new RegExp(`<strong>Importeret</strong>: referat, oprettet, ${items} punkter, \\d+ deltagere`),
    );
    assert.match(done, /<strong>Mislykkedes<\/strong>: filen hedder \.pdf, men er ikke en PDF/);
    const meetingId = (job?.result as { meetingId?: number } | undefined)?.meetingId;
    assert.ok(meetingId, "the minutes' meeting");
    assert.match(done, new RegExp(`<a href="/moede/${meetingId}">Se mødet<span class="sr-only"> fra 004_`));
    assert.match(done, /2 af 2 filer færdige/);
    assert.doesNotMatch(done, /import-progress\.js/, "nothing left to refresh");

    const [entry] = await listAuditEntries(db, { targetKind: "import-batch", targetId: batch });
    assert.ok(entry);
    assert.equal(entry.action, "import-upload");
    assert.match(entry.actorEmail ?? "", /^administrator/);
    assert.deepEqual(
      (entry.after as { files: { file: string; queued: boolean }[] }).files.map((f) => [f.file, f.queued]),
      [
        ["004_5f8a3532f4c6e49a.txt", true],
        ["ødelagt.pdf", true],
      ],
    );

    const again = await upload(admin, [seed], csrf);
    const location = again.headers.get("location") ?? "";
    assert.match(location, /\?uaendret=004_5f8a3532f4c6e49a\.txt$/);
    const unchanged = await flat(await admin.get(location));
    assert.match(unchanged, /<strong>Uændret<\/strong>: filen er allerede importeret/);
    assert.match(unchanged, /1 af 1 fil færdig/);
    assert.match(unchanged, new RegExp(`<a href="${location.replace(/[.?]/g, "\\$&")}">Opdater</a>`));
  });

  it("answers 404 for a batch that does not exist", async () => {
    assert.equal((await admin.get(`${PATH}/${crypto.randomUUID()}`)).status, 404);
    assert.equal((await admin.get(`${PATH}/ikke-en-import`)).status, 404);
  });
});

describe("the batch page's Danish status words", () => {
  const job = (fields: Partial<Pick<JobStatus, "state" | "progress" | "error" | "result">>) => ({
    file: "referat.pdf",
    job: { state: "queued" as const, progress: null, error: null, result: null, ...fields },
  });

  it("says what runs, what waits to be tried again, and any reason ingest did not translate", () => {
    assert.deepEqual(
      fileStatus(job({ state: "running", progress: { done: 3, total: 12, step: "OCR side 3 af 12" } })),
      { label: "Importeres", detail: "OCR side 3 af 12" },
    );
    assert.deepEqual(fileStatus(job({ state: "running" })), { label: "Importeres", detail: null });
    assert.deepEqual(fileStatus(job({ error: "the PDF is encrypted" })), {
      label: "I kø",
      detail: "prøves igen efter en fejl: PDF-filen er krypteret",
    });
    assert.deepEqual(
      fileStatus(job({ state: "failed", error: "needs more than 3072 MB of memory to parse" })),
      {
        label: "Mislykkedes",
        detail: "needs more than 3072 MB of memory to parse",
      },
    );
    assert.deepEqual(
      fileStatus(
        job({
          state: "done",
          result: {
            outcome: "imported",
            kind: "annex-pack",
            status: "updated",
            items: 0,
            attendees: 1,
            documents: 1,
            warnings: [{}],
          },
        }),
      ),
      { label: "Importeret", detail: "bilagspakke, opdateret, 0 punkter, 1 deltager, 1 bilag, 1 advarsel" },
    );
    assert.equal(
      progressLine([job({ state: "done" }), job({}), { file: "x.txt", job: null }]),
      "2 af 3 filer færdige",
    );
  });
});
