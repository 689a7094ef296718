/**
 * @module Search over the five seeds imported through the real pipeline: the judged queries reach their
 * targets, a word the PDF broke over two lines is found whole, and every result points into its file.
 */
import assert from "node:assert/strict";
import { readFile } from "node:fs/promises";
import { dirname, join } from "node:path";
import { before, it } from "node:test";
import { listSourceFiles, loadIngestOptions, parseSource, readSourceFile } from "../../src/ingest/index.js";
import { parseSearchRequest, search } from "../../src/search/index.js";
import { importDocument } from "../../src/store/index.js";
import { seedPath } from "../support/seeds.js";
import { forEachBackend } from "../support/stores.js";
import { releaseUnlinkedAnnexes } from "../support/withheld.js";

interface Judgement {
  readonly id: string;
  readonly q: string;
  readonly relevant: readonly { readonly file: string; readonly from: number; readonly to: number }[];
}

const seedsDir = dirname(seedPath("004"));

forEachBackend("search over the five seeds", (store) => {
  before(async () => {
    const options = await loadIngestOptions();
    for (const path of await listSourceFiles([seedsDir])) {
      const source = await readSourceFile(path);
      await importDocument(store().db, await parseSource(source, options), { content: source.bytes });
    }
    // The seed packs name no meeting: withheld as unlinked until the secretariat releases them.
    await releaseUnlinkedAnnexes(store().db);
  });

  it("reaches recall@10 >= 0.9 and MRR@10 >= 0.7 on the judged queries", async () => {
    const judgements = (
      JSON.parse(await readFile(join(seedsDir, "..", "search-judgements.json"), "utf8")) as {
        queries: Judgement[];
      }
    ).queries;
    let found = 0;
    let reciprocal = 0;
    for (const j of judgements) {
      const response = await search(store().db, parseSearchRequest({ q: j.q }));
      const rank = response.results.findIndex((r) =>
        j.relevant.some(
          (rel) =>
            rel.file === r.source.file &&
            (r.source.lineStart ?? 0) <= rel.to &&
            (r.source.lineEnd ?? r.source.lineStart ?? 0) >= rel.from,
        ),
      );
      if (rank >= 0) {
        found++;
        reciprocal += 1 / (rank + 1);
      }
    }
    assert.ok(found / judgements.length >= 0.9, `recall@10 ${found / judgements.length}`);
    assert.ok(reciprocal / judgements.length >= 0.7, `MRR@10 ${reciprocal / judgements.length}`);
  });

  it("finds 'udviklingsgruppe', hyphenated over a line end in seeds/004, whole and marked", async () => {
    const response = await search(store().db, parseSearchRequest({ q: "udviklingsgruppe" }));
    const item = response.results.find((r) => r.title === "Status fra KlimaNord");
    assert.ok(item, JSON.stringify(response.results.map((r) => r.title)));
    assert.ok(item.snippet.some((s) => s.marked && s.text.toLowerCase() === "udviklingsgruppe"));
    assert.equal(item.source.file, "004_5f8a3532f4c6e49a.txt");
  });

  it("points every result into its file: name, sha256 and a line range", async () => {
    const response = await search(store().db, parseSearchRequest({ q: "klima", pageSize: "50" }));
    assert.ok(response.results.length > 10);
    for (const r of response.results) {
      assert.match(r.source.file ?? "", /^00\d_[0-9a-f]+\.txt$/);
      assert.match(r.source.sha256 ?? "", /^[0-9a-f]{64}$/);
      assert.ok((r.source.lineStart ?? 0) >= 1 && (r.source.lineEnd ?? 0) >= (r.source.lineStart ?? 0));
      assert.ok(r.source.page !== null && r.source.page >= 1);
    }
  });
});
