/** @module Maps an organisation (the KKR itself, a committee) to an OParl Organization (OParl 1.1 §3 "oparl:Organization"). */
import type { OparlOrganizationRow } from "../../store/index.js";
import { dateTime, deletedObject, type OparlObject, oparlType, present } from "./oparl-json.js";
import type { OparlUrls } from "./urls.js";

export function mapOrganization(row: OparlOrganizationRow, urls: OparlUrls): OparlObject {
  const id = urls.object("organization", row.id);
  if (row.deleted) return deletedObject(id, "Organization", row);
  return present({
    id,
    type: oparlType("Organization"),
    body: urls.object("body", row.bodyId),
    name: row.name,
    classification: row.classification,
    membership: row.membershipIds.map((m) => urls.object("membership", m)),
    meeting: urls.organizationMeetings(row.id),
    consultation: urls.organizationConsultations(row.id),
    created: dateTime(row.created),
    modified: dateTime(row.modified),
  });
}
