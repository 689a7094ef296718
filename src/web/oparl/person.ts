/**
 * @module Maps a person to an OParl Person (OParl 1.1 §3 "oparl:Person") with memberships embedded. The
 * store never selects private data (person.private_note); this mapper whitelists the public fields.
 */
import type { OparlPersonRow } from "../../store/index.js";
import { mapMembership } from "./membership.js";
import { dateTime, deletedObject, type OparlObject, oparlType, present } from "./oparl-json.js";
import type { OparlUrls } from "./urls.js";

export function mapPerson(row: OparlPersonRow, urls: OparlUrls): OparlObject {
  const id = urls.object("person", row.id);
  if (row.deleted) return deletedObject(id, "Person", row);
  const parts = row.name.trim().split(/\s+/);
  return present({
    id,
    type: oparlType("Person"),
    body: row.bodyId === null ? null : urls.object("body", row.bodyId),
    name: row.name,
    // Danish names: the last word is the family name ("Peter E. Nielsen" -> "Nielsen").
    familyName: parts.length > 1 ? parts.at(-1) : null,
    givenName: parts.length > 1 ? parts.slice(0, -1).join(" ") : null,
    membership: row.memberships.map((m) => mapMembership(m, urls)),
    web: urls.web(`/person/${row.id}`),
    created: dateTime(row.created),
    modified: dateTime(row.modified),
  });
}
