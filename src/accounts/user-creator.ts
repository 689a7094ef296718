/**
 * @module Creates a user with one role (issue 12). A user whose role needs two-factor sign-in
 * (administrator, sekretariat) gets a TOTP secret at once, returned once for an authenticator app.
 */
import type { Kysely } from "kysely";
import { isEmailAddress, roleRequiresTotp } from "../domain/index.js";
import {
  type Database,
  findUserByEmail,
  findUserById,
  insertUser,
  insertUserRole,
  isUniqueViolation,
} from "../store/index.js";
import { accountErrors } from "./account-error.js";
import { type AccountUser, presentUser } from "./account-user.js";
import type { Actor } from "./actor.js";
import { auditAppend } from "./audit-log.js";
import { hashPassword, passwordProblem } from "./password.js";
import { checkedGrant } from "./role-grant.js";
import { createTotpSecret } from "./totp.js";

export interface UserCreatorProps {
  readonly db: Kysely<Database>;
  /** The e-mail the user signs in with; unique without regard to case. */
  readonly email: string;
  /** The name shown in lists and the audit log. */
  readonly name: string;
  /** administrator, sekretariat or medlem, as typed; checked here. */
  readonly role: string;
  /** For sekretariat and medlem: the body's name, short name or id. */
  readonly body?: string | number | null;
  /** The password; without one the user can sign in only after a first-login link (oneTimeLinkCreator). */
  readonly password?: string | null;
  /** Who creates the user, for the audit log. */
  readonly actor: Actor;
  readonly now?: Date;
}

export interface CreatedUser {
  readonly user: AccountUser;
  /** The base32 TOTP secret to give the user once; null for a role without two-factor sign-in. */
  readonly totpSecret: string | null;
}

/**
 * @example const { user, totpSecret } = await userCreator({ db, email: "anna@kl.dk", name: "Anna Aaen", role: "sekretariat", body: "KKR Nordjylland", actor: CLI_ACTOR });
 * @throws AccountError invalid-email, invalid-name, unknown-role, body-required, body-not-allowed, unknown-body, weak-password, email-taken
 */
export async function userCreator(props: UserCreatorProps): Promise<CreatedUser> {
  const { db } = props;
  const now = props.now ?? new Date();
  const email = props.email.trim();
  if (!isEmailAddress(email)) throw accountErrors.invalidEmail(email);
  const name = props.name.trim();
  if (!name) throw accountErrors.invalidName();
  const grant = await checkedGrant(db, props.role, props.body);
  if (props.password !== undefined && props.password !== null) {
    const problem = passwordProblem(props.password);
    if (problem) throw accountErrors.weakPassword(problem);
  }
  if (await findUserByEmail(db, email)) throw accountErrors.emailTaken(email);
  const passwordHash = props.password ? await hashPassword(props.password) : null;
  const totpSecret = roleRequiresTotp(grant.role) ? createTotpSecret() : null;
  try {
    const user = await db.transaction().execute(async (tx) => {
      const id = await insertUser(tx, { email, name, passwordHash, totpSecret, now });
      await insertUserRole(tx, { userId: id, role: grant.role, bodyId: grant.bodyId, now });
      await auditAppend({
        db: tx,
        actor: props.actor,
        action: "user-create",
        targetKind: "user",
        targetId: id,
        after: { email, name, role: grant.role, bodyId: grant.bodyId, totp: totpSecret !== null },
        now,
      });
      return findUserById(tx, id);
    });
    return { user: presentUser(user!), totpSecret };
  } catch (error) {
    // Two creators racing for one address: the unique index decides, the loser hears it plainly.
    if (isUniqueViolation(error)) throw accountErrors.emailTaken(email);
    throw error;
  }
}
