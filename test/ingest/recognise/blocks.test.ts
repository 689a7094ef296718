/**
 * @module Structure inside fields: headings, lists and tables read as blocks from real lines of the seeds
 * and of other councils' minutes (../shared/real-world).
 */
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { before, describe, test } from "node:test";
import type { FieldBlock, ParsedDocument, ParsedItem, TableBlock } from "../../../src/domain/index.js";
import { joinLines } from "../../../src/ingest/clean/index.js";
import { loadIngestOptions, parseSource, readSourceFile } from "../../../src/ingest/index.js";
import { fieldBlocks, usualLineGap } from "../../../src/ingest/recognise/blocks.js";
import { buildLineView } from "../../../src/ingest/recognise/line-view.js";
import type { IngestOptions, SourceLine } from "../../../src/ingest/types.js";
import { seedPath } from "../../support/seeds.js";

const realWorld = (name: string): string => join(seedPath("004"), "..", "..", "real-world", name);

function itemOf(doc: ParsedDocument, number: string): ParsedItem {
  const item = doc.items.find((candidate) => candidate.number === number);
  assert.ok(item, `item ${number} found`);
  return item;
}

function tablesOf(blocks: readonly FieldBlock[] | undefined): TableBlock[] {
  return (blocks ?? []).filter((block): block is TableBlock => block.type === "table");
}

/** Blocks of lines `from`..`to` (1-based, inclusive) of a file, read as one field. */
function blocksOfLines(path: string, from: number, to: number, options: IngestOptions): FieldBlock[] {
  const lines: SourceLine[] = readFileSync(path, "utf8")
    .split(/\r?\n/)
    .slice(from - 1, to)
    .map((text, index) => ({ line: from + index, page: 1, text }));
  const view = buildLineView(lines);
  const byNumber = new Map(lines.map((line, index) => [line.line, index]));
  const textOf = (start: number, end: number) =>
    joinLines(lines.slice(byNumber.get(start), (byNumber.get(end) ?? 0) + 1), options.isWord);
  return fieldBlocks(view.content, { textOf, gap: usualLineGap(view.content), bodyFontSize: null });
}

