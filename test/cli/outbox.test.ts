/** @module `raadsinfo outbox [--json]`: lists the mails in DATA_DIR/outbox (date, to, subject). */
import assert from "node:assert/strict";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, it } from "node:test";
import { openMailer } from "../../src/mail/index.js";
import { runCli } from "../support/cli.js";

const dirs: string[] = [];
after(async () => {
  for (const dir of dirs) await rm(dir, { recursive: true, force: true });
});

it("says an empty outbox is empty, then lists each mail, as a table and as JSON", async () => {
  const dataDir = await mkdtemp(join(tmpdir(), "raadsinfo-outbox-cli-"));
  dirs.push(dataDir);
  const env = { SMTP_URL: "" };
  const empty = runCli(["outbox", "--data-dir", dataDir], { env });
  assert.equal(empty.code, 0, empty.stderr);
  assert.equal(empty.stdout, `The outbox ${join(dataDir, "outbox")} is empty.\n`);

  const mailer = openMailer({ dataDir });
  await mailer.send({ to: "anna@kl.dk", subject: "Din adgang til Rådsinfo", text: "Kære Anna" });
  await mailer.send({ to: "bo@kl.dk", subject: "Dagsorden for mødet – ændret", text: "Kære Bo" });
  mailer.close();

  const table = runCli(["outbox", "--data-dir", dataDir], { env });
  assert.equal(table.code, 0, table.stderr);
  const lines = table.stdout.split("\n");
  assert.match(lines[0] ?? "", /^date\s+to\s+subject$/);
  assert.match(lines[2] ?? "", /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}\s+anna@kl\.dk\s+Din adgang til Rådsinfo$/);
  assert.match(lines[3] ?? "", /bo@kl\.dk\s+Dagsorden for mødet – ændret$/);
  assert.match(table.stdout, /^2 mails in .+outbox\.$/m);

  const json = runCli(["outbox", "--json", "--data-dir", dataDir], { env });
  const mails = JSON.parse(json.stdout) as { date: string; to: string; subject: string; file: string }[];
  assert.deepEqual(
    mails.map((m) => [m.to, m.subject]),
    [
      ["anna@kl.dk", "Din adgang til Rådsinfo"],
      ["bo@kl.dk", "Dagsorden for mødet – ændret"],
    ],
  );
  assert.ok(!Number.isNaN(Date.parse(mails[0]!.date)));
  assert.match(mails[0]!.file, /\.eml$/);

  const refused = runCli(["outbox", "extra", "--data-dir", dataDir], { env });
  assert.equal(refused.code, 2);
  assert.equal(refused.stderr, 'raadsinfo: outbox takes no arguments, got "extra"\n');
});
