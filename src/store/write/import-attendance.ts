/** @module Import of attendance: persons by name and municipality (a merged person's name leading to the person kept), near-matches linked, substitutes tied. */
import { type Insertable, sql, type Transaction } from "kysely";
import { type Attendee, isNearMatch, type ParsedDocument, type ParseWarning } from "../../domain/index.js";
import type { AttendanceTable, Database, MembershipTable } from "../schema.js";
import { runPrepared } from "./prepared.js";

type Tx = Transaction<Database>;

/** A person's natural key: name and municipality (the unique index person_name_municipality). */
export const personKey = (p: { readonly name: string; readonly municipality: string | null }) =>
  `${p.name}\u0000${p.municipality ?? ""}`;

/**
 * The persons of `attendees` by name and municipality: found, or made in one insert. A new person whose
 * name may be another spelling of a known one ("Per Bach-Laursen", "Per Bach Laursen") is linked to
 * them, not merged, and a warning says so. Safe beside other workers: new persons are inserted in one
 * order (by name and municipality) with "on conflict do nothing", so a person another worker makes at the
 * same moment is waited for and then found, and two documents sharing persons never lock in a cycle.
 */
async function upsertPersons(
  tx: Tx,
  attendees: readonly Attendee[],
  now: Date,
  warnings: ParseWarning[],
): Promise<Map<string, number>> {
  const wanted = new Map<string, Attendee>();
  for (const a of attendees) wanted.set(personKey(a), a);
  const ids = new Map<string, number>();
  if (wanted.size === 0) return ids;
  const find = async (names: readonly string[]) => {
    const query = tx
      .selectFrom("person")
      .select(["id", "name", "municipality", "party", "merged_into_person_id as mergedInto"])
      .where((eb) => eb("name", "=", eb.fn.any(eb.val([...new Set(names)]))));
    return (await runPrepared(tx, query)).rows;
  };
  const parties: { id: number; party: string }[] = [];
  const take = (rows: Awaited<ReturnType<typeof find>>) => {
    for (const row of rows) {
      const attendee = wanted.get(personKey(row));
      if (!attendee) continue;
      // A merged person's name is the kept person's alias (migration 0028), which a merge keeps pointing at
      // a live person: a re-import must not split them again.
      if (row.mergedInto !== null) {
        ids.set(personKey(row), row.mergedInto);
        continue;
      }
      ids.set(personKey(row), row.id);
      if (attendee.party && attendee.party !== row.party) parties.push({ id: row.id, party: attendee.party });
    }
  };
  take(await find(attendees.map((a) => a.name)));
  const missing = [...wanted]
    .filter(([key]) => !ids.has(key))
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([, a]) => a);
  let inserted: PersonRow[] = [];
  if (missing.length > 0) {
    inserted = await tx
      .insertInto("person")
      .values(
        missing.map((a) => ({ name: a.name, party: a.party, municipality: a.municipality, modified: now })),
      )
      .onConflict((oc) => oc.expression(sql`name, (coalesce(municipality, ''))`).doNothing())
      .returning(["id", "name", "municipality"])
      .execute();
    for (const row of inserted) ids.set(personKey(row), row.id);
    // Made by another worker meanwhile: found now (its commit is what the insert waited for).
    const raced = missing.filter((a) => !ids.has(personKey(a)));
    if (raced.length > 0) take(await find(raced.map((a) => a.name)));
  }
  if (parties.length > 0) {
    parties.sort((a, b) => a.id - b.id);
    await sql`update person p set party = v.party, modified = ${now}
      from jsonb_to_recordset(${JSON.stringify(parties)}::jsonb) as v(id int, party text)
      where p.id = v.id and p.party is distinct from v.party`.execute(tx);
  }
  if (inserted.length > 0) {
    // In the document's order, as importing its persons one by one would link them.
    const order = [...wanted.keys()];
    const byDocument = (p: PersonRow) => order.indexOf(personKey(p));
    await linkNearMatches(
      tx,
      [...inserted].sort((a, b) => byDocument(a) - byDocument(b)),
      warnings,
    );
  }
  return ids;
}

interface PersonRow {
  readonly id: number;
  readonly name: string;
  readonly municipality: string | null;
}

