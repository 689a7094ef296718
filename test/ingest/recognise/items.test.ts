/** @module Sections and items on small layouts: single-spaced agendas, list entries, standing items. */
import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { parseExtracted } from "../../../src/ingest/parse.js";
import { recogniseItems } from "../../../src/ingest/recognise/items.js";
import { buildLineView } from "../../../src/ingest/recognise/line-view.js";
import { letterWordOptions as options, toDocument, toLines } from "../../support/source-lines.js";

const textOf = (a: number, b: number) => `${a}-${b}`;

const AGENDA = [
  "KKR Syddanmark",
  "Dagsorden",
  "Dato: 12. marts 2025",
  "Tidspunkt: kl. 9.00-11.30",
  "Sted: Rådhuset, Vejle",
  " 1. Godkendelse af dagsorden",
  "1.1 Godkendelse af dagsorden",
  "SAG-2025-00012 abc",
  "Baggrund",
  "Dagsordenen er udsendt.",
  "Indstilling",
  "Det indstilles, at dagsordenen godkendes.",
  " 2. Sager til drøftelse",
  "2.1 Regional udvikling",
  "SAG-2025-00013 abc/def",
  "Sagsfremstilling",
  "Der er tre temaer:",
  "1. Første tema i en liste",
  "2. Andet tema i en liste",
  "3. Tredje tema i en liste",
  "Indstilling",
  "Det indstilles, at KKR drøfter temaerne.",
  "2.2 Budget for 2026",
  "SAG-2025-00014 def",
  "Indstilling",
  "Det indstilles, at budgettet godkendes.",
  " 3. Eventuelt",
];

describe("items of a single-spaced agenda without decisions", () => {
  const doc = parseExtracted({ file: "agenda.txt", sha256: "0" }, toDocument(AGENDA), options);

  test("kind agenda, body, labelled date, time and place", () => {
    assert.equal(doc.kind, "agenda");
    assert.equal(doc.body, "KKR Syddanmark");
    assert.deepEqual(doc.meeting, {
      date: "2025-03-12",
      startTime: "09:00",
      endTime: "11:30",
      location: "Rådhuset, Vejle",
      previousMeetingDate: null,
      nextMeetingDate: null,
    });
  });

  test("sections, items and the standing item that is both", () => {
    assert.deepEqual(
      doc.sections.map((s) => [s.number, s.title]),
      [
        ["1", "Godkendelse af dagsorden"],
        ["2", "Sager til drøftelse"],
        ["3", "Eventuelt"],
      ],
    );
    assert.deepEqual(
      doc.items.map((i) => [
        i.number,
        i.section,
        i.caseNumber,
        i.caseInitials.join("/"),
        Object.keys(i.fields).join(","),
      ]),
      [
        ["1.1", "1", "SAG-2025-00012", "abc", "baggrund,indstilling"],
        ["2.1", "2", "SAG-2025-00013", "abc/def", "sagsfremstilling,indstilling"],
        ["2.2", "2", "SAG-2025-00014", "def", "indstilling"],
        ["3", "3", null, "", ""],
      ],
    );
  });

  test("a numbered list inside an item stays in its field", () => {
    const item = doc.items.find((i) => i.number === "2.1");
    assert.match(item?.fields.sagsfremstilling ?? "", /Tredje tema/);
    assert.equal(item?.source.lineStart, 14);
    assert.equal(item?.source.lineEnd, 22);
  });
});

