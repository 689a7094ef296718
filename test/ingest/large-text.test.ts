/**
 * A 50 MB text, as the issue tried it (seed 004 copied until it is 50 MB), is parsed whole: nothing of any
 * copy is lost. The time per MB is the parse-linearity benchmark's to measure, not this test's.
 */
import assert from "node:assert/strict";
import { createHash } from "node:crypto";
import { readFile } from "node:fs/promises";
import { describe, it } from "node:test";
import { loadIngestOptions, parseSource } from "../../src/ingest/index.js";
import { seedPath } from "../support/seeds.js";

const count = (text: string, word: string) => text.split(word).length - 1;

describe("a 50 MB text", { timeout: 900_000 }, () => {
  it("is parsed whole: each copy's text is in the result", async () => {
    const options = await loadIngestOptions();
    const seed = await readFile(seedPath("004"), "utf8");
    const source = (text: string, file: string) => {
      const bytes = new TextEncoder().encode(text);
      return { file, bytes, sha256: createHash("sha256").update(bytes).digest("hex") };
    };
    const one = await parseSource(source(seed, "004.txt"), options);
    const perCopy = count(one.text, "biokul");
    assert.ok(perCopy > 0);

    const copies = Math.ceil((50 * 1024 * 1024) / Buffer.byteLength(seed));
    const big = await parseSource(source(seed.repeat(copies), "stor.txt"), options);
    assert.equal(big.kind, "minutes");
    assert.equal(count(big.text, "biokul"), perCopy * copies, "every copy's text is kept");
  });
});
