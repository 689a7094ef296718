/**
 * @module Login attempts and lockouts (issue 12), per account (the e-mail typed, in lower case) and per
 * address. The policy, how many failures in which window, lives in src/accounts/login-throttle.ts.
 * In write/ though it also counts failures and reads lockouts: each read serves the write that follows.
 */
import type { Kysely } from "kysely";
import type { Database } from "../schema.js";

type Db = Kysely<Database>;

export type LockoutScope = "account" | "address";

export interface Lockout {
  readonly scope: LockoutScope;
  readonly key: string;
  readonly until: Date;
}

/** The lockouts in force at `now` for this account or this address, the longest first. */
export async function activeLockouts(
  db: Db,
  at: { readonly account: string; readonly address: string | null; readonly now: Date },
): Promise<Lockout[]> {
  const rows = await db
    .selectFrom("login_lockout")
    .select(["scope", "key", "locked_until"])
    .where("locked_until", ">", at.now)
    .where((eb) =>
      eb.or([
        eb.and([eb("scope", "=", "account"), eb("key", "=", at.account)]),
        ...(at.address === null ? [] : [eb.and([eb("scope", "=", "address"), eb("key", "=", at.address)])]),
      ]),
    )
    .orderBy("locked_until", "desc")
    .execute();
  return rows.map((r) => ({ scope: r.scope, key: r.key, until: r.locked_until }));
}

export async function insertLoginAttempt(
  db: Db,
  attempt: {
    readonly account: string;
    readonly address: string | null;
    readonly succeeded: boolean;
    readonly now: Date;
  },
): Promise<void> {
  await db
    .insertInto("login_attempt")
    .values({
      account: attempt.account,
      address: attempt.address,
      succeeded: attempt.succeeded,
      at: attempt.now,
    })
    .execute();
}

/**
 * Failed attempts since `since`: for an account, only those after its last success (signing in
 * clears the count); for an address, all of them (one address trying many accounts is the attack).
 */
export async function countRecentFailures(
  db: Db,
  scope: LockoutScope,
  key: string,
  since: Date,
): Promise<number> {
  const column = scope === "account" ? "account" : "address";
  let from = since;
  if (scope === "account") {
    const success = await db
      .selectFrom("login_attempt")
      .select((eb) => eb.fn.max("at").as("at"))
      .where("account", "=", key)
      .where("succeeded", "=", true)
      .where("at", ">=", since)
      .executeTakeFirst();
    if (success?.at) from = new Date(success.at);
  }
  const row = await db
    .selectFrom("login_attempt")
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .where(column, "=", key)
    .where("succeeded", "=", false)
    .where("at", ">=", from)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** Locks an account or address until `until` (an earlier lockout is lengthened, never shortened). */
export async function lockOut(db: Db, lockout: Lockout): Promise<void> {
  await db
    .insertInto("login_lockout")
    .values({ scope: lockout.scope, key: lockout.key, locked_until: lockout.until })
    .onConflict((oc) =>
      oc.columns(["scope", "key"]).doUpdateSet((eb) => ({
        locked_until: eb.fn("greatest", ["login_lockout.locked_until", eb.ref("excluded.locked_until")]),
      })),
    )
    .execute();
}

export async function clearLockout(db: Db, scope: LockoutScope, key: string): Promise<void> {
  await db.deleteFrom("login_lockout").where("scope", "=", scope).where("key", "=", key).execute();
}

/** Forgets attempts older than `before` and lockouts that ended before it: throttling needs only the window. */
export async function pruneLoginAttempts(db: Db, before: Date): Promise<void> {
  await db.deleteFrom("login_attempt").where("at", "<", before).execute();
  await db.deleteFrom("login_lockout").where("locked_until", "<", before).execute();
}
