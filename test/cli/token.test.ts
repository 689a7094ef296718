/** @module `raadsinfo token create|list|revoke` on an embedded store, and their one-line refusals. */
import assert from "node:assert/strict";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, describe, it } from "node:test";
import { apiTokenAuthenticator } from "../../src/accounts/index.js";
import { openStore } from "../../src/store/index.js";
import { type CliResult, runCli } from "../support/cli.js";

function assertOneLine(result: CliResult, code: number, pattern: RegExp): void {
  assert.equal(result.code, code, `${result.stdout}\n${result.stderr}`);
  assert.equal(result.stderr.trimEnd().split("\n").length, 1, result.stderr);
  assert.match(result.stderr, /^raadsinfo: /);
  assert.match(result.stderr, pattern);
}

describe("raadsinfo token", () => {
  let dataDir = "";
  const cli = (...args: string[]) =>
    runCli([...args, "--data-dir", dataDir], { input: "robotten har et langt kodeord\n" });

  before(async () => {
    dataDir = await mkdtemp(join(tmpdir(), "raadsinfo-token-"));
    const added = cli(
      "user",
      "add",
      "robot@kl.dk",
      "--name",
      "Robot",
      "--role",
      "administrator",
      "--password-stdin",
    );
    assert.equal(added.code, 0, added.stderr);
  });

  after(async () => {
    await rm(dataDir, { recursive: true, force: true });
  });

  it("creates a token that acts as its user, lists it without its value, and revokes it", async () => {
    const created = cli("token", "create", "--user", "ROBOT@kl.dk", "--json", "--name", "OParl-høster");
    assert.equal(created.code, 0, created.stderr);
    const { token } = JSON.parse(created.stdout) as { token: string };
    assert.deepEqual(Object.keys(JSON.parse(created.stdout)), ["token"]);
    assert.match(token, /^ri_[A-Za-z0-9_-]{43}$/);

    const store = await openStore({ dataDir });
    try {
      const bearer = await apiTokenAuthenticator({ db: store.db, token });
      assert.equal(bearer?.user.email, "robot@kl.dk");
    } finally {
      await store.close();
    }

    const plain = cli("token", "create", "--user", "robot@kl.dk");
    assert.equal(plain.code, 0, plain.stderr);
    assert.match(plain.stdout, /^ri_[A-Za-z0-9_-]{43}\n$/);
    assert.match(plain.stderr, /^API token 2 for robot@kl\.dk, shown once/);

    const listed = cli("token", "list");
    assert.match(listed.stdout, /1\s+ri_.{8}…\s+robot@kl\.dk\s+OParl-høster\s+\S+ \S+\s+active/);
    assert.ok(!listed.stdout.includes(token), "the value is never listed");

    const revoked = cli("token", "revoke", token);
    assert.equal(revoked.code, 0, revoked.stderr);
    assert.equal(revoked.stdout, `Revoked API token 1 (${token.slice(0, 11)}…) of robot@kl.dk.\n`);
    assertOneLine(cli("token", "revoke", "1"), 1, /API token 1 is revoked already/);
    assert.equal(cli("token", "revoke", "2").code, 0);
    const listedAfter = cli("token", "list", "--user", "robot@kl.dk").stdout;
    assert.equal(listedAfter.match(/ revoked$/gm)?.length, 2, listedAfter);
  });

  it("refuses bad input with one line", () => {
    assertOneLine(cli("token", "create"), 2, /token create needs --user EMAIL/);
    assertOneLine(cli("token", "create", "--user", "ingen@kl.dk"), 1, /no user with the e-mail ingen@kl\.dk/);
    assertOneLine(cli("token", "revoke", "ri_findesikke"), 1, /no API token "ri_findesik…"/);
    assertOneLine(cli("token", "revoke", "999"), 1, /no API token with id 999/);
    assertOneLine(cli("token", "revoke"), 2, /token revoke takes exactly one TOKEN or token id/);
    assertOneLine(
      cli("token", "create", "--user", "robot@kl.dk", "--role", "medlem"),
      2,
      /token does not take --role/,
    );
  });
});
