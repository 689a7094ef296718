/**
 * @module Turns a role and a body as typed (command line, admin form) into a checked grant, or the
 * AccountError that names the problem: unknown role, missing or superfluous body, unknown body.
 */
import type { Kysely } from "kysely";
import { isRole, ROLES, type Role, roleNeedsBody } from "../domain/index.js";
import { type Database, findBodyByName, listBodyNames } from "../store/index.js";
import { accountErrors } from "./account-error.js";

export interface CheckedGrant {
  readonly role: Role;
  readonly bodyId: number | null;
  readonly bodyName: string | null;
}

/**
 * @example await checkedGrant(db, "sekretariat", "KKR Nordjylland") // { role: "sekretariat", bodyId: 1, bodyName: "KKR Nordjylland" }
 */
export async function checkedGrant(
  db: Kysely<Database>,
  role: string,
  body: string | number | null | undefined,
): Promise<CheckedGrant> {
  if (!isRole(role)) throw accountErrors.unknownRole(role, ROLES);
  const wanted = body === null || body === undefined ? "" : String(body).trim();
  if (!roleNeedsBody(role)) {
    if (wanted) throw accountErrors.bodyNotAllowed(role);
    return { role, bodyId: null, bodyName: null };
  }
  if (!wanted) throw accountErrors.bodyRequired(role);
  const found = await findBodyByName(db, wanted);
  if (!found) throw accountErrors.unknownBody(wanted, await listBodyNames(db));
  return { role, bodyId: found.id, bodyName: found.name };
}
