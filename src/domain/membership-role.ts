/** @module Roles a person can hold in an organisation. */
export const MEMBERSHIP_ROLES = ["member", "chair", "vice-chair", "substitute"] as const;
export type MembershipRole = (typeof MEMBERSHIP_ROLES)[number];

export function isMembershipRole(value: unknown): value is MembershipRole {
  return typeof value === "string" && (MEMBERSHIP_ROLES as readonly string[]).includes(value);
}

export const MEMBERSHIP_ROLE_LABELS: Readonly<Record<MembershipRole, string>> = {
  member: "Medlem",
  chair: "Formand",
  "vice-chair": "Næstformand",
  substitute: "Suppleant",
};
