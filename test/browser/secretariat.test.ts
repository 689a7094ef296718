/**
 * @module The secretariat prepares a meeting end to end in Debian's Chromium (issue 13, the first "Must
 * show"): a sekretariat user of KKR Nordjylland (made as `raadsinfo user add` makes one, with TOTP) signs
 * in, plans a meeting on the workspace, starts its agenda from the template, adds three items (one closed)
 * with fields, uploads two annexes (a real PDF from ../shared/real-pdf to an open item, a DOCX made here to
 * the closed one), reorders them, renders agenda and pack (the worker runs in-process, as in `serve`),
 * and sends. The public meeting page then shows the agenda with the closed item as "Lukket punkt", and
 * the closed item's annex is on no public surface (annex page, search, JSON API, OParl, the public PDFs).
 * axe-core clean, no sideways scrolling at 320 px; screenshots of the workspace, the builder, the item
 * form and pages of both PDFs (pdftoppm) land in test-output/screenshots/.
 *
 * The same meeting then goes on through issue 14 (its first "Must show"): the meeting day records
 * attendance with an absence and a substitute, decisions with a vote and a protocol remark; the minutes
 * are rendered, read back by parse (attendance and every decision), approved and published; one
 * decision is sent to three municipalities (the letters received by a real SMTP server); a follow-up
 * gets a deadline and shows as overdue once the app's clock (the test's, not the machine's) passes it.
 * The public meeting page then shows attendance and decisions, and /kommune/aalborg the decision.
 */
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { createHash } from "node:crypto";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, describe, it } from "node:test";
import type { Browser, Page } from "playwright-core";
import { CLI_ACTOR, userCreator } from "../../src/accounts/index.js";
import { minutesDocumentOf } from "../../src/authoring/minutes-document-of.js";
import { municipalityAddressEditor } from "../../src/authoring/municipality-address-editor.js";
import {
  expectedAgendaItems,
  expectedMinutesAttendance,
  expectedMinutesItems,
  parsedAgendaItems,
  parsedMinutesAttendance,
  parsedMinutesItems,
  parsedPackAnnexes,
} from "../../src/authoring/render/index.js";
import { loadIngestOptions, parseSource } from "../../src/ingest/index.js";
import { startWorker, type Worker } from "../../src/jobs/index.js";
import { agendaDocumentOf, packAnnexes } from "../../src/jobs/kinds/render-documents.js";
import { openMailer } from "../../src/mail/index.js";
import { agendaDraft, meetingRecordOf, openStore, type Store } from "../../src/store/index.js";
import { createApp } from "../../src/web/app.js";
import { danishDay } from "../../src/web/secretariat/next-steps.js";
import { PASSWORD } from "../accounts/support.js";
import { agendaWorld, CLI } from "../authoring/agenda-support.js";
import { bodyMembers } from "../authoring/meeting-record-support.js";
import { makeDocx } from "../support/make-files.js";
import { startSmtpServer, type TestSmtpServer } from "../support/smtp-server.js";
import { assertAccessible, chromiumSkip, SHOTS, screenshots, WIDTHS } from "./page-checks.js";
import { addSecretariatUser, openPortalSession, type PortalSession, signIn } from "./secretariat-session.js";

const BODY = "KKR Nordjylland";
const EMAIL = "sofie.sekretariat@kl.dk";
const REAL_PDF = "/work/shared/real-pdf/aarhus-sundhed-og-omsorg-2025-08-29-bilag.pdf";
const OPEN_TITLE = "Status fra KlimaNord";
const OPEN_ANNEX = "Notat om sundhed og omsorg";
const CLOSED_TITLE = "Personalesag om direktørens fratræden";
const CLOSED_ANNEX = "Fratrædelsesaftale";
// A word that is only in the closed item's DOCX annex: no public search may find it.
const SECRET_WORD = "fratrædelsesgodtgørelsen";
const THIRD_TITLE = "Trafikplan for Nordjylland";
const VOTED_DECISION =
  "KKR Nordjylland anbefaler, at trafikplanen godkendes i de nordjyske kommunalbestyrelser.";
