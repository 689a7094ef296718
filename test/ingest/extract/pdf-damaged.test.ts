/**
 * Damaged PDFs are read as far as they can be. A real PDF from ../shared/real-pdf (Aarhus's four-page
 * annex) is copied into a temporary folder and its bytes corrupted there, as a bad download or a
 * careless export leaves them: a broken cross-reference table, garbage after the end, a page whose
 * content stream does not inflate, a file cut short.
 */
import assert from "node:assert/strict";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, describe, it } from "node:test";
import { extractPdf } from "../../../src/ingest/extract/pdf.js";
import {
  IngestError,
  type IngestOptions,
  loadIngestOptions,
  parseSource,
  readSourceFile,
} from "../../../src/ingest/index.js";
import type { ExtractedDocument } from "../../../src/ingest/types.js";
import { runCli } from "../../support/cli.js";
import { realPdfPath } from "../../support/seeds.js";

const NAME = "aarhus-sundhed-og-omsorg-2025-08-29-bilag.pdf";
const original = new Uint8Array(readFileSync(realPdfPath(NAME)));
const latin = Buffer.from(original).toString("latin1");

let dir: string;
let options: IngestOptions;
let intact: ExtractedDocument;
before(async () => {
  dir = mkdtempSync(join(tmpdir(), "raadsinfo-damaged-"));
  options = await loadIngestOptions();
  intact = await extractPdf({ file: NAME, bytes: original, sha256: "" });
});
after(() => rmSync(dir, { recursive: true, force: true }));

/** Writes damaged bytes into the temporary folder and returns the path. */
function damaged(name: string, damage: (bytes: Uint8Array) => Uint8Array): string {
  const path = join(dir, name);
  writeFileSync(path, damage(new Uint8Array(original)));
  return path;
}

/** Byte offset of the content stream's data of a page (1-based), found through the page tree. */
function contentStreamOf(page: number): number {
  const kids = /\/Type\s*\/Pages\b[^>]*\/Kids\s*\[([^\]]*)\]/.exec(latin)?.[1] ?? "";
  const pageObject = [...kids.matchAll(/(\d+)\s+0\s+R/g)][page - 1]?.[1];
  const pageStart = latin.indexOf(`\n${pageObject} 0 obj`);
  const contents = /\/Contents\s*(\d+)\s+0\s+R/.exec(latin.slice(pageStart, pageStart + 2000))?.[1];
  const streamStart = latin.indexOf("stream", latin.indexOf(`\n${contents} 0 obj`));
  assert.ok(pageObject && contents && streamStart > 0, `page ${page}'s content stream`);
  return streamStart + "stream\r\n".length;
}

function textOfPage(doc: ExtractedDocument, page: number): string[] {
  return doc.lines.filter((line) => line.page === page).map((line) => line.text);
}

describe("damaged PDFs", () => {
  it("reads every page of a PDF whose cross-reference table is broken and which ends in garbage", async () => {
    const path = damaged("xref.pdf", (bytes) => {
      // Every startxref offset made to point nowhere, the classic xref table overwritten with letters.
      for (const match of latin.matchAll(/startxref\s+(\d+)/g)) {
        const digits = match[1] ?? "";
        const at = (match.index ?? 0) + match[0].length - digits.length;
        bytes.fill(0x39, at, at + digits.length);
      }
      const table = latin.lastIndexOf("\nxref");
      bytes.fill(0x41, table + 1, table + 600);
      const garbage = new Uint8Array(20_000).map((_, index) => (index * 7919) % 251);
      return new Uint8Array([...bytes, ...garbage]);
    });
    const doc = await extractPdf(await readSourceFile(path));
    assert.equal(doc.pages, 4);
    for (const page of [1, 2, 3, 4]) assert.deepEqual(textOfPage(doc, page), textOfPage(intact, page));
  });

  it("skips a page whose content stream is broken, reads the others, and names the page in a warning", async () => {
    const path = damaged("page2.pdf", (bytes) => {
      const start = contentStreamOf(2);
      for (let at = start + 40; at < start + 400; at++) bytes[at] = (at * 31) % 256;
      return bytes;
    });
    const doc = await extractPdf(await readSourceFile(path));
    assert.equal(doc.pages, 4);
    assert.ok(textOfPage(intact, 2).some((text) => text.trim() !== ""));
    assert.deepEqual(
      textOfPage(doc, 2).filter((text) => text.trim() !== ""),
      [],
    );
    for (const page of [1, 3, 4]) assert.deepEqual(textOfPage(doc, page), textOfPage(intact, page));

    const parsed = await parseSource(await readSourceFile(path), options);
    const warning = parsed.warnings.find((found) => /\bpage 2\b.*cannot be read/.test(found.message));
    assert.ok(warning, parsed.warnings.map((found) => found.message).join("\n"));
    assert.ok(parsed.text.includes("Sundhedsberedskabsplan for 2022-2025"), "page 4's text is searchable");

    const cli = runCli(["parse", path, "--json"]);
    assert.equal(cli.code, 0, cli.stderr);
  });

  it("refuses a PDF cut short with one line naming the file, from the command line too", async () => {
    const path = damaged("cut-short.pdf", (bytes) => bytes.subarray(0, 30_000));
    await assert.rejects(
      readSourceFile(path).then((source) => extractPdf(source)),
      (error: unknown) =>
        error instanceof IngestError && error.file === "cut-short.pdf" && !error.message.includes("\n"),
    );
    const cli = runCli(["parse", path, "--json"]);
    assert.notEqual(cli.code, 0);
    const message = cli.stderr.trim();
    assert.match(message, /cut-short\.pdf: the PDF is broken/);
    assert.equal(message.split("\n").length, 1, message);
  });
});
