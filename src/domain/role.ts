/**
 * @module Account roles: who a signed-in user is to a body. `administrator` is global (everything, users);
 * `sekretariat` and `medlem` each hold for one body. The visibility policy reads these grants.
 */
export const ROLES = ["administrator", "sekretariat", "medlem"] as const;
export type Role = (typeof ROLES)[number];

export function isRole(value: unknown): value is Role {
  return typeof value === "string" && (ROLES as readonly string[]).includes(value);
}

export const ROLE_LABELS: Readonly<Record<Role, string>> = {
  administrator: "Administrator",
  sekretariat: "Sekretariat",
  medlem: "Medlem",
};

/** A role held by a user: global (`bodyId` null) for administrator, for one body otherwise. */
export interface RoleGrant {
  readonly role: Role;
  readonly bodyId: number | null;
}

/** True for the roles that hold for one body (`sekretariat`, `medlem`): they need a body, the others must not have one. */
export function roleNeedsBody(role: Role): boolean {
  return role !== "administrator";
}

/** Roles that may not sign in without a second factor: they write, or see everything (issue 12). */
export function roleRequiresTotp(role: Role): boolean {
  return role === "administrator" || role === "sekretariat";
}

/**
 * Whether `grants` include `role` for `bodyId`; an administrator holds every role for every body.
 * @example holdsRole([{ role: "medlem", bodyId: 1 }], "medlem", 1) // true
 */
export function holdsRole(grants: readonly RoleGrant[], role: Role, bodyId: number): boolean {
  return grants.some((g) => g.role === "administrator" || (g.role === role && g.bodyId === bodyId));
}
