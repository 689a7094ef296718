/** @module The public JSON of a meeting: summary for lists; with attendance, items and files for one. */
import type { ApiMeetingDetail, ApiMeetingRow } from "../../store/index.js";
import type { ApiLinks } from "./api-links.js";
import { type FileJson, presentFile } from "./present-file.js";
import { type ItemJson, presentItem } from "./present-item.js";

export interface MeetingJson {
  readonly id: number;
  readonly body: { readonly id: number; readonly name: string };
  readonly name: string;
  readonly date: string;
  readonly startTime: string | null;
  readonly endTime: string | null;
  readonly location: string | null;
  readonly state: string;
  readonly itemCount: number;
  readonly url: string;
}

export interface AttendeeJson {
  readonly personId: number;
  readonly name: string;
  readonly party: string | null;
  readonly municipality: string | null;
  readonly substituteFor: string | null;
}

export interface MeetingDetailJson extends MeetingJson {
  readonly attendance: {
    readonly present: readonly AttendeeJson[];
    readonly absent: readonly AttendeeJson[];
  };
  readonly items: readonly ItemJson[];
  readonly files: readonly FileJson[];
}

export function presentMeeting(row: ApiMeetingRow, links: ApiLinks): MeetingJson {
  return {
    id: row.id,
    body: { id: row.bodyId, name: row.bodyName },
    name: row.name,
    date: row.date,
    startTime: row.startTime,
    endTime: row.endTime,
    location: row.location,
    state: row.state,
    itemCount: row.itemCount,
    url: links.page(`/moede/${row.id}`),
  };
}

export function presentMeetingDetail(row: ApiMeetingDetail, links: ApiLinks): MeetingDetailJson {
  const attendee = (a: ApiMeetingDetail["attendance"][number]): AttendeeJson => ({
    personId: a.personId,
    name: a.name,
    party: a.party,
    municipality: a.municipality,
    substituteFor: a.substituteFor,
  });
  return {
    ...presentMeeting(row, links),
    attendance: {
      present: row.attendance.filter((a) => a.status === "present").map(attendee),
      absent: row.attendance.filter((a) => a.status === "absent").map(attendee),
    },
    items: row.items.map((item) => presentItem(item, links)),
    // Files of closed items never reach this list: the store withholds them (oparlFilePublic).
    files: row.files.map((file) => presentFile(file, links)),
  };
}
