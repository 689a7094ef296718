/**
 * @module Search over the five seeds imported through the real pipeline: the judged queries reach their
 * targets, a word the PDF broke over two lines is found whole, and every result points into its file.
 */
import assert from "node:assert/strict";
import { readFile } from "node:fs/promises";
import { dirname, join } from "node:path";
import { before, it } from "node:test";
import {
  listSourceFiles,
  loadDanishWordChecker,
  loadIngestOptions,
  parseSource,
  readSourceFile,
} from "../../src/ingest/index.js";
import { parseSearchRequest, type SearchResponse, search } from "../../src/search/index.js";
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

  const find = (params: Record<string, string>): Promise<SearchResponse> =>
    search(store().db, parseSearchRequest({ pageSize: "50", ...params }), {
      dictionary: loadDanishWordChecker,
    });
  const counts = (facet: readonly { value: string; count: number }[]) =>
    Object.fromEntries(facet.map((f) => [f.value, f.count]));
  const sum = (facet: readonly { count: number }[]) => facet.reduce((n, f) => n + f.count, 0);

  it("filters and counts annexes by their meeting's body and year, the counts adding up to the total", async () => {
    const all = await find({ q: "klima" });
    assert.ok(all.results.some((r) => r.kind === "annex"));
    assert.equal(sum(all.facets.body), all.total, "every result has a body");
    assert.equal(sum(all.facets.year), all.total, "every result has a year");
    const bodies = counts(all.facets.body);
    assert.deepEqual(Object.keys(bodies).sort(), ["KKR Midtjylland", "KKR Nordjylland"]);
    for (const [body, count] of Object.entries(bodies)) {
      const filtered = await find({ q: "klima", body });
      assert.equal(filtered.total, count, body);
      assert.ok(
        filtered.results.every((r) => r.meeting?.body === body),
        body,
      );
      const annexes = counts(filtered.facets.kind).annex ?? 0;
      assert.ok(annexes > 0, `${body}: its annexes are found under its name`);
      assert.equal(annexes, (await find({ q: "klima", body, kind: "annex" })).total, body);
      assert.equal(sum(filtered.facets.year), filtered.total, body);
    }
    const nordjylland = await store()
      .db.selectFrom("body")
      .select("id")
      .where("name", "=", "KKR Nordjylland")
      .executeTakeFirstOrThrow();
    assert.equal((await find({ q: "klima", body: String(nordjylland.id) })).total, bodies["KKR Nordjylland"]);
    for (const [year, count] of Object.entries(counts(all.facets.year))) {
      const inYear = await find({ q: "klima", year });
      assert.equal(inYear.total, count, year);
      assert.ok(
        inYear.results.every((r) => r.meeting?.date.startsWith(year)),
        year,
      );
    }
  });

  it("lists an annex once, its matching pages under it, the best first", async () => {
    const response = await find({ q: "klima" });
    const annexes = response.results.filter((r) => r.kind === "annex");
    const files = annexes.map((r) => r.fileId);
    assert.equal(new Set(files).size, files.length, "no annex twice");
    assert.equal(counts(response.facets.kind).annex, annexes.length, "an annex counts once");
    const many = annexes.filter((r) => r.pages.length > 1);
    assert.ok(many.length > 0, "some annex matches on several pages");
    for (const r of annexes) {
      assert.equal(r.pages[0], r.source.page, r.title);
      assert.equal(new Set(r.pages).size, r.pages.length, r.title);
      // Every page listed says the word (or a compound of it) on that page of the annex.
      const texts = await store()
        .db.selectFrom("file_page")
        .select(["page", "text"])
        .where("file_id", "=", r.fileId ?? 0)
        .where("page", "in", [...r.pages])
        .execute();
      assert.equal(texts.length, r.pages.length, r.title);
      for (const t of texts) assert.match(t.text, /klima/i, `${r.title} p. ${t.page}`);
    }
  });

  it('reads "lærepaldser" as "lærepladser" and finds the item, unless asked for the word as typed', async () => {
    const corrected = await find({ q: "lærepaldser" });
    assert.equal(corrected.correctedQuery, "lærepladser");
    assert.match(corrected.results[0]?.title ?? "", /^Fordeling af lærepladser/);
    const asTyped = await find({ q: "lærepaldser", asTyped: "1" });
    assert.deepEqual([asTyped.total, asTyped.suggestion], [0, "lærepladser"]);
  });
});
