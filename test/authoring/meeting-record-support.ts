/**
 * @module Helpers for the meeting-day suites (issue 14): KKR Nordjylland with five members (parties A,
 * V, Ø, C, F) on the meeting date, and a meeting whose agenda is drafted from the template, given three
 * items (an orientation, an item to decide, a closed item) and sent, so its items are published.
 */
import type { Kysely } from "kysely";
import { agendaSender } from "../../src/authoring/agenda-sender.js";
import type { Database } from "../../src/store/index.js";
import {
  type AgendaWorld,
  agendaWorld,
  CLI,
  draftedMeeting,
  itemAdder,
  sectionOf,
  T0,
  testOutbox,
} from "./agenda-support.js";

export const MEMBERS = [
  { name: "Mads Duedahl", party: "V", role: "formand" },
  { name: "Mogens Gade", party: "A", role: "næstformand" },
  { name: "Anne Ørum", party: "Ø", role: "medlem" },
  { name: "Carl Conradsen", party: "C", role: "medlem" },
  { name: "Frida Fog", party: "F", role: "medlem" },
] as const;

export interface SentMeeting {
  readonly world: AgendaWorld;
  readonly meetingId: number;
  /** Published agenda_item ids by number ("2.1"). */
  readonly items: Readonly<Record<string, number>>;
  /** Person ids by name. */
  readonly people: Readonly<Record<string, number>>;
}

/** The body's five members, memberships from 2022 on; returns person ids by name. */
export async function bodyMembers(db: Kysely<Database>, world: AgendaWorld): Promise<Record<string, number>> {
  const organization = await db
    .selectFrom("organization")
    .select("id")
    .where("body_id", "=", world.bodyId)
    .orderBy("id")
    .executeTakeFirstOrThrow();
  const people: Record<string, number> = {};
  for (const m of MEMBERS) {
    // Idempotent: suites share one store, and each test sets up its own meeting.
    const known = await db.selectFrom("person").select("id").where("name", "=", m.name).executeTakeFirst();
    const person =
      known ??
      (await db
        .insertInto("person")
        .values({ name: m.name, party: m.party, municipality: null, private_note: null, modified: T0 })
        .returning("id")
        .executeTakeFirstOrThrow());
    if (!known)
      await db
        .insertInto("membership")
        .values({
          person_id: person.id,
          organization_id: organization.id,
          role: m.role,
          party: m.party,
          start_date: "2022-01-01",
          end_date: null,
          modified: T0,
        })
        .execute();
    people[m.name] = person.id;
  }
  return people;
}

/** A KKR Nordjylland meeting on `date` with its agenda sent. */
export async function sentMeeting(db: Kysely<Database>, date = "2025-02-07"): Promise<SentMeeting> {
  const world = await agendaWorld(db);
  const people = await bodyMembers(db, world);
  const draft = await draftedMeeting(db, world, date);
  const meetingId = draft.meeting.id;
  const add = itemAdder(db, world, meetingId, sectionOf(draft, "Regionalpolitiske sager").id);
  await add({
    title: "Status fra KlimaNord",
    fields: { indstilling: "Det indstilles, at KKR Nordjylland tager orienteringen til efterretning." },
  });
  await add({
    title: "Budget 2025 for Socialtilsyn Nord",
    fields: {
      baggrund: "Socialtilsyn Nord har sendt budgettet for 2025.",
      indstilling:
        "Det indstilles, at KKR Nordjylland anbefaler, at budgettet godkendes i kommunalbestyrelserne.",
    },
  });
  await add({ title: "Personalesag om løntrin", public: false, fields: { baggrund: "Fortroligt." } });
  const outbox = testOutbox();
  await agendaSender({
    db,
    viewer: world.secretariat,
    actor: CLI,
    meetingId,
    mailer: outbox.mailer,
    baseUrl: "http://localhost:3000",
  });
  const rows = await db
    .selectFrom("agenda_item")
    .select(["id", "number"])
    .where("meeting_id", "=", meetingId)
    .execute();
  return { world, meetingId, items: Object.fromEntries(rows.map((r) => [r.number, r.id])), people };
}
