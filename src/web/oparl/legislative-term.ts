/** @module Maps a valgperiode to an OParl LegislativeTerm (OParl 1.1 §3 "oparl:LegislativeTerm"). */
import type { OparlLegislativeTermRow } from "../../store/index.js";
import { dateTime, deletedObject, type OparlObject, oparlType, present } from "./oparl-json.js";
import type { OparlUrls } from "./urls.js";

export function mapLegislativeTerm(row: OparlLegislativeTermRow, urls: OparlUrls): OparlObject {
  const id = urls.object("legislativeTerm", row.id);
  if (row.deleted) return deletedObject(id, "LegislativeTerm", row);
  return present({
    id,
    type: oparlType("LegislativeTerm"),
    body: urls.object("body", row.bodyId),
    name: row.name,
    startDate: row.startDate,
    endDate: row.endDate,
    created: dateTime(row.created),
    modified: dateTime(row.modified),
  });
}
