/**
 * The minutes round trip of issue 14: the minutes PDF, read back by Rådsinfo's own parser, gives the
 * attendance (present, substitutes with whom they replaced, absences) with F1 1.0 and every item's
 * decision exactly under its item, for every sample minutes; the public edition keeps nothing of a
 * closed item.
 */
import assert from "node:assert/strict";
import { createHash } from "node:crypto";
import { describe, it } from "node:test";
import { PDFDocument, PDFName } from "pdf-lib";
import { renderMinutesPdf } from "../../../src/authoring/render/minutes-pdf.js";
import {
  expectedMinutesAttendance,
  expectedMinutesItems,
  f1Score,
  parsedMinutesAttendance,
  parsedMinutesItems,
  roundTripScore,
} from "../../../src/authoring/render/round-trip.js";
import type { MinutesDocument, ParsedDocument } from "../../../src/domain/index.js";
import { loadIngestOptions, parseSource } from "../../../src/ingest/index.js";
import { kkrMinutes, longMinutes, smallMinutes } from "./sample-minutes.js";

async function parsePdf(bytes: Uint8Array): Promise<ParsedDocument> {
  const sha256 = createHash("sha256").update(bytes).digest("hex");
  return parseSource({ file: "referat.pdf", bytes, sha256 }, await loadIngestOptions());
}

const MINUTES: readonly [string, () => MinutesDocument][] = [
  [
    "KKR Nordjylland, public edition (closed item, vote, protocol remark, substitute, guests, discussion)",
    () => kkrMinutes("public"),
  ],
  [
    "KKR Nordjylland, internal edition (the closed item and its decision in full)",
    () => kkrMinutes("internal"),
  ],
  ["small minutes with no attendance and an item not yet decided", smallMinutes],
  ["long minutes of 3 sections with 5 items each", () => longMinutes(3, 5)],
];

describe("minutes round trip", () => {
  for (const [name, make] of MINUTES) {
    it(`reads back the attendance and every decision of ${name}`, async () => {
      const minutes = make();
      const parsed = await parsePdf(renderMinutesPdf(minutes));
      assert.equal(parsed.kind, "minutes");
      assert.equal(parsed.body, minutes.body);
      assert.equal(parsed.meeting?.date, minutes.meeting.date);
      const attendance = roundTripScore(expectedMinutesAttendance(minutes), parsedMinutesAttendance(parsed));
      assert.equal(f1Score(attendance), 1, JSON.stringify(attendance));
      assert.deepEqual(parsedMinutesItems(parsed), expectedMinutesItems(minutes));
    });
  }

  it("writes the substitute as the KKR minutes do and keeps guests out of the attendance", async () => {
    const parsed = await parsePdf(renderMinutesPdf(kkrMinutes("public")));
    const frank = parsed.attendance.present.find((person) => person.name === "Frank Østergaard");
    assert.equal(frank?.substituteFor, "Søren Smalbro");
    assert.ok(!parsed.attendance.present.some((person) => person.name === "Jesper Olsen"));
  });

  it("prints nothing of a closed item's title or decision in the public edition", async () => {
    const text = (await parsePdf(renderMinutesPdf(kkrMinutes("public")))).text;
    assert.match(text, /2\.2\. Lukket punkt/);
    assert.doesNotMatch(text, /genbrugsplads|Købet gennemføres|Jes Lunde|SAG-2024-04410/);
    const internal = (await parsePdf(renderMinutesPdf(kkrMinutes("internal")))).text;
    assert.match(internal, /Købet gennemføres/);
  });

  it("writes a tagged PDF with title and language da", async () => {
    const doc = await PDFDocument.load(renderMinutesPdf(kkrMinutes()), { updateMetadata: false });
    assert.equal(doc.getTitle(), "Referat, KKR Nordjylland, 20. september 2024");
    assert.equal(String(doc.catalog.get(PDFName.of("Lang"))), "(da-DK)");
    assert.ok(doc.catalog.get(PDFName.of("StructTreeRoot")), "a structure tree");
  });
});
