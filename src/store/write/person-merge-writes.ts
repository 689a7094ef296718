/**
 * @module Writes of merging near-duplicate persons (issue 16, migration 0028): every row that names the
 * removed person by id (attendance, the minutes' working copy, recusals, protocol remarks, votes,
 * memberships, near-match links, dismissals) is moved to the kept person; the removed row stays, deleted
 * and pointing at the kept person, as the alias a later import resolves. Authoring (person-merger.ts)
 * calls these in its own transaction, after domain said who may.
 */
import { type Kysely, sql } from "kysely";
import type { Database, MinutesVote, MinutesVoter } from "../schema.js";

type Db = Kysely<Database>;

/** What a merge moved, for the audit entry. */
export interface PersonMergeCounts {
  readonly attendance: number;
  readonly minutesAttendance: number;
  readonly recusals: number;
  readonly protocolRemarks: number;
  readonly votes: number;
  readonly memberships: number;
  /** Lines dropped because the kept person already had one for the same meeting, item or seat. */
  readonly clashesDropped: number;
}

/** The number of rows a delete returned. */
const count = (rows: readonly unknown[]) => rows.length;

/**
 * Moves everything of `removedId` to `keptId` and marks `removedId` merged. Where both have a line for
 * the same meeting (or item, or seat) the kept person's line stands: one person cannot be listed twice.
 */
export async function mergePersonRecords(
  db: Db,
  pair: { readonly keptId: number; readonly removedId: number },
  now: Date,
): Promise<PersonMergeCounts> {
  const { keptId, removedId } = pair;
  let clashesDropped = 0;

  const keptMeetings = db.selectFrom("attendance").select("meeting_id").where("person_id", "=", keptId);
  clashesDropped += count(
    await db
      .deleteFrom("attendance")
      .where("person_id", "=", removedId)
      .where("meeting_id", "in", keptMeetings)
      .returning("id")
      .execute(),
  );
  const attendance = await db
    .updateTable("attendance")
    .set({ person_id: keptId, modified: now })
    .where("person_id", "=", removedId)
    .executeTakeFirst();
  await db
    .updateTable("attendance")
    .set({ substitute_for_person_id: keptId, modified: now })
    .where("substitute_for_person_id", "=", removedId)
    .execute();

  const keptDraftMeetings = db
    .selectFrom("minutes_attendance")
    .select("meeting_id")
    .where("person_id", "=", keptId);
  clashesDropped += count(
    await db
      .deleteFrom("minutes_attendance")
      .where("person_id", "=", removedId)
      .where("meeting_id", "in", keptDraftMeetings)
      .returning("id")
      .execute(),
  );
  const minutesAttendance = await db
    .updateTable("minutes_attendance")
    .set({ person_id: keptId, modified: now })
    .where("person_id", "=", removedId)
    .executeTakeFirst();
  await db
    .updateTable("minutes_attendance")
    .set({ substitute_for_person_id: keptId, modified: now })
    .where("substitute_for_person_id", "=", removedId)
    .execute();

  const keptRecusals = db
    .selectFrom("minutes_recusal")
    .select("agenda_item_id")
    .where("person_id", "=", keptId);
  clashesDropped += count(
    await db
      .deleteFrom("minutes_recusal")
      .where("person_id", "=", removedId)
      .where("agenda_item_id", "in", keptRecusals)
      .returning("id")
      .execute(),
  );
  const recusals = await db
    .updateTable("minutes_recusal")
    .set({ person_id: keptId })
    .where("person_id", "=", removedId)
    .executeTakeFirst();

  const protocolRemarks = await db
    .updateTable("protocol_remark")
    .set({ person_id: keptId, modified: now })
    .where("person_id", "=", removedId)
    .executeTakeFirst();

  const votes = await moveVotes(db, keptId, removedId, now);

  clashesDropped += count(
    await db
      .deleteFrom("membership")
      .where("person_id", "=", removedId)
      .where(({ exists, selectFrom }) =>
        exists(
          selectFrom("membership as kept")
            .select("kept.id")
            .where("kept.person_id", "=", keptId)
            .whereRef("kept.organization_id", "=", "membership.organization_id")
            .whereRef("kept.role", "=", "membership.role"),
        ),
      )
      .returning("id")
      .execute(),
  );
  const memberships = await db
    .updateTable("membership")
    .set({ person_id: keptId, modified: now })
    .where("person_id", "=", removedId)
    .executeTakeFirst();

  await movePairs(db, "person_link", keptId, removedId);
  await movePairs(db, "person_merge_dismissal", keptId, removedId);

  // Persons merged into the removed one before now lead straight to the kept one.
  await db
    .updateTable("person")
    .set({ merged_into_person_id: keptId, modified: now })
    .where("merged_into_person_id", "=", removedId)
    .execute();
  const removed = await db
    .updateTable("person")
    .set({ merged_into_person_id: keptId, deleted: true, modified: now })
    .where("id", "=", removedId)
    .returning("party")
    .executeTakeFirstOrThrow();
  await db
    .updateTable("person")
    .set((eb) => ({ party: eb.fn.coalesce("party", sql.val(removed.party)), modified: now }))
    .where("id", "=", keptId)
    .execute();

  return {
    attendance: Number(attendance.numUpdatedRows),
    minutesAttendance: Number(minutesAttendance.numUpdatedRows),
    recusals: Number(recusals.numUpdatedRows),
    protocolRemarks: Number(protocolRemarks.numUpdatedRows),
    votes,
    memberships: Number(memberships.numUpdatedRows),
    clashesDropped,
  };
}

