/** `raadsinfo import` on a folder with good and bad files: the good ones import, each bad one gets a line. */
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { copyFile, mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, describe, it } from "node:test";
import { fileURLToPath } from "node:url";
import { openStore } from "../../src/store/index.js";
import { seedPath } from "../support/seeds.js";

const bin = fileURLToPath(new URL("../../bin/raadsinfo.js", import.meta.url));

function run(...args: string[]) {
  const result = spawnSync(process.execPath, [bin, ...args], {
    encoding: "utf8",
    env: { ...process.env, DATABASE_URL: "" },
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe("raadsinfo import", () => {
  let dir = "";
  let folder = "";
  let dataDir = "";
  before(async () => {
    dir = await mkdtemp(join(tmpdir(), "raadsinfo-import-"));
    folder = join(dir, "in");
    dataDir = join(dir, "data");
    await mkdir(join(folder, "sub"), { recursive: true });
    await copyFile(seedPath("004_5f8a3532f4c6e49a.txt"), join(folder, "sub", "referat.txt"));
    await writeFile(join(folder, "tom.txt"), "");
    await writeFile(join(folder, "binaer.pdf"), Buffer.from([0x25, 0x50, 0x44, 0x46, 0x2d, 0, 1, 2, 3, 255]));
    await writeFile(
      join(folder, "billede.txt"),
      Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0x0d, 0, 0, 1]),
    );
  });
  after(() => rm(dir, { recursive: true, force: true }));

  it("imports the good file of a folder and names each bad one in one line", async () => {
    const { code, stdout, stderr } = run("import", folder, "--data-dir", dataDir);
    assert.equal(code, 1, "a failed file makes the exit code non-zero");
    assert.match(stdout, /referat\.txt\s+minutes\s+created\s+13\s+24/);
    const errors = stderr.split("\n").filter((line) => line.startsWith("raadsinfo: "));
    assert.equal(errors.length, 3, stderr);
    for (const name of ["tom.txt", "binaer.pdf", "billede.txt"]) {
      assert.ok(
        errors.some((line) => line.includes(name)),
        `${name} is named`,
      );
    }
    assert.doesNotMatch(stderr, /\n\s+at /, "no stack trace");
    const store = await openStore({ dataDir });
    try {
      const files = await store.db.selectFrom("source_file").select("file_name").execute();
      assert.deepEqual(files, [{ file_name: "referat.txt" }], "nothing of the bad files was written");
    } finally {
      await store.close();
    }
  });

  it("reports an unchanged file when the same folder is imported again", () => {
    const { stdout } = run("import", join(folder, "sub"), "--data-dir", dataDir);
    assert.match(stdout, /referat\.txt\s+minutes\s+unchanged/);
  });
});
