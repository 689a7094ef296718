/**
 * @module `raadsinfo alerts send`: queues the digests due on an embedded store, one per subscriber a day
 * however often it runs; the queued mail carries the --base-url links and List-Unsubscribe.
 */
import assert from "node:assert/strict";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, it } from "node:test";
import type { MailMessage } from "../../src/mail/index.js";
import { importDocument, insertAlertSubscription, openStore } from "../../src/store/index.js";
import { runCli } from "../support/cli.js";
import { buildMinutes, meetingOn } from "../support/documents.js";

const dirs: string[] = [];
after(async () => {
  for (const dir of dirs) await rm(dir, { recursive: true, force: true });
});

it("queues a digest for a confirmed subscriber with news, and none on a second run", async () => {
  const dataDir = await mkdtemp(join(tmpdir(), "raadsinfo-alerts-cli-"));
  dirs.push(dataDir);
  const setup = await openStore({ dataDir });
  // Confirmed an hour ago, so the minutes imported next are news to it.
  await importDocument(setup.db, buildMinutes({ meeting: meetingOn("2026-03-20") }));
  const body = await setup.db.selectFrom("body").select("id").executeTakeFirstOrThrow();
  const id = await insertAlertSubscription(setup.db, {
    email: "dorte@eksempel.dk",
    target: { kind: "body", bodyId: body.id },
    confirmTokenHash: "0".repeat(64),
  });
  await setup.db
    .updateTable("alert_subscription")
    .set({ confirmed: new Date(Date.now() - 3_600_000) })
    .where("id", "=", id)
    .execute();
  await setup.close();

  const args = ["alerts", "send", "--data-dir", dataDir, "--base-url", "https://raadsinfo.example.dk"];
  const first = runCli(args);
  assert.equal(first.code, 0, first.stderr);
  assert.equal(
    first.stdout,
    "1 digest queued of 1 subscription due; serve or raadsinfo worker sends them.\n",
  );
  const second = runCli([...args, "--json"]);
  assert.equal(second.code, 0, second.stderr);
  assert.deepEqual(JSON.parse(second.stdout), { due: 0, queued: 0, expired: 0 });

  const store = await openStore({ dataDir });
  try {
    const jobs = await store.db.selectFrom("job").select("payload").where("kind", "=", "send-mail").execute();
    assert.equal(jobs.length, 1);
    const mail = jobs[0]?.payload as MailMessage;
    assert.equal(mail.to, "dorte@eksempel.dk");
    assert.match(mail.text, /https:\/\/raadsinfo\.example\.dk\/punkt\/\d+/);
    assert.match(
      mail.headers?.["List-Unsubscribe"] ?? "",
      /^<https:\/\/raadsinfo\.example\.dk\/afmeld\/.+>$/,
    );
  } finally {
    await store.close();
  }
});

it("names its one subcommand", () => {
  const result = runCli(["alerts"]);
  assert.equal(result.code, 2);
  assert.equal(result.stderr.trim(), 'raadsinfo: alerts takes one subcommand: "send" (see raadsinfo --help)');
});
