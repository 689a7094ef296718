/** @module Reading source files: hashing, the 200 MB limit, unreadable files, folder listing. */
import assert from "node:assert/strict";
import { createHash } from "node:crypto";
import { mkdir, mkdtemp, open, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, describe, test } from "node:test";
import { isIngestError, listSourceEntries, listSourceFiles, readSourceFile } from "../../src/ingest/index.js";

describe("readSourceFile and listSourceFiles", () => {
  let dir: string;
  before(async () => {
    dir = await mkdtemp(join(tmpdir(), "raadsinfo-read-"));
    await mkdir(join(dir, "sub", "deeper"), { recursive: true });
    await writeFile(join(dir, "b.txt"), "Referat");
    await writeFile(join(dir, "a.PDF"), "%PDF-1.4");
    await writeFile(join(dir, "notes.md"), "# not a source");
    await writeFile(join(dir, "sub", "deeper", "c.docx"), "PK");
    await writeFile(join(dir, "sub", "d.htm"), "<html></html>");
    await writeFile(join(dir, ".hidden.txt"), "x");
  });
  after(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  test("reads bytes, name and sha256", async () => {
    const source = await readSourceFile(join(dir, "b.txt"));
    assert.equal(source.file, "b.txt");
    assert.equal(new TextDecoder().decode(source.bytes), "Referat");
    assert.equal(source.sha256, createHash("sha256").update("Referat").digest("hex"));
  });

  test("refuses a file over 200 MB before reading it", async () => {
    const big = join(dir, "big.txt");
    // A sparse file: the size is set without writing (or reading) 200 MB.
    const handle = await open(big, "w");
    await handle.truncate(200 * 1024 * 1024 + 1);
    await handle.close();
    await assert.rejects(readSourceFile(big), (error: unknown) => {
      assert.ok(isIngestError(error));
      assert.match(error.message, /^big\.txt: .*200 MB/);
      assert.ok(!error.message.includes("\n"));
      return true;
    });
    await rm(big);
  });

  test("a missing file or a folder is a one-line IngestError naming it", async () => {
    await assert.rejects(
      readSourceFile(join(dir, "nope.txt")),
      /^IngestError: nope\.txt: no such file$|nope\.txt: no such file/,
    );
    await assert.rejects(readSourceFile(join(dir, "sub")), (error: unknown) => isIngestError(error));
  });

  test("folders are listed recursively: .pdf, .txt, .docx and .htm(l) only, sorted, hidden files left out", async () => {
    const files = await listSourceFiles([dir, join(dir, "b.txt")]);
    assert.deepEqual(
      files.map((file) => file.slice(dir.length + 1)),
      ["a.PDF", "b.txt", join("sub", "d.htm"), join("sub", "deeper", "c.docx")],
    );
  });

  test("everything else found is listed with why it is passed over, and a missing path does not stop the rest", async () => {
    const entries = await listSourceEntries([join(dir, "missing"), dir]);
    const skipped = entries.flatMap((e) => (e.skipped ? [[e.path.slice(dir.length + 1), e.skipped]] : []));
    assert.deepEqual(skipped, [
      ["missing", "no such file"],
      ["notes.md", "not a .pdf, .txt, .docx, .html or .htm file"],
    ]);
    assert.equal(entries.filter((e) => !e.skipped).length, 4, "the folder's source files are still listed");
  });
});
