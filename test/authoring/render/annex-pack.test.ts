/** The annex pack: contents, stamps on pages of every size and turn, bookmarks, progress, and one Danish error per broken annex. */
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { PDFDict, PDFDocument, PDFName, PDFNumber } from "pdf-lib";
import { buildAnnexPack } from "../../../src/authoring/render/annex-pack.js";
import { isRenderError } from "../../../src/authoring/render/render-error.js";
import type { AnnexPackEntry } from "../../../src/domain/index.js";
import { loadIngestOptions, parseSource } from "../../../src/ingest/index.js";
import { makeEncryptedPdf } from "../../support/make-files.js";
import { makeAnnexPdf } from "./sample-annexes.js";

const BASE = { body: "KKR Nordjylland", meetingDate: "2024-09-20" } as const;

async function annexes(): Promise<AnnexPackEntry[]> {
  return [
    {
      itemNumber: "2.1",
      itemTitle: "Status fra KlimaNord",
      annexNumber: 1,
      title: "Notat om biokul",
      pdf: await makeAnnexPdf("Notat om biokul", 3),
    },
    {
      itemNumber: "2.1",
      itemTitle: "Status fra KlimaNord",
      annexNumber: 2,
      title: "Tegning i A3",
      pdf: await makeAnnexPdf("Tegning i A3", 1, { size: [1191, 842] }),
    },
    {
      itemNumber: "3.2",
      itemTitle: "Lærepladser",
      annexNumber: 1,
      title: "Lille seddel",
      pdf: await makeAnnexPdf("Lille seddel", 1, { size: [298, 420] }),
    },
    {
      itemNumber: "3.2",
      itemTitle: "Lærepladser",
      annexNumber: 2,
      title: "Vendt side",
      pdf: await makeAnnexPdf("Vendt side", 2, { rotate: 90 }),
    },
  ];
}

describe("buildAnnexPack", () => {
  it("puts a linked contents page first, then every annex page, and reports progress", async () => {
    const progress: string[] = [];
    const pdf = await buildAnnexPack(
      { ...BASE, annexes: await annexes() },
      { onProgress: ({ done, total }) => progress.push(`${done}/${total}`) },
    );
    const doc = await PDFDocument.load(pdf);
    assert.equal(doc.getPageCount(), 1 + 3 + 1 + 1 + 2);
    assert.deepEqual(progress, ["1/4", "2/4", "3/4", "4/4"]);
    assert.equal(doc.getTitle(), "Bilag, KKR Nordjylland, 20. september 2024");
    // Each contents line (two items, four annexes) links to its page.
    const annots = doc.getPage(0).node.Annots();
    assert.equal(annots?.size(), 6);
  });

  it("bookmarks the contents, each item and each annex under its item", async () => {
    const doc = await PDFDocument.load(await buildAnnexPack({ ...BASE, annexes: await annexes() }));
    const outlines = doc.catalog.lookup(PDFName.of("Outlines"), PDFDict);
    // Contents, two items, four annexes.
    assert.equal(outlines.lookup(PDFName.of("Count"), PDFNumber).asNumber(), 7);
    const titles: string[] = [];
    let entry = outlines.lookupMaybe(PDFName.of("First"), PDFDict);
    while (entry) {
      titles.push(String(entry.get(PDFName.of("Title"))));
      entry = entry.lookupMaybe(PDFName.of("Next"), PDFDict);
    }
    assert.equal(titles.length, 3);
  });

  it("stamps pages of any size and turn so the importer finds every annex on its first page", async () => {
    const pdf = await buildAnnexPack({ ...BASE, annexes: await annexes() });
    const parsed = await parseSource(
      { file: "bilag.pdf", bytes: pdf, sha256: "0" },
      await loadIngestOptions(),
    );
    assert.equal(parsed.kind, "annex-pack");
    assert.deepEqual(
      parsed.documents.map((d) => [d.itemNumber, d.annexNumber, d.title, d.source.pageStart]),
      [
        ["2.1", 1, "Notat om biokul", 2],
        ["2.1", 2, "Tegning i A3", 5],
        ["3.2", 1, "Lille seddel", 6],
        ["3.2", 2, "Vendt side", 7],
      ],
    );
    assert.match(parsed.text, /2\.1 Bilag 1: Notat om biokul/);
  });

  it("names a damaged annex in one Danish line", async () => {
    const list = await annexes();
    const broken = [
      ...list.slice(0, 1),
      { ...(list[1] as AnnexPackEntry), pdf: new TextEncoder().encode("%PDF-1.7 ikke en pdf") },
    ];
    await assert.rejects(buildAnnexPack({ ...BASE, annexes: broken }), (error: unknown) => {
      assert.ok(isRenderError(error));
      assert.equal(error.code, "annex-damaged");
      assert.equal(
        error.message,
        'Bilag 2 til punkt 2.1 ("Tegning i A3") er ikke en læsbar PDF og kan ikke samles i bilagspakken.',
      );
      return true;
    });
  });

  it("names an encrypted annex", async () => {
    const [first] = await annexes();
    await assert.rejects(
      buildAnnexPack({ ...BASE, annexes: [{ ...(first as AnnexPackEntry), pdf: makeEncryptedPdf() }] }),
      /Bilag 1 til punkt 2\.1 \("Notat om biokul"\) er en krypteret PDF/,
    );
  });
});
