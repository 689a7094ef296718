/**
 * The meeting-day commands on both backends (issue 14): attendance with an absence and a substitute "Suppl.
 * for" that member, a decision with a standard phrase, one with a vote, a stale save refused with the
 * other's text, a protocol remark, a recusal, the meeting marked held; each read back through
 * meetingRecordOf (the interface the minutes use), each audited, and refused for a member or another
 * body's secretariat with nothing changed.
 */
import assert from "node:assert/strict";
import { it } from "node:test";
import { AgendaRefused } from "../../src/authoring/agenda-refusal.js";
import { attendanceRecorder } from "../../src/authoring/attendance-recorder.js";
import { decisionRecorder } from "../../src/authoring/decision-recorder.js";
import { meetingHolder } from "../../src/authoring/meeting-holder.js";
import { DecisionConflict } from "../../src/authoring/meeting-record-command.js";
import {
  protocolRemarkRecorder,
  protocolRemarkRemover,
} from "../../src/authoring/protocol-remark-recorder.js";
import { recusalRecorder } from "../../src/authoring/recusal-recorder.js";
import { listAuditEntries, meetingRecordOf } from "../../src/store/index.js";
import { forEachBackend } from "../support/stores.js";
import { CLI } from "./agenda-support.js";
import { sentMeeting } from "./meeting-record-support.js";

const refused = (status: number, pattern?: RegExp) => (e: unknown) =>
  e instanceof AgendaRefused && e.status === status && (!pattern || pattern.test(e.message));

