/** The decision overview's read model: public decisions only, filtered by body, year, municipality, outcome. */
import assert from "node:assert/strict";
import { createHash } from "node:crypto";
import { before, it } from "node:test";
import type { ParsedDocument, ParsedItem } from "../../src/domain/index.js";
import { getDecisionOverview, importDocument } from "../../src/store/index.js";
import { forEachBackend } from "../support/stores.js";

function minutes(body: string, date: string, items: ParsedItem[]): ParsedDocument {
  const text = `${body} ${date} ${JSON.stringify(items)}`;
  return {
    source: {
      file: `${body}-${date}.txt`,
      sha256: createHash("sha256").update(text).digest("hex"),
      format: "text",
      pages: 1,
    },
    kind: "minutes",
    body,
    meeting: {
      date,
      startTime: null,
      endTime: null,
      location: null,
      previousMeetingDate: null,
      nextMeetingDate: null,
    },
    attendance: { present: [], absent: [] },
    sections: [],
    items,
    toc: [],
    documents: [],
    amounts: [],
    warnings: [],
    text,
    pageTexts: [{ page: 1, lineStart: 1, lineEnd: 1, text }],
  };
}

function item(number: string, title: string, decision: string, extra: Partial<ParsedItem> = {}): ParsedItem {
  return {
    number,
    title,
    section: null,
    caseNumber: null,
    caseInitials: [],
    fields: { sagsfremstilling: `Om ${title}.`, beslutning: decision },
    notes: null,
    annexMarkers: 0,
    source: { page: 1, lineStart: 1, lineEnd: 1 },
    ...extra,
  };
}

forEachBackend("decision overview", (store) => {
  before(async () => {
    const { db } = store();
    await importDocument(
      db,
      minutes("KKR Nord", "2024-09-20", [
        item("1", "Godkendelse af dagsorden", "Dagsordenen blev godkendt."),
        item("2", "Busplan for Aalborg Kommune", "KKR anbefaler kommunalbestyrelserne at godkende planen."),
        item("3", "Status fra KlimaNord", "Orienteringen blev taget til efterretning."),
        item("4", "Udpegning", "Udpegningen blev godkendt.", { closed: true }),
        item("5", "Budget 2025", "Punktet blev udsat til næste møde, forudsat at tallene foreligger."),
      ]),
    );
    await importDocument(
      db,
      minutes("KKR Syd", "2023-03-10", [item("2", "Praktikpladser i Esbjerg", "Fordelingen blev tiltrådt.")]),
    );
  });

  it("lists every public decision, newest meeting first, never a closed item's", async () => {
    const all = await getDecisionOverview(store().db, {}, { page: 1, pageSize: 25 });
    assert.equal(all.total, 5);
    assert.deepEqual(
      all.entries.map((e) => [e.meeting.bodyName, e.number, e.outcome]),
      [
        ["KKR Nord", "1", "godkendt"],
        ["KKR Nord", "2", "anbefalet"],
        ["KKR Nord", "3", "efterretning"],
        ["KKR Nord", "5", "udsat"],
        ["KKR Syd", "2", "godkendt"],
      ],
    );
    assert.ok(!JSON.stringify(all).includes("Udpegning"));
    assert.deepEqual(all.years, [2024, 2023]);
    assert.deepEqual(
      all.bodies.map((b) => b.name),
      ["KKR Nord", "KKR Syd"],
    );
    assert.ok(all.municipalities.includes("Aalborg") && all.municipalities.includes("Esbjerg"));
  });

  it("filters by outcome in SQL as domain's rule reads the text, and by body, year and municipality", async () => {
    const { db } = store();
    const titles = async (filter: Parameters<typeof getDecisionOverview>[1]) =>
      (await getDecisionOverview(db, filter, { page: 1, pageSize: 25 })).entries.map((e) => e.title);
    for (const outcome of ["godkendt", "efterretning", "anbefalet", "udsat", "andet"] as const) {
      const page = await getDecisionOverview(db, { outcome }, { page: 1, pageSize: 25 });
      assert.ok(
        page.entries.every((e) => e.outcome === outcome),
        outcome,
      );
    }
    assert.deepEqual(await titles({ outcome: "udsat" }), ["Budget 2025"]);
    assert.deepEqual(await titles({ outcome: "godkendt" }), [
      "Godkendelse af dagsorden",
      "Praktikpladser i Esbjerg",
    ]);
    assert.deepEqual(await titles({ year: 2023 }), ["Praktikpladser i Esbjerg"]);
    assert.deepEqual(await titles({ municipality: "Aalborg" }), ["Busplan for Aalborg Kommune"]);
    const syd = (await getDecisionOverview(db, {}, { page: 1, pageSize: 25 })).bodies.find(
      (b) => b.name === "KKR Syd",
    );
    assert.deepEqual(await titles({ bodyId: syd?.id }), ["Praktikpladser i Esbjerg"]);
  });

  it("pages: the second page continues where the first ended, the total stays", async () => {
    const { db } = store();
    const first = await getDecisionOverview(db, {}, { page: 1, pageSize: 2 });
    const second = await getDecisionOverview(db, {}, { page: 2, pageSize: 2 });
    assert.equal(first.total, 5);
    assert.equal(second.total, 5);
    assert.deepEqual(
      second.entries.map((e) => e.number),
      ["3", "5"],
    );
  });
});
