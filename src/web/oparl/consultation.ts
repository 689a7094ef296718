/** @module Maps the treatment of a case at one meeting to an OParl Consultation (OParl 1.1 §3 "oparl:Consultation"). */
import type { OparlConsultationRow } from "../../store/index.js";
import { dateTime, deletedObject, type OparlObject, oparlType, present } from "./oparl-json.js";
import type { OparlUrls } from "./urls.js";

export function mapConsultation(row: OparlConsultationRow, urls: OparlUrls): OparlObject {
  const id = urls.object("consultation", row.id);
  if (row.deleted) return deletedObject(id, "Consultation", row);
  return present({
    id,
    type: oparlType("Consultation"),
    paper: urls.object("paper", row.paperId),
    agendaItem: urls.object("agendaItem", row.agendaItemId),
    meeting: urls.object("meeting", row.meetingId),
    organization: row.organizationId === null ? null : [urls.object("organization", row.organizationId)],
    // Authoritative: the meeting decided the case (the item has a Beslutning), not only discussed it.
    authoritative: row.decided,
    role: row.decided ? "Beslutning" : "Behandling",
    created: dateTime(row.created),
    modified: dateTime(row.modified),
  });
}
