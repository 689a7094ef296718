import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { describe, it } from "node:test";
import { extractText, startsPdfPage } from "../../../src/ingest/extract/text.js";
import { seedPath } from "../../support/seeds.js";

const encode = (text: string) => new TextEncoder().encode(text);

describe("extractText", () => {
  it("numbers the lines of seeds/004 from 1 and starts a page at each one-space line", () => {
    const doc = extractText({ file: "004.txt", bytes: readFileSync(seedPath("004")), sha256: "" });
    assert.equal(doc.format, "text");
    assert.deepEqual(doc.notes, []);
    assert.equal(doc.lines[0]?.line, 1);
    assert.equal(doc.lines[0]?.page, 1);
    // Line 25 " Deltagerfortegnelse " is the first page marker after line 1 (line 2 is a lone space).
    assert.equal(doc.lines[1]?.text, " ");
    assert.equal(doc.lines[1]?.page, 1);
    assert.equal(doc.lines[24]?.text, " Deltagerfortegnelse ");
    assert.equal(doc.lines[24]?.page, 2);
    assert.equal(doc.lines[23]?.page, 1);
    assert.equal(doc.lines.length, 2144);
    assert.equal(doc.pages, doc.lines[doc.lines.length - 1]?.page);
  });

  it("splits CRLF and LF, drops a BOM, and does not count a final newline as a line", () => {
    const doc = extractText({ file: "a.txt", bytes: encode("\uFEFFførste\r\nanden\n tredje\n"), sha256: "" });
    assert.deepEqual(
      doc.lines.map((line) => [line.line, line.page, line.text]),
      [
        [1, 1, "første"],
        [2, 1, "anden"],
        [3, 2, " tredje"],
      ],
    );
  });

  it("decodes Windows-1252 when the bytes are not UTF-8, with a note", () => {
    // "Næste møde – 5 €" in Windows-1252: æ=E6, ø=F8, en dash=96, euro=80.
    const bytes = new Uint8Array([
      0x4e, 0xe6, 0x73, 0x74, 0x65, 0x20, 0x6d, 0xf8, 0x64, 0x65, 0x20, 0x96, 0x20, 0x35, 0x20, 0x80,
    ]);
    const doc = extractText({ file: "gammel.txt", bytes, sha256: "" });
    assert.equal(doc.lines[0]?.text, "Næste møde – 5 €");
    assert.equal(doc.notes.length, 1);
    assert.match(doc.notes[0]!, /Windows-1252/);
  });

  it("decodes UTF-16 with a byte order mark", () => {
    const text = "Referat\nÆrø Kommune";
    const bytes = new Uint8Array(2 + text.length * 2);
    bytes.set([0xff, 0xfe]);
    for (let i = 0; i < text.length; i++)
      new DataView(bytes.buffer).setUint16(2 + i * 2, text.charCodeAt(i), true);
    const doc = extractText({ file: "u16.txt", bytes, sha256: "" });
    assert.deepEqual(
      doc.lines.map((line) => line.text),
      ["Referat", "Ærø Kommune"],
    );
  });

  it("starts a page at a form feed and removes it", () => {
    const doc = extractText({ file: "a.txt", bytes: encode("side et\n\fside to\n"), sha256: "" });
    assert.deepEqual(
      doc.lines.map((line) => [line.page, line.text]),
      [
        [1, "side et"],
        [2, "side to"],
      ],
    );
  });
});

describe("startsPdfPage", () => {
  it("is true for exactly one space before text", () => {
    assert.equal(startsPdfPage(" SIDE  |  11 "), true);
    assert.equal(startsPdfPage("  to mellemrum"), false);
    assert.equal(startsPdfPage(" "), false);
    assert.equal(startsPdfPage("tekst"), false);
    assert.equal(startsPdfPage(" \t"), false);
  });
});

describe("extractText on mixed and old files", () => {
  it("converts only the lines that are not UTF-8", () => {
    const utf8 = new TextEncoder().encode("Ærø Kommune\n");
    const latin = new Uint8Array([0x4c, 0xe6, 0x73, 0xf8]); // "Læsø" in Windows-1252
    const bytes = new Uint8Array([...utf8, ...latin]);
    const doc = extractText({ file: "blandet.txt", bytes, sha256: "" });
    assert.deepEqual(
      doc.lines.map((line) => line.text),
      ["Ærø Kommune", "Læsø"],
    );
    assert.match(doc.notes[0]!, /1 of 2 lines/);
  });

  it("splits lines on a lone CR", () => {
    const doc = extractText({ file: "mac.txt", bytes: new TextEncoder().encode("en\rto\r tre"), sha256: "" });
    assert.deepEqual(
      doc.lines.map((line) => [line.page, line.text]),
      [
        [1, "en"],
        [1, "to"],
        [2, " tre"],
      ],
    );
  });
});
