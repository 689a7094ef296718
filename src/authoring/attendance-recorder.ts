/**
 * @module The secretariat's command to record who took part in a meeting (issue 14): the whole table at
 * once (present, afbud, a substitute "Suppl. for" an absent member, guests, officials). A person not yet
 * known (a substitute, guest or official typed by name) is created. Refused, with nothing changed, when
 * the attendance does not hold together (domain/meeting-record.ts attendanceProblem).
 */
import {
  type AttendanceLine,
  type AttendanceStatus,
  attendanceProblem,
  isAttendanceStatus,
} from "../domain/index.js";
import {
  meetingAttendanceLines,
  personNamed,
  personNames,
  replaceMeetingAttendance,
} from "../store/index.js";
import { auditAgenda } from "./agenda-command.js";
import { AgendaRefused } from "./agenda-refusal.js";
import { cleanText, recordMeetingFor } from "./meeting-record-command.js";
import type { SecretariatCommandProps } from "./secretariat-command.js";

/** One person's attendance: a known person by id, or a new one by name. */
export interface AttendanceInput {
  readonly personId?: number | null;
  readonly name?: string | null;
  readonly status: AttendanceStatus;
  /** For a substitute: the absent member they stand in for. */
  readonly substituteForPersonId?: number | null;
  readonly note?: string | null;
}

export interface AttendanceRecorderProps extends SecretariatCommandProps {
  readonly meetingId: number;
  readonly attendance: readonly AttendanceInput[];
}

/**
 * Replaces the meeting's attendance; returns the lines as stored.
 * @example await attendanceRecorder({ db, viewer, actor, meetingId: 12, attendance: [{ personId: 3, status: "absent" }, { name: "Ole Olsen", status: "substitute", substituteForPersonId: 3 }] })
 */
export async function attendanceRecorder(props: AttendanceRecorderProps): Promise<AttendanceLine[]> {
  const { db, viewer, meetingId } = props;
  const now = props.now ?? new Date();
  return db.transaction().execute(async (tx) => {
    await recordMeetingFor(tx, viewer, meetingId, "record");
    const before = await meetingAttendanceLines(tx, meetingId);
    const lines: AttendanceLine[] = [];
    for (const input of props.attendance) {
      if (!isAttendanceStatus(input.status))
        throw new AgendaRefused("invalid", "Vælg til stede, afbud, suppleant, gæst eller embedsperson.");
      const note = cleanText(input.note, "Bemærkningen", 500);
      let personId = input.personId ?? null;
      if (personId === null) {
        const name = (input.name ?? "").replace(/\s+/g, " ").trim();
        if (name === "") throw new AgendaRefused("invalid", "Skriv navnet på den, der deltog.");
        if (name.length > 200) throw new AgendaRefused("invalid", "Navnet er for langt.");
        personId = await personNamed(tx, name, now);
      } else if (!Number.isInteger(personId) || personId <= 0) {
        throw new AgendaRefused("invalid", "Ukendt person i fremmødet.");
      }
      lines.push({
        personId,
        status: input.status,
        substituteForPersonId: input.status === "substitute" ? (input.substituteForPersonId ?? null) : null,
        note,
      });
    }
    const ids = [...new Set(lines.flatMap((l) => [l.personId, l.substituteForPersonId ?? l.personId]))];
    const names = await personNames(tx, ids);
    const unknown = ids.find((id) => !names.has(id));
    if (unknown !== undefined) throw new AgendaRefused("invalid", `Person ${unknown} findes ikke.`);
    const problem = attendanceProblem(lines, (id) => names.get(id) ?? `Person ${id}`);
    if (problem) throw new AgendaRefused("invalid", problem);
    await replaceMeetingAttendance(tx, meetingId, lines, now);
    await auditAgenda(tx, props, {
      action: "meeting-attendance-record",
      targetKind: "meeting",
      targetId: meetingId,
      before,
      after: lines,
      at: now,
    });
    return lines;
  });
}
