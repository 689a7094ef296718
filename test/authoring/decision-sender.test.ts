/**
 * decisionSender on both backends (issue 14): one decision sent to three municipalities leaves as three
 * mails through the real queue to a real SMTP server, each with the letter attached as a PDF that
 * Rådsinfo's own parse reads the item and the decision back from; the dispatches are recorded and
 * audited. A closed item's decision, an item without a decision and a municipality without an address
 * are refused in Danish, and nothing is sent.
 */
import assert from "node:assert/strict";
import { after, before, it } from "node:test";
import { decisionSender } from "../../src/authoring/decision-sender.js";
import { FollowUpRefused } from "../../src/authoring/follow-up-refusal.js";
import { loadIngestOptions, parseSource } from "../../src/ingest/index.js";
import { startWorker } from "../../src/jobs/index.js";
import { mailAttachments, mailTextPart, openMailer, parseMail } from "../../src/mail/index.js";
import { decisionDispatches, listAuditEntries } from "../../src/store/index.js";
import { startSmtpServer, type TestSmtpServer } from "../support/smtp-server.js";
import { forEachBackend } from "../support/stores.js";
import { CLI } from "./agenda-support.js";
import { ADDRESSES, DECISION, decisionWorld } from "./decision-follow-up-support.js";

forEachBackend("decisionSender", (store) => {
  let smtp: TestSmtpServer;
  before(async () => {
    smtp = await startSmtpServer();
  });
  after(() => smtp.close());

  it("sends one decision to three municipalities: three mails with the letter, recorded and audited", async () => {
    const { db } = store();
    const { world, openItemId } = await decisionWorld(db);
    const sent = await decisionSender({
      db,
      viewer: world.secretariat,
      actor: CLI,
      itemId: openItemId,
      municipalities: ["Aalborg", "Hjørring", "Brønderslev"],
      baseUrl: "http://localhost:3000",
    });
    assert.deepEqual(sent.dispatches.map((d) => d.municipality).sort(), [
      "Aalborg",
      "Brønderslev",
      "Hjørring",
    ]);
    const mailer = openMailer({ smtpUrl: smtp.url, dataDir: "/nonexistent" });
    const worker = startWorker({ db, services: { mailer }, pollMs: 10 });
    const wanted = Object.values(ADDRESSES);
    try {
      for (let i = 0; i < 3000; i++) {
        if (wanted.every((to) => smtp.received.some((r) => r.to.includes(to)))) break;
        await new Promise((r) => setTimeout(r, 10));
      }
    } finally {
      await worker.stop();
      mailer.close();
    }
    const options = await loadIngestOptions();
    for (const [municipality, to] of Object.entries(ADDRESSES)) {
      const raw = smtp.received.find((r) => r.to.includes(to));
      assert.ok(raw, `the server got the mail to ${to}`);
      const mail = parseMail(raw.raw);
      assert.match(
        mail.headers.get("subject") ?? "",
        /^Beslutning fra KKR Nordjylland 20\. september 2024: 2\.1 Rammeaftale/,
      );
      assert.match(mailTextPart(mail), new RegExp(`Til ${municipality} Kommune`));
      const [letter] = mailAttachments(mail);
      assert.ok(letter, "the letter is attached");
      assert.equal(letter.contentType, "application/pdf");
      assert.match(letter.filename, /^beslutning-kkr-nordjylland-2024-09-20-punkt-2-1\.pdf$/);
      const parsed = await parseSource(
        { file: letter.filename, bytes: new Uint8Array(letter.bytes), sha256: "0" },
        options,
      );
      const item = parsed.items.find((i) => i.number === "2.1");
      assert.equal(item?.title, "Rammeaftale for det specialiserede socialområde 2025-2026");
      assert.equal(item?.fields.beslutning?.replace(/\s+/g, " ").trim(), DECISION);
      assert.match(parsed.text, new RegExp(`Til: ${municipality} Kommune`));
    }
    const dispatches = await decisionDispatches(db, openItemId);
    assert.equal(dispatches.length, 3);
    assert.ok(dispatches.every((d) => d.jobState === "done"));
    const audit = await listAuditEntries(db, { limit: 20 });
    assert.ok(audit.some((e) => e.action === "decision-send" && e.targetId === String(openItemId)));
  });

  it("refuses a closed item, an item without a decision and a municipality without an address", async () => {
    const { db } = store();
    const { world, closedItemId, openItemId } = await decisionWorld(db);
    const sentBefore = (await decisionDispatches(db, openItemId)).length;
    const send = (itemId: number, municipalities: readonly string[]) =>
      decisionSender({ db, viewer: world.secretariat, actor: CLI, itemId, municipalities });
    await assert.rejects(send(closedItemId, ["Aalborg"]), (e: unknown) => {
      assert.ok(e instanceof FollowUpRefused);
      assert.equal(e.status, 409);
      assert.match(e.message, /lukket punkt/i);
      return true;
    });
    await assert.rejects(send(openItemId, ["Thisted"]), /Thisted Kommune har ingen adresse/);
    await assert.rejects(send(openItemId, ["Aarhus"]), /Aarhus er ikke en af KKR Nordjyllands kommuner/);
    await assert.rejects(
      decisionSender({
        db,
        viewer: world.member,
        actor: CLI,
        itemId: openItemId,
        municipalities: ["Aalborg"],
      }),
      (e: unknown) => e instanceof FollowUpRefused && e.status === 403,
    );
    await db.updateTable("agenda_item").set({ beslutning: null }).where("id", "=", openItemId).execute();
    await assert.rejects(send(openItemId, ["Aalborg"]), /har endnu ingen beslutning/);
    assert.equal((await decisionDispatches(db, openItemId)).length, sentBefore, "nothing more was sent");
    assert.equal((await decisionDispatches(db, closedItemId)).length, 0);
  });
});
