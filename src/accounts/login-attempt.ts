/**
 * @module Signing in (issue 12): throttle check, password, TOTP code (required when the user has a
 * secret, and for roles that need one), outcome recorded, session created. The web's /log-ind calls this
 * and maps an AccountError to its status and Danish text.
 */
import type { Kysely } from "kysely";
import { roleRequiresTotp } from "../domain/index.js";
import { claimTotpStep, type Database, findUserByEmail } from "../store/index.js";
import { accountErrors } from "./account-error.js";
import { type AccountUser, presentUser } from "./account-user.js";
import { loginOutcomeRecorder, loginPermission, type ThrottlePolicy } from "./login-throttle.js";
import { decoyPasswordHash, verifyPassword } from "./password.js";
import { type CreatedSession, sessionCreator } from "./sessions.js";
import { totpCheck } from "./totp.js";

export interface LoginAttemptProps {
  readonly db: Kysely<Database>;
  readonly email: string;
  readonly password: string;
  /** The code from the authenticator app; needed when the user has two-factor sign-in. */
  readonly totpCode?: string | null;
  /** The client's address, throttled on its own; null outside the web. */
  readonly address: string | null;
  readonly userAgent?: string | null;
  readonly now?: Date;
  readonly policy?: ThrottlePolicy;
}

export interface SignedIn {
  readonly user: AccountUser;
  readonly session: CreatedSession;
}

/**
 * @example const { session } = await loginAttempt({ db, email, password, totpCode, address: c.req.header("x-forwarded-for") ?? null });
 * @throws AccountError throttled (429, retryAfter), invalid-credentials, totp-required, totp-invalid, totp-reused, totp-not-set-up
 */
export async function loginAttempt(props: LoginAttemptProps): Promise<SignedIn> {
  const { db } = props;
  const now = props.now ?? new Date();
  const throttle = {
    db,
    email: props.email,
    address: props.address,
    now,
    ...(props.policy ? { policy: props.policy } : {}),
  };
  const permission = await loginPermission(throttle);
  if (!permission.allowed) throw accountErrors.throttled(permission.until, now);
  const fail = async (error: Error): Promise<never> => {
    await loginOutcomeRecorder({ ...throttle, succeeded: false });
    throw error;
  };

  const user = await findUserByEmail(db, props.email.trim());
  // An unknown, disabled or password-less account costs one hash check too, and reads as a wrong password.
  const passwordOk = await verifyPassword(user?.passwordHash ?? (await decoyPasswordHash()), props.password);
  if (!user || user.disabled || !user.passwordHash || !passwordOk)
    return fail(accountErrors.invalidCredentials());

  if (user.totpSecret === null) {
    if (user.roles.some((r) => roleRequiresTotp(r.role))) throw accountErrors.totpNotSetUp();
  } else {
    // The password was right: asking for the code is not a failed attempt.
    if (!props.totpCode?.trim()) throw accountErrors.totpRequired();
    const check = totpCheck({
      secret: user.totpSecret,
      code: props.totpCode,
      lastStep: user.totpLastStep,
      now,
    });
    if (check.kind === "wrong") return fail(accountErrors.totpInvalid());
    if (check.kind === "reused" || !(await claimTotpStep(db, user.id, check.step))) {
      return fail(accountErrors.totpReused());
    }
  }

  await loginOutcomeRecorder({ ...throttle, succeeded: true });
  const session = await sessionCreator({
    db,
    userId: user.id,
    address: props.address,
    userAgent: props.userAgent ?? null,
    now,
  });
  return { user: presentUser(user), session };
}
