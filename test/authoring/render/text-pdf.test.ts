/** Text originals as PDF pages: lines kept, long lines wrapped, a form feed starts a page, æøå read back. */
import assert from "node:assert/strict";
import { createHash } from "node:crypto";
import { it } from "node:test";
import { PDFDocument } from "pdf-lib";
import { renderTextPdf } from "../../../src/authoring/render/text-pdf.js";
import { loadIngestOptions, parseSource } from "../../../src/ingest/index.js";

async function pageCount(pdf: Uint8Array): Promise<number> {
  return (await PDFDocument.load(pdf)).getPageCount();
}

it("sets a short text on one page with its title, and an empty text on one blank page", async () => {
  const pdf = await renderTextPdf("Referat\n\n1.1 Godkendelse af dagsorden", { title: "Referat" });
  const doc = await PDFDocument.load(pdf);
  assert.equal(doc.getPageCount(), 1);
  assert.equal(doc.getTitle(), "Referat");
  assert.equal(await pageCount(await renderTextPdf("", { title: "Tom" })), 1);
});

it("breaks pages when they are full and at each form feed, and gives the same bytes for the same text", async () => {
  const lines = Array.from({ length: 120 }, (_, i) => `Linje ${i + 1}`).join("\n");
  // 54 lines a page: 120 lines take three pages.
  assert.equal(await pageCount(await renderTextPdf(lines, { title: "Lang" })), 3);
  assert.equal(await pageCount(await renderTextPdf("Side 1\fSide 2\n\fSide 3", { title: "Sider" })), 3);
  const once = await renderTextPdf(lines, { title: "Lang" });
  const again = await renderTextPdf(lines, { title: "Lang" });
  assert.deepEqual(once, again);
});

it("wraps a long line at spaces and keeps Danish letters readable for the importer", async () => {
  const long = `${"Kommunerne i Nordjylland vil nedbringe CO2-udledningen med 70 procent. ".repeat(12)}Slut.`;
  const text = `Økonomi og tidsplan\n${long}\nÆblegrød på Ærø, så må åen vente.`;
  const pdf = await renderTextPdf(text, { title: "Bilag 1: Notat om æøå" });
  const parsed = await parseSource(
    { file: "tekst.pdf", bytes: pdf, sha256: createHash("sha256").update(pdf).digest("hex") },
    await loadIngestOptions(),
  );
  const read = parsed.text.replace(/\s+/g, " ");
  assert.match(read, /Økonomi og tidsplan/);
  assert.match(read, /Æblegrød på Ærø, så må åen vente\./);
  assert.match(read, /70 procent\. Slut\./);
});
