/**
 * The public PDFs of a sent agenda are the agenda as sent (issue 13): after sending, an item retitled and
 * an annex removed in the working copy, and the internal PDFs rendered again, /moede/{id}/dagsorden.pdf
 * and bilagspakke.pdf still show what was sent; while the next version's PDFs are made they answer 503
 * "dannes" with Retry-After; once made, the new title. Through the forms and the real worker, both backends.
 */
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { it } from "node:test";
import type { Kysely } from "kysely";
import { agendaDraft, type Database } from "../../../src/store/index.js";
import { createApp } from "../../../src/web/app.js";
import { forEachBackend } from "../../support/stores.js";
import {
  addItemThroughForm,
  draftedThroughForms,
  renderFromBuilder,
  runJobs,
  uploadAnnexThroughForm,
} from "./agenda-support.js";

/** The text of a PDF as pdftotext reads it, lines joined by spaces. */
function pdfText(bytes: ArrayBuffer): string {
  const file = join(mkdtempSync(join(tmpdir(), "raadsinfo-public-pdf-")), "doc.pdf");
  writeFileSync(file, new Uint8Array(bytes));
  return execFileSync("pdftotext", [file, "-"]).toString().replace(/\s+/g, " ");
}

async function publicPdf(db: Kysely<Database>, meetingId: number, name: string) {
  return createApp({ db }).request(`/moede/${meetingId}/${name}`);
}

forEachBackend("web: the public PDFs are the agenda as sent", (store) => {
  it("serves what was sent, not the working copy's unsent changes, and says 'dannes' meanwhile", async () => {
    const { db } = store();
    const drafted = await draftedThroughForms(db, 13);
    const { browser, csrf, meetingId, builder } = drafted;
    const itemId = await addItemThroughForm(db, drafted, "Regionalpolitiske sager", "Vejplan for Vendsyssel");
    for (const title of ["Oversigtskort over Vendsyssel", "Anlægsbudget for vejene"]) {
      await uploadAnnexThroughForm(drafted, itemId, title);
    }
    const itemOf = async () =>
      (await agendaDraft(db, meetingId))?.sections.flatMap((s) => s.items).find((i) => i.id === itemId);

    assert.equal((await browser.post(`/sekretariat/moede/${meetingId}/udsend`, {}, csrf)).status, 303);
    // Sent, not yet rendered: the visitor is told it is being made, and when to come back.
    const waiting = await publicPdf(db, meetingId, "dagsorden.pdf");
    assert.equal(waiting.status, 503);
    assert.equal(waiting.headers.get("retry-after"), "30");
    assert.match(await waiting.text(), /Dagsordenens PDF dannes/);

    // Changes after sending, not sent, made before the worker gets to the public PDFs.
    const item = await itemOf();
    assert.ok(item);
    const retitled = await browser.post(
      `/sekretariat/punkt/${itemId}`,
      { titel: "Vejplan for Vendsyssel og Thy", revision: String(item.revision) },
      csrf,
    );
    assert.equal(retitled.status, 303);
    const removedAnnex = item.annexes.find((a) => a.title === "Anlægsbudget for vejene");
    assert.ok(removedAnnex);
    assert.equal((await browser.post(`/sekretariat/bilag/${removedAnnex.id}/fjern`, {}, csrf)).status, 303);
    await renderFromBuilder(db, drafted);
    await runJobs(db, async () => (await publicPdf(db, meetingId, "bilagspakke.pdf")).status === 200);

    const internal = pdfText(
      await (await browser.get(`/sekretariat/moede/${meetingId}/dagsorden.pdf`)).arrayBuffer(),
    );
    assert.match(internal, /Vejplan for Vendsyssel og Thy/);
    const sentAgenda = await publicPdf(db, meetingId, "dagsorden.pdf");
    assert.equal(sentAgenda.status, 200);
    const agendaText = pdfText(await sentAgenda.arrayBuffer());
    assert.match(agendaText, /Vejplan for Vendsyssel/);
    assert.doesNotMatch(agendaText, /og Thy/);
    const packText = pdfText(await (await publicPdf(db, meetingId, "bilagspakke.pdf")).arrayBuffer());
    assert.match(packText, /Oversigtskort over Vendsyssel/);
    assert.match(packText, /Anlægsbudget for vejene/);

    // Sent again: the addendum's PDFs replace the first version's once made.
    const again = await browser.post(
      `/sekretariat/moede/${meetingId}/udsend`,
      { aendringsnote: "Thy er kommet med i vejplanen; budgettet udgår." },
      csrf,
    );
    assert.equal(again.status, 303);
    assert.equal(again.headers.get("location"), `${builder}?besked=tillaeg`);
    assert.equal((await publicPdf(db, meetingId, "bilagspakke.pdf")).status, 503);
    await runJobs(db, async () => (await publicPdf(db, meetingId, "bilagspakke.pdf")).status === 200);
    const addendum = pdfText(await (await publicPdf(db, meetingId, "dagsorden.pdf")).arrayBuffer());
    assert.match(addendum, /Vejplan for Vendsyssel og Thy/);
    const newPack = pdfText(await (await publicPdf(db, meetingId, "bilagspakke.pdf")).arrayBuffer());
    assert.match(newPack, /Oversigtskort over Vendsyssel/);
    assert.doesNotMatch(newPack, /Anlægsbudget for vejene/);
  });
});
