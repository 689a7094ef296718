/**
 * The round trip of issue 13: the agenda PDF and the annex pack PDF, read back by Rådsinfo's own parser,
 * give the same items (number, title, closed, case number, fields) and the same annex documents (item,
 * annex number, title, first page), for every agenda the tests build.
 */
import assert from "node:assert/strict";
import { createHash } from "node:crypto";
import { describe, it } from "node:test";
import { PDFDocument } from "pdf-lib";
import { renderAgendaPdf } from "../../../src/authoring/render/agenda-pdf.js";
import { buildAnnexPack } from "../../../src/authoring/render/annex-pack.js";
import { convertDocxToPdf } from "../../../src/authoring/render/docx-to-pdf.js";
import {
  expectedAgendaItems,
  expectedPackAnnexes,
  parsedAgendaItems,
  parsedPackAnnexes,
} from "../../../src/authoring/render/round-trip.js";
import type { AgendaDocument, AnnexPackInput, ParsedDocument } from "../../../src/domain/index.js";
import { loadIngestOptions, parseSource } from "../../../src/ingest/index.js";
import { makeDocx } from "../../support/make-files.js";
import { kkrAgenda, longAgenda, smallAgenda, templateAgenda } from "./sample-agendas.js";
import { makeAnnexPdf, realAnnexes, realPdfPages } from "./sample-annexes.js";

async function parsePdf(file: string, bytes: Uint8Array): Promise<ParsedDocument> {
  const sha256 = createHash("sha256").update(bytes).digest("hex");
  return parseSource({ file, bytes, sha256 }, await loadIngestOptions());
}

const AGENDAS: readonly [string, () => AgendaDocument][] = [
  [
    "KKR Nordjylland, public edition (closed item, table, lists, æøå, three sections and Eventuelt)",
    () => kkrAgenda("public"),
  ],
  ["KKR Nordjylland, internal edition (the closed item in full)", () => kkrAgenda("internal")],
  ["the KKR Nordjylland template (empty sections, a section whose one item bears its title)", templateAgenda],
  ["a second version with a change note and no participants", smallAgenda],
  ["a long agenda of 4 sections with 6 items each", () => longAgenda(4, 6)],
];

describe("agenda round trip", () => {
  for (const [name, make] of AGENDAS) {
    it(`reads back every item of ${name}`, async () => {
      const agenda = make();
      const parsed = await parsePdf("dagsorden.pdf", renderAgendaPdf(agenda));
      assert.equal(parsed.kind, "agenda");
      assert.equal(parsed.body, agenda.body);
      assert.deepEqual(parsedAgendaItems(parsed), expectedAgendaItems(agenda));
      assert.deepEqual(
        parsed.sections.map((section) => [section.number, section.title]),
        agenda.sections.map((section) => [section.number, section.title]),
      );
      assert.equal(parsed.meeting?.date, agenda.meeting.date);
      assert.equal(parsed.meeting?.startTime, agenda.meeting.startTime);
      assert.equal(parsed.meeting?.endTime, agenda.meeting.endTime);
      assert.equal(parsed.meeting?.location, agenda.meeting.location);
      const people = (list: readonly { name: string; party: string | null; municipality: string | null }[]) =>
        list.map((p) => [p.name, p.party, p.municipality]);
      assert.deepEqual(people(parsed.attendance.present), people(agenda.participants));
      assert.deepEqual(people(parsed.attendance.absent), people(agenda.absences));
    });
  }

  it("counts the annexes of each item as './.' markers", async () => {
    const agenda = kkrAgenda("internal");
    const parsed = await parsePdf("dagsorden.pdf", renderAgendaPdf(agenda));
    const markers = Object.fromEntries(parsed.items.map((item) => [item.number, item.annexMarkers]));
    for (const item of agenda.sections.flatMap((section) => section.items)) {
      assert.equal(markers[item.number], item.annexes.length, item.number);
    }
  });
});

describe("annex pack round trip", () => {
  it("reads back every annex of a pack of real PDFs, a scanned one and a converted DOCX", async () => {
    const docx = await convertDocxToPdf(
      makeDocx([
        "Høringssvar om kollektiv trafik",
        "KKR Nordjylland støtter forslaget om flere busser på Læsø.",
      ]),
      { name: "Høringssvar.docx" },
    );
    const input: AnnexPackInput = {
      body: "KKR Nordjylland",
      meetingDate: "2024-09-20",
      annexes: [
        ...(await realAnnexes(4, 3)),
        {
          itemNumber: "2.3",
          itemTitle: "Drøftelse af rammerne for det fremtidige tværkommunale samarbejde i KKR",
          annexNumber: 1,
          title: "Det nære sundhedsvæsen",
          pdf: await realPdfPages("kl-det-naere-sundhedsvaesen-2012-bilag.pdf", 6),
        },
        { itemNumber: "3.1", itemTitle: "Kollektiv trafik", annexNumber: 1, title: "Høringssvar", pdf: docx },
        {
          itemNumber: "3.1",
          itemTitle: "Kollektiv trafik",
          annexNumber: 2,
          title: "Køreplan for ø-færgerne, æøå ÆØÅ",
          pdf: await makeAnnexPdf("Køreplan for ø-færgerne", 2),
        },
      ],
    };
    const pack = await buildAnnexPack(input);
    const counts = await Promise.all(
      input.annexes.map(async (a) => (await PDFDocument.load(a.pdf)).getPageCount()),
    );
    const total = (await PDFDocument.load(pack)).getPageCount();
    const contentsPages = total - counts.reduce((sum, count) => sum + count, 0);
    assert.equal(contentsPages, 1);
    const parsed = await parsePdf("bilag.pdf", pack);
    assert.equal(parsed.kind, "annex-pack");
    assert.equal(parsed.body, "KKR Nordjylland");
    assert.equal(parsed.meeting?.date, "2024-09-20");
    assert.deepEqual(parsedPackAnnexes(parsed), expectedPackAnnexes(input, counts, contentsPages));
  });
});
