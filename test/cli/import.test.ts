/**
 * `raadsinfo import` on a folder as users have them: good files, bad files, files of other types, a
 * symbolic link and a folder it may not read. Every file found gets a line saying what became of it.
 */
import assert from "node:assert/strict";
import { constants } from "node:fs";
import {
  access,
  chmod,
  chown,
  copyFile,
  mkdir,
  mkdtemp,
  readdir,
  rm,
  stat,
  symlink,
  writeFile,
} from "node:fs/promises";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { after, before, describe, it } from "node:test";
import { openStore } from "../../src/store/index.js";
import { BIN, type CliOptions, runCli } from "../support/cli.js";
import { seedPath } from "../support/seeds.js";

const NOBODY = 65534;

/**
 * Root reads any folder, so as root the import runs as nobody to meet a folder it may not read; that
 * needs the command itself to be readable by nobody, as it is in a checkout with ordinary modes.
 */
async function asUnprivileged(): Promise<Pick<CliOptions, "uid" | "gid">> {
  if (process.getuid?.() !== 0) return {};
  for (let dir = dirname(BIN); dir !== dirname(dir); dir = dirname(dir)) {
    if (((await stat(dir)).mode & constants.S_IXOTH) === 0) {
      throw new Error(`${dir} is not searchable by other users; the test cannot run the command as nobody`);
    }
  }
  return { uid: NOBODY, gid: NOBODY };
}

async function chownTree(path: string, uid: number): Promise<void> {
  await chown(path, uid, uid);
  if ((await stat(path)).isDirectory()) {
    for (const name of await readdir(path)) await chownTree(join(path, name), uid);
  }
}

