import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { joinLines } from "../../../src/ingest/clean/join-lines.js";
import { loadDanishWordChecker } from "../../../src/ingest/danish/word-checker.js";
import { extractDocx } from "../../../src/ingest/extract/docx.js";
import { IngestError } from "../../../src/ingest/ingest-error.js";
import { makeDocx } from "../../support/make-files.js";

describe("extractDocx", () => {
  it("reads the paragraphs of a generated .docx as lines on page 1", async () => {
    const bytes = makeDocx(["Dagsorden for KKR Nordjylland", "1. Godkendelse af dagsorden"]);
    const doc = await extractDocx({ file: "dagsorden.docx", bytes, sha256: "" });
    assert.equal(doc.format, "docx");
    assert.equal(doc.pages, 1);
    const texts = doc.lines.filter((line) => line.text !== "").map((line) => line.text);
    assert.deepEqual(texts, ["Dagsorden for KKR Nordjylland", "1. Godkendelse af dagsorden"]);
    assert.ok(doc.lines.every((line, index) => line.page === 1 && line.line === index + 1));
  });

  it("keeps paragraphs apart through cleaning, long or short", async () => {
    const long =
      "Det indstilles, at KKR Nordjylland tager orienteringen til efterretning og drøfter den videre proces.";
    const bytes = makeDocx(["Indstilling", long, "Beslutning", "Taget til efterretning.", long]);
    const doc = await extractDocx({ file: "referat.docx", bytes, sha256: "" });
    const text = joinLines(doc.lines, await loadDanishWordChecker());
    assert.equal(text, ["Indstilling", long, "Beslutning", "Taget til efterretning.", long].join("\n\n"));
  });

  it("refuses a zip that is no Word document", async () => {
    await assert.rejects(
      extractDocx({ file: "x.docx", bytes: new Uint8Array([0x50, 0x4b, 3, 4, 9, 9, 9]), sha256: "" }),
      (error: unknown) => error instanceof IngestError && error.message.startsWith("x.docx: "),
    );
  });
});
