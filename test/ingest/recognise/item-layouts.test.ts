/**
 * @module Items in the numbering layouts of other councils' publishers, on the real excerpts in
 * ../shared/real-world and the FirstAgenda minutes in ../shared/real-pdf.
 */
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { before, describe, test } from "node:test";
import { fileURLToPath } from "node:url";
import type { ParsedDocument } from "../../../src/domain/index.js";
import { loadIngestOptions, parseSource, readSourceFile } from "../../../src/ingest/index.js";
import { parseCaseMarkLine, parseItemLine } from "../../../src/ingest/recognise/item-lines.js";
import type { IngestOptions } from "../../../src/ingest/types.js";

const shared = resolve(dirname(fileURLToPath(import.meta.url)), "..", "..", "..", "..", "shared");
const realWorld = (name: string) => join(shared, "real-world", name);

/** A line of a real excerpt, normalised as the line view normalises it; fails when the file lacks it. */
function realLine(file: string, starts: string): string {
  const line = readFileSync(realWorld(file), "utf8")
    .split("\n")
    .map((text) => text.replace(/\s+/g, " ").trim())
    .find((text) => text.startsWith(starts));
  assert.ok(line, `${file} has a line starting "${starts}"`);
  return line;
}

let options: IngestOptions;
const parsed = new Map<string, ParsedDocument>();
async function parse(path: string): Promise<ParsedDocument> {
  const known = parsed.get(path);
  if (known) return known;
  const doc = await parseSource(await readSourceFile(path), options);
  parsed.set(path, doc);
  return doc;
}
const numbers = (doc: ParsedDocument) => doc.items.map((item) => item.number);
const titles = (doc: ParsedDocument) => doc.items.map((item) => item.title);
const closedNumbers = (doc: ParsedDocument) => doc.items.filter((i) => i.closed).map((i) => i.number);

describe("item lines in other publishers' layouts", () => {
  test("numbering shapes: Punkt, running numbers, Pkt., glued, status first, bare number", () => {
    const cases: [string, string, string, string, boolean][] = [
      ["01.txt", "49. Godkendelse", "49", "Godkendelse af dagsorden til mødet den 4. juni 2020", false],
      ["03.txt", "• Pkt. 15", "15", "Beslutninger om dagsordenen", false],
      ["06.txt", "32Orientering", "32", "Orientering om sag vedr. kontraktforlængelse (Lukket punkt)", true],
      ["18.txt", "lukket 10", "10", "Lukket punkt", true],
      ["18.txt", "åbent 2 To-årig", "2", realLine("18.txt", "åbent 2 To-årig").slice(8), false],
      [
        "19.txt",
        "• 1 Præsentation",
        "1",
        "Præsentation af veterankoordinator-funktionen i Viborg Kommune",
        false,
      ],
      ["12.txt", "10. LUKKET PUNKT", "10", "LUKKET PUNKT - Salg af arealer", true],
    ];
    for (const [file, starts, number, title, closed] of cases) {
      const line = parseItemLine(realLine(file, starts));
      assert.deepEqual(
        [line?.number, line?.title, line?.closed],
        [number, title, closed],
        `${file}: ${starts}`,
      );
    }
  });

  test("a date, a list entry that reads as a sentence and a case line are no item headings", () => {
    assert.equal(parseItemLine("27. august 2025 om magistratsbehandling af forslaget."), null);
    assert.equal(parseItemLine(realLine("06.txt", "1. De vedlagte")), null);
    assert.equal(parseItemLine(realLine("04.txt", "1. Udendørs arbejde")), null);
    assert.equal(parseItemLine(realLine("01.txt", "1. dagsorden")), null);
    assert.equal(parseCaseMarkLine(realLine("05.txt", "85.02.02")), "85.02.02-G01-5-17");
    assert.equal(parseCaseMarkLine(realLine("18.txt", "00.32.10")), "00.32.10P19-0010");
    assert.equal(parseCaseMarkLine(realLine("10.txt", "Sagnr.:")), "1-51-71-3321-08");
    assert.equal(parseCaseMarkLine(realLine("12.txt", "Sagsnr. 16/34038")), "16/34038");
  });
});

