/**
 * @module Maps a meeting to an OParl Meeting (OParl 1.1 §3 "oparl:Meeting") with its agenda items, files
 * and place embedded: the minutes as resultsProtocol, the agenda as invitation, annex packs and loose
 * annexes as auxiliaryFile.
 */
import { isMeetingState, MEETING_STATE_LABELS } from "../../domain/index.js";
import type { OparlFileRow, OparlMeetingRow } from "../../store/index.js";
import { mapAgendaItem } from "./agenda-item.js";
import { mapFile } from "./file.js";
import {
  danishDateTime,
  dateTime,
  deletedObject,
  type OparlObject,
  oparlType,
  present,
} from "./oparl-json.js";
import type { OparlUrls } from "./urls.js";

export function mapMeeting(row: OparlMeetingRow, urls: OparlUrls): OparlObject {
  const id = urls.object("meeting", row.id);
  if (row.deleted) return deletedObject(id, "Meeting", row);
  const minutes = latestOriginal(row.files, "minutes");
  const agenda = latestOriginal(row.files, "agenda");
  const auxiliary = row.files.filter((f) => f !== minutes && f !== agenda);
  return present({
    id,
    type: oparlType("Meeting"),
    name: row.name,
    meetingState: isMeetingState(row.state) ? MEETING_STATE_LABELS[row.state] : row.state,
    cancelled: false,
    // Start is mandatory for clients that sort by it; without a known time it is the day's local midnight.
    start: danishDateTime(row.date, row.startTime ?? "00:00"),
    end: row.endTime ? danishDateTime(row.date, row.endTime) : null,
    location: row.location
      ? {
          id: urls.object("location", row.id),
          type: oparlType("Location"),
          description: row.location,
          created: dateTime(row.created),
          modified: dateTime(row.modified),
        }
      : null,
    organization: row.organizationId === null ? null : [urls.object("organization", row.organizationId)],
    participant: row.participantIds.map((p) => urls.object("person", p)),
    invitation: agenda ? mapFile(agenda, urls) : null,
    resultsProtocol: minutes ? mapFile(minutes, urls) : null,
    auxiliaryFile: auxiliary.length > 0 ? auxiliary.map((f) => mapFile(f, urls)) : null,
    agendaItem: row.items.map((item) => mapAgendaItem(item, urls)),
    web: urls.web(`/moede/${row.id}`),
    created: dateTime(row.created),
    modified: dateTime(row.modified),
  });
}

/** The newest imported original of a kind (a re-imported minutes file replaces the earlier one). */
function latestOriginal(files: readonly OparlFileRow[], kind: string): OparlFileRow | undefined {
  return files
    .filter((f) => f.role === "original" && f.sourceKind === kind)
    .sort((a, b) => b.id - a.id)
    .at(0);
}
