/**
 * The scanned annex of ../shared/real-pdf (Ballerup's property list, eight landscape pages scanned on
 * their side, no text layer) after `raadsinfo import` into a PGlite store: its pages are read by
 * Tesseract with each page's progress shown, the text is marked as OCR with its confidence, and
 * `raadsinfo search` for a word printed on its pages finds the annex at that page. Runs Tesseract on all
 * eight pages: about 25 s of processor time.
 */
import assert from "node:assert/strict";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, describe, it } from "node:test";
import { sql } from "kysely";
import type { OcrPage, ParseWarning } from "../../src/domain/index.js";
import { openStore } from "../../src/store/index.js";
import { type CliResult, runCli } from "../support/cli.js";
import { realPdfPath } from "../support/seeds.js";

const NAME = "ballerup-2012-11-15-bilag-scannet.pdf";

describe("a scanned annex after raadsinfo import", () => {
  let dir = "";
  let dataDir = "";
  let imported: CliResult;

  before(() => {
    dir = mkdtempSync(join(tmpdir(), "raadsinfo-scanned-"));
    dataDir = join(dir, "data");
    const started = Date.now();
    imported = runCli(["import", realPdfPath(NAME), "--json", "--data-dir", dataDir]);
    process.stdout.write(`# raadsinfo import of ${NAME}: ${((Date.now() - started) / 1000).toFixed(1)} s\n`);
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it("is imported, its eight pages read by OCR with the progress shown page by page", () => {
    assert.equal(imported.code, 0, imported.stderr);
    const report = JSON.parse(imported.stdout) as {
      files: { outcome: string; warnings: ParseWarning[] }[];
    };
    assert.equal(report.files[0]?.outcome, "imported");
    const progress = imported.stderr.split("\n").filter((line) => /OCR page \d+ of \d+/.test(line));
    assert.deepEqual(
      progress.map((line) => /OCR page (\d+) of (\d+)/.exec(line)?.slice(1, 3).join("/")),
      ["1/8", "2/8", "3/8", "4/8", "5/8", "6/8", "7/8", "8/8"],
    );
    const warning = report.files[0]?.warnings.find((found) => found.code === "ocr-text");
    assert.match(warning?.message ?? "", /^Pages 1 \(\d+%\), 2 .* read by OCR \(tesseract [\d.]+, dan\)/);
  });

  it("is found by raadsinfo search for words printed on its pages, at the page they are on", () => {
    for (const [word, page] of [
      ["Skomagerhuset", 1],
      ["Tandregulering", 6],
    ] as const) {
      const searched = runCli(["search", word, "--json", "--data-dir", dataDir]);
      assert.equal(searched.code, 0, searched.stderr);
      const results = (
        JSON.parse(searched.stdout) as {
          results: { snippet: string; source: { file: string; page: number } }[];
        }
      ).results;
      const hit = results.find((result) => result.source.file === NAME);
      assert.ok(hit, `${word}: ${searched.stdout}`);
      assert.equal(hit.source.page, page, word);
      assert.match(hit.snippet, new RegExp(word, "i"));
    }
  });

  it("keeps each OCR page's provenance: its lines, the engine and a confidence", async () => {
    const store = await openStore({ dataDir });
    try {
      const row = await sql<{ ocr: OcrPage[] | null }>`select parsed->'ocr' as ocr from source_file
        where file_name = ${NAME}`.execute(store.db);
      const ocr = row.rows[0]?.ocr ?? [];
      assert.deepEqual(
        ocr.map((page) => page.page),
        [1, 2, 3, 4, 5, 6, 7, 8],
      );
      for (const page of ocr) {
        assert.equal(page.language, "dan");
        assert.match(page.engine, /^tesseract /);
        // A clean office scan: Tesseract is sure of most words (a sideways page read unturned scores ~30).
        assert.ok(page.confidence > 80 && page.confidence <= 100, `page ${page.page}: ${page.confidence}`);
        assert.ok(page.lineEnd > page.lineStart);
      }
    } finally {
      await store.close();
    }
  });
});
