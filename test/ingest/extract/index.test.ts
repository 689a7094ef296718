import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { describe, it } from "node:test";
import { extract, MAX_SOURCE_BYTES, sniffFormat } from "../../../src/ingest/extract/index.js";
import { IngestError } from "../../../src/ingest/ingest-error.js";
import { makeDocx, makeEncryptedPdf, makeMeetingPdf } from "../../support/make-files.js";
import { seedPath } from "../../support/seeds.js";

function refusal(file: string, problem: RegExp) {
  return (error: unknown) =>
    error instanceof IngestError && error.file === file && problem.test(error.message);
}

describe("extract", () => {
  it("dispatches by the bytes: text, PDF and DOCX", async () => {
    const text = await extract({ file: "004.txt", bytes: readFileSync(seedPath("004")), sha256: "" });
    assert.equal(text.format, "text");
    const pdf = await extract({ file: "no-extension", bytes: await makeMeetingPdf(), sha256: "" });
    assert.equal(pdf.format, "pdf");
    const docx = await extract({ file: "a.docx", bytes: makeDocx(["Referat"]), sha256: "" });
    assert.equal(docx.format, "docx");
  });

  it("refuses an empty file", async () => {
    await assert.rejects(
      extract({ file: "tom.txt", bytes: new Uint8Array(), sha256: "" }),
      refusal("tom.txt", /the file is empty$/),
    );
  });

  it("refuses a binary file", async () => {
    const bytes = new Uint8Array([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1, 0, 0, 0]);
    await assert.rejects(
      extract({ file: "prog", bytes, sha256: "" }),
      refusal("prog", /not a text, PDF or DOCX file$/),
    );
  });

  it("refuses an encrypted PDF", async () => {
    await assert.rejects(
      extract({ file: "e.pdf", bytes: makeEncryptedPdf(), sha256: "" }),
      refusal("e.pdf", /encrypted/),
    );
  });

  it("refuses a .pdf or .docx whose bytes are something else", async () => {
    const html = new TextEncoder().encode("<html><body>404 Not Found</body></html>");
    await assert.rejects(
      extract({ file: "bilag.pdf", bytes: html, sha256: "" }),
      refusal("bilag.pdf", /not a PDF$/),
    );
    await assert.rejects(
      extract({ file: "ref.docx", bytes: html, sha256: "" }),
      refusal("ref.docx", /not a DOCX file$/),
    );
  });

  it("refuses a file over 200 MB without reading it", async () => {
    // A view that claims the size is enough: the check comes before any decoding.
    const huge = { length: MAX_SOURCE_BYTES + 1 } as unknown as Uint8Array;
    await assert.rejects(
      extract({ file: "stor.pdf", bytes: huge, sha256: "" }),
      refusal("stor.pdf", /larger than 200 MB/),
    );
  });
});

describe("sniffFormat", () => {
  it("tells formats apart", () => {
    const encode = (text: string) => new TextEncoder().encode(text);
    assert.equal(sniffFormat(encode("%PDF-1.7\n...")), "pdf");
    assert.equal(sniffFormat(encode("Referat\r\nside 2")), "text");
    assert.equal(sniffFormat(encode("   \n\n")), "empty");
    assert.equal(sniffFormat(new Uint8Array([0x50, 0x4b, 3, 4, 0]), "regneark.xlsx"), "binary");
    assert.equal(sniffFormat(new Uint8Array([0xe6, 0xf8, 0xe5, 0x0a])), "text");
  });
});
