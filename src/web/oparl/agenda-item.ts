/**
 * @module Maps an agenda item to an OParl AgendaItem (OParl 1.1 §3 "oparl:AgendaItem"). A closed item
 * (lukket punkt) shows only that it exists: number, order, `public: false` and the name "Lukket punkt";
 * none of its fields, files or consultation.
 */
import type { OparlAgendaItemRow } from "../../store/index.js";
import { mapFile } from "./file.js";
import { dateTime, deletedObject, type OparlObject, oparlType, present } from "./oparl-json.js";
import type { OparlUrls } from "./urls.js";

export const CLOSED_ITEM_NAME = "Lukket punkt";

export function mapAgendaItem(row: OparlAgendaItemRow, urls: OparlUrls): OparlObject {
  const id = urls.object("agendaItem", row.id);
  // AgendaItem.order is mandatory in the schema, so a deleted item keeps it (§2.8).
  if (row.deleted) return deletedObject(id, "AgendaItem", row, { order: row.position });
  if (!row.public) {
    return {
      id,
      type: oparlType("AgendaItem"),
      meeting: urls.object("meeting", row.meetingId),
      number: row.number,
      order: row.position,
      name: CLOSED_ITEM_NAME,
      public: false,
      created: dateTime(row.created),
      modified: dateTime(row.modified),
    };
  }
  return present({
    id,
    type: oparlType("AgendaItem"),
    meeting: urls.object("meeting", row.meetingId),
    number: row.number,
    order: row.position,
    name: row.title,
    public: true,
    consultation: row.caseId === null ? null : urls.object("consultation", row.id),
    resolutionText: row.decision,
    auxiliaryFile: row.files.length > 0 ? row.files.map((f) => mapFile(f, urls)) : null,
    web: urls.web(`/punkt/${row.id}`),
    created: dateTime(row.created),
    modified: dateTime(row.modified),
  });
}
