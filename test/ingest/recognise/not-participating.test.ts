/**
 * @module Per-item non-participation (items[].notParticipating), on lines quoted from ../shared/real-world
 * and ../shared/real-pdf: under the item, by item numbers, from an attendance list; never from a
 * treatment history, and never an absence from the meeting.
 */
import assert from "node:assert/strict";
import { describe, test } from "node:test";
import type { ParsedDocument } from "../../../src/domain/index.js";
import { parseExtracted } from "../../../src/ingest/parse.js";
import { letterWordOptions, toDocument } from "../../support/source-lines.js";

function parse(lines: readonly string[]): ParsedDocument {
  return parseExtracted({ file: "test.txt", sha256: "" }, toDocument(lines), letterWordOptions);
}
const byItem = (doc: ParsedDocument) => doc.items.map((item) => [item.number, item.notParticipating ?? []]);

describe("notParticipating", () => {
  test("a sentence under the item's decision (25) and one naming the body's treatment (14)", () => {
    const doc = parse([
      "Referat Udvalget for sundhed for alle 28-08-2019",
      "1. Godkendelse af dagsorden",
      "Beslutning",
      "Godkendt.",
      "Nicolai Nicolaisen (A), Lene Madsen Milner (V) og Jørgen Holst (Ø) deltog ikke i Udvalget for sundhed for alles behandling af sagen.",
      "2. Indstilling om forslag fra Almaz Mengesha om udbudsstrategi",
      "Beslutning",
      "Fremsendes til Aarhus Byråd.",
      "Keld Hvalsø deltog ikke i sagens behandling.",
    ]);
    assert.deepEqual(byItem(doc), [
      ["1", ["Nicolai Nicolaisen", "Lene Madsen Milner", "Jørgen Holst"]],
      ["2", ["Keld Hvalsø"]],
    ]);
    assert.deepEqual(doc.attendance, { present: [], absent: [] });
  });

  test("items named by number: 'under punkterne 12-15' (04) and the list's 'punkt: 6, 8, 9' (14)", () => {
    const doc = parse([
      "Referat Klima- og Planudvalget 09-01-2020",
      "Deltagere:",
      "Per Nørhave (O)",
      "Lars Hoppe Søe (B)- deltog ikke i behandlingen af punkt: 2, 3",
      "1. Godkendelse af dagsorden",
      "Beslutning",
      "Godkendt.",
      "Torben Haack (F) deltog ikke under punkterne 2-3.",
      "2. Ikke støjende arbejde på byggepladsen efter kl. 18",
      "Beslutning",
      "Godkendt.",
      "3. Orientering",
      "Beslutning",
      "Taget til efterretning.",
    ]);
    assert.deepEqual(byItem(doc), [
      ["1", []],
      ["2", ["Lars Hoppe Søe", "Torben Haack"]],
      ["3", ["Lars Hoppe Søe", "Torben Haack"]],
    ]);
    assert.deepEqual(
      doc.attendance.present.map((a) => a.name),
      ["Per Nørhave", "Lars Hoppe Søe"],
    );
  });

  test("a treatment history's line is another meeting's (real-pdf Aarhus, page 10)", () => {
    const doc = parse([
      "REFERAT Aarhus Byråd d. 27-08-2025",
      "Punkt 5: Revisionspåtegning og endelig godkendelse af regnskab 2024",
      "EMN-2025-000111",
      "Beslutninger",
      "Godkendt.",
      "Sagsforløb",
      "Udvalg: Magistraten",
      "Dato: 19-08-2025",
      "Punktnummer: 2",
      "Borgmesterens Afdelings indstilling af 8. august 2025.",
      "Jesper Kjeldsen deltog ikke i sagens behandling.",
      "Bilag",
    ]);
    assert.deepEqual(byItem(doc), [["5", []]]);
  });
});
