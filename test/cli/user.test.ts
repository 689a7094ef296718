/**
 * @module `raadsinfo user` as an administrator runs it, on an embedded store: add with --json and
 * --password-stdin, one-line refusals for every bad input, a first-login link in the outbox, list,
 * reset, disable; and the user it made signs in with password and TOTP.
 */
import assert from "node:assert/strict";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, describe, it } from "node:test";
import { loginAttempt, totpCode } from "../../src/accounts/index.js";
import { outboxList, outboxMessage } from "../../src/mail/index.js";
import { openStore } from "../../src/store/index.js";
import { type CliOptions, type CliResult, runCli } from "../support/cli.js";

const PASSWORD = "en lang og hemmelig sætning";
const NO_MAIL_ENV = { SMTP_URL: "", PUBLIC_BASE_URL: "", MAIL_FROM: "" };

/** One line on stderr, starting "raadsinfo: ", and no stack. */
function assertOneLine(result: CliResult, code: number, pattern: RegExp): void {
  assert.equal(result.code, code, `${result.stdout}\n${result.stderr}`);
  const lines = result.stderr.trimEnd().split("\n");
  assert.equal(lines.length, 1, result.stderr);
  assert.match(lines[0] ?? "", /^raadsinfo: /);
  assert.match(lines[0] ?? "", pattern);
  assert.doesNotMatch(result.stderr, /\n\s+at /);
}

