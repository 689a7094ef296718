/**
 * @module The world of the near-duplicate person suites (issue 16): minutes of KKR Testregion with the
 * attendees a test names, so one meeting can write "Birgit Hansen" and the next "Birgit Stenbak Hansen".
 */
import type { Kysely } from "kysely";
import type { Attendee } from "../../src/domain/index.js";
import { type Database, finishImports, importDocument } from "../../src/store/index.js";
import { buildMinutes } from "./documents.js";

/** The body buildMinutes imports into. */
export const PEOPLE_BODY = "KKR Testregion";

/** A Socialdemokratiet attendee from `municipality`. */
export const attendee = (
  name: string,
  municipality: string,
  substituteFor: string | null = null,
): Attendee => ({
  name,
  party: "A",
  municipality,
  substituteFor,
});

/** Imports the minutes of one KKR Testregion meeting on `date` with these attendees. */
export async function importMeeting(
  db: Kysely<Database>,
  date: string,
  present: readonly Attendee[],
  absent: readonly Attendee[] = [],
) {
  const doc = buildMinutes({
    meeting: {
      date,
      startTime: "10:00",
      endTime: "12:00",
      location: null,
      previousMeetingDate: null,
      nextMeetingDate: null,
    },
    attendance: { present: [...present], absent: [...absent] },
  });
  const result = await importDocument(db, { ...doc, source: { ...doc.source, file: `referat-${date}.txt` } });
  await finishImports(db);
  return result;
}

/** A person's id by their exact name. */
export async function personId(db: Kysely<Database>, name: string): Promise<number> {
  const row = await db.selectFrom("person").select("id").where("name", "=", name).executeTakeFirstOrThrow();
  return row.id;
}
