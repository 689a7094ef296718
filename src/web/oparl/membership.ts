/** @module Maps a membership (medlem, formand, suppleant) to an OParl Membership (OParl 1.1 §3 "oparl:Membership"). */
import { isMembershipRole, MEMBERSHIP_ROLE_LABELS } from "../../domain/index.js";
import type { OparlMembershipRow } from "../../store/index.js";
import { dateTime, deletedObject, type OparlObject, oparlType, present } from "./oparl-json.js";
import type { OparlUrls } from "./urls.js";

export function mapMembership(row: OparlMembershipRow, urls: OparlUrls): OparlObject {
  const id = urls.object("membership", row.id);
  if (row.deleted) return deletedObject(id, "Membership", row);
  return present({
    id,
    type: oparlType("Membership"),
    person: urls.object("person", row.personId),
    organization: urls.object("organization", row.organizationId),
    role: isMembershipRole(row.role) ? MEMBERSHIP_ROLE_LABELS[row.role] : row.role,
    // A substitute (suppleant) votes only in place of an absent member; a member always does.
    votingRight: row.role !== "substitute",
    startDate: row.startDate,
    endDate: row.endDate,
    created: dateTime(row.created),
    modified: dateTime(row.modified),
  });
}
