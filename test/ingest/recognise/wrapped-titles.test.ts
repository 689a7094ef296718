/**
 * @module Item titles that wrap onto a second line: in a PDF the continuation is set like the heading,
 * in plain text it reads as the rest of the phrase. Lines from the FirstAgenda minutes of Aarhus Byråd
 * (../shared/real-pdf) and the saved pages in ../shared/real-world.
 */
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { before, describe, test } from "node:test";
import { fileURLToPath } from "node:url";
import { loadIngestOptions, parseSource, readSourceFile } from "../../../src/ingest/index.js";
import { parseExtracted } from "../../../src/ingest/parse.js";
import type { ExtractedDocument, IngestOptions, SourceLine } from "../../../src/ingest/types.js";
import { letterWordOptions, toDocument } from "../../support/source-lines.js";

const shared = resolve(dirname(fileURLToPath(import.meta.url)), "..", "..", "..", "..", "shared");
const aarhusPdf = join(shared, "real-pdf", "aarhus-byraad-2025-08-27-referat.pdf");

interface GoldItem {
  readonly number: string;
  readonly title: string;
  readonly closed: boolean;
}

/** Two items of the Aarhus minutes as the PDF sets them: heading 16.3 pt bold, field 13.6 pt bold, body 10.9 pt. */
function aarhusLines(secondLineStyle: { fontSize: number; bold: boolean }): ExtractedDocument {
  const heading = { fontSize: 16.3, bold: true };
  const field = { fontSize: 13.6, bold: true };
  const body = { fontSize: 10.9, bold: false };
  const rows: [string, { fontSize: number; bold: boolean }][] = [
    ["REFERAT Aarhus Byråd d. 27-08-2025", { fontSize: 21.8, bold: true }],
    ["Punkt 6: Svar på forslag fra RV om politik og handlingsplan mod", heading],
    ["diskrimination i Aarhus", secondLineStyle],
    ["EMN-2025-000517", body],
    ["Beslutninger", field],
    [
      "Tilbagesendes Borgmesterens Afdeling med bemærkning, at byrådet i sit møde den 27. august 2025 har vedtaget",
      body,
    ],
    [
      "Magistratens indstilling i overensstemmelse med erklæring fra Økonomi- og Erhvervsudvalget af 20. august 2025.",
      body,
    ],
    ["Punkt 8: Afsluttede anlægsregnskaber for Teknik og Miljø 2024", heading],
    ["EMN-2025-005495", body],
    ["Beslutninger", field],
    [
      "Tilbagesendes Magistratsafdelingen for Teknik og Miljø med bemærkning, at byrådet i sit møde den 27. august 2025 har",
      body,
    ],
    ["vedtaget Magistratens foranstående indstilling af 12. august 2025.", body],
  ];
  const lines: SourceLine[] = rows.map(([text, style], index) => ({
    line: index + 1,
    page: 1,
    text,
    ...style,
  }));
  return { format: "pdf", pages: 1, lines, notes: [] };
}

const parseLines = (doc: ExtractedDocument) =>
  parseExtracted({ file: "x", sha256: "0".repeat(64) }, doc, letterWordOptions);

describe("titles wrapped onto a second line", () => {
  let options: IngestOptions;
  before(async () => {
    options = await loadIngestOptions();
  });

  test("the Aarhus minutes: 21 items with their titles as printed, item 21 closed", async () => {
    const gold = JSON.parse(readFileSync(aarhusPdf.replace(/\.pdf$/, ".json"), "utf8")) as {
      items: GoldItem[];
    };
    const doc = await parseSource(await readSourceFile(aarhusPdf), options);
    assert.deepEqual(
      doc.items.map((item) => [item.number, item.title, item.closed === true]),
      gold.items.map((item) => [item.number, item.title, item.closed]),
    );
    // "ny 2030-" / "fremskrivning": a hyphen after a digit stays, with no space after it.
    assert.equal(
      doc.items[6]?.title,
      "Afrapportering på klimaregnskab samt orientering om ny 2030-fremskrivning",
    );
  });

  test("a PDF heading's second line in the heading's type joins; one in body type does not", () => {
    const joined = parseLines(aarhusLines({ fontSize: 16.3, bold: true }));
    assert.deepEqual(
      joined.items.map((item) => item.title),
      [
        "Svar på forslag fra RV om politik og handlingsplan mod diskrimination i Aarhus",
        "Afsluttede anlægsregnskaber for Teknik og Miljø 2024",
      ],
    );
    assert.equal(joined.items[0]?.caseNumber, "EMN-2025-000517");
    const apart = parseLines(aarhusLines({ fontSize: 10.9, bold: false }));
    assert.equal(
      apart.items[0]?.title,
      "Svar på forslag fra RV om politik og handlingsplan mod",
      "a line in body type is the item's text, however it begins",
    );
  });

  test("plain text: a short line that goes on with the phrase joins the title", () => {
    const doc = parseLines(
      toDocument([
        "Referat Aarhus Byråd d. 27-08-2025",
        "Punkt 7: Afrapportering på klimaregnskab samt orientering om ny 2030-",
        "fremskrivning",
        "EMN-2025-008528",
        "Beslutninger",
        "Tilbagesendes Magistratsafdelingen for Teknik og Miljø og Borgmesterens Afdeling med bemærkning, at byrådet i sit",
        "møde den 27. august 2025 har vedtaget Magistratens foranstående indstilling af 19. august 2025.",
        "Punkt 8: Afsluttede anlægsregnskaber for Teknik og Miljø 2024",
        "vedtaget Magistratens foranstående indstilling af 12. august 2025.",
        "Beslutninger",
        "Godkendt.",
        "Punkt 17: Forslag fra DD og LA om Aarhus som testkommune for",
        "selvkørende biler",
        "EMN-2025-008893",
        "Beslutninger",
        "Godkendt.",
      ]),
    );
    assert.deepEqual(
      doc.items.map((item) => item.title),
      [
        "Afrapportering på klimaregnskab samt orientering om ny 2030-fremskrivning",
        "Afsluttede anlægsregnskaber for Teknik og Miljø 2024",
        "Forslag fra DD og LA om Aarhus som testkommune for selvkørende biler",
      ],
      "a sentence under a short title is the item's text",
    );
  });

  test("plain text: a line that ends in a field heading opens the item's text (real-world/12)", async () => {
    const doc = await parseSource(await readSourceFile(join(shared, "real-world", "12.txt")), options);
    assert.equal(doc.items[0]?.title, "Orientering om høring af national demenshandlingsplan 2025");
  });
});
