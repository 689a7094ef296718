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
    organizationType: organizationType(row.classification),
    membership: row.membershipIds.map((m) => urls.object("membership", m)),
    meeting: urls.organizationMeetings(row.id),
    consultation: urls.organizationConsultations(row.id),
    created: dateTime(row.created),
    modified: dateTime(row.modified),
  });
}

/**
 * OParl 1.1's organizationType, one of its named kinds, from the Danish classification: a council,
 * committee or KKR is a "Gremium", a party a "Partei".
 */
export function organizationType(classification: string | null): string {
  const c = (classification ?? "").toLowerCase();
  if (/parti/.test(c)) return "Partei";
  if (/fraktion|gruppe/.test(c)) return "Fraktion";
  if (/forvaltning|administration|sekretariat/.test(c)) return "Verwaltungsbereich";
  if (/kkr|udvalg|råd|raad|bestyrelse|kommunalbestyrelse|regionsråd/.test(c)) return "Gremium";
  return "Sonstiges";
}
