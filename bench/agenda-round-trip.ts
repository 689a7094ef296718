/**
 * @module The round-trip score of the documents Rådsinfo writes (issue 13): the share of items of
 * rendered agendas (number, title, closed, case number, field text) and of annexes of a built pack (item,
 * annex number, title, first page) that Rådsinfo's own parser reads back exactly; plus the time to render
 * an agenda.
 */
import { resolve } from "node:path";
import { PDFDocument } from "pdf-lib";
import { renderAgendaPdf } from "../src/authoring/render/agenda-pdf.js";
import { buildAnnexPack } from "../src/authoring/render/annex-pack.js";
import {
  expectedAgendaItems,
  expectedPackAnnexes,
  parsedAgendaItems,
  parsedPackAnnexes,
  roundTripScore,
} from "../src/authoring/render/round-trip.js";
import type { AgendaDocument, AnnexPackInput } from "../src/domain/index.js";
import { kkrAgenda, longAgenda, smallAgenda } from "../test/authoring/render/sample-agendas.js";
import { makeAnnexPdf, realAnnexes, realPdfPages } from "../test/authoring/render/sample-annexes.js";
import { type BenchOptions, type Figure, notAvailable } from "./figure.js";
import { loadIngest } from "./pieces.js";
import { step } from "./progress.js";
import { median, round } from "./stats.js";

export async function run(options: BenchOptions): Promise<Figure[]> {
  const ingest = await loadIngest();
  if (!ingest.ok) {
    return [
      notAvailable("agenda round trip: items read back exactly", "%", ingest.reason, "100 %"),
      notAvailable("annex pack round trip: annexes read back exactly", "%", ingest.reason, "100 %"),
    ];
  }
  const parser = ingest.value;
  const ingestOptions = await parser.loadIngestOptions();
  const parse = async (file: string, bytes: Uint8Array) =>
    parser.parseSource({ file, bytes, sha256: file }, ingestOptions);

  const agendas: AgendaDocument[] = [
    kkrAgenda("public"),
    kkrAgenda("internal"),
    smallAgenda(),
    longAgenda(options.quick ? 3 : 6, options.quick ? 4 : 8),
  ];
  let expectedItems = 0;
  let recoveredItems = 0;
  const renderTimes: number[] = [];
  const misses: string[] = [];
  for (const agenda of agendas) {
    step(`agenda round trip: ${agenda.body}, ${agenda.sections.length} sections, ${agenda.edition}`);
    const t0 = performance.now();
    const pdf = renderAgendaPdf(agenda);
    renderTimes.push(performance.now() - t0);
    const score = roundTripScore(
      expectedAgendaItems(agenda),
      parsedAgendaItems(await parse("dagsorden.pdf", pdf)),
    );
    expectedItems += score.expected;
    recoveredItems += score.recovered;
    misses.push(...score.missed.map((item) => item.number));
  }

  step("annex pack round trip");
  const realDir = resolve(options.seedsDir, "..", "real-pdf");
  const real = (file: string, pages: number) => realPdfPages(file, pages, realDir);
  const pack: AnnexPackInput = {
    body: "KKR Nordjylland",
    meetingDate: "2024-09-20",
    annexes: [
      ...(await realAnnexes(4, 8, realDir)),
      {
        itemNumber: "2.3",
        annexNumber: 1,
        title: "Det nære sundhedsvæsen",
        pdf: await real("kl-det-naere-sundhedsvaesen-2012-bilag.pdf", options.quick ? 10 : 30),
      },
      ...(await Promise.all(
        Array.from({ length: options.quick ? 4 : 12 }, async (_, n) => ({
          itemNumber: `3.${Math.floor(n / 2) + 1}`,
          annexNumber: (n % 2) + 1,
          title: `Notat om ${["biokul", "lærepladser", "kystsikring", "færger"][n % 4]} nr. ${n + 1}`,
          pdf: await makeAnnexPdf(`Notat nr. ${n + 1}`, (n % 3) + 1),
        })),
      )),
    ],
  };
  const built = await buildAnnexPack(pack);
  const counts = await Promise.all(
    pack.annexes.map(async (a) => (await PDFDocument.load(a.pdf)).getPageCount()),
  );
  const contentsPages =
    (await PDFDocument.load(built)).getPageCount() - counts.reduce((sum, n) => sum + n, 0);
  const annexScore = roundTripScore(
    expectedPackAnnexes(pack, counts, contentsPages),
    parsedPackAnnexes(await parse("bilag.pdf", built)),
  );

  return [
    {
      name: "agenda round trip: items read back exactly",
      value: round((100 * recoveredItems) / Math.max(1, expectedItems), 1),
      unit: "%",
      target: ">= 100",
      note: `${recoveredItems} of ${expectedItems} items in ${agendas.length} agendas${misses.length > 0 ? `; missed ${misses.slice(0, 8).join(", ")}` : ""}`,
    },
    {
      name: "annex pack round trip: annexes read back exactly",
      value: round((100 * annexScore.recovered) / Math.max(1, annexScore.expected), 1),
      unit: "%",
      target: ">= 100",
      note: `${annexScore.recovered} of ${annexScore.expected} annexes, ${counts.reduce((s, n) => s + n, 0) + contentsPages} pages (real, scanned, made)`,
    },
    {
      name: "agenda PDF: render time (median)",
      value: round(median(renderTimes), 0),
      unit: "ms",
      note: `Typst, ${agendas.length} agendas`,
    },
  ];
}
