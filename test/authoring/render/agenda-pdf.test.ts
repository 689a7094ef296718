/** The agenda PDF: tagged, titled, in Danish; the public edition shows a closed item as "Lukket punkt" only. */
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { PDFDocument, PDFName } from "pdf-lib";
import { attendeeLine, renderAgendaPdf, visibleItem } from "../../../src/authoring/render/agenda-pdf.js";
import { loadIngestOptions, parseSource } from "../../../src/ingest/index.js";
import { kkrAgenda, smallAgenda } from "./sample-agendas.js";

describe("renderAgendaPdf", () => {
  it("writes a tagged PDF with title and language da", async () => {
    const pdf = renderAgendaPdf(kkrAgenda());
    const doc = await PDFDocument.load(pdf, { updateMetadata: false });
    assert.equal(doc.getTitle(), "Dagsorden, KKR Nordjylland, 20. september 2024");
    assert.equal(String(doc.catalog.get(PDFName.of("Lang"))), "(da-DK)");
    assert.ok(doc.catalog.get(PDFName.of("StructTreeRoot")), "a structure tree");
    assert.ok(doc.getPageCount() >= 5);
  });

  it("keeps a closed item's title, case and fields out of the public edition", async () => {
    const options = await loadIngestOptions();
    const textOf = async (pdf: Uint8Array) =>
      (await parseSource({ file: "dagsorden.pdf", bytes: pdf, sha256: "0" }, options)).text;
    const publicText = await textOf(renderAgendaPdf(kkrAgenda("public")));
    const internalText = await textOf(renderAgendaPdf(kkrAgenda("internal")));
    for (const secret of ["genbrugsplads", "SAG-2024-04410", "Forhandlingerne"]) {
      assert.ok(!publicText.includes(secret), secret);
      assert.ok(internalText.includes(secret), secret);
    }
    assert.ok(publicText.includes("2.2. Lukket punkt"));
  });

  it("prints Typst markup in the secretariat's text as text", async () => {
    const agenda = smallAgenda();
    const title = 'Budget #panic("x") $a$ *b* _c_ @ref <lbl> [d] \\ `e`';
    const first = agenda.sections[0]?.items[0];
    assert.ok(first);
    const tricky = {
      ...agenda,
      sections: [
        {
          ...agenda.sections[0],
          number: "1",
          title: "Sager",
          items: [{ ...first, title, fields: { indstilling: title } }],
        },
      ],
    };
    const parsed = await parseSource(
      { file: "d.pdf", bytes: renderAgendaPdf(tricky), sha256: "0" },
      await loadIngestOptions(),
    );
    assert.equal(parsed.items[0]?.title, title);
    assert.equal(parsed.items[0]?.fields.indstilling, title);
  });

  it("renders a second version with its change note and an agenda without participants", async () => {
    const doc = await PDFDocument.load(renderAgendaPdf(smallAgenda()), { updateMetadata: false });
    assert.ok(doc.getPageCount() >= 3);
  });
});

describe("visibleItem and attendeeLine", () => {
  it("reduces a closed item in the public edition and marks it in the internal one", () => {
    const closed = kkrAgenda().sections[1]?.items[1];
    assert.ok(closed?.closed);
    assert.deepEqual(
      { ...visibleItem(closed, "public") },
      { ...closed, title: "Lukket punkt", caseNumber: null, caseInitials: [], fields: {}, annexes: [] },
    );
    assert.equal(visibleItem(closed, "internal").title, `Lukket punkt: ${closed.title}`);
  });

  it("writes attendees as the KKR lists do", () => {
    assert.equal(
      attendeeLine({ name: "Anna Aaen", party: "Ø", municipality: "Aalborg" }),
      "Anna Aaen (Ø) Aalborg Kommune",
    );
    assert.equal(
      attendeeLine({ name: "Anna Aaen", party: null, municipality: "Aalborg" }),
      "Anna Aaen, Aalborg Kommune",
    );
    assert.equal(attendeeLine({ name: "Anna Aaen", party: "Ø", municipality: null }), "Anna Aaen (Ø)");
  });
});
