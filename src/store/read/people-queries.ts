/**
 * @module Read model of /personer: each body's persons with their party, municipality, roles and
 * attendance in that body. A member's rate counts only meetings where they held their own seat; the
 * meetings where they stood in for someone ("suppl. for") are counted apart. Near-duplicate names in one
 * body ("Birgit Hansen" / "Birgit Stenbak Hansen") are flagged by domain's isNearMatch, the rule the
 * import warns by, unless the secretariat said they are not one person. Only public columns are selected: never person.private_note.
 */
import { type Kysely, sql } from "kysely";
import { isNearMatch } from "../../domain/index.js";
import type { Database } from "../schema.js";

export interface PeopleFilter {
  readonly bodyId?: number;
  /** A party as stored: a letter ("A") or a local list's own letter. */
  readonly party?: string;
}

export interface PersonInBody {
  readonly personId: number;
  readonly name: string;
  readonly party: string | null;
  readonly municipality: string | null;
  /** Membership roles in the body: chair, vice-chair, member, substitute. */
  readonly roles: readonly string[];
  /** Meetings attended in their own seat, and meetings of their own seat missed. */
  readonly attended: number;
  readonly missed: number;
  /** Meetings attended as a substitute for another member. */
  readonly substituted: number;
  /** attended / (attended + missed); null when they never held a seat of their own at a meeting. */
  readonly rate: number | null;
  /** Other persons of the same body whose name may be another spelling of this one. */
  readonly nearDuplicates: readonly { readonly personId: number; readonly name: string }[];
}

export interface BodyPeople {
  readonly bodyId: number;
  readonly bodyName: string;
  readonly persons: readonly PersonInBody[];
}

export interface PeopleOverview {
  readonly bodies: readonly BodyPeople[];
  /** What the filter offers: every body with persons, every party letter in use. */
  readonly bodyChoices: readonly { readonly id: number; readonly name: string }[];
  readonly parties: readonly string[];
}

const attendanceCount = (condition: ReturnType<typeof sql>) =>
  sql<string>`(select count(*) from attendance a join meeting m on m.id = a.meeting_id
    where a.person_id = person.id and m.body_id = body.id and not a.deleted and not m.deleted and ${condition})`;

const OWN_SEAT = sql`a.substitute_for_person_id is null and a.substitute_for_name is null`;

/**
 * Persons by body, each with their attendance in that body.
 * @example await getPeopleOverview(db, { party: "A" })
 */
export async function getPeopleOverview(
  db: Kysely<Database>,
  filter: PeopleFilter = {},
): Promise<PeopleOverview> {
  const rows = await db
    .selectFrom("membership")
    .innerJoin("organization", "organization.id", "membership.organization_id")
    .innerJoin("body", "body.id", "organization.body_id")
    .innerJoin("person", "person.id", "membership.person_id")
    .select([
      "body.id as bodyId",
      "body.name as bodyName",
      "person.id as personId",
      "person.name",
      "person.municipality",
      sql<string | null>`coalesce(max(membership.party), person.party)`.as("party"),
      sql<string[]>`array_agg(distinct membership.role)`.as("roles"),
      attendanceCount(sql`a.status = 'present' and ${OWN_SEAT}`).as("attended"),
      attendanceCount(sql`a.status = 'absent'`).as("missed"),
      attendanceCount(sql`a.status = 'present' and not (${OWN_SEAT})`).as("substituted"),
    ])
    .where("membership.deleted", "=", false)
    .where("person.deleted", "=", false)
    .where("body.deleted", "=", false)
    .groupBy(["body.id", "body.name", "person.id", "person.name", "person.municipality", "person.party"])
    .orderBy("body.name")
    .orderBy("person.name")
    .execute();
  const bodyChoices = new Map<number, string>();
  const parties = new Set<string>();
  const byBody = new Map<number, { name: string; persons: PersonInBody[] }>();
  for (const row of rows) {
    bodyChoices.set(row.bodyId, row.bodyName);
    if (row.party) parties.add(row.party);
    const attended = Number(row.attended);
    const missed = Number(row.missed);
    const person: PersonInBody = {
      personId: row.personId,
      name: row.name,
      party: row.party,
      municipality: row.municipality,
      roles: row.roles,
      attended,
      missed,
      substituted: Number(row.substituted),
      rate: attended + missed > 0 ? attended / (attended + missed) : null,
      nearDuplicates: [],
    };
    const body = byBody.get(row.bodyId) ?? { name: row.bodyName, persons: [] };
    body.persons.push(person);
    byBody.set(row.bodyId, body);
  }
  // A pair the secretariat answered "Ikke samme person" to (migration 0028) is flagged no more.
  const dismissed = new Set(
    (
      await db.selectFrom("person_merge_dismissal").select(["person_id", "other_person_id"]).execute()
    ).flatMap((d) => [`${d.person_id}:${d.other_person_id}`, `${d.other_person_id}:${d.person_id}`]),
  );
  const bodies: BodyPeople[] = [];
  for (const [bodyId, body] of byBody) {
    if (filter.bodyId !== undefined && bodyId !== filter.bodyId) continue;
    // Near-duplicates are looked for among all of the body's persons, whatever party the filter shows.
    const flagged = body.persons.map((p) => ({
      ...p,
      nearDuplicates: body.persons
        .filter(
          (other) =>
            other.personId !== p.personId &&
            isNearMatch(p.name, other.name) &&
            !dismissed.has(`${p.personId}:${other.personId}`),
        )
        .map((other) => ({ personId: other.personId, name: other.name })),
    }));
    const persons = filter.party === undefined ? flagged : flagged.filter((p) => p.party === filter.party);
    if (persons.length > 0) bodies.push({ bodyId, bodyName: body.name, persons });
  }
  return {
    bodies,
    bodyChoices: [...bodyChoices].map(([id, name]) => ({ id, name })),
    parties: [...parties].sort((a, b) => a.localeCompare(b, "da")),
  };
}