describe("raadsinfo user", () => {
  let dataDir = "";
  const cli = (args: readonly string[], options: CliOptions = {}) =>
    runCli([...args, "--data-dir", dataDir], { ...options, env: { ...NO_MAIL_ENV, ...options.env } });

  before(async () => {
    dataDir = await mkdtemp(join(tmpdir(), "raadsinfo-user-"));
    // A body for the per-body roles; the command line has no way to make one (import does).
    const store = await openStore({ dataDir });
    try {
      await store.db.insertInto("body").values({ name: "KKR Nordjylland", classification: "KKR" }).execute();
    } finally {
      await store.close();
    }
  });

  after(async () => {
    await rm(dataDir, { recursive: true, force: true });
  });

  it("adds the first administrator with --password-stdin and prints id, email and totpSecret as JSON", async () => {
    const result = cli(
      [
        "user",
        "add",
        "ida@kl.dk",
        "--name",
        "Ida Admin",
        "--role",
        "administrator",
        "--password-stdin",
        "--json",
      ],
      { input: `${PASSWORD}\n` },
    );
    assert.equal(result.code, 0, result.stderr);
    const printed = JSON.parse(result.stdout) as Record<string, unknown>;
    assert.deepEqual(Object.keys(printed), ["id", "email", "totpSecret"]);
    assert.equal(printed.email, "ida@kl.dk");
    assert.equal(typeof printed.id, "number");
    assert.match(String(printed.totpSecret), /^[A-Z2-7]{32}$/);
    assert.equal(result.stderr, "", "no link is sent when a password is given");

    // The user the command made signs in with the password and a code from the secret.
    const store = await openStore({ dataDir });
    try {
      const now = new Date();
      const signedIn = await loginAttempt({
        db: store.db,
        email: "ida@kl.dk",
        password: PASSWORD,
        totpCode: totpCode(String(printed.totpSecret), now),
        address: null,
        now,
      });
      assert.equal(signedIn.user.id, printed.id);
      assert.deepEqual(
        signedIn.user.roles.map((r) => r.role),
        ["administrator"],
      );
    } finally {
      await store.close();
    }
  });

  it("refuses each bad input with one line naming the problem", () => {
    const add = (...args: string[]) => cli(["user", "add", ...args], { input: `${PASSWORD}\n` });
    assertOneLine(
      add("IDA@kl.dk", "--name", "Ida", "--role", "administrator", "--password-stdin"),
      1,
      /a user with the e-mail IDA@kl\.dk already exists/,
    );
    assertOneLine(
      add("bo@kl.dk", "--name", "Bo", "--role", "borgmester"),
      2,
      /unknown role "borgmester": use administrator, sekretariat, medlem/,
    );
    assertOneLine(
      add("bo@kl.dk", "--name", "Bo", "--role", "medlem"),
      2,
      /the role medlem needs a body: --body NAME/,
    );
    assertOneLine(
      add("bo@kl.dk", "--name", "Bo", "--role", "medlem", "--body", "KKR Atlantis"),
      1,
      /unknown body "KKR Atlantis" \(bodies: KKR Nordjylland\)/,
    );
    assertOneLine(
      add("bo@kl.dk", "--name", "Bo", "--role", "administrator", "--body", "KKR Nordjylland"),
      2,
      /the role administrator is global and takes no --body/,
    );
    assertOneLine(add("bo@kl.dk", "--role", "administrator"), 2, /user add needs --name NAME/);
    assertOneLine(
      add("ikke-en-adresse", "--name", "X", "--role", "administrator"),
      1,
      /"ikke-en-adresse" is not an e-mail address/,
    );
    assertOneLine(
      cli(["user", "add", "kort@kl.dk", "--name", "K", "--role", "administrator", "--password-stdin"], {
        input: "kort\n",
      }),
      1,
      /password refused: it needs at least 12 characters/,
    );
    assertOneLine(cli(["user"]), 2, /user needs one of: add, list, disable, enable, reset, grant/);
    assertOneLine(cli(["user", "remove", "x@kl.dk"]), 2, /unknown subcommand "user remove"/);
    assertOneLine(cli(["user", "list", "--role", "medlem"]), 2, /raadsinfo user list does not take --role/);
    assertOneLine(cli(["user", "disable", "ingen@kl.dk"]), 1, /no user with the e-mail ingen@kl\.dk/);
  });

  it("without --password-stdin sends a first-login link to the outbox; list, reset, disable and enable", async () => {
    const added = cli([
      "user",
      "add",
      "sek@kl.dk",
      "--name",
      "Søren Ærø",
      "--role",
      "sekretariat",
      "--body",
      "kkr nordjylland",
      "--base-url",
      "https://raadsinfo.example.dk/",
    ]);
    assert.equal(added.code, 0, added.stderr);
    assert.match(
      added.stdout,
      /^Created user \d+: sek@kl\.dk \(Søren Ærø\), sekretariat \(KKR Nordjylland\)\.$/m,
    );
    assert.match(added.stdout, /^Two-factor secret for an authenticator app \(shown once\): [A-Z2-7]{32}$/m);
    assert.match(added.stdout, /^Sent a first-login link to sek@kl\.dk \(written to .+\.eml: no SMTP_URL\)/m);

    const [mail] = await outboxList(join(dataDir, "outbox"));
    assert.equal(mail?.to, "sek@kl.dk");
    assert.equal(mail?.subject, "Din adgang til Rådsinfo");
    const { text } = await outboxMessage(mail!.file);
    assert.match(text, /^Kære Søren Ærø$/m);
    assert.match(text, /^https:\/\/raadsinfo\.example\.dk\/log-ind\/link\/[A-Za-z0-9_-]{43}$/m);

    const listed = cli(["user", "list", "--json"]);
    assert.equal(listed.code, 0, listed.stderr);
    const users = JSON.parse(listed.stdout) as {
      email: string;
      roles: { role: string; body: string | null }[];
      hasPassword: boolean;
    }[];
    assert.deepEqual(
      users.map((u) => [u.email, u.roles.map((r) => `${r.role}:${r.body}`), u.hasPassword]),
      [
        ["ida@kl.dk", ["administrator:null"], true],
        ["sek@kl.dk", ["sekretariat:KKR Nordjylland"], false],
      ],
    );
    const table = cli(["user", "list"]);
    assert.match(
      table.stdout,
      /sek@kl\.dk\s+Søren Ærø\s+sekretariat \(KKR Nordjylland\)\s+yes\s+awaiting first login/,
    );

    const granted = cli(["user", "grant", "ida@kl.dk", "--role", "medlem", "--body", "KKR Nordjylland"]);
    assert.equal(granted.code, 0, granted.stderr);
    assert.equal(granted.stdout, "ida@kl.dk now holds: administrator, medlem (KKR Nordjylland).\n");

    const reset = cli(["user", "reset", "ida@kl.dk"]);
    assert.equal(reset.code, 0, reset.stderr);
    assert.match(reset.stdout, /^Sent a password reset link to ida@kl\.dk/);
    const mails = await outboxList(join(dataDir, "outbox"));
    assert.deepEqual(
      mails.map((m) => m.subject),
      ["Din adgang til Rådsinfo", "Nulstil din adgangskode til Rådsinfo"],
    );

    const disabled = cli(["user", "disable", "SEK@kl.dk"]);
    assert.equal(disabled.code, 0, disabled.stderr);
    assert.equal(disabled.stdout, "Disabled sek@kl.dk: 0 sessions ended, 0 API tokens revoked.\n");
    assert.match(cli(["user", "list"]).stdout, /sek@kl\.dk .+ disabled/);
    assertOneLine(cli(["user", "reset", "sek@kl.dk"]), 1, /the user sek@kl\.dk is disabled/);

    const enabled = cli(["user", "enable", "sek@kl.dk"]);
    assert.equal(enabled.code, 0, enabled.stderr);
    assert.match(enabled.stdout, /^Enabled sek@kl\.dk: the user can sign in again/);
    assert.doesNotMatch(cli(["user", "list"]).stdout, /sek@kl\.dk .+ disabled/);
    assert.equal(cli(["user", "reset", "sek@kl.dk"]).code, 0, "an enabled user gets a reset link again");
  });
});