/** Rewrites the removed person's id in the minutes' votes (jsonb lists of { personId }). */
async function moveVotes(db: Db, keptId: number, removedId: number, now: Date): Promise<number> {
  const rows = await db
    .selectFrom("minutes_decision")
    .select(["id", "vote"])
    .where("vote", "is not", null)
    .where((eb) =>
      eb.or(
        (["for", "against", "abstaining"] as const).map(
          (side) => sql<boolean>`vote @> ${JSON.stringify({ [side]: [{ personId: removedId }] })}::jsonb`,
        ),
      ),
    )
    .execute();
  const isRemoved = (v: MinutesVoter) => "personId" in v && v.personId === removedId;
  for (const row of rows) {
    const vote = row.vote as MinutesVote;
    const moved = (voters: readonly MinutesVoter[]): MinutesVoter[] => {
      const keptThere = voters.some((v) => "personId" in v && v.personId === keptId);
      return voters.flatMap((v) => (isRemoved(v) ? (keptThere ? [] : [{ personId: keptId }]) : [v]));
    };
    const next: MinutesVote = {
      for: moved(vote.for),
      against: moved(vote.against),
      abstaining: moved(vote.abstaining),
    };
    await db
      .updateTable("minutes_decision")
      .set({ vote: JSON.stringify(next), modified: now })
      .where("id", "=", row.id)
      .execute();
  }
  return rows.length;
}

/**
 * Moves the removed person's rows of a pair table to the kept person: a pair of the two with each other
 * is dropped, and a pair the kept person already has is not made twice.
 */
async function movePairs(
  db: Db,
  table: "person_link" | "person_merge_dismissal",
  keptId: number,
  removedId: number,
): Promise<void> {
  const rows = await db
    .deleteFrom(table)
    .where((eb) => eb.or([eb("person_id", "=", removedId), eb("other_person_id", "=", removedId)]))
    .returningAll()
    .execute();
  const swap = (id: number) => (id === removedId ? keptId : id);
  for (const row of rows) {
    const a = swap(row.person_id);
    const b = swap(row.other_person_id);
    if (a === b) continue;
    if (table === "person_link") {
      const link = row as { reason: string };
      await db
        .insertInto("person_link")
        .values({ person_id: a, other_person_id: b, reason: link.reason })
        .onConflict((oc) => oc.columns(["person_id", "other_person_id"]).doNothing())
        .execute();
    } else {
      const dismissal = row as { dismissed_by_user_id: number | null };
      await db
        .insertInto("person_merge_dismissal")
        .values({
          person_id: Math.min(a, b),
          other_person_id: Math.max(a, b),
          dismissed_by_user_id: dismissal.dismissed_by_user_id,
        })
        .onConflict((oc) => oc.columns(["person_id", "other_person_id"]).doNothing())
        .execute();
    }
  }
}

/** Remembers "Ikke samme person" for a pair; false when it was remembered already. */
export async function insertPersonMergeDismissal(
  db: Db,
  pair: { readonly personId: number; readonly otherPersonId: number; readonly userId: number | null },
  now: Date,
): Promise<boolean> {
  const row = await db
    .insertInto("person_merge_dismissal")
    .values({
      person_id: Math.min(pair.personId, pair.otherPersonId),
      other_person_id: Math.max(pair.personId, pair.otherPersonId),
      dismissed_by_user_id: pair.userId,
      created: now,
    })
    .onConflict((oc) => oc.columns(["person_id", "other_person_id"]).doNothing())
    .returning("person_id")
    .executeTakeFirst();
  return row !== undefined;
}
