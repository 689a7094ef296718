/**
 * The minutes' path on both backends (issue 14): the record of a held meeting set as minutes reads back
 * through parse (attendance F1 1.0, every decision under its item); sent to the chair for remarks (the
 * mail received by a real SMTP server, the request recorded); publishing refused before approval;
 * approved by the chair's click or by the next meeting's item "Godkendelse af referat"; published into
 * the public record (attendance with "Suppl. for", decisions with the vote and the protocol remark), the
 * closed item's decision never; every step audited.
 */
import assert from "node:assert/strict";
import { createHash } from "node:crypto";
import { after, before, it } from "node:test";
import { AgendaRefused } from "../../src/authoring/agenda-refusal.js";
import { minutesApprover } from "../../src/authoring/minutes-approver.js";
import { minutesDocumentOf } from "../../src/authoring/minutes-document-of.js";
import { minutesPublisher } from "../../src/authoring/minutes-publisher.js";
import { minutesRemarksSender } from "../../src/authoring/minutes-remarks-sender.js";
import {
  expectedMinutesAttendance,
  expectedMinutesItems,
  f1Score,
  parsedMinutesAttendance,
  parsedMinutesItems,
  renderMinutesPdf,
  roundTripScore,
} from "../../src/authoring/render/index.js";
import { loadIngestOptions, parseSource } from "../../src/ingest/index.js";
import { openMailer } from "../../src/mail/index.js";
import {
  getMeetingPage,
  gotMinutesForRemarks,
  listAuditEntries,
  meetingRecordOf,
  minutesStatus,
} from "../../src/store/index.js";
import { startSmtpServer, type TestSmtpServer } from "../support/smtp-server.js";
import { forEachBackend } from "../support/stores.js";
import { CLI } from "./agenda-support.js";
import { CLOSED_DECISION, heldMeeting, REMARK } from "./minutes-support.js";

let smtp: TestSmtpServer;
before(async () => {
  smtp = await startSmtpServer();
});
after(async () => {
  await smtp.close();
});

/** The body of a quoted-printable UTF-8 mail as the reader sees it. */
function quotedPrintable(raw: string): string {
  const body = raw.slice(raw.indexOf("\r\n\r\n") + 4).replace(/=\r\n/g, "");
  const bytes = body.replace(/=([0-9A-F]{2})/g, (_, hex: string) =>
    String.fromCharCode(Number.parseInt(hex, 16)),
  );
  return Buffer.from(bytes, "latin1").toString("utf8");
}

const refused = (status: number, pattern?: RegExp) => (e: unknown) =>
  e instanceof AgendaRefused && e.status === status && (!pattern || pattern.test(e.message));

