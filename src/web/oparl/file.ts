/**
 * @module Maps an annex or an imported original to an OParl File (OParl 1.1 §3 "oparl:File", §2.7
 * "Dateizugriffe"): accessUrl and downloadUrl serve the original bytes, with size and SHA-512 of them.
 */
import type { OparlFileRow } from "../../store/index.js";
import { dateTime, deletedObject, type OparlObject, oparlType, present } from "./oparl-json.js";
import type { OparlUrls } from "./urls.js";

export function mapFile(row: OparlFileRow, urls: OparlUrls): OparlObject {
  const id = urls.object("file", row.id);
  // File.accessUrl is mandatory in the schema, so a deleted File keeps it; the URL then answers 410.
  if (row.deleted) return deletedObject(id, "File", row, { accessUrl: urls.fileAccess(row.id) });
  return present({
    id,
    type: oparlType("File"),
    name: row.title,
    fileName: row.fileName,
    mimeType: row.mime,
    date: row.meetingDate,
    size: row.byteSize,
    sha512Checksum: row.sha512,
    text: row.text === "" ? null : row.text,
    accessUrl: urls.fileAccess(row.id),
    downloadUrl: urls.fileDownload(row.id),
    meeting: row.meetingId === null ? null : [urls.object("meeting", row.meetingId)],
    agendaItem: row.agendaItemId === null ? null : [urls.object("agendaItem", row.agendaItemId)],
    // An annex has its own page in the portal; an imported original is reached through its meeting.
    web: row.role === "annex" ? urls.web(`/bilag/${row.id}`) : null,
    created: dateTime(row.created),
    modified: dateTime(row.modified),
  });
}
