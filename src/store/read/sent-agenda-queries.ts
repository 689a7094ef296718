/**
 * @module The agenda as it was sent (issue 13): each version keeps the working copy it published, so the
 * public PDFs are made from what the members and the public were sent, never from the working copy with
 * changes not yet sent. The copy lives in agenda_version.snapshot beside the items' digests.
 */
import type { Kysely } from "kysely";
import type { Database } from "../schema.js";
import type { AgendaDraft } from "./agenda-draft-queries.js";

type Db = Kysely<Database>;

/** The latest version of a meeting's agenda: its number, note and time; undefined before the first sending. */
export async function latestAgendaVersion(
  db: Db,
  meetingId: number,
): Promise<
  { readonly number: number; readonly changeNote: string | null; readonly sentAt: Date } | undefined
> {
  const row = await db
    .selectFrom("agenda_version")
    .select(["number", "change_note as changeNote", "sent_at as sentAt"])
    .where("meeting_id", "=", meetingId)
    .orderBy("number", "desc")
    .limit(1)
    .executeTakeFirst();
  return row ? { ...row, sentAt: new Date(row.sentAt) } : undefined;
}

/**
 * The working copy as version `versionNumber` sent it; undefined when the version is unknown or was sent
 * before versions kept it.
 */
export async function sentAgendaDraft(
  db: Db,
  meetingId: number,
  versionNumber: number,
): Promise<AgendaDraft | undefined> {
  const row = await db
    .selectFrom("agenda_version")
    .select("snapshot")
    .where("meeting_id", "=", meetingId)
    .where("number", "=", versionNumber)
    .executeTakeFirst();
  const snapshot = (typeof row?.snapshot === "string" ? JSON.parse(row.snapshot) : row?.snapshot) as
    | { readonly sent?: AgendaDraft }
    | undefined;
  const sent = snapshot?.sent;
  if (!sent) return undefined;
  // JSON gave the items' times as strings.
  return {
    ...sent,
    sections: sent.sections.map((s) => ({
      ...s,
      items: s.items.map((i) => ({ ...i, modified: new Date(i.modified) })),
    })),
  };
}
