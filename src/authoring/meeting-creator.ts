/**
 * @module The secretariat's command to plan meetings (issue 13): one meeting, or a year plan of dates,
 * for one body. A date on which the body already meets is refused (body and date are a meeting's natural
 * key), and so is the whole plan with it: nothing is half made. Audited per meeting.
 */
import { mayEditAgenda } from "../domain/index.js";
import { insertPlannedMeetings, type NewPlannedMeeting, takenMeetingDates } from "../store/index.js";
import { auditAgenda, forbiddenFor } from "./agenda-command.js";
import { AgendaRefused } from "./agenda-refusal.js";
import type { SecretariatCommandProps } from "./secretariat-command.js";

export interface MeetingCreatorProps extends SecretariatCommandProps {
  /** The body the meetings are of. */
  readonly bodyId: number;
  /** One or more meetings: date (YYYY-MM-DD), start and end ("10:00"), place. */
  readonly meetings: readonly {
    readonly date: string;
    readonly startTime?: string | null;
    readonly endTime?: string | null;
    readonly location?: string | null;
  }[];
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const TIME = /^([01]\d|2[0-3]):[0-5]\d$/;

/**
 * Creates the meetings, planned; returns their ids in the order given.
 * @example await meetingCreator({ db, viewer, actor, bodyId: 1, meetings: [{ date: "2025-03-14", startTime: "10:00" }] })
 */
export async function meetingCreator(props: MeetingCreatorProps): Promise<{ readonly meetingIds: number[] }> {
  const { db, viewer, bodyId } = props;
  const now = props.now ?? new Date();
  const meetings = props.meetings.map(checkMeeting);
  if (meetings.length === 0) throw new AgendaRefused("invalid", "Angiv mindst én mødedato.");
  if (meetings.length > 60)
    throw new AgendaRefused("invalid", "En mødeplan kan højst have 60 møder ad gangen.");
  const dates = meetings.map((m) => m.date);
  const twice = dates.find((d, i) => dates.indexOf(d) !== i);
  if (twice) throw new AgendaRefused("invalid", `Datoen ${twice} står der to gange.`);
  return db.transaction().execute(async (tx) => {
    const body = await tx
      .selectFrom("body")
      .select("name")
      .where("id", "=", bodyId)
      .where("deleted", "=", false)
      .executeTakeFirst();
    if (!body) throw new AgendaRefused("not-found", `Organ ${bodyId} findes ikke.`);
    if (!mayEditAgenda(viewer, bodyId)) throw forbiddenFor(body.name);
    const taken = await takenMeetingDates(tx, bodyId, dates);
    if (taken.length > 0) {
      throw new AgendaRefused(
        "date-taken",
        `${body.name} har allerede et møde den ${taken.sort().join(", ")}. Intet er oprettet.`,
      );
    }
    const meetingIds = await insertPlannedMeetings(tx, { bodyId, bodyName: body.name, meetings }, now);
    for (const [i, id] of meetingIds.entries()) {
      await auditAgenda(tx, props, {
        action: "meeting-create",
        targetKind: "meeting",
        targetId: id,
        before: null,
        after: { bodyId, state: "planned", ...meetings[i] },
        at: now,
      });
    }
    return { meetingIds };
  });
}

function checkMeeting(m: MeetingCreatorProps["meetings"][number]): NewPlannedMeeting {
  const date = m.date?.trim() ?? "";
  if (
    !DATE.test(date) ||
    Number.isNaN(Date.parse(`${date}T12:00:00Z`)) ||
    new Date(`${date}T12:00:00Z`).toISOString().slice(0, 10) !== date
  ) {
    throw new AgendaRefused("invalid", `"${m.date}" er ikke en dato (ÅÅÅÅ-MM-DD).`);
  }
  const time = (value: string | null | undefined, what: string): string | null => {
    const clean = value?.trim() || null;
    if (clean !== null && !TIME.test(clean)) {
      throw new AgendaRefused("invalid", `${what} "${value}" er ikke et klokkeslæt (TT:MM).`);
    }
    return clean;
  };
  const startTime = time(m.startTime, "Starttidspunktet");
  const endTime = time(m.endTime, "Sluttidspunktet");
  if (startTime && endTime && endTime <= startTime) {
    throw new AgendaRefused("invalid", `Mødet den ${date} slutter før det begynder.`);
  }
  const location = m.location?.trim() || null;
  if (location && location.length > 300) throw new AgendaRefused("invalid", "Mødestedet er over 300 tegn.");
  return { date, startTime, endTime, location };
}
