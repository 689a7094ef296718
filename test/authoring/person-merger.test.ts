/**
 * The merge of near-duplicate persons (issue 16) on both backends, below the web: every row naming the
 * removed person moves to the kept one (the minutes' working copy, recusals, protocol remarks, votes,
 * memberships), a line the kept person already has for the same meeting, item or seat stands and the
 * other is dropped, the near-match link between the two goes; who may is domain's mayMergePersons.
 */
import assert from "node:assert/strict";
import { it } from "node:test";
import { isAgendaRefused } from "../../src/authoring/agenda-refusal.js";
import { personDuplicateDismisser, personMerger } from "../../src/authoring/person-merger.js";
import { bodyId } from "../accounts/support.js";
import { attendee, importMeeting, PEOPLE_BODY, personId } from "../support/near-duplicate-people.js";
import { forEachBackend } from "../support/stores.js";

const CLI = { userId: null, tokenId: null } as const;
const NOW = new Date("2026-06-01T08:00:00.000Z");

forEachBackend("authoring: person merger", (store) => {
  it("moves the minutes' rows, remarks, votes and memberships; the kept person's own lines stand", async () => {
    const { db } = store();
    const first = await importMeeting(db, "2026-01-16", [attendee("Birgit Hansen", "Frederikshavn")]);
    const second = await importMeeting(db, "2026-03-20", [
      attendee("Birgit Stenbak Hansen", "Frederikshavn"),
    ]);
    const removed = await personId(db, "Birgit Hansen");
    const kept = await personId(db, "Birgit Stenbak Hansen");
    const links = await db.selectFrom("person_link").selectAll().execute();
    assert.equal(links.length, 1, "the import linked the two, not merged");
    const meetings = await db.selectFrom("meeting").select("id").orderBy("date").execute();
    const [m1, m2] = meetings.map((m) => m.id) as [number, number];
    assert.ok(first && second);
    const item = await db
      .selectFrom("agenda_item")
      .select("id")
      .where("meeting_id", "=", m2)
      .orderBy("number")
      .executeTakeFirstOrThrow();
    const draft = (meetingId: number, person: number) => ({
      meeting_id: meetingId,
      person_id: person,
      status: "present" as const,
      substitute_for_person_id: null,
      note: null,
      modified: NOW,
    });
    await db
      .insertInto("minutes_attendance")
      .values([draft(m1, removed), draft(m2, removed), draft(m2, kept)])
      .execute();
    await db
      .insertInto("minutes_recusal")
      .values({ meeting_id: m2, agenda_item_id: item.id, person_id: removed })
      .execute();
    await db
      .insertInto("protocol_remark")
      .values({
        agenda_item_id: item.id,
        person_id: removed,
        text: "Bemærkning.",
        position: 1,
        modified: NOW,
      })
      .execute();
    await db
      .insertInto("minutes_decision")
      .values({
        meeting_id: m2,
        agenda_item_id: item.id,
        vote: JSON.stringify({
          for: [{ personId: removed }, { personId: kept }],
          against: [],
          abstaining: [{ party: "V" }],
        }),
        modified: NOW,
      })
      .execute();

    const other = { kind: "user", memberOf: [], secretariatOf: [await bodyId(db, "KKR Sjælland")] } as const;
    await assert.rejects(
      personMerger({ db, viewer: other, actor: CLI, keptId: kept, removedId: removed }),
      (error) => isAgendaRefused(error) && error.status === 403,
    );
    const member = { kind: "user", memberOf: [await bodyId(db, PEOPLE_BODY)], secretariatOf: [] } as const;
    await assert.rejects(
      personDuplicateDismisser({ db, viewer: member, actor: CLI, personId: kept, otherPersonId: removed }),
      (error) => isAgendaRefused(error) && error.status === 403,
    );

    const secretariat = {
      kind: "user",
      memberOf: [],
      secretariatOf: [await bodyId(db, PEOPLE_BODY)],
    } as const;
    const counts = await personMerger({
      db,
      viewer: secretariat,
      actor: CLI,
      keptId: kept,
      removedId: removed,
      now: NOW,
    });
    assert.deepEqual(counts, {
      attendance: 1,
      minutesAttendance: 1,
      recusals: 1,
      protocolRemarks: 1,
      votes: 1,
      memberships: 0,
      clashesDropped: 2,
    });
    const draftRows = await db
      .selectFrom("minutes_attendance")
      .select(["meeting_id", "person_id"])
      .orderBy("meeting_id")
      .execute();
    assert.deepEqual(
      draftRows.map((r) => [r.meeting_id, r.person_id]),
      [
        [m1, kept],
        [m2, kept],
      ],
    );
    const decision = await db.selectFrom("minutes_decision").select("vote").executeTakeFirstOrThrow();
    assert.deepEqual(decision.vote, { for: [{ personId: kept }], against: [], abstaining: [{ party: "V" }] });
    const stillNamed = await Promise.all(
      (["attendance", "minutes_recusal", "protocol_remark", "membership"] as const).map((table) =>
        db.selectFrom(table).select("id").where("person_id", "=", removed).execute(),
      ),
    );
    assert.deepEqual(
      stillNamed.map((rows) => rows.length),
      [0, 0, 0, 0],
    );
    assert.equal((await db.selectFrom("person_link").selectAll().execute()).length, 0);
    const old = await db
      .selectFrom("person")
      .select(["deleted", "merged_into_person_id"])
      .where("id", "=", removed)
      .executeTakeFirstOrThrow();
    assert.deepEqual(old, { deleted: true, merged_into_person_id: kept });
  });
});
