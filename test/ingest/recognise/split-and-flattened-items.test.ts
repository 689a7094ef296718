/**
 * @module Items where the extraction broke the layout: a contents list whose number and title columns came
 * apart (real-world/15, a KKR agenda as a transcription of its PDF), and pages flattened onto one line
 * each with the item headings inside (real-world/16, Fredericia's minutes as docplayer.dk stores them).
 */
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { before, describe, test } from "node:test";
import { fileURLToPath } from "node:url";
import { loadIngestOptions, parseSource, readSourceFile } from "../../../src/ingest/index.js";
import { recogniseFlattenedItems } from "../../../src/ingest/recognise/flattened-items.js";
import { buildLineView } from "../../../src/ingest/recognise/line-view.js";
import { readSplitContents } from "../../../src/ingest/recognise/split-contents.js";
import type { IngestOptions } from "../../../src/ingest/types.js";
import { toLines } from "../../support/source-lines.js";

const shared = resolve(dirname(fileURLToPath(import.meta.url)), "..", "..", "..", "..", "shared");
const realWorld = (name: string) => join(shared, "real-world", name);
const realLines = (name: string) => readFileSync(realWorld(name), "utf8").split("\n");

interface Gold {
  readonly items: readonly { number: string; title: string; closed: boolean }[];
  readonly sections?: readonly { number: string; title: string }[];
}
const gold = (name: string) => JSON.parse(readFileSync(realWorld(name), "utf8")) as Gold;

describe("a contents list whose numbers and titles came apart", () => {
  let options: IngestOptions;
  before(async () => {
    options = await loadIngestOptions();
  });

  test("real-world/15: numbers in blocks, titles after them, paired by outline order and page", async () => {
    const doc = await parseSource(await readSourceFile(realWorld("15.txt")), options);
    const expected = gold("15.json");
    assert.deepEqual(
      doc.items.map((item) => [item.number, item.title]),
      expected.items.map((item) => [item.number, item.title]),
    );
    assert.deepEqual(doc.sections, expected.sections);
    assert.equal(doc.kind, "agenda");
    assert.equal(doc.items[2]?.section, "3");
  });

  test("a list whose numbers and titles stand in step is no split list", () => {
    // The first block of real-world/15 alone: "1." / "Godkendelse af referat ....3" and nothing after.
    const lines = realLines("15.txt");
    const at = lines.indexOf("1.");
    assert.ok(at > 0, "15.txt has its contents list");
    assert.equal(readSplitContents(buildLineView(toLines(lines.slice(at, at + 2)))), null);
  });
});

describe("items inside pages flattened onto one line", () => {
  let options: IngestOptions;
  before(async () => {
    options = await loadIngestOptions();
  });

  test("real-world/16: '3 35 Godkendelse af dagsorden Sagsnr.: ...' and '4 36 Besøg ...' are items 35 and 36", async () => {
    const doc = await parseSource(await readSourceFile(realWorld("16.txt")), options);
    assert.deepEqual(
      doc.items.map((item) => [item.number, item.title]),
      gold("16.json").items.map((item) => [item.number, item.title]),
    );
    // The labels inside the line give the fields; the page's footer and the next page's number do not.
    assert.equal(doc.items[0]?.fields.indstilling, "Indstilles til godkendelse");
    assert.equal(doc.items[0]?.fields.beslutning, "Godkendt.");
    assert.equal(doc.kind, "minutes");
  });

  test("one numbered page alone does not make an item: the numbers must run on", () => {
    const page = realLines("16.txt").find((line) => line.startsWith("3 35 Godkendelse"));
    assert.ok(page, "16.txt has the page of item 35");
    assert.equal(recogniseFlattenedItems(buildLineView(toLines([page]))).items.length, 0);
  });
});