/** Links each new person to others whose name may be another spelling of theirs, and says so. */
async function linkNearMatches(tx: Tx, fresh: readonly PersonRow[], warnings: ParseWarning[]) {
  const patterns = fresh.map((p) => `%${(p.name.split(/[\s-]+/).at(-1) ?? p.name).replace(/[%_\\]/g, "")}%`);
  const candidates = await tx
    .selectFrom("person")
    .select(["id", "name", "municipality"])
    .where(sql<boolean>`name ilike any(${sql.val(patterns)}::text[])`)
    // A merged person's row is only the kept person's alias (migration 0028): link to the live person.
    .where("deleted", "=", false)
    .execute();
  const freshIds = fresh.map((p) => p.id);
  const links: { person_id: number; other_person_id: number; reason: string }[] = [];
  for (const [index, person] of fresh.entries()) {
    for (const other of candidates) {
      // Two new persons are linked once, from the later one, as importing them one by one would.
      const laterNew = freshIds.indexOf(other.id) >= index;
      if (other.id === person.id || laterNew || !isNearMatch(person.name, other.name)) continue;
      links.push({ person_id: person.id, other_person_id: other.id, reason: "near-match" });
      warnings.push({
        code: "person-near-match",
        message: `"${person.name}" may be the same person as "${other.name}"${other.municipality ? ` (${other.municipality})` : ""}; linked, not merged`,
      });
    }
  }
  if (links.length > 0) {
    links.sort((a, b) => a.person_id - b.person_id || a.other_person_id - b.other_person_id);
    await tx
      .insertInto("person_link")
      .values(links)
      .onConflict((oc) => oc.doNothing())
      .execute();
  }
}

/** Writes who attended the meeting, who sent apologies and who substituted for whom. */
export async function writeAttendance(
  tx: Tx,
  doc: ParsedDocument,
  organizationId: number,
  meetingId: number,
  sourceFileId: number,
  now: Date,
  warnings: ParseWarning[],
): Promise<number> {
  const rows: { attendee: Attendee; status: "present" | "absent" }[] = [
    ...doc.attendance.absent.map((attendee) => ({ attendee, status: "absent" as const })),
    ...doc.attendance.present.map((attendee) => ({ attendee, status: "present" as const })),
  ];
  if (rows.length === 0) return 0;
  const personIds = await upsertPersons(
    tx,
    rows.map((r) => r.attendee),
    now,
    warnings,
  );
  const absentIds = new Map<string, number>();
  // By person: one statement cannot upsert a row twice, and a later line about the same person wins.
  const attendance = new Map<number, Insertable<AttendanceTable>>();
  const memberships = new Map<string, Insertable<MembershipTable>>();
  for (const { attendee, status } of rows) {
    const personId = personIds.get(personKey(attendee)) as number;
    if (status === "absent") absentIds.set(attendee.name, personId);
    const substituteFor = attendee.substituteFor ?? null;
    const substituteForId = substituteFor
      ? (absentIds.get(substituteFor) ??
        [...absentIds.entries()].find(([name]) => isNearMatch(name, substituteFor))?.[1] ??
        null)
      : null;
    attendance.set(personId, {
      meeting_id: meetingId,
      person_id: personId,
      status,
      substitute_for_person_id: substituteForId,
      substitute_for_name: substituteFor,
      source_file_id: sourceFileId,
      modified: now,
      deleted: false,
    });
    const role = substituteFor ? "substitute" : "member";
    memberships.set(`${personId}:${role}`, {
      person_id: personId,
      organization_id: organizationId,
      role,
      party: attendee.party,
      modified: now,
    });
  }
  await tx
    .insertInto("attendance")
    .values([...attendance.values()])
    .onConflict((oc) =>
      oc.columns(["meeting_id", "person_id"]).doUpdateSet((eb) => ({
        status: eb.ref("excluded.status"),
        substitute_for_person_id: eb.ref("excluded.substitute_for_person_id"),
        substitute_for_name: eb.ref("excluded.substitute_for_name"),
        source_file_id: eb.ref("excluded.source_file_id"),
        modified: eb.ref("excluded.modified"),
        deleted: false,
      })),
    )
    .execute();
  // In one order (person, role), like every writer's: two meetings' memberships never lock in a cycle.
  await tx
    .insertInto("membership")
    .values(
      [...memberships.values()].sort(
        (a, b) => a.person_id - b.person_id || (a.role ?? "").localeCompare(b.role ?? ""),
      ),
    )
    .onConflict((oc) => oc.columns(["person_id", "organization_id", "role"]).doNothing())
    .execute();
  return rows.length;
}
