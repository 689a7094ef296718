/**
 * @module Users and their roles written (issue 12): the rows behind src/accounts. Only hashes of passwords
 * are passed in; nothing here decides who may do what. Lookups are in read/account-lookups.ts.
 */
import type { Kysely } from "kysely";
import type { Role } from "../../domain/index.js";
import type { Database } from "../schema.js";

type Db = Kysely<Database>;

/** True for PostgreSQL's unique_violation, whichever backend raised it. */
export function isUniqueViolation(error: unknown): boolean {
  return typeof error === "object" && error !== null && (error as { code?: unknown }).code === "23505";
}

/** Inserts a user; the e-mail must not be taken (case-insensitively), or a unique violation is thrown. */
export async function insertUser(
  db: Db,
  user: {
    readonly email: string;
    readonly name: string;
    readonly passwordHash: string | null;
    readonly totpSecret: string | null;
    readonly now: Date;
  },
): Promise<number> {
  const row = await db
    .insertInto("app_user")
    .values({
      email: user.email,
      name: user.name,
      password_hash: user.passwordHash,
      totp_secret: user.totpSecret,
      created: user.now,
      modified: user.now,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  return row.id;
}

/** Gives a user a role; `bodyId` is null for administrator, a body's id otherwise. */
export async function insertUserRole(
  db: Db,
  grant: { readonly userId: number; readonly role: Role; readonly bodyId: number | null; readonly now: Date },
): Promise<void> {
  await db
    .insertInto("user_role")
    .values({ user_id: grant.userId, role: grant.role, body_id: grant.bodyId, created: grant.now })
    .execute();
}

/** Changes the given columns of a user and stamps `modified`. */
export async function updateUser(
  db: Db,
  id: number,
  changes: {
    readonly name?: string;
    readonly passwordHash?: string | null;
    readonly totpSecret?: string | null;
    readonly disabled?: boolean;
  },
  now: Date,
): Promise<void> {
  await db
    .updateTable("app_user")
    .set({
      modified: now,
      ...(changes.name !== undefined ? { name: changes.name } : {}),
      ...(changes.passwordHash !== undefined ? { password_hash: changes.passwordHash } : {}),
      ...(changes.totpSecret !== undefined ? { totp_secret: changes.totpSecret, totp_last_step: null } : {}),
      ...(changes.disabled !== undefined ? { disabled: changes.disabled } : {}),
    })
    .where("id", "=", id)
    .execute();
}

/**
 * Records `step` as the user's last accepted TOTP time step, only if it is newer than the one stored.
 * False means the step (or a later one) was already used: two logins racing with one code get one true.
 */
export async function claimTotpStep(db: Db, userId: number, step: number): Promise<boolean> {
  const result = await db
    .updateTable("app_user")
    .set({ totp_last_step: step })
    .where("id", "=", userId)
    .where((eb) => eb.or([eb("totp_last_step", "is", null), eb("totp_last_step", "<", step)]))
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}
