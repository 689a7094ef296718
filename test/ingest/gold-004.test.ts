/** @module seeds/004 (KKR Nordjylland minutes, 20 September 2024) parsed and compared with gold/004. */
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { before, describe, test } from "node:test";
import type { ParsedDocument } from "../../src/domain/index.js";
import { loadIngestOptions, parseSource, readSourceFile } from "../../src/ingest/index.js";
import { goldPath, seedPath } from "../support/seeds.js";

interface GoldAttendee {
  name: string;
  party: string;
  municipality: string;
  substituteFor?: string | null;
}
interface GoldItem {
  number: string;
  title: string;
  section: string;
  caseNumber: string | null;
  caseInitials: string[];
  fields: string[];
  beslutningStartsWith: string | null;
  indstillingStartsWith: string | null;
  annexMarkers: number;
  startLine: number;
  endLine: number;
}
interface Gold004 {
  kind: string;
  body: string;
  meeting: Record<string, string>;
  attendance: { present: GoldAttendee[]; absent: GoldAttendee[] };
  sections: { number: string; title: string }[];
  items: GoldItem[];
}

const gold = JSON.parse(readFileSync(goldPath("004"), "utf8")) as Gold004;

/** The gold "StartsWith" values: the first 8 whitespace-separated words, white space normalised. */
function firstWords(text: string | undefined): string | null {
  if (text === undefined) return null;
  return text.split(/\s+/).filter(Boolean).slice(0, 8).join(" ");
}

describe("gold/004: KKR Nordjylland minutes", () => {
  let doc: ParsedDocument;
  before(async () => {
    doc = await parseSource(await readSourceFile(seedPath("004")), await loadIngestOptions());
  });

  test("kind, body and meeting", () => {
    assert.equal(doc.kind, gold.kind);
    assert.equal(doc.body, gold.body);
    assert.equal(doc.meeting?.date, gold.meeting.date);
    assert.equal(doc.meeting?.startTime, gold.meeting.startTime);
    assert.equal(doc.meeting?.endTime, gold.meeting.endTime);
    assert.equal(doc.meeting?.previousMeetingDate, gold.meeting.previousMeetingDate);
    assert.equal(doc.meeting?.nextMeetingDate, gold.meeting.nextMeetingDate);
  });

  test("all 15 present and 9 absent with party, municipality and substitute", () => {
    const shape = (a: {
      name: string;
      party: string | null;
      municipality: string | null;
      substituteFor?: string | null;
    }) => ({
      name: a.name,
      party: a.party,
      municipality: a.municipality,
      substituteFor: a.substituteFor ?? null,
    });
    assert.deepEqual(doc.attendance.present.map(shape), gold.attendance.present.map(shape));
    assert.deepEqual(doc.attendance.absent.map(shape), gold.attendance.absent.map(shape));
  });

  test("sections", () => {
    assert.deepEqual(doc.sections, gold.sections);
  });

  test("all 13 items in order", () => {
    assert.deepEqual(
      doc.items.map((item) => item.number),
      gold.items.map((item) => item.number),
    );
  });

  for (const expected of gold.items) {
    test(`item ${expected.number} ${expected.title}`, () => {
      const item = doc.items.find((candidate) => candidate.number === expected.number);
      assert.ok(item, `item ${expected.number} missing`);
      assert.equal(item.title, expected.title);
      assert.equal(item.section, expected.section);
      assert.equal(item.caseNumber, expected.caseNumber);
      assert.deepEqual(item.caseInitials, expected.caseInitials);
      assert.deepEqual(Object.keys(item.fields).sort(), [...expected.fields].sort());
      assert.equal(firstWords(item.fields.beslutning), expected.beslutningStartsWith);
      assert.equal(firstWords(item.fields.indstilling), expected.indstillingStartsWith);
      assert.equal(item.annexMarkers, expected.annexMarkers);
      assert.equal(item.source.lineStart, expected.startLine);
      assert.equal(item.source.lineEnd, expected.endLine);
    });
  }

  test("text after a decision: the minute-taker's notes of 3.1 and the link targets of 2.7 go to the notes", () => {
    const item31 = doc.items.find((item) => item.number === "3.1");
    assert.match(item31?.notes ?? "", /^Erhvervshus Nordjylland/);
    assert.doesNotMatch(item31?.fields.beslutning ?? "", /Erhvervshus/);
    const item27 = doc.items.find((item) => item.number === "2.7");
    assert.match(item27?.notes ?? "", /https:\/\/www\.em\.dk/);
  });

  test("the cover page is reported as unassigned and stays in the text", () => {
    const unassigned = doc.warnings.filter((w) => w.code === "unassigned-text");
    assert.deepEqual(
      unassigned.map((w) => w.source),
      [{ lineStart: 4, lineEnd: 24 }],
    );
    assert.match(doc.text, /KL bidrager til at udvikle og fastholde et stærkt lokalt demokrati/);
  });

  test("page texts cover all 34 pages in order", () => {
    assert.equal(doc.pageTexts?.length, 34);
    assert.deepEqual(
      doc.pageTexts?.map((p) => p.page),
      Array.from({ length: 34 }, (_, i) => i + 1),
    );
  });
});
