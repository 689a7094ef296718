/**
 * @module What a signed-in user changes on /konto: the password (knowing the current one) and
 * two-factor sign-in (a new secret, confirmed with a code from the app before it counts).
 */
import type { Kysely } from "kysely";
import { claimTotpStep, type Database, endUserSessions, findUserById, updateUser } from "../store/index.js";
import { accountErrors } from "./account-error.js";
import type { Actor } from "./actor.js";
import { auditAppend } from "./audit-log.js";
import { hashPassword, passwordProblem, verifyPassword } from "./password.js";
import { totpCheck } from "./totp.js";

/**
 * Changes a user's password; the user's other sessions end (the caller signs this browser in again).
 * @throws AccountError unknown-user, invalid-credentials (wrong current password), weak-password
 */
export async function passwordChanger(props: {
  readonly db: Kysely<Database>;
  readonly userId: number;
  readonly currentPassword: string;
  readonly newPassword: string;
  readonly actor: Actor;
  readonly now?: Date;
}): Promise<void> {
  const now = props.now ?? new Date();
  const user = await findUserById(props.db, props.userId);
  if (!user) throw accountErrors.unknownUser(String(props.userId));
  if (!user.passwordHash || !(await verifyPassword(user.passwordHash, props.currentPassword))) {
    throw accountErrors.invalidCredentials();
  }
  const problem = passwordProblem(props.newPassword);
  if (problem) throw accountErrors.weakPassword(problem);
  const passwordHash = await hashPassword(props.newPassword);
  await props.db.transaction().execute(async (tx) => {
    await updateUser(tx, user.id, { passwordHash }, now);
    await endUserSessions(tx, user.id, now);
    await auditAppend({
      db: tx,
      actor: props.actor,
      action: "user-password-change",
      targetKind: "user",
      targetId: user.id,
      after: { passwordSet: true },
      now,
    });
  });
}

/**
 * Turns on (or replaces) two-factor sign-in with `secret` (from createTotpSecret, shown as a QR code)
 * once `code` proves the app has it. The code counts as used.
 * @throws AccountError unknown-user, totp-invalid
 */
export async function totpEnabler(props: {
  readonly db: Kysely<Database>;
  readonly userId: number;
  readonly secret: string;
  readonly code: string;
  readonly actor: Actor;
  readonly now?: Date;
}): Promise<void> {
  const now = props.now ?? new Date();
  const user = await findUserById(props.db, props.userId);
  if (!user) throw accountErrors.unknownUser(String(props.userId));
  const check = totpCheck({ secret: props.secret, code: props.code, lastStep: null, now });
  if (check.kind !== "accepted") throw accountErrors.totpInvalid();
  await props.db.transaction().execute(async (tx) => {
    await updateUser(tx, user.id, { totpSecret: props.secret }, now);
    await claimTotpStep(tx, user.id, check.step);
    await auditAppend({
      db: tx,
      actor: props.actor,
      action: "user-totp-enable",
      targetKind: "user",
      targetId: user.id,
      before: { totp: user.totpSecret !== null },
      after: { totp: true },
      now,
    });
  });
}
