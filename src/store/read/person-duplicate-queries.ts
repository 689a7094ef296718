/**
 * @module Read models of near-duplicate persons (issue 16): the pairs /sekretariat/personer/dubletter
 * suggests, by domain's isSuggestedDuplicate (the rule the import warns by) and for the viewer domain's
 * mayMergePersons clears; one person as the merge command needs them; and where a merged person's id
 * now leads. Only public columns are selected: never person.private_note.
 */
import { type Kysely, sql } from "kysely";
import {
  isSuggestedDuplicate,
  mayMergePersons,
  normalizePersonName,
  type Viewer,
} from "../../domain/index.js";
import type { Database } from "../schema.js";

type Db = Kysely<Database>;

/** A person as the duplicates page and the merge command see them. */
export interface DuplicatePerson {
  readonly id: number;
  readonly name: string;
  readonly party: string | null;
  readonly municipality: string | null;
  /** The bodies they sat in: by membership, or by attendance at one of the body's meetings. */
  readonly bodyIds: readonly number[];
  readonly bodyNames: readonly string[];
  /** Meetings with an attendance line (present or absent) of theirs. */
  readonly meetings: number;
}

/** One suggested pair, the lower id first. */
export interface PersonDuplicateSuggestion {
  readonly person: DuplicatePerson;
  readonly other: DuplicatePerson;
}

function personRows(db: Db) {
  return db.selectFrom("person as p").select([
    "p.id",
    "p.name",
    "p.party",
    "p.municipality",
    "p.deleted",
    "p.merged_into_person_id as mergedInto",
    sql<number[]>`array(select distinct s.body_id from (
          select o.body_id from membership ms join organization o on o.id = ms.organization_id
            where ms.person_id = p.id and not ms.deleted
          union
          select m.body_id from attendance a join meeting m on m.id = a.meeting_id
            where a.person_id = p.id and not a.deleted and not m.deleted
        ) s order by s.body_id)`.as("bodyIds"),
    sql<string>`(select count(*) from attendance a where a.person_id = p.id and not a.deleted)`.as(
      "meetings",
    ),
  ]);
}

async function bodyNamesById(db: Db, ids: readonly number[]): Promise<Map<number, string>> {
  if (ids.length === 0) return new Map();
  const rows = await db
    .selectFrom("body")
    .select(["id", "name"])
    .where("id", "in", [...ids])
    .execute();
  return new Map(rows.map((r) => [r.id, r.name]));
}

type PersonRow = Awaited<ReturnType<ReturnType<typeof personRows>["execute"]>>[number];

function present(row: PersonRow, names: Map<number, string>): DuplicatePerson {
  return {
    id: row.id,
    name: row.name,
    party: row.party,
    municipality: row.municipality,
    bodyIds: row.bodyIds,
    bodyNames: row.bodyIds.map((id) => names.get(id) ?? `Organ ${id}`),
    meetings: Number(row.meetings),
  };
}

/**
 * One person for the merge command, whoever looks (the command asks domain who may act); null when there
 * is no such person. `merged` is true for a person already merged into another (or deleted).
 */
export async function personMergeRef(
  db: Db,
  personId: number,
): Promise<(DuplicatePerson & { readonly merged: boolean }) | null> {
  const row = await personRows(db).where("p.id", "=", personId).executeTakeFirst();
  if (!row) return null;
  return { ...present(row, await bodyNamesById(db, row.bodyIds)), merged: row.deleted };
}

/**
 * The pairs of live persons that may be one person, for `viewer`: both sat in a body whose secretariat
 * the viewer is (an administrator sees all), and not answered "Ikke samme person" before. Sorted by name.
 * @example await listPersonDuplicates(db, { kind: "administrator" }) // [{ person: { name: "Birgit Hansen", ... }, other: { name: "Birgit Stenbak Hansen", ... } }]
 */
export async function listPersonDuplicates(
  db: Db,
  viewer: Viewer,
  options: { readonly limit?: number } = {},
): Promise<PersonDuplicateSuggestion[]> {
  const rows = await personRows(db).where("p.deleted", "=", false).orderBy("p.id").execute();
  // Near-matches share their first and last word (isNearMatch), so only persons of one bucket are compared.
  const buckets = new Map<string, PersonRow[]>();
  for (const row of rows) {
    const words = normalizePersonName(row.name).split(" ");
    const key = `${words[0]} ${words.at(-1)}`;
    buckets.set(key, [...(buckets.get(key) ?? []), row]);
  }
  const pairs: [PersonRow, PersonRow][] = [];
  for (const bucket of buckets.values()) {
    for (const [index, a] of bucket.entries()) {
      for (const b of bucket.slice(index + 1)) {
        if (!isSuggestedDuplicate(a, b) || !mayMergePersons(viewer, [a.bodyIds, b.bodyIds])) continue;
        pairs.push([a, b]);
      }
    }
  }
  if (pairs.length === 0) return [];
  const dismissed = await db
    .selectFrom("person_merge_dismissal")
    .select(["person_id", "other_person_id"])
    .where("person_id", "in", [...new Set(pairs.map(([a]) => a.id))])
    .execute();
  const dismissedKeys = new Set(dismissed.map((d) => `${d.person_id}:${d.other_person_id}`));
  const names = await bodyNamesById(db, [
    ...new Set(pairs.flatMap(([a, b]) => [...a.bodyIds, ...b.bodyIds])),
  ]);
  return pairs
    .filter(([a, b]) => !dismissedKeys.has(`${a.id}:${b.id}`))
    .map(([a, b]) => ({ person: present(a, names), other: present(b, names) }))
    .sort((x, y) => x.person.name.localeCompare(y.person.name, "da") || x.person.id - y.person.id)
    .slice(0, options.limit ?? 200);
}

/**
 * Where a merged person's id leads: the live person it was merged into (followed through later merges),
 * or null when the id is not a merged person's.
 * @example await mergedPersonTarget(db, 12) // 7
 */
export async function mergedPersonTarget(db: Db, personId: number): Promise<number | null> {
  let id = personId;
  // A chain is as long as the merges made one after another; the bound only guards against a cycle.
  for (let hop = 0; hop < 20; hop++) {
    const row = await db
      .selectFrom("person")
      .select(["merged_into_person_id as mergedInto", "deleted"])
      .where("id", "=", id)
      .executeTakeFirst();
    if (!row) return null;
    if (row.mergedInto === null) return id === personId || row.deleted ? null : id;
    id = row.mergedInto;
  }
  return null;
}
