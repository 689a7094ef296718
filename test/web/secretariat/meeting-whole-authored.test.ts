/**
 * "Hent hele mødet" (issue 16) for a meeting written here: after the agenda is sent and its public PDF
 * made, the whole meeting is that agenda (closed items as "Lukket punkt") and the open items' annexes,
 * never a closed item's annex. Through the forms and the real worker, both backends.
 */
import assert from "node:assert/strict";
import { it } from "node:test";
import { PDFDict, PDFDocument, type PDFHexString, PDFName, type PDFString } from "pdf-lib";
import type { MeetingWholeResult } from "../../../src/jobs/index.js";
import { agendaDraft, jobStatus, meetingWholePdfInfo } from "../../../src/store/index.js";
import { createApp } from "../../../src/web/app.js";
import { forEachBackend } from "../../support/stores.js";
import {
  addItemThroughForm,
  draftedThroughForms,
  runJobs,
  uploadAnnexThroughForm,
} from "./agenda-support.js";

function outlineTitles(doc: PDFDocument): string[] {
  const titles: string[] = [];
  let entry = doc.catalog
    .lookupMaybe(PDFName.of("Outlines"), PDFDict)
    ?.lookupMaybe(PDFName.of("First"), PDFDict);
  while (entry) {
    titles.push((entry.lookup(PDFName.of("Title")) as PDFHexString | PDFString).decodeText());
    entry = entry.lookupMaybe(PDFName.of("Next"), PDFDict);
  }
  return titles;
}

forEachBackend("web: the whole meeting of an agenda written here", (store) => {
  it("gathers the public agenda as sent and the open items' annexes", async () => {
    const { db } = store();
    const drafted = await draftedThroughForms(db, 15);
    const { browser, csrf, meetingId } = drafted;
    const openItem = await addItemThroughForm(
      db,
      drafted,
      "Regionalpolitiske sager",
      "Vejplan for Vendsyssel",
    );
    for (const title of ["Oversigtskort over Vendsyssel", "Anlægsbudget for vejene"]) {
      await uploadAnnexThroughForm(drafted, openItem, title);
    }
    const section = (await agendaDraft(db, meetingId))?.sections.find(
      (s) => s.title === "Regionalpolitiske sager",
    );
    assert.ok(section);
    const closed = await browser.post(
      `/sekretariat/moede/${meetingId}/punkter`,
      { afsnit: String(section.id), titel: "Personalesag", lukket: "ja" },
      csrf,
    );
    assert.equal(closed.status, 303);
    const closedItem = Number(/#punkt-(\d+)/.exec(closed.headers.get("location") ?? "")?.[1]);
    await uploadAnnexThroughForm(drafted, closedItem, "Lønforhold for medarbejderen");
    assert.equal((await browser.post(`/sekretariat/moede/${meetingId}/udsend`, {}, csrf)).status, 303);
    const app = createApp({ db });
    await runJobs(db, async () => (await app.request(`/moede/${meetingId}/dagsorden.pdf`)).status === 200);

    const meetingPage = await (await app.request(`/moede/${meetingId}`)).text();
    assert.match(meetingPage, /Hent hele mødet \(PDF\)/);
    const asked = await app.request(`/moede/${meetingId}/hele-moedet.pdf`);
    assert.equal(asked.status, 303);
    assert.match(
      await (await app.request(`/moede/${meetingId}/hele-moedet`)).text(),
      /Samler mødet: 0 af 3 dokumenter/,
    );
    await runJobs(db, async () => (await meetingWholePdfInfo(db, meetingId)) !== undefined);

    const res = await app.request(`/moede/${meetingId}/hele-moedet.pdf`);
    assert.equal(res.status, 200);
    const doc = await PDFDocument.load(new Uint8Array(await res.arrayBuffer()));
    const draft = await agendaDraft(db, meetingId);
    const number = draft?.sections.flatMap((s) => s.items).find((i) => i.id === openItem)?.number;
    assert.ok(number);
    assert.deepEqual(outlineTitles(doc), [
      "Dagsorden",
      `${number} Bilag 1: Oversigtskort over Vendsyssel`,
      `${number} Bilag 2: Anlægsbudget for vejene`,
    ]);
    const job = await db
      .selectFrom("job")
      .select("id")
      .where("kind", "=", "render-meeting-whole")
      .orderBy("id", "desc")
      .executeTakeFirstOrThrow();
    const result = (await jobStatus(db, job.id))?.result as MeetingWholeResult;
    assert.equal(
      doc.getPageCount(),
      result.parts.reduce((sum, p) => sum + p.pages, 0),
    );
    // The agenda's own pages are the public edition's, as /moede/{id}/dagsorden.pdf serves it.
    const agenda = await PDFDocument.load(
      new Uint8Array(await (await app.request(`/moede/${meetingId}/dagsorden.pdf`)).arrayBuffer()),
    );
    assert.equal(result.parts[0]?.pages, agenda.getPageCount());
  });
});
