/**
 * @module Helpers for the agenda builder's web suites: the worker run until the page says it is done,
 * and a signed-in secretariat with a meeting of KKR Nordjylland drafted from the template through the
 * builder's own forms.
 */
import assert from "node:assert/strict";
import type { Kysely } from "kysely";
import { startWorker } from "../../../src/jobs/index.js";
import type { Mailer } from "../../../src/mail/index.js";
import { agendaDraft, type Database } from "../../../src/store/index.js";
import { danishDay } from "../../../src/web/secretariat/next-steps.js";
import { makeMeetingPdf } from "../../support/make-files.js";
import { csrfOf, type TestBrowser } from "../accounts/support.js";
import { signedInAs } from "./support.js";

export const BODY = "KKR Nordjylland";

/** Mail the jobs send goes nowhere: these suites look at pages and PDFs. */
export const noMail: Mailer = {
  kind: "outbox",
  description: "test",
  send: async () => ({ messageId: "x", file: null }),
  close() {},
};

/** Runs the real worker until `until` holds (at most a minute). */
export async function runJobs(db: Kysely<Database>, until: () => Promise<boolean>): Promise<void> {
  const worker = startWorker({ db, services: { mailer: noMail }, pollMs: 20 });
  try {
    for (let i = 0; i < 600 && !(await until()); i++) await new Promise((r) => setTimeout(r, 100));
  } finally {
    await worker.stop(1000);
  }
}

export interface DraftedThroughForms {
  readonly browser: TestBrowser;
  readonly csrf: string;
  readonly meetingId: number;
  /** "/sekretariat/moede/{id}/dagsorden". */
  readonly builder: string;
}

/** A secretariat signs in, plans a meeting `daysAhead` days ahead and starts its agenda from the template. */
export async function draftedThroughForms(
  db: Kysely<Database>,
  daysAhead: number,
): Promise<DraftedThroughForms> {
  const { browser, bodyId } = await signedInAs(db, "sekretariat", BODY);
  const csrf = csrfOf(await (await browser.get("/sekretariat")).text());
  const date = danishDay(new Date(Date.now() + daysAhead * 86_400_000));
  const planned = await browser.post(
    "/sekretariat/moeder",
    { organ: String(bodyId), dato: date, start: "10:00", slut: "12:00" },
    csrf,
  );
  assert.equal(planned.status, 303);
  const meetingId = (
    await db
      .selectFrom("meeting")
      .select("id")
      .where("date", "=", date)
      .where("body_id", "=", bodyId)
      .executeTakeFirstOrThrow()
  ).id;
  const builder = `/sekretariat/moede/${meetingId}/dagsorden`;
  assert.equal((await browser.post(builder, {}, csrf)).status, 303);
  assert.ok(await agendaDraft(db, meetingId));
  return { browser, csrf, meetingId, builder };
}

/** Renders the internal PDFs from the builder's button and waits for the worker to finish them. */
export async function renderFromBuilder(db: Kysely<Database>, drafted: DraftedThroughForms): Promise<void> {
  const { browser, csrf, meetingId } = drafted;
  assert.equal((await browser.post(`/sekretariat/moede/${meetingId}/dan`, {}, csrf)).status, 303);
  await runJobs(db, async () => {
    const status = (await (await browser.get(`/sekretariat/moede/${meetingId}/dan/status`)).json()) as {
      busy: boolean;
    };
    return !status.busy;
  });
}

/** Adds an item with `title` to the section titled `sectionTitle` through the builder's form; its id. */
export async function addItemThroughForm(
  db: Kysely<Database>,
  drafted: DraftedThroughForms,
  sectionTitle: string,
  title: string,
): Promise<number> {
  const { browser, csrf, meetingId } = drafted;
  const section = (await agendaDraft(db, meetingId))?.sections.find((s) => s.title === sectionTitle);
  assert.ok(section, `no section ${sectionTitle}`);
  const added = await browser.post(
    `/sekretariat/moede/${meetingId}/punkter`,
    { afsnit: String(section.id), titel: title },
    csrf,
  );
  assert.equal(added.status, 303);
  return Number(/#punkt-(\d+)/.exec(added.headers.get("location") ?? "")?.[1]);
}

/** Uploads a one-page PDF annex titled `title` to an item through the item form's upload. */
export async function uploadAnnexThroughForm(
  drafted: DraftedThroughForms,
  itemId: number,
  title: string,
): Promise<void> {
  const form = new FormData();
  form.set("_csrf", drafted.csrf);
  form.set("bilagstitel", title);
  form.set("fil", new File([await makeMeetingPdf()], "bilag.pdf", { type: "application/pdf" }));
  const res = await drafted.browser.request(`/sekretariat/punkt/${itemId}/bilag`, {
    method: "POST",
    body: form,
  });
  assert.equal(res.status, 303);
}
