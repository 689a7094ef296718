/** @module Import of attendance: persons by name and municipality, near-matches linked, substitutes tied. */
import type { Transaction } from "kysely";
import { type Attendee, isNearMatch, type ParsedDocument, type ParseWarning } from "../domain/index.js";
import type { Database } from "./schema.js";

type Tx = Transaction<Database>;

/** The body's own organisation (the KKR itself), made with the body. */
export async function mainOrganization(tx: Tx, bodyId: number): Promise<number> {
  const org = await tx
    .selectFrom("organization")
    .select("id")
    .where("body_id", "=", bodyId)
    .where("classification", "=", "KKR")
    .orderBy("id")
    .executeTakeFirstOrThrow();
  return org.id;
}

async function upsertPerson(tx: Tx, person: Attendee, now: Date, warnings: ParseWarning[]): Promise<number> {
  let query = tx.selectFrom("person").select(["id", "party"]).where("name", "=", person.name);
  query = person.municipality
    ? query.where("municipality", "=", person.municipality)
    : query.where("municipality", "is", null);
  const found = await query.executeTakeFirst();
  if (found) {
    if (person.party && person.party !== found.party) {
      await tx
        .updateTable("person")
        .set({ party: person.party, modified: now })
        .where("id", "=", found.id)
        .execute();
    }
    return found.id;
  }
  const row = await tx
    .insertInto("person")
    .values({ name: person.name, party: person.party, municipality: person.municipality, modified: now })
    .returning("id")
    .executeTakeFirstOrThrow();
  await linkNearMatches(tx, row.id, person.name, warnings);
  return row.id;
}

/** Links a new person to others whose name may be another spelling of theirs, and says so. */
async function linkNearMatches(tx: Tx, personId: number, name: string, warnings: ParseWarning[]) {
  const lastName = name.split(/[\s-]+/).at(-1) ?? name;
  const candidates = await tx
    .selectFrom("person")
    .select(["id", "name", "municipality"])
    .where("id", "!=", personId)
    .where("name", "ilike", `%${lastName.replace(/[%_\\]/g, "")}%`)
    .execute();
  for (const other of candidates) {
    if (!isNearMatch(name, other.name)) continue;
    await tx
      .insertInto("person_link")
      .values({ person_id: personId, other_person_id: other.id, reason: "near-match" })
      .onConflict((oc) => oc.doNothing())
      .execute();
    warnings.push({
      code: "person-near-match",
      message: `"${name}" may be the same person as "${other.name}"${other.municipality ? ` (${other.municipality})` : ""}; linked, not merged`,
    });
  }
}

export async function writeAttendance(
  tx: Tx,
  doc: ParsedDocument,
  bodyId: number,
  meetingId: number,
  sourceFileId: number,
  now: Date,
  warnings: ParseWarning[],
): Promise<number> {
  const organizationId = await mainOrganization(tx, bodyId);
  const absentIds = new Map<string, number>();
  const rows: { attendee: Attendee; status: "present" | "absent" }[] = [
    ...doc.attendance.absent.map((attendee) => ({ attendee, status: "absent" as const })),
    ...doc.attendance.present.map((attendee) => ({ attendee, status: "present" as const })),
  ];
  for (const { attendee, status } of rows) {
    const personId = await upsertPerson(tx, attendee, now, warnings);
    if (status === "absent") absentIds.set(attendee.name, personId);
    const substituteFor = attendee.substituteFor ?? null;
    let substituteForId: number | null = null;
    if (substituteFor) {
      substituteForId =
        absentIds.get(substituteFor) ??
        [...absentIds.entries()].find(([name]) => isNearMatch(name, substituteFor))?.[1] ??
        null;
    }
    await tx
      .insertInto("attendance")
      .values({
        meeting_id: meetingId,
        person_id: personId,
        status,
        substitute_for_person_id: substituteForId,
        substitute_for_name: substituteFor,
        source_file_id: sourceFileId,
        modified: now,
      })
      .onConflict((oc) =>
        oc.columns(["meeting_id", "person_id"]).doUpdateSet({
          status,
          substitute_for_person_id: substituteForId,
          substitute_for_name: substituteFor,
          source_file_id: sourceFileId,
          modified: now,
          deleted: false,
        }),
      )
      .execute();
    await tx
      .insertInto("membership")
      .values({
        person_id: personId,
        organization_id: organizationId,
        role: substituteFor ? "substitute" : "member",
        party: attendee.party,
        modified: now,
      })
      .onConflict((oc) => oc.columns(["person_id", "organization_id", "role"]).doNothing())
      .execute();
  }
  return rows.length;
}
