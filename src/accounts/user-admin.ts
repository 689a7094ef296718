/**
 * @module An administrator's changes to existing users: find, list, disable, grant another role. Each
 * write is audited with the user as it was and as it became.
 */
import type { Kysely } from "kysely";
import { roleRequiresTotp } from "../domain/index.js";
import {
  type Database,
  endUserSessions,
  findUserByEmail,
  findUserById,
  insertUserRole,
  isUniqueViolation,
  listUsers,
  revokeUserApiTokens,
  updateUser,
} from "../store/index.js";
import { accountErrors } from "./account-error.js";
import { type AccountUser, presentUser } from "./account-user.js";
import type { Actor } from "./actor.js";
import { auditAppend } from "./audit-log.js";
import { checkedGrant } from "./role-grant.js";
import { createTotpSecret } from "./totp.js";

/** Every user with roles, by e-mail. */
export async function userList(props: { readonly db: Kysely<Database> }): Promise<AccountUser[]> {
  return (await listUsers(props.db)).map(presentUser);
}

/** The user with this e-mail (any case), or AccountError unknown-user. */
export async function userFinder(props: {
  readonly db: Kysely<Database>;
  readonly email: string;
}): Promise<AccountUser> {
  const user = await findUserByEmail(props.db, props.email.trim());
  if (!user) throw accountErrors.unknownUser(props.email.trim());
  return presentUser(user);
}

export interface UserDisablerProps {
  readonly db: Kysely<Database>;
  readonly email: string;
  readonly actor: Actor;
  readonly now?: Date;
}

/**
 * Disables a user: no more sign-ins, every session ended and every API token revoked at once.
 * Disabling a disabled user changes nothing and is not an error.
 * @throws AccountError unknown-user
 */
export async function userDisabler(
  props: UserDisablerProps,
): Promise<{ readonly user: AccountUser; readonly sessionsEnded: number; readonly tokensRevoked: number }> {
  const now = props.now ?? new Date();
  const found = await findUserByEmail(props.db, props.email.trim());
  if (!found) throw accountErrors.unknownUser(props.email.trim());
  return props.db.transaction().execute(async (tx) => {
    const sessionsEnded = await endUserSessions(tx, found.id, now);
    const tokensRevoked = await revokeUserApiTokens(tx, found.id, now);
    if (!found.disabled) {
      await updateUser(tx, found.id, { disabled: true }, now);
      await auditAppend({
        db: tx,
        actor: props.actor,
        action: "user-disable",
        targetKind: "user",
        targetId: found.id,
        before: { disabled: false },
        after: { disabled: true, sessionsEnded, tokensRevoked },
        now,
      });
    }
    return { user: presentUser((await findUserById(tx, found.id))!), sessionsEnded, tokensRevoked };
  });
}

/**
 * Lets a disabled user sign in again, with the password and two-factor they had; sessions and API tokens
 * ended by the disabling stay ended. Enabling an enabled user changes nothing and is not an error.
 * @throws AccountError unknown-user
 */
export async function userEnabler(props: UserDisablerProps): Promise<AccountUser> {
  const now = props.now ?? new Date();
  const found = await findUserByEmail(props.db, props.email.trim());
  if (!found) throw accountErrors.unknownUser(props.email.trim());
  return props.db.transaction().execute(async (tx) => {
    if (found.disabled) {
      await updateUser(tx, found.id, { disabled: false }, now);
      await auditAppend({
        db: tx,
        actor: props.actor,
        action: "user-enable",
        targetKind: "user",
        targetId: found.id,
        before: { disabled: true },
        after: { disabled: false },
        now,
      });
    }
    return presentUser((await findUserById(tx, found.id))!);
  });
}

export interface RoleGranterProps {
  readonly db: Kysely<Database>;
  readonly email: string;
  readonly role: string;
  readonly body?: string | number | null;
  readonly actor: Actor;
  readonly now?: Date;
}

/**
 * Gives an existing user one more role (a member of two bodies). Holding it already is not an error.
 * A role that needs two-factor sign-in, given to a user without it, comes with a new TOTP secret,
 * returned once like userCreator's.
 * @throws AccountError unknown-user, unknown-role, body-required, body-not-allowed, unknown-body
 */
export async function roleGranter(
  props: RoleGranterProps,
): Promise<{ readonly user: AccountUser; readonly totpSecret: string | null }> {
  const now = props.now ?? new Date();
  const found = await findUserByEmail(props.db, props.email.trim());
  if (!found) throw accountErrors.unknownUser(props.email.trim());
  const grant = await checkedGrant(props.db, props.role, props.body);
  if (found.roles.some((r) => r.role === grant.role && r.bodyId === grant.bodyId)) {
    return { user: presentUser(found), totpSecret: null };
  }
  const totpSecret = roleRequiresTotp(grant.role) && found.totpSecret === null ? createTotpSecret() : null;
  try {
    await props.db.transaction().execute(async (tx) => {
      await insertUserRole(tx, { userId: found.id, role: grant.role, bodyId: grant.bodyId, now });
      if (totpSecret) await updateUser(tx, found.id, { totpSecret }, now);
      await auditAppend({
        db: tx,
        actor: props.actor,
        action: "user-role-grant",
        targetKind: "user",
        targetId: found.id,
        before: { roles: found.roles.map((r) => ({ role: r.role, bodyId: r.bodyId })) },
        after: {
          role: grant.role,
          bodyId: grant.bodyId,
          totp: totpSecret !== null || found.totpSecret !== null,
        },
        now,
      });
    });
  } catch (error) {
    // Granted meanwhile by another call: the role is held, as asked, and that call made any secret.
    if (!isUniqueViolation(error)) throw error;
    return { user: presentUser((await findUserById(props.db, found.id))!), totpSecret: null };
  }
  return { user: presentUser((await findUserById(props.db, found.id))!), totpSecret };
}
