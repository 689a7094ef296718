/**
 * The privacy gate in parse: a CPR number put into a real item of the minutes and into a real annex of a
 * pack is reported as a `cpr-number` warning with its line, without the number; the seeds as they are
 * have none.
 */
import assert from "node:assert/strict";
import { createHash } from "node:crypto";
import { readFile } from "node:fs/promises";
import { before, describe, it } from "node:test";
import type { ParsedDocument } from "../../../src/domain/index.js";
import { type IngestOptions, loadIngestOptions, parseSource } from "../../../src/ingest/index.js";
import { seedPath } from "../../support/seeds.js";

async function parseWith(
  seed: string,
  edit: (lines: string[]) => void,
  options: IngestOptions,
): Promise<ParsedDocument> {
  const lines = (await readFile(seedPath(seed), "utf8")).split("\n");
  edit(lines);
  const bytes = new TextEncoder().encode(lines.join("\n"));
  const sha256 = createHash("sha256").update(bytes).digest("hex");
  return parseSource({ file: `${seed}.txt`, bytes, sha256 }, options);
}

describe("cpr-number warnings", () => {
  let options: IngestOptions;
  before(async () => {
    options = await loadIngestOptions();
  });

  it("finds a CPR number in an item of the minutes, with its line and not the number", async () => {
    // Line 93 of seed 004 is the Baggrund of item 1.1.
    const doc = await parseWith(
      "004",
      (lines) => {
        lines[92] = `${lines[92]?.trimEnd()} Borgeren, cpr-nr. 120390-1234, har klaget.`;
      },
      options,
    );
    const cpr = doc.warnings.filter((w) => w.code === "cpr-number");
    assert.deepEqual(
      cpr.map((w) => w.source),
      [{ lineStart: 93, lineEnd: 93 }],
    );
    assert.doesNotMatch(cpr[0]?.message ?? "", /120390|1234/, "the warning does not repeat the number");
    const item = doc.items.find((i) => i.number === "1.1");
    assert.ok(item && item.source.lineStart <= 93 && 93 <= item.source.lineEnd, "the line is in item 1.1");
  });

  it("finds one in an annex of a pack, and none of the look-alikes beside it", async () => {
    const doc = await parseWith(
      "003",
      (lines) => {
        lines[1500] = `${lines[1500]} Ansøger 0101901234 og sagsnr. 24/120390-1234, 1203901234 kr.`;
      },
      options,
    );
    const cpr = doc.warnings.filter((w) => w.code === "cpr-number");
    assert.equal(cpr.length, 1);
    assert.match(cpr[0]?.message ?? "", /characters \d+-\d+\)/);
    assert.equal(cpr[0]?.source?.lineStart, 1501);
  });

  it("reports none in the seeds as they are", async () => {
    for (const seed of ["000", "001", "002", "003", "004"]) {
      const doc = await parseWith(seed, () => {}, options);
      assert.deepEqual(
        doc.warnings.filter((w) => w.code === "cpr-number"),
        [],
        seed,
      );
    }
  });
});
