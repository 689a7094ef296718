/** @module seeds/003 (KKR Midtjylland annex pack) parsed and compared with gold/003: contents page and documents. */
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { before, describe, test } from "node:test";
import type { ParsedDocument } from "../../src/domain/index.js";
import { loadIngestOptions, parseSource, readSourceFile } from "../../src/ingest/index.js";
import { goldPath, seedPath } from "../support/seeds.js";

interface Gold003 {
  kind: string;
  body: string;
  toc: { itemNumber: string; annexNumber?: number; title: string; page: number; level: string }[];
  documents: { itemNumber: string; annexNumber: number; title: string; startLine: number; endLine: number }[];
}

const gold = JSON.parse(readFileSync(goldPath("003"), "utf8")) as Gold003;

describe("gold/003: KKR Midtjylland annex pack", () => {
  let doc: ParsedDocument;
  before(async () => {
    doc = await parseSource(await readSourceFile(seedPath("003")), await loadIngestOptions());
  });

  test("kind and body", () => {
    assert.equal(doc.kind, gold.kind);
    assert.equal(doc.body, gold.body);
  });

  test("the 14 contents entries, wrapped titles joined, the contents page's own entry left out", () => {
    assert.deepEqual(
      doc.toc.map((entry) => ({
        itemNumber: entry.itemNumber,
        annexNumber: entry.annexNumber,
        title: entry.title,
        page: entry.page,
        level: entry.level,
      })),
      gold.toc.map((entry) => ({
        itemNumber: entry.itemNumber,
        annexNumber: entry.annexNumber ?? null,
        title: entry.title,
        page: entry.page,
        level: entry.level,
      })),
    );
  });

  test("the 8 documents with item, annex number, title and line range", () => {
    assert.deepEqual(
      doc.documents.map((d) => ({
        itemNumber: d.itemNumber,
        annexNumber: d.annexNumber,
        title: d.title,
        startLine: d.source.lineStart,
        endLine: d.source.lineEnd,
      })),
      gold.documents,
    );
  });

  test("the two documents without a stamp are reported as inferred", () => {
    const inferred = doc.warnings.filter((w) => w.code === "toc-mismatch").map((w) => w.source?.lineStart);
    assert.deepEqual(inferred, [1202, 1909]);
  });
});