describe("raadsinfo import", () => {
  let dir = "";
  let folder = "";
  let dataDir = "";
  let user: Pick<CliOptions, "uid" | "gid"> = {};
  before(async () => {
    dir = await mkdtemp(join(tmpdir(), "raadsinfo-import-"));
    folder = join(dir, "in");
    dataDir = join(dir, "data");
    await mkdir(join(folder, "sub"), { recursive: true });
    await mkdir(join(folder, "laast"));
    await mkdir(dataDir);
    await copyFile(seedPath("004_5f8a3532f4c6e49a.txt"), join(folder, "sub", "referat.txt"));
    await copyFile(seedPath("003_543010fa29d1b32e.txt"), join(folder, "laast", "bilag.txt"));
    await writeFile(join(folder, "tom.txt"), "");
    await writeFile(join(folder, "binaer.pdf"), Buffer.from([0x25, 0x50, 0x44, 0x46, 0x2d, 0, 1, 2, 3, 255]));
    await writeFile(
      join(folder, "billede.txt"),
      Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0x0d, 0, 0, 1]),
    );
    await writeFile(join(folder, "noter.odt"), "PK not really an odt");
    await symlink(seedPath("002_3519f531f00fe676.txt"), join(folder, "genvej.txt"));
    user = await asUnprivileged();
    if (user.uid !== undefined) {
      for (const path of [dir, folder, join(folder, "sub"), dataDir]) await chown(path, NOBODY, NOBODY);
      await chmod(dir, 0o755);
    }
    await chmod(join(folder, "laast"), 0o000);
  });
  after(async () => {
    await chmod(join(folder, "laast"), 0o755).catch(() => {});
    await rm(dir, { recursive: true, force: true });
  });

  it("lists every file found as imported, failed or skipped, with its path and why", async () => {
    const { code, stdout, stderr } = runCli(["import", folder, "--data-dir", dataDir], { ...user, cwd: dir });
    assert.equal(code, 1, "a failed file makes the exit code non-zero");
    const rowOf = (name: string) => stdout.split("\n").find((line) => line.startsWith(`in/${name}`)) ?? "";
    assert.match(rowOf("sub/referat.txt"), /created\s+minutes\s+13\s+24\s+0\s+\d+/);
    assert.match(rowOf("tom.txt"), /failed .*the file is empty/);
    assert.match(rowOf("binaer.pdf"), /failed .*PDF/);
    assert.match(rowOf("billede.txt"), /failed/);
    assert.match(rowOf("noter.odt"), /skipped .*not a \.pdf, \.txt, \.docx, \.html or \.htm file/);
    assert.match(rowOf("genvej.txt"), /skipped .*symbolic link/);
    assert.match(rowOf("laast"), /skipped .*folder cannot be read \(permission denied\)/);
    assert.match(stdout, /^1 imported, 0 unchanged, 3 failed, 3 skipped of 7 files found \(PGlite in /m);
    const errors = stderr.split("\n").filter((line) => line.startsWith("raadsinfo: "));
    assert.deepEqual(
      errors.map((line) => line.split(":")[1]?.trim()).sort(),
      ["in/billede.txt", "in/binaer.pdf", "in/tom.txt"],
      "each failed file has one line on stderr, with its path",
    );
    assert.doesNotMatch(stderr, /\n\s+at /, "no stack trace");
    const store = await openStore({ dataDir });
    try {
      const files = await store.db.selectFrom("source_file").select("file_name").execute();
      assert.deepEqual(files, [{ file_name: "referat.txt" }], "nothing of the bad files was written");
    } finally {
      await store.close();
      // Opened here as root: hand the store's files back to the user the command runs as.
      if (user.uid !== undefined) await chownTree(dataDir, user.uid);
    }
  });

  it("shows progress as a line per file when its output is piped", () => {
    const { stderr } = runCli(
      ["import", join(folder, "sub"), join(folder, "tom.txt"), "--data-dir", dataDir],
      {
        ...user,
        cwd: dir,
      },
    );
    assert.match(stderr, /^Importing 2 files into PGlite in /m);
    assert.match(stderr, /^\[1\/2\] unchanged in\/sub\/referat\.txt$/m);
    assert.match(stderr, /^\[2\/2\] failed in\/tom\.txt$/m);
  });

  it("lists the warnings under the summary, in full with --verbose, and all of it with --json", () => {
    const fresh = join(dir, "data-warnings");
    const options = { ...user, cwd: dir };
    const grouped = runCli(["import", join(folder, "sub"), "--data-dir", fresh], options);
    assert.equal(grouped.code, 0, grouped.stderr);
    assert.match(
      grouped.stdout,
      /^\d+ warnings? \(--verbose shows each in full\):\n {2}in\/sub\/referat\.txt$/m,
    );
    assert.match(grouped.stdout, /^ {4}unassigned-text: lines \d+-\d+$/m, "code and lines");

    const verbose = runCli(
      ["import", join(folder, "sub"), "--data-dir", join(dir, "data-verbose"), "--verbose"],
      options,
    );
    assert.match(verbose.stdout, /^ {4}unassigned-text \(lines \d+-\d+\): .+$/m, "code, lines and message");

    const json = runCli(["import", folder, "--data-dir", join(dir, "data-json"), "--json"], options);
    const report = JSON.parse(json.stdout) as {
      counts: Record<string, number>;
      files: { path: string; outcome: string; reason?: string; warnings: { code: string }[] }[];
    };
    assert.deepEqual(report.counts, { imported: 1, unchanged: 0, failed: 3, skipped: 3 });
    const referat = report.files.find((f) => f.path.endsWith("referat.txt"));
    assert.equal(referat?.outcome, "imported");
    assert.ok(referat?.warnings.some((w) => w.code === "unassigned-text"));
    assert.equal(
      report.files.find((f) => f.path.endsWith("noter.odt"))?.reason,
      "not a .pdf, .txt, .docx, .html or .htm file",
    );
  });

  it("reports files already stored as unchanged, by their bytes, whatever their name", async () => {
    const copy = join(dir, "kopi");
    await mkdir(copy);
    await copyFile(seedPath("004_5f8a3532f4c6e49a.txt"), join(copy, "samme-referat.txt"));
    if (user.uid !== undefined) await chown(copy, NOBODY, NOBODY);
    const { code, stdout } = runCli(["import", join(folder, "sub"), copy, "--data-dir", dataDir], {
      ...user,
      cwd: dir,
    });
    assert.equal(code, 0);
    assert.match(stdout, /^in\/sub\/referat\.txt\s+unchanged/m);
    assert.match(stdout, /^kopi\/samme-referat\.txt\s+unchanged/m);
    assert.match(stdout, /^0 imported, 2 unchanged, 0 failed, 0 skipped of 2 files found/m);
  });

  it("says 1 file, not 1 files", async () => {
    await access(join(folder, "sub", "referat.txt"));
    const { stdout } = runCli(["import", join(folder, "sub", "referat.txt"), "--data-dir", dataDir], {
      ...user,
      cwd: dir,
    });
    assert.match(stdout, /of 1 file found/);
  });
});