describe("blocks in seeds/004 (KKR Nordjylland minutes)", () => {
  let doc: ParsedDocument;
  before(async () => {
    doc = await parseSource(await readSourceFile(seedPath("004")), await loadIngestOptions());
  });

  test("item 2.8: the distribution of training places is a table with its two-level header", () => {
    const [table] = tablesOf(itemOf(doc, "2.8").blocks?.sagsfremstilling);
    assert.ok(table, "a table in the sagsfremstilling");
    assert.deepEqual(table.headerGroups, [
      { text: "", span: 1 },
      { text: "Social- og sundhedshjælpere", span: 2 },
      { text: "Social- og sundhedsassistenter", span: 2 },
    ]);
    assert.deepEqual(table.header, [
      "",
      "Dimensionering 2024",
      "Dimensionering 2025",
      "Dimensionering 2024",
      "Dimensionering 2025",
    ]);
    assert.equal(table.rows.length, 6);
    assert.deepEqual(table.rows[0], ["KKR Hovedstaden", "851", "851", "1.778", "1779"]);
    assert.deepEqual(table.rows[5], ["Hele landet", "3.000", "3.000", "6.000", "6.000"]);
  });

  test("item 2.8: sub-headings and the status list around the table", () => {
    const blocks = itemOf(doc, "2.8").blocks?.sagsfremstilling ?? [];
    const headings = blocks.filter((block) => block.type === "heading").map((block) => block.text);
    assert.ok(headings.includes("Nøgle for fordeling"));
    assert.ok(headings.includes("Hovedelementer i lærepladsaftalen"));
    const list = blocks.find((block) => block.type === "list");
    assert.equal(list?.type, "list");
    if (list?.type === "list") {
      assert.equal(list.ordered, false);
      assert.equal(list.items.length, 6);
      assert.match(list.items[0] as string, /^I 2023 indgik kommunerne 10\.295 lærepladsaftaler/);
    }
  });

  test("item 2.5: the decision ends with its sentence and the budget table joins the sagsfremstilling", () => {
    const item = itemOf(doc, "2.5");
    assert.equal(
      item.fields.beslutning,
      "KKR Nordjylland drøftede budget 2025 for Socialtilsyn Nord og tog det til efterretning.",
    );
    assert.equal(item.notes, null, "no table rows left in the notes");
    assert.match(item.fields.sagsfremstilling ?? "", /Budget samlet 37\.323\.308 37\.759\.496/);
    const blocks = item.blocks?.sagsfremstilling ?? [];
    assert.deepEqual(blocks.at(-1), {
      type: "table",
      header: ["", "År 2024 (i 2025 priser) i kr.", "År 2025 i kr."],
      rows: [
        ["Budget samlet", "37.323.308", "37.759.496"],
        ["Heraf Tilbudsafdelingen", "17.496.788", "17.421.554"],
        ["Heraf Plejefamilieafdelingen", "19.826.520", "20.337.942"],
      ],
    });
    assert.ok(blocks.some((block) => block.type === "heading" && block.text === "Budget 2025"));
  });

  test("lists: the recommendation's two points (2.6) and the five numbered areas (2.7)", () => {
    const recommendation = itemOf(doc, "2.6").blocks?.indstilling ?? [];
    assert.deepEqual(recommendation, [
      { type: "paragraph", text: "Det indstilles, at KKR Nordjylland" },
      {
        type: "list",
        ordered: false,
        items: [
          "drøfter og godkender Nordjysk Socialaftale 2025-26 og",
          "anbefaler, at aftalen godkendes i de nordjyske kommunalbestyrelser.",
        ],
      },
    ]);
    const numbered = (itemOf(doc, "2.7").blocks?.sagsfremstilling ?? []).find(
      (block) => block.type === "list" && block.ordered,
    );
    assert.deepEqual(numbered?.type === "list" ? numbered.items : [], [
      "Bedre adgang til kapital og lempet beskatning",
      "Færre byrder og mindre bøvl",
      "Flere talenter skal frem",
      "Flere vidensbaserede iværksættere",
      "Flere iværksættere i hele landet.",
    ]);
  });

  test("fields without structure carry no blocks, and every plain field text stays", () => {
    assert.equal(itemOf(doc, "1.1").blocks?.beslutning, undefined);
    assert.equal(itemOf(doc, "2.8").blocks?.beslutning, undefined, "a one-paragraph decision");
    assert.match(itemOf(doc, "2.8").fields.sagsfremstilling ?? "", /KKR Hovedstaden 851 851 1\.778 1779/);
  });
});

describe("blocks from other councils' lines", () => {
  let options: IngestOptions;
  before(async () => {
    options = await loadIngestOptions();
  });

  test("a numbered recommendation under a lead-in without a colon (real-world/01 lines 70-73)", () => {
    const blocks = blocksOfLines(realWorld("01.txt"), 70, 73, options);
    assert.equal(blocks[0]?.type, "paragraph", "the lead-in is no heading");
    assert.equal(blocks[1]?.type, "list");
    if (blocks[1]?.type === "list") {
      assert.equal(blocks[1].ordered, true);
      assert.equal(blocks[1].items.length, 2);
      assert.match(blocks[1].items[1] as string, /^Udvalget for Ældre og Sundhed i samarbejde/);
    }
  });

  test("a column of amounts, some set apart by wide gaps (seeds/003 lines 2577-2592)", () => {
    const blocks = blocksOfLines(seedPath("003"), 2577, 2592, options);
    const [table] = tablesOf(blocks);
    assert.ok(table);
    assert.deepEqual(table.rows[0], ["Horsens", "2.579"]);
    assert.deepEqual(table.rows[3], ["Lemvig", "571"]);
    assert.ok(table.rows.length >= 12);
  });

  test("a heading in running text only where a short line binds to the text under it", () => {
    const blocks = blocksOfLines(realWorld("10.txt"), 38, 39, options);
    assert.deepEqual(blocks[0], {
      type: "heading",
      level: 1,
      text: "Miljø- og Fødevareklagenævnets afgørelse",
    });
    assert.equal(blocks[1]?.type, "paragraph");
  });

  test("prose with sentences parted by double spaces is no table (seeds/003 lines 446-456)", () => {
    const prose = blocksOfLines(seedPath("003"), 446, 456, options);
    assert.ok(prose.every((block) => block.type === "paragraph"));
  });
});
