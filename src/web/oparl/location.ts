/** @module Maps a meeting's place to an OParl Location (OParl 1.1 §3 "oparl:Location"); its id is the meeting's. */
import type { OparlLocationRow } from "../../store/index.js";
import { dateTime, deletedObject, type OparlObject, oparlType } from "./oparl-json.js";
import type { OparlUrls } from "./urls.js";

export function mapLocation(row: OparlLocationRow, urls: OparlUrls): OparlObject {
  const id = urls.object("location", row.id);
  if (row.deleted) return deletedObject(id, "Location", row);
  return {
    id,
    type: oparlType("Location"),
    description: row.description,
    bodies: [urls.object("body", row.bodyId)],
    meetings: [urls.object("meeting", row.id)],
    created: dateTime(row.created),
    modified: dateTime(row.modified),
  };
}
