/**
 * @module Alerts by e-mail end to end (issue 16), on real parts: a real store, the web app, the job queue
 * with its worker, and a real SMTP server. Subscribe on the body page's form, get the confirmation mail,
 * follow its link; a new public decision comes in a digest with RFC 8058's headers, a closed item never;
 * a second run within 24 hours sends nothing; one-click unsubscribe ends it; a pending subscription gets
 * nothing.
 */
import assert from "node:assert/strict";
import { after, before, it } from "node:test";
import { setTimeout as sleep } from "node:timers/promises";
import { enqueueJob, startWorker, type Worker } from "../../src/jobs/index.js";
import { type Mailer, mailText, openMailer, parseMail } from "../../src/mail/index.js";
import { alertNews, importDocument, jobStatus } from "../../src/store/index.js";
import { createApp } from "../../src/web/app.js";
import { buildItem, buildMinutes, meetingOn } from "../support/documents.js";
import { type ReceivedMail, startSmtpServer, type TestSmtpServer } from "../support/smtp-server.js";
import { forEachBackend } from "../support/stores.js";
import { csrfOf, TestBrowser } from "../web/accounts/support.js";

const BASE_URL = "https://raadsinfo.test";
const HOUR_MS = 3_600_000;

forEachBackend("alerts by e-mail", (store) => {
  let smtp: TestSmtpServer;
  let mailer: Mailer;
  let worker: Worker;
  /** How far the jobs' clock runs ahead of real time: the worker reads "now" through it. */
  let clockAheadMs = 0;
  let bodyId = 0;

  before(async () => {
    smtp = await startSmtpServer();
    mailer = openMailer({ smtpUrl: smtp.url, dataDir: "/nonexistent" });
    const { db } = store();
    await importDocument(db, buildMinutes({ meeting: meetingOn("2026-03-20") }));
    const body = await db
      .selectFrom("body")
      .select("id")
      .where("name", "=", "KKR Testregion")
      .executeTakeFirstOrThrow();
    bodyId = body.id;
    worker = startWorker({
      db,
      services: { mailer, publicBaseUrl: BASE_URL, now: () => new Date(Date.now() + clockAheadMs) },
      pollMs: 10,
    });
  });
  after(async () => {
    await worker.stop();
    mailer.close();
    await smtp.close();
  });

  const app = () => createApp({ db: store().db, settings: { publicBaseUrl: BASE_URL } });

  /** Waits until the queue has nothing left to do (digest runs and the mails they queue). */
  async function queueIdle(): Promise<void> {
    for (let i = 0; i < 3000; i++) {
      const busy = await store()
        .db.selectFrom("job")
        .select("id")
        .where("state", "in", ["queued", "running"])
        .where("kind", "<>", "follow-up-reminders")
        .executeTakeFirst();
      if (!busy) return;
      await sleep(10);
    }
    throw new Error("the queue did not empty");
  }

  /** Runs the digest job on the queue, waits for it and its mails; its result. */
  async function runDigests(): Promise<{ due: number; queued: number; expired: number }> {
    const id = await enqueueJob(store().db, "send-alert-digests", {});
    await queueIdle();
    const job = await jobStatus(store().db, id);
    assert.equal(job?.state, "done", job?.error ?? "");
    return job.result as { due: number; queued: number; expired: number };
  }

  const mailsTo = (address: string): ReceivedMail[] => smtp.received.filter((m) => m.to.includes(address));

  /** Subscribes through the subscribe page, as a reader would after the public page's button. */
  async function subscribe(browser: TestBrowser, query: string, email: string): Promise<Response> {
    const form = await browser.get(`/besked?${query}`);
    assert.equal(form.status, 200);
    const target = Object.fromEntries(new URLSearchParams(query));
    return browser.post("/besked", { ...target, email }, csrfOf(await form.text()));
  }

  /** Follows the confirmation mail's link: the page, then its button. */
  async function confirmFromMail(browser: TestBrowser, address: string): Promise<void> {
    const mail = mailsTo(address).at(-1);
    assert.ok(mail, `a confirmation mail reached ${address}`);
    const text = mailText(parseMail(mail.raw));
    const link = /https:\/\/raadsinfo\.test(\/besked\/bekraeft\/[A-Za-z0-9_-]+)/.exec(text)?.[1];
    assert.ok(link, `the mail has the link: ${text}`);
    const page = await browser.get(link);
    assert.equal(page.status, 200);
    const confirmed = await browser.post(link, {}, csrfOf(await page.text()));
    assert.equal(confirmed.status, 200);
    assert.match(await confirmed.text(), /Din tilmelding er bekræftet/);
  }

  it("subscribes from the body page's form and confirms by the mailed link", async () => {
    const browser = new TestBrowser(app());
    const bodyPage = await (await browser.get(`/organ/${bodyId}`)).text();
    assert.match(bodyPage, /action="\/besked" method="get"/);
    assert.match(bodyPage, /Få besked på e-mail/);
    const done = await subscribe(browser, `organ=${bodyId}`, "aase@eksempel.dk");
    assert.equal(done.status, 200);
    assert.match(await done.text(), /Tjek din e-mail/);
    await queueIdle();
    const [mail] = mailsTo("aase@eksempel.dk");
    assert.ok(mail, "the confirmation mail arrived");
    assert.equal(
      parseMail(mail.raw).headers.get("subject"),
      "Bekræft din tilmelding til besked fra Rådsinfo",
    );
    assert.match(mailText(parseMail(mail.raw)), /organet KKR Testregion/);
    const before = await store()
      .db.selectFrom("alert_subscription")
      .select("confirmed")
      .executeTakeFirstOrThrow();
    assert.equal(before.confirmed, null, "pending until the link is followed");
    await confirmFromMail(browser, "aase@eksempel.dk");
    const row = await store()
      .db.selectFrom("alert_subscription")
      .select(["confirmed"])
      .where("email", "=", "aase@eksempel.dk")
      .executeTakeFirstOrThrow();
    assert.ok(row.confirmed, "confirmed");
    const tokens = await store().db.selectFrom("alert_token").select("token_hash").execute();
    assert.ok(
      tokens.every((t) => /^[0-9a-f]{64}$/.test(t.token_hash)),
      "only hashes are stored",
    );
  });

  it("asks for a valid address, and a search can be followed from the search page", async () => {
    const browser = new TestBrowser(app());
    const forged = await browser.post("/besked", { organ: String(bodyId), email: "x@eksempel.dk" }, null);
    assert.equal(forged.status, 403, "the subscribe form needs its CSRF token");
    assert.equal((await browser.get("/afmeld/ukendt")).status, 404);
    assert.equal((await browser.post("/afmeld/ukendt", {}, null)).status, 404);
    const refused = await subscribe(browser, `organ=${bodyId}`, "ikke en adresse");
    assert.equal(refused.status, 400);
    assert.match(await refused.text(), /Skriv en gyldig e-mailadresse/);
    const searchPage = await (await browser.get("/soeg?q=punkt")).text();
    assert.match(searchPage, /name="q" value="punkt"/);
    assert.match(searchPage, /Få besked på e-mail/);
    await subscribe(browser, "q=klimaplan", "bo@eksempel.dk");
    // Pending, never confirmed: it must get no digest.
    await subscribe(browser, `organ=${bodyId}`, "cecilie@eksempel.dk");
    await queueIdle();
    await confirmFromMail(browser, "bo@eksempel.dk");
    assert.equal(mailsTo("cecilie@eksempel.dk").length, 1, "only the confirmation");
  });

  let unsubscribeUrl = "";

  it("sends a digest with the new public decision and List-Unsubscribe, never the closed item", async () => {
    await importDocument(
      store().db,
      buildMinutes({
        meeting: meetingOn("2026-04-17"),
        items: [
          buildItem("1.1", {
            title: "Klimaplan for Nordjylland",
            fields: { beslutning: "KKR godkendte klimaplanen med én bemærkning om Læsø." },
          }),
          buildItem("1.2", {
            title: "Hemmelig grundhandel",
            closed: true,
            fields: { beslutning: "Klimaplan: grundkøbet blev godkendt." },
          }),
        ],
      }),
    );
    const closed = await store()
      .db.selectFrom("agenda_item")
      .select(["withheld", "beslutning"])
      .where("title", "=", "Hemmelig grundhandel")
      .executeTakeFirstOrThrow();
    assert.equal(closed.withheld, "closed-item", "the closed item is stored, withheld from the public");
    const run = await runDigests();
    assert.equal(run.queued, 2, "the body's and the search's subscriber");
    const [digest] = mailsTo("aase@eksempel.dk").filter((m) =>
      /Nyt i Rådsinfo/.test(parseMail(m.raw).headers.get("subject") ?? ""),
    );
    assert.ok(digest, "the digest arrived");
    const parsed = parseMail(digest.raw);
    assert.equal(parsed.headers.get("subject"), "Nyt i Rådsinfo: KKR Testregion");
    const text = mailText(parsed);
    assert.match(text, /punkt 1\.1: Klimaplan for Nordjylland/);
    assert.match(text, /mødet 17\. april 2026/);
    assert.match(text, /Beslutning: KKR godkendte klimaplanen med én bemærkning om Læsø\./);
    assert.match(text, /https:\/\/raadsinfo\.test\/punkt\/\d+/);
    assert.doesNotMatch(text, /Hemmelig|grundkøb/i);
    const listUnsubscribe = parsed.headers.get("list-unsubscribe") ?? "";
    const url = /^<(https:\/\/raadsinfo\.test\/afmeld\/[A-Za-z0-9_-]+)>$/.exec(listUnsubscribe)?.[1];
    assert.ok(url, `List-Unsubscribe: ${listUnsubscribe}`);
    assert.equal(parsed.headers.get("list-unsubscribe-post"), "List-Unsubscribe=One-Click");
    assert.ok(text.includes(url), "the text carries the same link");
    unsubscribeUrl = url;

    const [searchDigest] = mailsTo("bo@eksempel.dk").filter((m) =>
      /Nyt i Rådsinfo/.test(parseMail(m.raw).headers.get("subject") ?? ""),
    );
    assert.ok(searchDigest, "the search's subscriber got one too");
    const searchText = mailText(parseMail(searchDigest.raw));
    assert.match(searchText, /søgningen »klimaplan«/);
    assert.match(searchText, /Klimaplan for Nordjylland/);
    assert.doesNotMatch(searchText, /Hemmelig|grundkøb/i);
    assert.equal(mailsTo("cecilie@eksempel.dk").length, 1, "the unconfirmed subscription got no digest");
  });

  it("sends nothing more within 24 hours", async () => {
    const count = smtp.received.length;
    await importDocument(
      store().db,
      buildMinutes({
        meeting: meetingOn("2026-05-08"),
        items: [buildItem("1.1", { title: "Klimaplan, status" })],
      }),
    );
    clockAheadMs = 23 * HOUR_MS;
    const run = await runDigests();
    assert.equal(run.due, 0);
    assert.equal(run.queued, 0);
    assert.equal(smtp.received.length, count);
  });

  it("unsubscribes with one POST (RFC 8058), after a GET that only shows the button", async () => {
    const path = new URL(unsubscribeUrl).pathname;
    const page = await app().request(path);
    assert.equal(page.status, 200);
    assert.match(await page.text(), /<button[^>]*>Afmeld<\/button>/);
    const still = await store()
      .db.selectFrom("alert_subscription")
      .select("unsubscribed")
      .where("email", "=", "aase@eksempel.dk")
      .executeTakeFirstOrThrow();
    assert.equal(still.unsubscribed, null, "a GET (a link scanner) does not unsubscribe");
    // As a mail program sends it: no cookie, no CSRF token.
    const res = await app().request(path, {
      method: "POST",
      body: "List-Unsubscribe=One-Click",
      headers: { "content-type": "application/x-www-form-urlencoded" },
    });
    assert.equal(res.status, 200);
    assert.match(await res.text(), /Du er afmeldt/);
    const row = await store()
      .db.selectFrom("alert_subscription")
      .select("unsubscribed")
      .where("email", "=", "aase@eksempel.dk")
      .executeTakeFirstOrThrow();
    assert.ok(row.unsubscribed);

    const before = mailsTo("aase@eksempel.dk").length;
    clockAheadMs = 25 * HOUR_MS;
    const run = await runDigests();
    assert.equal(run.queued, 1, "the search's subscriber, a day later, gets the news");
    assert.equal(mailsTo("aase@eksempel.dk").length, before, "nothing more after unsubscribing");
    const latest = mailsTo("bo@eksempel.dk").at(-1);
    assert.ok(latest);
    assert.match(mailText(parseMail(latest.raw)), /Klimaplan, status/);
    assert.doesNotMatch(mailText(parseMail(latest.raw)), /Klimaplan for Nordjylland/, "only what is new");
    assert.equal(mailsTo("cecilie@eksempel.dk").length, 1);
  });

  it("offers the form on the municipality page, and follows a municipality by the items naming it", async () => {
    const browser = new TestBrowser(app());
    const page = await (await browser.get("/kommune/laesoe")).text();
    assert.match(page, /name="kommune" value="Læsø"/);
    const form = await browser.get("/besked?kommune=L%C3%A6s%C3%B8");
    assert.equal(form.status, 200);
    assert.match(await form.text(), /Få en e-mail om Læsø Kommune/);
    assert.equal((await browser.get("/besked?kommune=Atlantis")).status, 404);
    assert.equal((await browser.get("/besked?sag=999999")).status, 404);
    assert.equal((await browser.get("/besked")).status, 404);
    const news = await alertNews(
      store().db,
      { kind: "municipality", municipality: "Læsø" },
      { since: new Date(0), until: new Date(Date.now() + 30 * HOUR_MS) },
    );
    assert.deepEqual(
      news.items.map((i) => i.title),
      ["Klimaplan for Nordjylland"],
    );
  });

  it("forgets a subscription never confirmed after a week: its link then says it is invalid", async () => {
    const browser = new TestBrowser(app());
    await subscribe(browser, `organ=${bodyId}`, "dorte@eksempel.dk");
    await queueIdle();
    const mail = mailsTo("dorte@eksempel.dk").at(-1);
    assert.ok(mail, "the confirmation mail arrived");
    const link = /https:\/\/raadsinfo\.test(\/besked\/bekraeft\/[A-Za-z0-9_-]+)/.exec(
      mailText(parseMail(mail.raw)),
    )?.[1];
    assert.ok(link);
    const kept = () =>
      store()
        .db.selectFrom("alert_subscription")
        .select("id")
        .where("email", "=", "dorte@eksempel.dk")
        .execute();
    // The subscription was made now, by the database's clock: the jobs' clock is set from it.
    clockAheadMs = 6 * 24 * HOUR_MS;
    await runDigests();
    assert.equal((await kept()).length, 1, "a link works for a week");
    clockAheadMs = 8 * 24 * HOUR_MS;
    assert.ok((await runDigests()).expired >= 1);
    assert.deepEqual(await kept(), [], "no trace of the address is kept");
    const page = await browser.get(link);
    assert.equal(page.status, 404);
    assert.match(await page.text(), /Linket er ugyldigt/);
  });
});
