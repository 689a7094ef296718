/** @module Maps a case (sag, "SAG-2024-03326") to an OParl Paper (OParl 1.1 §3 "oparl:Paper") with its consultations. */
import type { OparlPaperRow } from "../../store/index.js";
import { mapConsultation } from "./consultation.js";
import { mapFile } from "./file.js";
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
    // The case's annexes, for clients that reach files only through papers.
    auxiliaryFile: row.files.length > 0 ? row.files.map((f) => mapFile(f, urls)) : null,
    created: dateTime(row.created),
    modified: dateTime(row.modified),
  });
}
