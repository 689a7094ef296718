/**
 * @module Read model of a person's page: memberships, attendance with its rate, items naming the person.
 * person.private_note (e-mail, phone) leaves the store only for a viewer privateNotesVisible clears.
 */
import { type Kysely, sql } from "kysely";
import { PUBLIC_VIEWER, type Viewer } from "../../domain/index.js";
import type { Database } from "../schema.js";
import { personAttendanceQuery, personMembershipsQuery } from "./attendance-queries.js";
import { itemRefQuery, toDate } from "./portal-common.js";
import { itemVisible, privateNotesVisible } from "./visibility.js";

export interface PersonMembership {
  readonly bodyId: number;
  readonly bodyName: string;
  readonly organizationName: string;
  readonly role: string;
  readonly party: string | null;
  readonly startDate: string | null;
  readonly endDate: string | null;
}

export interface PersonAttendance {
  readonly meetingId: number;
  readonly date: string;
  readonly bodyName: string;
  readonly status: "present" | "absent";
  readonly substituteForName: string | null;
}

export interface PersonItem {
  readonly id: number;
  readonly number: string;
  readonly title: string;
  readonly meetingId: number;
  readonly date: string;
  readonly bodyName: string;
}

export interface PersonPageData {
  readonly id: number;
  readonly name: string;
  readonly party: string | null;
  readonly municipality: string | null;
  /** The names of persons merged into this one (issue 16): other spellings of their name. */
  readonly aliases: readonly string[];
  /** Private contact notes; null unless the viewer is cleared for them (and then null when there are none). */
  readonly privateNote: string | null;
  readonly memberships: readonly PersonMembership[];
  readonly attendance: readonly PersonAttendance[];
  /** Meetings attended as a member (not as a substitute). */
  readonly attended: number;
  readonly missed: number;
  /** Meetings attended as a substitute for a member: counted apart, not in the rate (issue 14). */
  readonly substituted: number;
  /** Share of the meetings as a member attended, 0..1; null with no record as a member. */
  readonly rate: number | null;
  readonly items: readonly PersonItem[];
  readonly lastModified: Date | null;
}

/** A person's public record; null for an unknown or deleted person. */
export async function getPersonPage(
  db: Kysely<Database>,
  personId: number,
  viewer: Viewer = PUBLIC_VIEWER,
): Promise<PersonPageData | null> {
  const person = await db
    .selectFrom("person")
    .select(["id", "name", "party", "municipality", "modified"])
    // Private data leaves the store only for a viewer the policy clears for it.
    .select(
      sql<string | null>`case when ${privateNotesVisible(viewer)} then person.private_note end`.as(
        "privateNote",
      ),
    )
    .where("id", "=", personId)
    .where("deleted", "=", false)
    .executeTakeFirst();
  if (!person) return null;
  const pattern = `%${person.name.replace(/[%_\\]/g, "\\$&")}%`;
  const [memberships, attendance, items, aliases] = await Promise.all([
    personMembershipsQuery(db, personId).orderBy("body.name").execute(),
    personAttendanceQuery(db, personId).execute(),
    itemRefQuery(db)
      // Only items the viewer may see are searched: a closed item must not even be found by a name in it.
      .where(itemVisible(viewer))
      .where("agenda_item.deleted", "=", false)
      .where("meeting.deleted", "=", false)
      .where(
        sql<boolean>`concat_ws(' ', agenda_item.title, agenda_item.resume, agenda_item.baggrund,
          agenda_item.indstilling, agenda_item.sagsforloeb, agenda_item.sagsfremstilling,
          agenda_item.beslutning, agenda_item.notes) ilike ${pattern}`,
      )
      .orderBy("meeting.date", "desc")
      .orderBy("agenda_item.position")
      .limit(50)
      .execute(),
    db
      .selectFrom("person")
      .select("name")
      .where("merged_into_person_id", "=", personId)
      .orderBy("name")
      .execute(),
  ]);
  const substituted = attendance.filter((a) => a.status === "present" && a.substituteFor !== null).length;
  const attended = attendance.filter((a) => a.status === "present" && a.substituteFor === null).length;
  const missed = attendance.filter((a) => a.status !== "present").length;
  return {
    id: person.id,
    name: person.name,
    party: person.party,
    municipality: person.municipality,
    aliases: [...new Set(aliases.map((a) => a.name))].filter((name) => name !== person.name),
    privateNote: person.privateNote,
    memberships,
    attendance: attendance.map(({ substituteFor, ...a }) => ({
      ...a,
      substituteForName: substituteFor,
      status: a.status === "absent" ? "absent" : "present",
    })),
    attended,
    missed,
    substituted,
    rate: attended + missed > 0 ? attended / (attended + missed) : null,
    items,
    lastModified: toDate(person.modified),
  };
}
