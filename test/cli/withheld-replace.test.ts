/**
 * `raadsinfo withheld replace FILE-ID COPY` (issue 12, point 9): a document whose page names a CPR
 * number is imported with that page withheld; a copy that still names one is refused with one Danish
 * line naming the file and the page, changing nothing; a clean copy replaces the annex, and the public
 * search then finds the copy's text.
 */
import assert from "node:assert/strict";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, describe, it } from "node:test";
import { runCli } from "../support/cli.js";

const NOTE = [
  "Notat om en borgerhenvendelse",
  "Borger med cpr. 120390-1234 har skrevet til kommunen om kkrclihenvendelse.",
  "\fSide to",
  "Kommunen svarer om kkrcliklimaplan.",
].join("\n");

const copyText = (cpr: string) =>
  [
    "Notat om en borgerhenvendelse",
    `Borger med cpr. ${cpr} har skrevet til kommunen om kkrclianonymiseret.`,
    "\fSide to",
    "Kommunen svarer om kkrcliklimaplan.",
  ].join("\n");

describe("raadsinfo withheld replace", { timeout: 300_000 }, () => {
  let dir = "";
  let dataDir = "";
  before(async () => {
    dir = await mkdtemp(join(tmpdir(), "raadsinfo-replace-"));
    dataDir = join(dir, "data");
    await writeFile(join(dir, "notat.txt"), NOTE);
    await writeFile(join(dir, "notat-stadig-cpr.txt"), copyText("120390-1234"));
    await writeFile(join(dir, "notat-anonymiseret.txt"), copyText("XXXXXX-XXXX"));
    const imported = runCli(["import", join(dir, "notat.txt"), "--data-dir", dataDir]);
    assert.equal(imported.code, 0, imported.stderr);
  });
  after(() => rm(dir, { recursive: true, force: true }));

  // As typed: a word gone from the records would otherwise be read as its nearest one ("kkrclianonymiseret").
  const hits = (word: string) =>
    (
      JSON.parse(runCli(["search", word, "--json", "--as-typed", "--data-dir", dataDir]).stdout) as {
        total: number;
      }
    ).total;

  it("refuses a copy with a CPR number left, then replaces the annex with a clean copy", () => {
    const listed = runCli(["withheld", "--json", "--data-dir", dataDir]);
    assert.equal(listed.code, 0, listed.stderr);
    const entries = JSON.parse(listed.stdout) as {
      thing: { kind: string; fileId?: number; page?: number };
      reason: string;
      annexId: number | null;
    }[];
    const finding = entries.find((e) => e.reason === "cpr-number" && e.thing.kind === "page");
    assert.equal(finding?.thing.page, 1, "page 1 is withheld for its CPR number");
    const fileId = String(finding?.annexId);
    assert.equal(hits("kkrclihenvendelse"), 0);

    const refused = runCli([
      "withheld",
      "replace",
      fileId,
      join(dir, "notat-stadig-cpr.txt"),
      "--data-dir",
      dataDir,
    ]);
    assert.equal(refused.code, 1);
    assert.equal(
      refused.stderr.trim(),
      'raadsinfo: Filen "notat-stadig-cpr.txt" indeholder stadig et CPR-nummer på side 1, så den erstatter ikke bilaget "notat". Intet er ændret.',
    );
    assert.equal(
      runCli(["withheld", "--json", "--data-dir", dataDir]).stdout,
      listed.stdout,
      "nothing changed",
    );

    const replaced = runCli([
      "withheld",
      "replace",
      fileId,
      join(dir, "notat-anonymiseret.txt"),
      "--data-dir",
      dataDir,
    ]);
    assert.equal(replaced.code, 0, replaced.stderr);
    assert.match(
      replaced.stdout,
      new RegExp(
        `^Replaced file ${fileId} \\("notat"\\) with notat-anonymiseret\\.txt: 2 pages \\(was 2\\), sha256 [0-9a-f]{12}…; the public now sees it\\.$`,
        "m",
      ),
    );
    const after = JSON.parse(runCli(["withheld", "--json", "--data-dir", dataDir]).stdout) as typeof entries;
    assert.deepEqual(
      after.map((e) => [e.thing.kind, e.reason, e.annexId]),
      [["file", "cpr-number", null]],
      "only the imported file itself stays withheld: its bytes still hold the number",
    );
    assert.ok(hits("kkrclianonymiseret") > 0, "the public search finds the copy's text");
    assert.equal(hits("kkrclihenvendelse"), 0, "and no longer the original's");

    const missing = runCli(["withheld", "replace", fileId, join(dir, "nope.txt"), "--data-dir", dataDir]);
    assert.equal(missing.code, 1);
    assert.equal(missing.stderr.trim().split("\n").length, 1, "one line");
  });
});
