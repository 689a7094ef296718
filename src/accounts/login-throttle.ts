/**
 * @module Login throttling and lockout (issue 12): too many failed sign-ins in a window lock the account
 * (the e-mail typed, whether or not it exists, so a lockout does not tell which accounts exist) or the
 * address for a while. The clock is an input, so tests move it instead of sleeping.
 */
import type { Kysely } from "kysely";
import {
  activeLockouts,
  clearLockout,
  countRecentFailures,
  type Database,
  insertLoginAttempt,
  type LockoutScope,
  lockOut,
  pruneLoginAttempts,
} from "../store/index.js";

export interface ThrottlePolicy {
  /** Failures are counted over this many milliseconds. */
  readonly windowMs: number;
  /** Failed attempts on one account within the window that lock it. */
  readonly accountFailures: number;
  /** Failed attempts from one address within the window (on any accounts) that lock it. */
  readonly addressFailures: number;
  /** How long a lockout lasts. */
  readonly lockoutMs: number;
}

/** 5 failures on an account or 20 from an address within 15 minutes lock it for 15 minutes. */
export const DEFAULT_THROTTLE_POLICY: ThrottlePolicy = Object.freeze({
  windowMs: 15 * 60_000,
  accountFailures: 5,
  addressFailures: 20,
  lockoutMs: 15 * 60_000,
});

/** Attempts older than this are forgotten when the next outcome is recorded. */
const KEEP_ATTEMPTS_MS = 24 * 60 * 60_000;

export type LoginPermission =
  | { readonly allowed: true }
  | { readonly allowed: false; readonly scope: LockoutScope; readonly until: Date };

export interface LoginThrottleInput {
  readonly db: Kysely<Database>;
  /** The e-mail as typed; compared in lower case. */
  readonly email: string;
  /** The client's address (IP), or null when there is none (not the web). */
  readonly address: string | null;
  readonly now?: Date;
  readonly policy?: ThrottlePolicy;
}

/** The key an account is throttled under: the typed e-mail, trimmed, in lower case. */
export function accountKey(email: string): string {
  return email.trim().toLowerCase();
}

/**
 * Whether a sign-in may be tried now; when not, which lockout holds and until when (Retry-After).
 * @example const p = await loginPermission({ db, email, address: "10.0.0.1" }); if (!p.allowed) answer429(p.until);
 */
export async function loginPermission(input: LoginThrottleInput): Promise<LoginPermission> {
  const [lockout] = await activeLockouts(input.db, {
    account: accountKey(input.email),
    address: input.address,
    now: input.now ?? new Date(),
  });
  return lockout ? { allowed: false, scope: lockout.scope, until: lockout.until } : { allowed: true };
}

/**
 * Records how an attempt ended. A failure that reaches a limit locks the account or the address; a
 * success clears the account's count and lockout (not the address's: one address guessing at many
 * accounts stays throttled even if it knows one password).
 */
export async function loginOutcomeRecorder(
  input: LoginThrottleInput & { readonly succeeded: boolean },
): Promise<void> {
  const now = input.now ?? new Date();
  const policy = input.policy ?? DEFAULT_THROTTLE_POLICY;
  const account = accountKey(input.email);
  const { db } = input;
  await pruneLoginAttempts(db, new Date(now.getTime() - Math.max(KEEP_ATTEMPTS_MS, policy.windowMs)));
  await insertLoginAttempt(db, { account, address: input.address, succeeded: input.succeeded, now });
  if (input.succeeded) {
    await clearLockout(db, "account", account);
    return;
  }
  const since = new Date(now.getTime() - policy.windowMs);
  const until = new Date(now.getTime() + policy.lockoutMs);
  if ((await countRecentFailures(db, "account", account, since)) >= policy.accountFailures) {
    await lockOut(db, { scope: "account", key: account, until });
  }
  if (
    input.address !== null &&
    (await countRecentFailures(db, "address", input.address, since)) >= policy.addressFailures
  ) {
    await lockOut(db, { scope: "address", key: input.address, until });
  }
}