forEachBackend("minutes", (store) => {
  it("reads the held meeting's minutes back, sends them to the chair, approves by click and publishes", async () => {
    const { db } = store();
    const held = await heldMeeting(db, "2025-02-07");
    const { world, meetingId, items } = held;
    const as = { db, viewer: world.secretariat, actor: CLI };

    // The minutes of the record round-trip through Rådsinfo's own parser.
    const record = await meetingRecordOf(db, meetingId);
    assert.ok(record);
    for (const edition of ["internal", "public"] as const) {
      const minutes = minutesDocumentOf(record, edition);
      const bytes = renderMinutesPdf(minutes);
      const sha256 = createHash("sha256").update(bytes).digest("hex");
      const parsed = await parseSource({ file: "referat.pdf", bytes, sha256 }, await loadIngestOptions());
      const attendance = roundTripScore(expectedMinutesAttendance(minutes), parsedMinutesAttendance(parsed));
      assert.equal(f1Score(attendance), 1, JSON.stringify(attendance));
      assert.deepEqual(parsedMinutesItems(parsed), expectedMinutesItems(minutes));
      assert.equal(parsed.text.includes(CLOSED_DECISION), edition === "internal");
    }

    // A member may not send; publishing before approval is refused.
    const mailer = openMailer({ smtpUrl: smtp.url, dataDir: "/tmp", from: "Rådsinfo <raadsinfo@localhost>" });
    await assert.rejects(
      minutesRemarksSender({
        ...as,
        viewer: world.member,
        meetingId,
        to: "chair",
        mailer,
        baseUrl: "http://x",
      }),
      refused(403),
    );
    await assert.rejects(minutesPublisher({ ...as, meetingId }), refused(409, /skal godkendes/));

    const sent = await minutesRemarksSender({
      ...as,
      meetingId,
      to: "chair",
      mailer,
      baseUrl: "http://raadsinfo.test",
    });
    assert.equal(sent.mailed, 1);
    assert.deepEqual(sent.to, ["Mads Duedahl"]);
    const mail = smtp.received.find((m) => m.to.includes(held.chair.email));
    assert.ok(mail, "the chair got the draft");
    const body = quotedPrintable(mail.raw);
    assert.match(body, /Kære Mads Duedahl/);
    assert.match(body, /udkastet til referat af mødet i KKR Nordjylland den 7\. februar 2025/);
    assert.match(body, new RegExp(`http://raadsinfo\\.test/moede/${meetingId}/referat/udkast\\.pdf`));
    assert.equal(await gotMinutesForRemarks(db, meetingId, held.chair.userId), true);
    assert.equal(await gotMinutesForRemarks(db, meetingId, held.member.userId), false);
    assert.equal((await minutesStatus(db, meetingId)).state, "remarks");

    await minutesApprover({ ...as, meetingId, via: "chair" });
    await assert.rejects(
      minutesApprover({ ...as, meetingId, via: "chair" }),
      refused(409, /allerede godkendt/),
    );
    const approved = await minutesStatus(db, meetingId);
    assert.equal(approved.state, "approved");
    assert.equal(approved.approvedVia, "chair");

    // Nothing is public before publishing.
    const before = await getMeetingPage(db, meetingId);
    assert.ok(before);
    assert.equal(before.attendance.length, 0);
    assert.ok(before.items.every((item) => !("decision" in item) || !item.decision));

    const published = await minutesPublisher({ ...as, meetingId });
    assert.equal(published.state, "published");
    const page = await getMeetingPage(db, meetingId);
    assert.ok(page);
    assert.equal(page.state, "minutes-approved");
    const substitute = page.attendance.find((a) => a.name === "Søren Suppleant");
    assert.equal(substitute?.status, "present");
    assert.equal(substitute?.substituteForName, "Frida Fog");
    assert.equal(page.attendance.find((a) => a.name === "Frida Fog")?.status, "absent");
    assert.ok(!page.attendance.some((a) => a.name === "Lone Lund"), "officials are not members' attendance");
    const budget = await db
      .selectFrom("agenda_item")
      .select(["beslutning", "notes"])
      .where("id", "=", items["2.2"] as number)
      .executeTakeFirstOrThrow();
    assert.match(budget.beslutning ?? "", /^Indstillingen blev tiltrådt\./);
    assert.match(budget.beslutning ?? "", /For stemte: Mads Duedahl \(V\), Mogens Gade \(A\) \(2\)/);
    assert.match(budget.beslutning ?? "", /Carl Conradsen \(C\) deltog ikke i behandlingen af punktet/);
    assert.match(budget.beslutning ?? "", new RegExp(`Protokolbemærkning\\n\\nAnne Ørum \\(Ø\\): ${REMARK}`));
    assert.equal(budget.notes, "Drøftelse af takstniveauet i de nordjyske kommuner.");
    const closed = await db
      .selectFrom("agenda_item")
      .select(["beslutning", "notes"])
      .where("id", "=", items["2.3"] as number)
      .executeTakeFirstOrThrow();
    assert.equal(closed.beslutning, null);
    assert.equal(closed.notes, null);
    const entries = await listAuditEntries(db, { targetKind: "meeting", targetId: meetingId });
    const actions = entries.map((e) => e.action);
    for (const action of ["minutes-remarks-send", "minutes-approve", "minutes-publish"]) {
      assert.ok(actions.includes(action), action);
    }
  });

  it("approves minutes at the next meeting's item 'Godkendelse af referat', not at an earlier one", async () => {
    const { db } = store();
    const held = await heldMeeting(db, "2025-04-04");
    const next = await heldMeeting(db, "2025-05-09");
    const earlier = await heldMeeting(db, "2025-03-07");
    const as = { db, viewer: held.world.secretariat, actor: CLI };
    await assert.rejects(
      minutesApprover({ ...as, meetingId: held.meetingId, via: "next-meeting" }),
      refused(422),
    );
    await assert.rejects(
      minutesApprover({
        ...as,
        meetingId: held.meetingId,
        via: "next-meeting",
        atMeetingId: earlier.meetingId,
      }),
      refused(422, /senere møde/),
    );
    await minutesApprover({
      ...as,
      meetingId: held.meetingId,
      via: "next-meeting",
      atMeetingId: next.meetingId,
    });
    const status = await minutesStatus(db, held.meetingId);
    assert.equal(status.state, "approved");
    assert.equal(status.approvedVia, "next-meeting");
    assert.equal(status.approvedAtMeetingId, next.meetingId);
    assert.equal(status.approvedAtMeetingDate, "2025-05-09");
    // Publishing one meeting never touches another's public record.
    await minutesPublisher({ ...as, meetingId: held.meetingId });
    const other = await getMeetingPage(db, next.meetingId);
    assert.equal(other?.attendance.length, 0);
    assert.notEqual(other?.state, "minutes-approved");
  });
});
