/** @module Maps a case (sag, "SAG-2024-03326") to an OParl Paper (OParl 1.1 §3 "oparl:Paper") with its consultations. */
import type { OparlPaperRow } from "../../store/index.js";
import { mapConsultation } from "./consultation.js";
import { dateTime, deletedObject, type OparlObject, oparlType, present } from "./oparl-json.js";
import type { OparlUrls } from "./urls.js";

export function mapPaper(row: OparlPaperRow, urls: OparlUrls): OparlObject {
  const id = urls.object("paper", row.id);
  if (row.deleted) return deletedObject(id, "Paper", row);
  return present({
    id,
    type: oparlType("Paper"),
    body: row.bodyId === null ? null : urls.object("body", row.bodyId),
    name: row.title ?? row.firstItemTitle ?? row.reference,
    reference: row.reference,
    date: row.date,
    paperType: "Sag",
    consultation: row.consultations.map((c) => mapConsultation(c, urls)),
    created: dateTime(row.created),
    modified: dateTime(row.modified),
  });
}
