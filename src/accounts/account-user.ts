/**
 * @module The user as every caller outside src/accounts sees it: no password hash, no TOTP secret.
 * Built field by field from the stored row, so a new secret column never leaks by accident.
 */
import type { Role } from "../domain/index.js";
import type { StoredUser } from "../store/index.js";

export interface AccountRole {
  readonly role: Role;
  /** The body the role holds for; null for administrator. */
  readonly bodyId: number | null;
  readonly bodyName: string | null;
}

export interface AccountUser {
  readonly id: number;
  readonly email: string;
  readonly name: string;
  readonly disabled: boolean;
  /** True once a password is set (false until a first-login link is used). */
  readonly hasPassword: boolean;
  /** True when signing in needs a TOTP code. */
  readonly totpEnabled: boolean;
  readonly created: Date;
  readonly roles: readonly AccountRole[];
}

export function presentUser(user: StoredUser): AccountUser {
  return {
    id: user.id,
    email: user.email,
    name: user.name,
    disabled: user.disabled,
    hasPassword: user.passwordHash !== null,
    totpEnabled: user.totpSecret !== null,
    created: user.created,
    roles: user.roles.map((r) => ({ role: r.role, bodyId: r.bodyId, bodyName: r.bodyName })),
  };
}

/** "administrator", "sekretariat (KKR Nordjylland)": one role in a line of text. */
export function describeRole(role: AccountRole): string {
  return role.bodyName ? `${role.role} (${role.bodyName})` : role.role;
}
