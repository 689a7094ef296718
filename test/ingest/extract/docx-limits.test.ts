/** @module The DOCX limits: a zip bomb, a lying entry and too many entries are refused before they cost memory. */
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { extractDocx } from "../../../src/ingest/extract/docx.js";
import { IngestError } from "../../../src/ingest/ingest-error.js";
import { MAX_DOCX_ENTRIES, MAX_DOCX_PART_BYTES } from "../../../src/ingest/limits.js";
import { makeDocxBomb, makeDocxWithEntries } from "./make-docx.js";

/** The rejection is an IngestError of one line that names the file and matches `problem`. */
function refusal(file: string, problem: RegExp) {
  return (error: unknown) => {
    assert.ok(error instanceof IngestError, `expected an IngestError, got ${String(error)}`);
    assert.ok(error.message.startsWith(`${file}: `), error.message);
    assert.ok(!error.message.includes("\n"), "one line");
    assert.match(error.problem, problem);
    return true;
  };
}

describe("extractDocx limits", () => {
  it("refuses a zip bomb (1.2 MB unpacking to 400 MB of XML) from its directory, at once", async () => {
    const bytes = await makeDocxBomb(400);
    assert.ok(bytes.length < 2 * 1024 * 1024, `the bomb is small (${bytes.length} bytes)`);
    const started = performance.now();
    await assert.rejects(
      extractDocx({ file: "bomb.docx", bytes, sha256: "" }),
      refusal("bomb.docx", /^the DOCX unpacks to more than 200 MB \(400 MB\)$/),
    );
    // Before the limit this ran for minutes and ended with "Reached heap limit". The bound is loose on
    // purpose (a shared, loaded machine); reading a central directory takes microseconds.
    assert.ok(performance.now() - started < 5_000, "refused in well under five seconds");
  });

  it("refuses a document.xml over the part limit before mammoth parses it", async () => {
    const bytes = await makeDocxBomb(MAX_DOCX_PART_BYTES / 1024 / 1024 + 1);
    const started = performance.now();
    await assert.rejects(
      extractDocx({ file: "stor.docx", bytes, sha256: "" }),
      refusal("stor.docx", /^the DOCX part word\/document\.xml unpacks to more than 16 MB \(17 MB\)$/),
    );
    assert.ok(performance.now() - started < 5_000, "refused without parsing 17 MB of XML");
  });

  it("refuses an entry that inflates past the size it declares, at that size", async () => {
    const bytes = await makeDocxBomb(50, { declaredSize: 4096 });
    const started = performance.now();
    await assert.rejects(
      extractDocx({ file: "liar.docx", bytes, sha256: "" }),
      refusal(
        "liar.docx",
        /^the DOCX entry word\/document\.xml unpacks to more than the 4096 bytes it declares$/,
      ),
    );
    assert.ok(performance.now() - started < 5_000, "refused without inflating the 50 MB");
  });

  it("refuses a DOCX with more entries than the limit, and reads one at the limit", async () => {
    await assert.rejects(
      extractDocx({ file: "many.docx", bytes: makeDocxWithEntries(MAX_DOCX_ENTRIES + 1), sha256: "" }),
      refusal(
        "many.docx",
        new RegExp(`^the DOCX has more than ${MAX_DOCX_ENTRIES} entries \\(${MAX_DOCX_ENTRIES + 1}\\)$`),
      ),
    );
    const doc = await extractDocx({
      file: "ok.docx",
      bytes: makeDocxWithEntries(MAX_DOCX_ENTRIES),
      sha256: "",
    });
    assert.deepEqual(
      doc.lines.map((line) => line.text),
      ["Tekst."],
    );
  });

  it("refuses a truncated DOCX as broken", async () => {
    const bytes = makeDocxWithEntries(3);
    await assert.rejects(
      extractDocx({ file: "cut.docx", bytes: bytes.subarray(0, bytes.length - 30), sha256: "" }),
      refusal("cut.docx", /^the DOCX file is broken and cannot be read$/),
    );
  });
});