forEachBackend("meeting record", (store) => {
  it("records attendance, decisions, a vote, a remark and a recusal, and marks the meeting held", async () => {
    const { db } = store();
    const { world, meetingId, items, people } = await sentMeeting(db);
    const as = { db, viewer: world.secretariat, actor: CLI };
    const duedahl = people["Mads Duedahl"] as number;
    const gade = people["Mogens Gade"] as number;
    const oerum = people["Anne Ørum"] as number;
    const conradsen = people["Carl Conradsen"] as number;
    const fog = people["Frida Fog"] as number;

    const empty = await meetingRecordOf(db, meetingId);
    assert.ok(empty);
    assert.deepEqual(
      empty.members.map((m) => m.name),
      ["Anne Ørum", "Carl Conradsen", "Frida Fog", "Mads Duedahl", "Mogens Gade"],
    );
    assert.equal(empty.meeting.phase, "agenda-sent");
    assert.deepEqual(
      empty.items.filter((i) => i.sectionTitle === "Regionalpolitiske sager").map((i) => [i.title, i.closed]),
      [
        ["Status fra KlimaNord", false],
        ["Budget 2025 for Socialtilsyn Nord", false],
        ["Personalesag om løntrin", true],
      ],
    );

    // A member may not keep the record; a substitute for a member who is present is refused.
    await assert.rejects(
      attendanceRecorder({ ...as, viewer: world.member, meetingId, attendance: [] }),
      refused(403),
    );
    await assert.rejects(
      attendanceRecorder({
        ...as,
        meetingId,
        attendance: [
          { personId: fog, status: "present" },
          { name: "Søren Suppleant", status: "substitute", substituteForPersonId: fog },
        ],
      }),
      refused(422, /meldt afbud/),
    );
    await assert.rejects(
      attendanceRecorder({
        ...as,
        meetingId,
        attendance: [
          { personId: fog, status: "present" },
          { personId: fog, status: "absent" },
        ],
      }),
      refused(422, /Frida Fog står mere end én gang/),
    );
    await attendanceRecorder({
      ...as,
      meetingId,
      attendance: [
        { personId: duedahl, status: "present" },
        { personId: gade, status: "present" },
        { personId: oerum, status: "present" },
        { personId: conradsen, status: "present" },
        { personId: fog, status: "absent" },
        { name: "Søren  Suppleant", status: "substitute", substituteForPersonId: fog },
        { name: "Lone Lund", status: "official", note: "KL" },
      ],
    });

    const klima = items["2.1"] as number;
    const budget = items["2.2"] as number;
    const first = await decisionRecorder({ ...as, itemId: klima, revision: 0, phrase: "noted" });
    assert.equal(first.decision, "KKR Nordjylland tog orienteringen til efterretning.");
    assert.equal(first.revision, 1);
    const voted = await decisionRecorder({
      ...as,
      itemId: budget,
      revision: 0,
      decision: "Indstillingen blev tiltrådt.",
      discussion: "Drøftelse af takstniveauet.",
      vote: {
        for: [{ personId: duedahl }, { personId: gade }, { personId: conradsen }],
        against: [{ personId: oerum }],
        abstaining: [],
      },
      concernsMunicipalities: true,
    });
    assert.equal(voted.revision, 1);
    // An absent member cannot vote; nor can anyone vote twice.
    await assert.rejects(
      decisionRecorder({
        ...as,
        itemId: budget,
        revision: 1,
        vote: { for: [{ personId: fog }], against: [], abstaining: [] },
      }),
      refused(422, /Frida Fog deltog ikke i mødet/),
    );
    await assert.rejects(
      decisionRecorder({
        ...as,
        itemId: budget,
        revision: 1,
        vote: { for: [{ party: "A" }], against: [{ party: "A" }], abstaining: [] },
      }),
      refused(422, /Parti A står mere end én gang/),
    );
    // Two people save: the later one, from revision 0, sees the other's text.
    await assert.rejects(
      decisionRecorder({ ...as, itemId: klima, revision: 0, decision: "Godkendt." }),
      (e: unknown) =>
        e instanceof DecisionConflict &&
        e.status === 409 &&
        e.decision.decision === "KKR Nordjylland tog orienteringen til efterretning." &&
        e.decision.revision === 1,
    );

    await protocolRemarkRecorder({
      ...as,
      itemId: budget,
      personId: oerum,
      text: "Ø kan ikke støtte takststigningen.",
    });
    const gone = await protocolRemarkRecorder({ ...as, itemId: budget, personId: gade, text: "Fejl." });
    await protocolRemarkRemover({ ...as, remarkId: gone });
    await recusalRecorder({ ...as, itemId: budget, personId: conradsen, reason: "inhabil" });

    await meetingHolder({ ...as, meetingId });
    await assert.rejects(meetingHolder({ ...as, meetingId }), refused(409, /allerede/));

    const record = await meetingRecordOf(db, meetingId);
    assert.ok(record);
    assert.equal(record.meeting.state, "held");
    assert.deepEqual(
      record.attendance.present.map((p) => p.person.name),
      ["Mads Duedahl", "Mogens Gade", "Anne Ørum", "Carl Conradsen"],
    );
    assert.deepEqual(
      record.attendance.absent.map((p) => p.person.name),
      ["Frida Fog"],
    );
    assert.deepEqual(
      record.attendance.substitutes.map((s) => [s.person.name, s.substituteFor.name]),
      [["Søren Suppleant", "Frida Fog"]],
    );
    assert.deepEqual(
      record.attendance.officials.map((o) => [o.person.name, o.note]),
      [["Lone Lund", "KL"]],
    );
    const budgetItem = record.items.find((i) => i.id === budget);
    assert.equal(budgetItem?.decision?.text, "Indstillingen blev tiltrådt.");
    assert.equal(budgetItem?.decision?.discussion, "Drøftelse af takstniveauet.");
    assert.equal(budgetItem?.decision?.concernsMunicipalities, true);
    assert.deepEqual(
      budgetItem?.decision?.vote?.against.map((v) => (v.kind === "person" ? v.name : v.party)),
      ["Anne Ørum"],
    );
    assert.deepEqual(
      budgetItem?.protocolRemarks.map((r) => [r.person.name, r.text]),
      [["Anne Ørum", "Ø kan ikke støtte takststigningen."]],
    );
    assert.deepEqual(
      budgetItem?.recusals.map((r) => [r.person.name, r.reason]),
      [["Carl Conradsen", "inhabil"]],
    );

    // Still recordable while held; every step audited.
    await decisionRecorder({ ...as, itemId: klima, revision: 1, phrase: "discussed" });
    const actions = (await listAuditEntries(db, { limit: 100 })).map((e) => e.action);
    for (const action of [
      "meeting-attendance-record",
      "meeting-decision-record",
      "protocol-remark-add",
      "protocol-remark-remove",
      "recusal-record",
      "meeting-hold",
    ])
      assert.ok(actions.includes(action), `audited ${action}`);
  });

  it("refuses recording before the agenda is sent, and for another body's secretariat", async () => {
    const { db } = store();
    const { world, meetingId, items } = await sentMeeting(db, "2025-03-07");
    await assert.rejects(
      decisionRecorder({
        db,
        viewer: world.otherSecretariat,
        actor: CLI,
        itemId: items["2.1"] as number,
        revision: 0,
        phrase: "approved",
      }),
      refused(403),
    );
    const other = await db
      .insertInto("meeting")
      .values({
        body_id: world.bodyId,
        name: "KKR Nordjylland",
        date: "2025-06-01",
        state: "planned",
        modified: new Date(),
        organization_id: null,
        start_time: null,
        end_time: null,
        location: null,
        source_file_id: null,
        previous_meeting_date: null,
        next_meeting_date: null,
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    await assert.rejects(
      meetingHolder({ db, viewer: world.secretariat, actor: CLI, meetingId: other.id }),
      refused(409, /dagsordenen er udsendt/),
    );
    assert.equal(
      (await meetingRecordOf(db, meetingId))?.items.some((i) => i.decision !== null),
      false,
    );
  });
});
