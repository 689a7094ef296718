/**
 * The decision letter (issue 14): a tagged PDF of one item and its decision, which Rådsinfo's own parse
 * reads back with the item's title and the decision's text.
 */
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import {
  decisionLetterFileName,
  renderDecisionLetterPdf,
  shortBlocks,
} from "../../../src/authoring/render/decision-letter-pdf.js";
import { loadIngestOptions, parseSource } from "../../../src/ingest/index.js";

const LETTER = {
  body: "KKR Nordjylland",
  meetingDate: "2024-09-20",
  municipality: "Læsø",
  item: {
    number: "2.3",
    title: "Rammeaftale for det specialiserede socialområde 2025-2026",
    caseNumber: "SAG-2024-03326",
    indstilling:
      "Det indstilles, at KKR Nordjylland anbefaler, at aftalen godkendes i de nordjyske kommunalbestyrelser.",
    sagsfremstilling: `${"Rammeaftalen beskriver samarbejdet om de specialiserede tilbud. ".repeat(20)}\n\n${"Andet afsnit om økonomien i tilbuddene. ".repeat(40)}`,
  },
  decision: "KKR Nordjylland anbefaler, at aftalen godkendes i de nordjyske kommunalbestyrelser.",
  itemUrl: "http://localhost:3000/punkt/7",
};

describe("renderDecisionLetterPdf", () => {
  it("writes the item and its decision so that parse reads both back", async () => {
    const pdf = renderDecisionLetterPdf(LETTER);
    assert.equal(Buffer.from(pdf.subarray(0, 5)).toString("latin1"), "%PDF-");
    const parsed = await parseSource(
      { file: decisionLetterFileName(LETTER), bytes: pdf, sha256: "0" },
      await loadIngestOptions(),
    );
    const flat = parsed.text.replace(/\s+/g, " ");
    assert.match(flat, /Beslutning fra KKR Nordjylland/);
    assert.match(flat, /Til: Læsø Kommune/);
    assert.match(flat, /Rammeaftale for det specialiserede socialområde 2025-2026/);
    assert.ok(flat.includes(LETTER.decision), "the decision's text is in the letter");
    const item = parsed.items.find((i) => i.number === "2.3");
    assert.ok(item, `parse found item 2.3 (found ${parsed.items.map((i) => i.number).join(", ")})`);
    assert.equal(item.title, LETTER.item.title);
    assert.equal(item.fields.beslutning?.replace(/\s+/g, " ").trim(), LETTER.decision);
    assert.match(flat, /Sagsfremstillingen er forkortet/);
  });

  it("names the file by body, date and item", () => {
    assert.equal(decisionLetterFileName(LETTER), "beslutning-kkr-nordjylland-2024-09-20-punkt-2-3.pdf");
  });

  it("shortens the Sagsfremstilling to whole paragraphs", () => {
    const short = shortBlocks("Et.\n\nTo.\n\nTre.", 5);
    assert.equal(short.blocks.length, 1);
    assert.equal(short.shortened, true);
  });
});
