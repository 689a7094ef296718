/** The raadsinfo command as a user meets it: help, and one-line errors for what it cannot do. */
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { describe, it } from "node:test";
import { fileURLToPath } from "node:url";

const bin = fileURLToPath(new URL("../bin/raadsinfo.js", import.meta.url));

function run(...args: string[]) {
  const result = spawnSync(process.execPath, [bin, ...args], {
    encoding: "utf8",
    env: { ...process.env, DATABASE_URL: "" },
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe("raadsinfo command", () => {
  it("lists every command in --help", () => {
    const { code, stdout } = run("--help");
    assert.equal(code, 0);
    for (const command of ["serve", "import", "parse", "search", "export"]) {
      assert.match(stdout, new RegExp(`^  ${command}\\b`, "m"), `${command} is listed`);
    }
    assert.match(stdout, /--data-dir/);
    assert.match(stdout, /DATABASE_URL/);
  });

  it("refuses an unknown command in one line", () => {
    const { code, stderr } = run("frobnicate");
    assert.equal(code, 2);
    assert.equal(stderr.trim(), 'raadsinfo: unknown command "frobnicate" (see raadsinfo --help)');
  });

  it("refuses an unknown flag in one line", () => {
    const { code, stderr } = run("serve", "--colour");
    assert.equal(code, 2);
    assert.equal(stderr.trim().split("\n").length, 1);
    assert.match(stderr, /--colour/);
  });

  it("refuses a flag that belongs to another command", () => {
    const { code, stderr } = run("parse", "x.txt", "--port", "80");
    assert.equal(code, 2);
    assert.equal(stderr.trim(), "raadsinfo: raadsinfo parse does not take --port (see raadsinfo --help)");
  });

  it("names the file when it cannot be read", () => {
    const { code, stderr } = run("parse", "no-such-file.pdf", "--json");
    assert.equal(code, 1);
    assert.equal(stderr.trim().split("\n").length, 1);
    assert.match(stderr, /no-such-file\.pdf/);
    assert.doesNotMatch(stderr, /\bat .*\.ts:\d+/, "no stack trace");
  });
});
