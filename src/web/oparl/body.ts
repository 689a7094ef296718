/** @module Maps a body (KKR, municipality) to an OParl Body with links to all its lists (OParl 1.1 §3 "oparl:Body"). */
import type { OparlBodyRow } from "../../store/index.js";
import { mapLegislativeTerm } from "./legislative-term.js";
import { DATA_LICENSE, dateTime, deletedObject, type OparlObject, oparlType, present } from "./oparl-json.js";
import type { OparlUrls } from "./urls.js";

export function mapBody(row: OparlBodyRow, urls: OparlUrls): OparlObject {
  const id = urls.object("body", row.id);
  const lists = {
    organization: urls.bodyList(row.id, "organization"),
    person: urls.bodyList(row.id, "person"),
    meeting: urls.bodyList(row.id, "meeting"),
    paper: urls.bodyList(row.id, "paper"),
  };
  // A deleted Body keeps its schema-mandatory fields (name and the four lists, legislativeTerm) (§2.8).
  if (row.deleted) return deletedObject(id, "Body", row, { name: row.name, ...lists, legislativeTerm: [] });
  return present({
    id,
    type: oparlType("Body"),
    system: urls.system(),
    name: row.name,
    shortName: row.shortName,
    website: row.website,
    license: DATA_LICENSE,
    classification: row.classification,
    ...lists,
    agendaItem: urls.bodyList(row.id, "agendaItem"),
    consultation: urls.bodyList(row.id, "consultation"),
    file: urls.bodyList(row.id, "file"),
    membership: urls.bodyList(row.id, "membership"),
    locationList: urls.bodyList(row.id, "location"),
    legislativeTermList: urls.bodyList(row.id, "legislativeTerm"),
    legislativeTerm: row.legislativeTerms.map((term) => mapLegislativeTerm(term, urls)),
    web: urls.web(`/organ/${row.id}`),
    created: dateTime(row.created),
    modified: dateTime(row.modified),
  });
}