describe("items of real minutes and agendas", () => {
  before(async () => {
    options = await loadIngestOptions();
  });

  test("FirstAgenda 'Punkt N: Title': 21 items, case numbers, 'Lukket:' closes item 21", async () => {
    const doc = await parse(join(shared, "real-pdf", "aarhus-byraad-2025-08-27-referat.pdf"));
    assert.deepEqual(
      numbers(doc),
      Array.from({ length: 21 }, (_, index) => String(index + 1)),
    );
    assert.equal(doc.items[0]?.title, "Godkendelse af dagsorden");
    assert.equal(doc.items[0]?.caseNumber, "EMN-2023-009832");
    assert.equal(doc.items[20]?.title, "Køb af landbrugsejendom");
    assert.deepEqual(closedNumbers(doc), ["21"]);
  });

  test("running numbers of the year, named again by the contents list under PUNKTER", async () => {
    const doc = await parse(realWorld("01.txt"));
    assert.deepEqual(numbers(doc), ["49", "50", "51", "52", "53", "54", "55", "56", "57", "58"]);
    assert.equal(doc.items[9]?.title, "Underskriftsark");
    assert.ok(Object.keys(doc.items[0]?.fields ?? {}).length > 0, "the body item keeps its fields");
  });

  test("a KLE line above '131. Title' is the item's case, not an item", async () => {
    const doc = await parse(realWorld("05.txt"));
    assert.deepEqual(titles(doc), ["Godkendelse af dagsorden", "Højdevej 13 - Byggesag i partshøring"]);
    assert.deepEqual(numbers(doc), ["131", "132"]);
    assert.equal(doc.items[1]?.caseNumber, "02.34.02-P19-12-20");
  });

  test("a number glued to its title, and a list inside an item left as its text", async () => {
    const doc = await parse(realWorld("06.txt"));
    assert.deepEqual(numbers(doc), ["31", "32", "33"]);
    assert.deepEqual(closedNumbers(doc), ["32"]);
  });

  test("'LUKKET PUNKT - ' items of a contents list with no body behind them", async () => {
    const doc = await parse(realWorld("12.txt"));
    assert.equal(doc.items.length, 11);
    assert.deepEqual(closedNumbers(doc), ["10", "11"]);
  });

  test("a contents list flattened onto one line: 'N (Åben) Title ....p'", async () => {
    const doc = await parse(realWorld("17.txt"));
    assert.equal(doc.items.length, 12);
    assert.equal(doc.items[5]?.title, "I/S Vestforbrænding, godkendelse af låneramme");
    assert.equal(doc.items[1]?.title, "Lokalplan 367 for Gyldenlundsvej 43 -57. Endelig vedtagelse");
  });

  test("status words before the numbers, and a bare number heading with its KLE line", async () => {
    const doc = await parse(realWorld("18.txt"));
    assert.equal(doc.items.length, 10);
    assert.deepEqual(closedNumbers(doc), ["10"]);
    assert.equal(doc.items[0]?.caseNumber, "00.32.10P19-0010");
  });

  test("'Pkt. 15' and 'Sag nr. 162' with the title on the next or the line before", async () => {
    const roskilde = await parse(realWorld("03.txt"));
    assert.deepEqual(numbers(roskilde), ["15", "16", "17"]);
    const roedovre = await parse(realWorld("23.txt"));
    assert.deepEqual(
      roedovre.items.map((item) => [item.number, item.title]),
      [
        ["162", "Meddelelser"],
        ["163", "Lokalplan 154 Nord for Else Sørensens Vej - Endelig vedtagelse"],
      ],
    );
  });

  test("items printed without numbers have number null", async () => {
    const magistrat = await parse(realWorld("25.txt"));
    assert.deepEqual(
      magistrat.items.map((item) => [item.number, item.title]),
      [
        [null, "Referat fra Magistratens møde den 20. januar 2020"],
        [null, "Indstilling om forslag fra Almaz Mengesha om udbudsstrategi"],
      ],
    );
    const portalPage = await parse(realWorld("08.txt"));
    assert.deepEqual(titles(portalPage), ["Godkendelse af dagsordenen"]);
    assert.equal(portalPage.kind, "minutes");
  });

  test("items whose titles the text lost are not made up", async () => {
    for (const file of ["20.txt", "21.txt", "24.txt"]) {
      assert.deepEqual(titles(await parse(realWorld(file))), [], file);
    }
  });
});
