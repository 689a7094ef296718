/** @module The synthetic corpus generator: same seed, same corpus; the shape the benchmarks rely on. */
import assert from "node:assert/strict";
import { readdirSync } from "node:fs";
import { join, resolve } from "node:path";
import { describe, it } from "node:test";
import { type CorpusMeeting, generateCorpus } from "../../bench/corpus/generate.js";
import { seedWordModel } from "../../bench/corpus/model.js";
import { createRng } from "../../bench/corpus/prng.js";
import { benchmarkQueries } from "../../bench/corpus/queries.js";
import { trainingSentences } from "../../bench/corpus/training-text.js";
import { ITEM_FIELD_KEYS } from "../../src/domain/index.js";

const seedsDir = resolve(import.meta.dirname, "..", "..", "..", "shared", "seeds");
const model = seedWordModel(seedsDir);
const corpus = (items: number, seed?: string): CorpusMeeting[] => [
  ...generateCorpus({ model, items, ...(seed ? { seed } : {}) }),
];

describe("synthetic corpus", () => {
  const small = corpus(300);

  it("is the same for the same seed, and differs for another", () => {
    const again = corpus(300);
    assert.deepEqual(
      again.map((m) => m.minutes.fileText),
      small.map((m) => m.minutes.fileText),
    );
    assert.deepEqual(
      again.map((m) => m.annexPack?.parsed),
      small.map((m) => m.annexPack?.parsed),
    );
    const other = corpus(300, "another-seed");
    assert.notEqual(other[0]!.minutes.fileText, small[0]!.minutes.fileText);
  });

  it("stops at the asked size, and a smaller corpus is the start of a larger one", () => {
    const last = small.at(-1)!;
    assert.ok(last.itemsSoFar >= 300 && last.itemsSoFar < 320);
    assert.equal(
      small.reduce((n, m) => n + m.minutes.parsed.items.length, 0),
      last.itemsSoFar,
    );
    const rest = [...generateCorpus({ model, items: 600, fromItems: last.itemsSoFar })];
    const whole = corpus(600);
    assert.deepEqual(
      [...small, ...rest].map((m) => m.minutes.parsed.source.sha256),
      whole.map((m) => m.minutes.parsed.source.sha256),
    );
  });

  it("has the five KKRs first, items with all four fields, attendance and annexes", () => {
    const bodies = new Set(small.map((m) => m.minutes.parsed.body));
    for (const region of ["Nordjylland", "Midtjylland", "Syddanmark", "Sjælland", "Hovedstaden"]) {
      assert.ok(bodies.has(`KKR ${region}`), region);
    }
    const items = small.flatMap((m) => m.minutes.parsed.items);
    const regular = items.filter((i) => /^[23]\.\d+$/.test(i.number ?? "") && !i.closed);
    assert.ok(regular.length > 100);
    for (const item of regular) {
      assert.deepEqual(Object.keys(item.fields).sort(), [
        "baggrund",
        "beslutning",
        "indstilling",
        "sagsfremstilling",
      ]);
      assert.match(item.caseNumber ?? "", /^SAG-\d{4}-\d{5}$/);
      for (const key of Object.keys(item.fields))
        assert.ok((ITEM_FIELD_KEYS as readonly string[]).includes(key));
    }
    for (const m of small) {
      const doc = m.minutes.parsed;
      assert.equal(doc.kind, "minutes");
      assert.match(doc.meeting?.date ?? "", /^\d{4}-\d{2}-\d{2}$/);
      assert.ok(doc.attendance.present.length > 0);
    }
    const packs = small.flatMap((m) => (m.annexPack ? [m.annexPack.parsed] : []));
    assert.ok(packs.length > 0);
    for (const pack of packs) {
      assert.equal(pack.kind, "annex-pack");
      assert.ok(pack.documents.length > 0);
      assert.equal(pack.toc.filter((t) => t.level === "annex").length, pack.documents.length);
    }
  });

  it("points every item's source lines at its heading in the text file", () => {
    for (const m of small.slice(0, 20)) {
      const lines = m.minutes.fileText.split("\n");
      for (const item of m.minutes.parsed.items) {
        const heading = lines[item.source.lineStart - 1]!.trim();
        assert.ok(heading.startsWith(`${item.number}.`), `${item.number}: ${heading}`);
      }
      // A new page is a line that starts with exactly one space, as in the seeds.
      const pages = lines.filter((l) => /^ \S/.test(l)).length;
      assert.equal(pages, m.minutes.parsed.source.pages);
    }
  });

  it("writes Danish prose but copies no sentence of the seeds", () => {
    const seeds = new Set(
      trainingSentences(
        readdirSync(seedsDir)
          .sort()
          .map((f) => join(seedsDir, f)),
      ),
    );
    const rng = createRng("copy-check");
    for (let i = 0; i < 500; i++) assert.ok(!seeds.has(model.sentence(rng)));
    const text = small[0]!.minutes.parsed.text;
    assert.match(text, /\b(og|at|kommunerne|til)\b/);
  });

  it("gives a deterministic mixed query set", () => {
    const queries = benchmarkQueries(model, 200);
    assert.equal(queries.length, 200);
    assert.deepEqual(benchmarkQueries(model, 200), queries);
    assert.ok(queries.some((q) => q.startsWith('"')));
    assert.ok(queries.some((q) => q.includes(" -")));
  });
});
