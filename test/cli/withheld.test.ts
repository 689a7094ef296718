/**
 * `raadsinfo withheld`: an annex pack that names no meeting is withheld and listed, and released one
 * annex at a time; after the release the public search finds its text.
 */
import assert from "node:assert/strict";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, describe, it } from "node:test";
import { runCli } from "../support/cli.js";
import { seedPath } from "../support/seeds.js";

describe("raadsinfo withheld", { timeout: 300_000 }, () => {
  let dir = "";
  let dataDir = "";
  before(async () => {
    dir = await mkdtemp(join(tmpdir(), "raadsinfo-withheld-"));
    dataDir = join(dir, "data");
    const imported = runCli(["import", seedPath("003"), "--data-dir", dataDir]);
    assert.equal(imported.code, 0, imported.stderr);
  });
  after(() => rm(dir, { recursive: true, force: true }));

  it("lists an unlinked annex, releases it, and the public search then finds it", () => {
    const hits = () =>
      (
        JSON.parse(runCli(["search", "klimatilpasning", "--json", "--data-dir", dataDir]).stdout) as {
          total: number;
        }
      ).total;
    assert.equal(hits(), 0, "withheld: the public finds nothing of the pack");

    const listed = runCli(["withheld", "--json", "--data-dir", dataDir]);
    assert.equal(listed.code, 0, listed.stderr);
    const entries = JSON.parse(listed.stdout) as {
      thing: { kind: string; id: number };
      reason: string;
      title: string;
      body: string;
    }[];
    const annex = entries.find((e) => e.title === "KL Klimatilpasning");
    assert.equal(annex?.reason, "unlinked-annex");
    assert.equal(annex?.body, "KKR Midtjylland");

    const table = runCli(["withheld", "--body", "KKR Midtjylland", "--data-dir", dataDir]);
    assert.match(
      table.stdout,
      new RegExp(
        // The meeting column: the pack's estimated meeting, dated from its annexes (issue 16).
        `^file ${annex?.thing.id}\\s+unlinked-annex\\s+KKR Midtjylland\\s+\\d{1,2}\\. \\p{L}+ \\d{4}\\s+KL Klimatilpasning$`,
        "mu",
      ),
    );

    const released = runCli(["withheld", "release", "file", String(annex?.thing.id), "--data-dir", dataDir]);
    assert.equal(released.code, 0, released.stderr);
    assert.match(released.stdout, /^Released file \d+: the public now sees it\.$/m);
    assert.ok(hits() > 0, "released: the public search finds the annex");

    const again = runCli(["withheld", "release", "file", String(annex?.thing.id), "--data-dir", dataDir]);
    assert.match(again.stdout, /was not withheld/);
    const wrong = runCli(["withheld", "release", "meeting", "1", "--data-dir", dataDir]);
    assert.equal(wrong.code, 2);
    assert.equal(wrong.stderr.trim().split("\n").length, 1, "one line");
  });
});