const CLOSED_DECISION = "Direktørens fratrædelse blev godkendt.";
const REMARK = "Ø kan ikke støtte prioriteringen af vejprojekterne.";
const MUNICIPALITY_ADDRESSES = {
  Aalborg: "byraad@aalborg.example.dk",
  Hjørring: "byraad@hjoerring.example.dk",
  Brønderslev: "byraad@broenderslev.example.dk",
} as const;

describe("the secretariat prepares a meeting in Chromium", { skip: chromiumSkip() }, () => {
  let store: Store;
  let browser: Browser;
  let worker: Worker;
  let session: PortalSession | undefined;
  let base: string;
  let page: Page;
  let totpSecret: string;
  let dir: string;
  let meetingId: number;
  let smtp: TestSmtpServer;
  let people: Record<string, number>;
  const meetingDay = new Date(Date.now() + 9 * 86_400_000);
  const date = danishDay(meetingDay);
  // The app's and the worker's clock: the machine's until the follow-up step moves it.
  let clock: Date | null = null;
  const now = () => clock ?? new Date();

  before(async () => {
    dir = mkdtempSync(join(tmpdir(), "raadsinfo-secretariat-browser-"));
    store = await openStore({ dataDir: "memory://" });
    const world = await agendaWorld(store.db);
    // The body's members (with a chair), as an import of its minutes would have made them.
    people = await bodyMembers(store.db, world);
    await municipalityAddressEditor({
      db: store.db,
      viewer: world.secretariat,
      actor: CLI,
      bodyId: world.bodyId,
      addresses: { ...MUNICIPALITY_ADDRESSES },
    });
    totpSecret = await addSecretariatUser(store.db, { email: EMAIL, name: "Sofie Sekretariat", body: BODY });
    await userCreator({
      db: store.db,
      email: "mogens.medlem@jammerbugt.dk",
      name: "Mogens Medlem",
      role: "medlem",
      body: BODY,
      password: PASSWORD,
      actor: CLI_ACTOR,
    });
    writeFileSync(
      join(dir, "fratraedelsesaftale.docx"),
      makeDocx([
        "Fratrædelsesaftale",
        `Direktøren fratræder med udgangen af måneden; ${SECRET_WORD} svarer til seks måneders løn.`,
      ]),
    );
    smtp = await startSmtpServer();
    worker = startWorker({
      db: store.db,
      services: { mailer: openMailer({ smtpUrl: smtp.url, dataDir: dir }), now },
      pollMs: 100,
    });
    session = await openPortalSession(createApp({ db: store.db, now }));
    ({ base, browser, page } = session);
  });

  after(async () => {
    await session?.close();
    await worker?.stop(2000);
    await smtp?.close();
    await store?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it("signs in and plans a meeting on the workspace", async () => {
    await page.goto(`${base}/sekretariat`);
    await signIn(page, EMAIL, totpSecret);
    await page.waitForURL(/\/sekretariat$/);
    assert.match(await page.locator("main").innerText(), /Der er ingen kommende møder/);
    await page.locator("#et-dato").fill(date);
    await page.locator("#et-sted").fill("Aalborg Rådhus, Boulevarden 13");
    await page.getByRole("button", { name: "Opret mødet" }).click();
    await page.waitForURL(/oprettet=1$/);
    const main = await page.locator("main").innerText();
    assert.match(main, /Mødet er oprettet/);
    assert.match(main, /Dagsorden til næste møde \(.+\) er ikke påbegyndt — mødet er om 9 dage\./);
    await assertAccessible(page, "/sekretariat");
    await screenshots(page, "secretariat-workspace");
  });

  it("starts the agenda from the template and adds three items, one closed", async () => {
    await page.getByRole("link", { name: "Opret dagsorden" }).click();
    await page.waitForURL(/\/dagsorden$/);
    meetingId = Number(/moede\/(\d+)\//.exec(page.url())?.[1]);
    await page.getByRole("button", { name: "Opret dagsorden fra skabelonen" }).click();
    await page.waitForURL(/besked=oprettet/);
    const drafted = await page.locator("main").innerText();
    assert.match(drafted, /1\.1 Godkendelse af dagsorden/);
    assert.match(drafted, /1\.2 Godkendelse af referat/);
    assert.match(drafted, /Punkter til næste møde/);
    assert.match(drafted, /Eventuelt/);

    const items = [
      {
        title: OPEN_TITLE,
        caseNumber: "SAG-2024-03326",
        initials: "hlth",
        baggrund: "KlimaNord samler kommunernes klimaarbejde.\n\n- Biokul\n- Lærepladser",
        sagsfremstilling: "## Økonomi\n\n| År | Beløb |\n| --- | --- |\n| 2025 | 1,52 mio. kr. |",
        phrase: true,
        closed: false,
      },
      {
        title: CLOSED_TITLE,
        caseNumber: "SAG-2024-04000",
        initials: "mni",
        baggrund: "Sagen behandles for lukkede døre.",
        sagsfremstilling: "Direktøren har ønsket at fratræde.",
        phrase: false,
        closed: true,
      },
      {
        title: THIRD_TITLE,
        caseNumber: "",
        initials: "",
        baggrund: "Kommunerne har bedt om en fælles trafikplan.",
        sagsfremstilling: "",
        phrase: true,
        closed: false,
      },
    ];
    for (const item of items) {
      await page.getByRole("link", { name: "Tilføj punkt i afsnit 2 Regionalpolitiske sager" }).click();
      await page.waitForURL(/punkt\/nyt/);
      await page.getByLabel("Titel", { exact: true }).fill(item.title);
      await page.getByLabel("Sagsnummer").fill(item.caseNumber);
      await page.getByLabel("Initialer").fill(item.initials);
      if (item.closed) await page.getByLabel(/^Lukket punkt/).check();
      await page.getByLabel("Baggrund", { exact: true }).fill(item.baggrund);
      if (item.phrase) {
        await page.getByLabel("Standardformulering til Indstilling").selectOption({ index: 1 });
      } else {
        await page
          .getByLabel("Indstilling", { exact: true })
          .fill("Det indstilles, at KKR Nordjylland godkender aftalen.");
      }
      await page.getByLabel("Sagsfremstilling", { exact: true }).fill(item.sagsfremstilling);
      if (item === items[0]) {
        await assertAccessible(page, "the new item form");
        await screenshots(page, "secretariat-item-form");
      }
      await page.getByRole("button", { name: "Tilføj punktet" }).click();
      await page.waitForURL(/besked=tilfoejet/);
    }
    const main = await page.locator("main").innerText();
    assert.match(main, new RegExp(`2\\.1 ${OPEN_TITLE}`));
    assert.match(main, new RegExp(`2\\.2 ${CLOSED_TITLE}\\s+Lukket punkt`));
    assert.match(main, new RegExp(`2\\.3 ${THIRD_TITLE}`));
  });

  it("uploads a PDF and a DOCX annex", async () => {
    await page.getByRole("link", { name: "Rediger punkt 2.1" }).click();
    await page.getByLabel("Bilagets titel").fill(OPEN_ANNEX);
    await page.getByLabel("Fil", { exact: true }).setInputFiles(REAL_PDF);
    await page.getByRole("button", { name: "Upload bilag" }).click();
    await page.waitForURL(/besked=bilag/);
    assert.match(
      await page.locator("#bilag").locator("..").innerText(),
      /2\.1 Bilag 1: Notat om sundhed og omsorg/,
    );
    await page.goto(`${base}/sekretariat/moede/${meetingId}/dagsorden`);
    await page.getByRole("link", { name: "Rediger punkt 2.2" }).click();
    await page.getByLabel("Bilagets titel").fill(CLOSED_ANNEX);
    await page.getByLabel("Fil", { exact: true }).setInputFiles(join(dir, "fratraedelsesaftale.docx"));
    await page.getByRole("button", { name: "Upload bilag" }).click();
    await page.waitForURL(/besked=bilag/);
    assert.match(await page.locator("main").innerText(), /2\.2 Bilag 1: Fratrædelsesaftale/);
  });

  it("reorders the items with the move buttons", async () => {
    await page.goto(`${base}/sekretariat/moede/${meetingId}/dagsorden`);
    await page.getByRole("button", { name: "Flyt op punkt 2.3" }).click();
    await page.waitForURL(/besked=flyttet/);
    let main = await page.locator("main").innerText();
    assert.match(main, new RegExp(`2\\.2 ${THIRD_TITLE}`));
    assert.match(main, new RegExp(`2\\.3 ${CLOSED_TITLE}`));
    await page.getByRole("button", { name: "Flyt op punkt 2.2" }).click();
    await page.waitForURL(/besked=flyttet/);
    main = await page.locator("main").innerText();
    assert.match(main, new RegExp(`2\\.1 ${THIRD_TITLE}`));
    assert.match(main, new RegExp(`2\\.2 ${OPEN_TITLE}`));
    assert.match(main, new RegExp(`2\\.3 ${CLOSED_TITLE}`));
  });

  it("answers a stale save with both versions, so nothing is lost", async () => {
    await page.getByRole("link", { name: "Rediger punkt 2.1" }).click();
    await page.waitForURL(/\/sekretariat\/punkt\/\d+$/);
    // Another secretary saves the same item in another tab meanwhile.
    const other = await page.context().newPage();
    await other.goto(page.url());
    await other
      .getByLabel("Baggrund", { exact: true })
      .fill("Kommunerne og regionen har bedt om en fælles trafikplan.");
    await other.getByRole("button", { name: "Gem punktet" }).click();
    await other.waitForURL(/besked=gemt/);
    await other.close();
    await page.getByLabel("Sagsnummer").fill("SAG-2025-00042");
    await page.getByRole("button", { name: "Gem punktet" }).click();
    await page.waitForLoadState("load");
    const main = await page.locator("main").innerText();
    assert.match(main, /er ændret af en anden/);
    assert.match(main, /Din udgave/);
    assert.match(main, /Den gemte udgave \(revision 2\)/);
    assert.match(main, /Kommunerne og regionen har bedt om en fælles trafikplan\./);
    assert.equal(await page.getByLabel("Sagsnummer").inputValue(), "SAG-2025-00042");
    assert.equal(await page.evaluate<string>("document.activeElement?.id"), "error-summary");
    await assertAccessible(page, "the item form after a stale save");
    await screenshots(page, "secretariat-item-conflict");
    await page.getByRole("button", { name: "Gem min udgave" }).click();
    await page.waitForURL(/besked=gemt/);
  });

  it("renders the agenda and the annex pack as jobs, with progress, and shows their pages", async () => {
    await page.getByRole("button", { name: "Dan dagsorden og bilagspakke" }).click();
    await page.waitForURL(/besked=dannes/);
    // agenda-progress.js refreshes the line and reloads the page when the jobs are done.
    await page.getByRole("link", { name: /^Hent bilagspakke/ }).waitFor({ timeout: 180_000 });
    await page.getByRole("link", { name: /^Hent dagsorden/ }).waitFor({ timeout: 60_000 });
    const lines = await page.locator("#render-lines").innerText();
    assert.match(lines, /Dagsorden: dannet/);
    assert.match(lines, /Bilagspakke: dannet/);
    await assertAccessible(page, "the agenda builder");
    await screenshots(page, "secretariat-agenda-builder");
    for (const [path, name, pages] of [
      ["dagsorden.pdf", "secretariat-agenda-pdf", 3],
      ["bilagspakke.pdf", "secretariat-annex-pack-pdf", 3],
    ] as const) {
      const res = await page.request.get(`${base}/sekretariat/moede/${meetingId}/${path}`);
      assert.equal(res.status(), 200);
      assert.equal(res.headers()["content-type"], "application/pdf");
      const file = join(dir, path);
      writeFileSync(file, await res.body());
      execFileSync("pdftoppm", ["-png", "-r", "60", "-f", "1", "-l", String(pages), file, join(SHOTS, name)]);
      const text = execFileSync("pdftotext", [file, "-"]).toString();
      const draft = await agendaDraft(store.db, meetingId);
      assert.ok(draft);
      const bytes = readFileSync(file);
      const parsed = await parseSource(
        { file, bytes: new Uint8Array(bytes), sha256: createHash("sha256").update(bytes).digest("hex") },
        await loadIngestOptions(),
      );
      if (path === "dagsorden.pdf") {
        // The internal edition names the closed item, marked as the importer reads a closed item.
        assert.match(text, new RegExp(`Lukket punkt: ${CLOSED_TITLE.split(" ")[0]}`));
        assert.match(text, /Det indstilles, at KKR Nordjylland/);
        // The round trip of the agenda: every item read back with number, title, closed, case and fields.
        const agenda = agendaDocumentOf(draft, "internal", { version: 1, changeNote: null });
        assert.deepEqual(parsedAgendaItems(parsed), expectedAgendaItems(agenda));
      } else {
        // The round trip of the pack: each annex read back with its item, number and title.
        const expected = packAnnexes(draft, "internal").map(({ item, annex }) => ({
          itemNumber: item.number,
          annexNumber: annex.position,
          title: annex.title,
        }));
        assert.deepEqual(
          parsedPackAnnexes(parsed).map(({ itemNumber, annexNumber, title }) => ({
            itemNumber,
            annexNumber,
            title,
          })),
          expected,
        );
        assert.match(text, /2\.2 Bilag 1/);
        assert.match(text, /2\.3 Bilag 1/);
      }
    }
  });

  it("sends a review copy and then the agenda", async () => {
    await page.getByLabel("Mogens Medlem").check();
    await page.getByRole("button", { name: "Send til gennemlæsning" }).click();
    await page.waitForURL(/besked=gennemlaesning/);
    assert.match(await page.locator("main").innerText(), /Sendt til gennemlæsning: Mogens Medlem/);
    await page.getByRole("button", { name: "Udsend dagsorden" }).click();
    await page.waitForURL(/besked=udsendt/);
    assert.match(await page.getByRole("status").first().innerText(), /Dagsordenen er udsendt/);
    assert.match(await page.locator("main").innerText(), /Udsend tillæg til dagsorden/);
  });

  it("shows the public the agenda with the closed item as 'Lukket punkt' and its annex nowhere", async () => {
    const anonymous = await browser.newContext({ viewport: WIDTHS.desktop, locale: "da-DK" });
    const publicPage = await anonymous.newPage();
    await publicPage.goto(`${base}/moede/${meetingId}`);
    const main = await publicPage.locator("main").innerText();
    assert.match(main, new RegExp(THIRD_TITLE));
    assert.match(main, new RegExp(OPEN_TITLE));
    assert.match(main, /Lukket punkt/);
    assert.match(main, new RegExp(OPEN_ANNEX));
    assert.doesNotMatch(main, new RegExp(CLOSED_TITLE));
    assert.doesNotMatch(main, new RegExp(CLOSED_ANNEX));
    await assertAccessible(publicPage, "the public meeting page");
    await screenshots(publicPage, "secretariat-public-meeting");

    const get = async (path: string) => {
      const res = await fetch(`${base}${path}`, { headers: { accept: "application/json, text/html" } });
      return { status: res.status, text: await res.text() };
    };
    const closedFile = await store.db
      .selectFrom("authored_annex")
      .select("published_file_id")
      .where("title", "=", CLOSED_ANNEX)
      .executeTakeFirstOrThrow();
    if (closedFile.published_file_id !== null) {
      const id = closedFile.published_file_id;
      assert.equal((await get(`/bilag/${id}`)).status, 404, "the annex page");
      assert.equal((await get(`/oparl/v1/file/${id}`)).status, 404, "OParl's file");
      assert.equal((await get(`/oparl/v1/file/${id}/download`)).status, 404, "OParl's download");
    }
    // The search page repeats the query; what counts is that it finds nothing.
    for (const word of [SECRET_WORD, CLOSED_ANNEX]) {
      const { text } = await get(`/soeg?q=${encodeURIComponent(word)}`);
      assert.match(text, /Ingen resultater for/, `/soeg finds ${word}`);
      const json = JSON.parse((await get(`/api/search?q=${encodeURIComponent(word)}`)).text) as {
        results: unknown[];
      };
      assert.deepEqual(json.results, [], `/api/search finds ${word}`);
    }
    for (const path of [
      `/api/meetings/${meetingId}`,
      `/oparl/v1/meeting/${meetingId}`,
      `/moede/${meetingId}`,
    ]) {
      const { text } = await get(path);
      assert.doesNotMatch(text, new RegExp(CLOSED_ANNEX), `${path} names the closed annex`);
      assert.doesNotMatch(text, new RegExp(SECRET_WORD), `${path} quotes the closed annex`);
      assert.doesNotMatch(text, new RegExp(CLOSED_TITLE), `${path} names the closed item`);
    }
    // The public PDFs (rendered by the jobs that sending queued): the closed item as "Lukket punkt".
    let agenda = await fetch(`${base}/moede/${meetingId}/dagsorden.pdf`);
    for (let i = 0; i < 300 && agenda.status !== 200; i++) {
      await new Promise((r) => setTimeout(r, 200));
      agenda = await fetch(`${base}/moede/${meetingId}/dagsorden.pdf`);
    }
    assert.equal(agenda.status, 200);
    writeFileSync(join(dir, "public.pdf"), new Uint8Array(await agenda.arrayBuffer()));
    const text = execFileSync("pdftotext", [join(dir, "public.pdf"), "-"]).toString();
    assert.match(text, /Lukket punkt/);
    assert.doesNotMatch(text, new RegExp(CLOSED_TITLE.split(" ")[0] ?? CLOSED_TITLE));
    assert.doesNotMatch(text, new RegExp(CLOSED_ANNEX));
    await anonymous.close();
    // Once rendered, the public meeting page offers the PDF (a new visitor: the first one's browser
    // may keep the page it saw for the minute its Cache-Control allows).
    const visitor = await browser.newContext({ viewport: WIDTHS.desktop, locale: "da-DK" });
    const visitorPage = await visitor.newPage();
    await visitorPage.goto(`${base}/moede/${meetingId}`);
    const pdfLink = visitorPage.getByRole("link", { name: "Dagsorden (PDF)" });
    assert.equal(await pdfLink.getAttribute("href"), `/moede/${meetingId}/dagsorden.pdf`);
    await visitor.close();
    assert.ok(readFileSync(join(SHOTS, "secretariat-workspace-phone.png")).byteLength > 0);
  });

  /** The published agenda item of the meeting with the number. */
  async function itemId(number: string): Promise<number> {
    const row = await store.db
      .selectFrom("agenda_item")
      .select("id")
      .where("meeting_id", "=", meetingId)
      .where("number", "=", number)
      .where("deleted", "=", false)
      .executeTakeFirstOrThrow();
    return row.id;
  }

  async function waitFor(what: string, done: () => boolean | Promise<boolean>, ms = 60_000): Promise<void> {
    const deadline = Date.now() + ms;
    while (!(await done())) {
      assert.ok(Date.now() < deadline, what);
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  }

  it("mailed the agenda to the member, through the queue, on a real SMTP server", async () => {
    await waitFor("the member's agenda mail", () =>
      smtp.received.some((m) => m.to.includes("mogens.medlem@jammerbugt.dk")),
    );
  });

  it("records the meeting day: an absence with a substitute, decisions with a vote and a protocol remark", async () => {
    clock = new Date(`${meetingDay.toISOString().slice(0, 10)}T13:00:00Z`);
    const person = (name: string) => people[name] as number;
    const fog = person("Frida Fog");
    await page.goto(`${base}/sekretariat/moede/${meetingId}/dagsorden`);
    await page.getByRole("link", { name: "Mødedag: fremmøde og beslutninger" }).click();
    await page.waitForURL(/\/moededag$/);
    await page.locator(`#status-${fog}-afbud`).check();
    await page.locator(`#suppleant-navn-${fog}`).fill("Søren Suppleant");
    await page.getByRole("button", { name: "Gem fremmøde" }).click();
    await page.waitForURL(/\/moededag/);
    assert.match(await page.locator("main").innerText(), /Søren Suppleant/);

    const traffic = await itemId("2.1");
    const klima = await itemId("2.2");
    const closed = await itemId("2.3");
    await page.locator(`#p${traffic}-beslutning`).fill(VOTED_DECISION);
    await page.locator(`#punkt-${traffic} .meeting-day__vote summary`).click();
    for (const name of ["Mads Duedahl", "Mogens Gade", "Carl Conradsen"])
      await page.locator(`#p${traffic}-stemme-${person(name)}-for`).check();
    await page.locator(`#p${traffic}-stemme-${person("Anne Ørum")}-imod`).check();
    await page.locator(`#p${traffic}-kommuner`).check();
    await page.getByRole("button", { name: "Gem beslutning punkt 2.1" }).click();
    await page.waitForURL(/\/moededag/);
    await page.locator(`#punkt-${traffic} .meeting-day__add summary`).nth(0).click();
    await page.locator(`#p${traffic}-bemaerkning-person`).selectOption(String(person("Anne Ørum")));
    await page.locator(`#p${traffic}-bemaerkning-tekst`).fill(REMARK);
    await page.getByRole("button", { name: "Tilføj protokolbemærkning punkt 2.1" }).click();
    await page.waitForURL(/\/moededag/);
    await page.locator(`#p${klima}-standardtekst`).selectOption("noted");
    await page.getByRole("button", { name: "Gem beslutning punkt 2.2" }).click();
    await page.waitForURL(/\/moededag/);
    await page.locator(`#p${closed}-beslutning`).fill(CLOSED_DECISION);
    await page.getByRole("button", { name: "Gem beslutning punkt 2.3" }).click();
    await page.waitForURL(/\/moededag/);
    const main = await page.locator("main").innerText();
    assert.match(main, new RegExp(REMARK));
    assert.match(main, /tog orienteringen til efterretning/);
    await assertAccessible(page, "the meeting day");
    await screenshots(page, "secretariat-meeting-day");
    await page.getByRole("button", { name: "Marker mødet som afholdt" }).click();
    await page.waitForURL(/\/moededag/);
    assert.match(await page.locator("main").innerText(), /afholdt/i);
  });

  it("renders the minutes, which parse reads back exactly, and approves and publishes them", async () => {
    const minutesUrl = `${base}/sekretariat/moede/${meetingId}/referat`;
    await page.goto(minutesUrl);
    await page.getByRole("button", { name: "Dan referat" }).click();
    await waitFor("the minutes were rendered", async () => {
      await page.reload();
      return (await page.getByRole("link", { name: /Hent referat/ }).count()) > 0;
    });
    const res = await page.request.get(`${minutesUrl}/referat.pdf`);
    assert.equal(res.headers()["content-type"], "application/pdf");
    const file = join(dir, "referat.pdf");
    writeFileSync(file, await res.body());
    execFileSync("pdftoppm", [
      "-png",
      "-r",
      "60",
      "-f",
      "1",
      "-l",
      "4",
      file,
      join(SHOTS, "secretariat-minutes-pdf"),
    ]);
    // The round trip: attendance (F1 1.0 is the lists equal) and every decision under its item.
    const bytes = readFileSync(file);
    const parsed = await parseSource(
      { file, bytes: new Uint8Array(bytes), sha256: createHash("sha256").update(bytes).digest("hex") },
      await loadIngestOptions(),
    );
    const record = await meetingRecordOf(store.db, meetingId);
    assert.ok(record);
    const minutes = minutesDocumentOf(record, "internal");
    assert.deepEqual(parsedMinutesAttendance(parsed), expectedMinutesAttendance(minutes));
    assert.deepEqual(parsedMinutesItems(parsed), expectedMinutesItems(minutes));

    await page.getByRole("button", { name: "Godkend som formand" }).click();
    await page.waitForURL(/besked=godkendt/);
    await page.getByRole("button", { name: "Offentliggør referatet" }).click();
    await page.waitForURL(/besked=offentliggjort/);
    assert.match(await page.locator("main").innerText(), /Status: Offentliggjort/);
    await screenshots(page, "secretariat-minutes");
  });

  it("sends the traffic plan's decision to three municipalities; the SMTP server gets three letters", async () => {
    await page.goto(`${base}/sekretariat/moede/${meetingId}/beslutninger`);
    await page.getByRole("link", { name: new RegExp(`2\\.1 ${THIRD_TITLE}`) }).click();
    await page.waitForURL(/\/send$/);
    for (const municipality of Object.keys(MUNICIPALITY_ADDRESSES))
      await page.getByLabel(new RegExp(`^${municipality}`)).check();
    await page.getByRole("button", { name: "Send beslutningen" }).click();
    await page.waitForURL(/besked=sendt/);
    for (const address of Object.values(MUNICIPALITY_ADDRESSES))
      await waitFor(`the letter to ${address}`, () => smtp.received.some((m) => m.to.includes(address)));
    const letter = smtp.received.find((m) => m.to.includes(MUNICIPALITY_ADDRESSES.Aalborg));
    assert.match(letter?.raw ?? "", /application\/pdf/);
  });

  it("gives the decision a follow-up, overdue once the app's clock passes its deadline", async () => {
    const due = new Date(meetingDay.getTime() + 14 * 86_400_000).toISOString().slice(0, 10);
    await page.getByLabel("Opgave", { exact: true }).fill("Trafikplanen behandles i Aalborg Byråd");
    await page.getByLabel("En kommune", { exact: true }).check();
    await page.getByLabel("Kommune (når en kommune har opgaven)").selectOption("Aalborg");
    await page.getByLabel("Frist", { exact: true }).fill(due);
    await page.getByRole("button", { name: "Opret opgaven" }).click();
    await page.waitForURL(/besked=opgave/);
    await page.goto(`${base}/sekretariat/opfoelgning`);
    assert.doesNotMatch(await page.locator("main").innerText(), /Overskredet/);
    clock = new Date(`${new Date(Date.parse(due) + 86_400_000).toISOString().slice(0, 10)}T09:00:00Z`);
    await page.reload();
    const first = await page.locator(".follow-up-list > li").first().innerText();
    assert.match(first, /Overskredet/);
    assert.match(first, /Trafikplanen behandles i Aalborg Byråd/);
    await screenshots(page, "secretariat-follow-up");
  });

  it("shows the public the attendance and decisions, never the closed one's, and the decision on /kommune/aalborg", async () => {
    const visitor = await browser.newContext({ viewport: WIDTHS.desktop, locale: "da-DK" });
    const publicPage = await visitor.newPage();
    await publicPage.goto(`${base}/moede/${meetingId}`);
    const main = await publicPage.locator("main").innerText();
    assert.match(main, /Søren Suppleant/);
    assert.match(main, /Frida Fog/);
    assert.match(main, new RegExp(VOTED_DECISION));
    assert.match(main, /tog orienteringen til efterretning/);
    assert.doesNotMatch(main, new RegExp(CLOSED_DECISION));
    assert.match(main, /Søren Suppleant, suppleant for Frida Fog/);
    assert.equal(
      await publicPage.getByRole("link", { name: "Referat (PDF)" }).getAttribute("href"),
      `/moede/${meetingId}/referat.pdf`,
    );
    await assertAccessible(publicPage, "the public meeting page with minutes");
    await screenshots(publicPage, "secretariat-public-minutes");
    // The item's own page shows its follow-up task, overdue by the app's clock.
    await publicPage.goto(`${base}/punkt/${await itemId("2.1")}`);
    const item = await publicPage.locator("main").innerText();
    assert.match(item, new RegExp(VOTED_DECISION));
    assert.match(item, /Trafikplanen behandles i Aalborg Byråd/);
    assert.match(item, /Protokolbemærkning/);
    await publicPage.goto(`${base}/kommune/aalborg`);
    const aalborg = await publicPage.locator("main").innerText();
    assert.match(aalborg, new RegExp(THIRD_TITLE));
    assert.match(aalborg, /Overskredet/);
    await visitor.close();
  });
});