describe("recogniseItems", () => {
  test("a dashed sub-number is a list entry, not an item (seeds/004 line 1520)", () => {
    const view = buildLineView(
      toLines([
        "2.7. Orientering",
        "SAG-2024-03326 hlth",
        "Sagsfremstilling",
        "– 5.5 Udvikle flere relevante udviklingsindsatser",
        "2.8. Fordeling af lærepladser",
        "SAG-2024-03326 hast",
        "Beslutning",
        "Tiltrådt.",
      ]),
    );
    assert.deepEqual(
      recogniseItems(view, textOf).items.map((i) => i.number),
      ["2.7", "2.8"],
    );
  });

  test("a number alone on its line with the title below (PDF layout)", () => {
    const view = buildLineView(
      toLines(["3.2", "Limfjordsrådet", "SAG-2024-00001 abc", "Beslutning", "Godkendt."]),
    );
    const [item] = recogniseItems(view, textOf).items;
    assert.equal(item?.number, "3.2");
    assert.equal(item?.title, "Limfjordsrådet");
  });

  test("one-level items with case lines and a gap in the numbers", () => {
    const view = buildLineView(
      toLines([
        "1. Godkendelse af dagsorden",
        "Sagsnr.: 24/1234",
        "Beslutning",
        "Godkendt.",
        "3. Budget 2026",
        "Sagsnr.: 24/1240",
        "Beslutning",
        "Godkendt.",
      ]),
    );
    assert.deepEqual(
      recogniseItems(view, textOf).items.map((i) => [i.number, i.caseNumber]),
      [
        ["1", "24/1234"],
        ["3", "24/1240"],
      ],
    );
  });

  test("unheaded text before the first field is the item's notes; './.' markers counted", () => {
    const view = buildLineView(
      toLines([
        "2.1 Sag",
        "SAG-2024-00001 abc",
        "Mundtlig orientering ./.",
        "Beslutning",
        "Taget til efterretning ./. ./.",
      ]),
    );
    const [item] = recogniseItems(view, textOf).items;
    assert.equal(item?.notes, "3-3");
    assert.equal(item?.annexMarkers, 3);
  });
});

describe("municipal agenda layouts", () => {
  test("labelled case numbers, a decision heading naming the committee, closed items", () => {
    const view = buildLineView(
      toLines([
        "1. Godkendelse af dagsorden",
        "Sags ID: EMN-2024-01234",
        "Beslutning Økonomiudvalget den 12-03-2025",
        "Godkendt.",
        "2. Lukket punkt: Køb af ejendom",
        "Sagsnr.: 00.01.00-A00-1-24",
        "Beslutning",
        "Godkendt.",
      ]),
    );
    const items = recogniseItems(view, textOf).items;
    assert.deepEqual(
      items.map((i) => [i.number, i.caseNumber, Object.keys(i.fields).join(","), i.closed === true]),
      [
        ["1", "EMN-2024-01234", "beslutning", false],
        ["2", "00.01.00-A00-1-24", "beslutning", true],
      ],
    );
  });
});

describe("fields written inline and remarks after a decision", () => {
  test("'Beslutning: Godkendt.' on one line; a protocol remark goes to the notes", () => {
    const view = buildLineView(
      toLines([
        "1.1 Budget",
        "SAG-2024-00001 abc",
        "Indstilling: Det indstilles, at budgettet godkendes.",
        "Beslutning: Godkendt.",
        "Protokolbemærkning:",
        "Ø kunne ikke tiltræde.",
      ]),
    );
    const [item] = recogniseItems(view, (a, b) => `${a}-${b}`).items;
    assert.deepEqual(Object.keys(item?.fields ?? {}), ["indstilling", "beslutning"]);
    assert.equal(item?.fields.beslutning, "4-4");
    assert.equal(item?.notes, "5-6");
  });
});

describe("standing items numbered on two levels", () => {
  test("'6.1 Eventuelt' after the last evidenced item is an item; a sub-heading inside it is not", () => {
    const view = buildLineView(
      toLines([
        "5.1 Budget",
        "SAG-2024-00001 abc",
        "Beslutning",
        "Godkendt.",
        "6.1 Eventuelt",
        "Intet.",
        "6.2 Andre forhold i rapporten",
        "Tekst.",
      ]),
    );
    assert.deepEqual(
      recogniseItems(view, textOf).items.map((i) => i.number),
      ["5.1", "6.1"],
    );
  });
});
