/**
 * @module API tokens (issue 12): each acts as its user; only the SHA-256 of the token is stored, with a
 * short prefix to recognise it in lists. In write/ though it also finds and lists tokens: most of the
 * file writes (insert, touch, revoke), and the lookups share its row mapping.
 */
import type { Kysely } from "kysely";
import type { Database } from "../schema.js";

type Db = Kysely<Database>;

export interface StoredApiToken {
  readonly id: number;
  readonly userId: number;
  readonly userEmail: string;
  readonly name: string | null;
  readonly prefix: string;
  readonly created: Date;
  readonly lastUsed: Date | null;
  readonly revoked: Date | null;
}

export async function insertApiToken(
  db: Db,
  token: {
    readonly userId: number;
    readonly name: string | null;
    readonly prefix: string;
    readonly tokenHash: string;
    readonly now: Date;
  },
): Promise<number> {
  const row = await db
    .insertInto("api_token")
    .values({
      user_id: token.userId,
      name: token.name,
      prefix: token.prefix,
      token_hash: token.tokenHash,
      created: token.now,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  return row.id;
}

function tokenQuery(db: Db) {
  return db
    .selectFrom("api_token")
    .innerJoin("app_user", "app_user.id", "api_token.user_id")
    .select([
      "api_token.id",
      "api_token.user_id",
      "app_user.email",
      "api_token.name",
      "api_token.prefix",
      "api_token.created",
      "api_token.last_used",
      "api_token.revoked",
    ]);
}

type TokenRow = Awaited<ReturnType<ReturnType<typeof tokenQuery>["executeTakeFirstOrThrow"]>>;

function present(row: TokenRow): StoredApiToken {
  return {
    id: row.id,
    userId: row.user_id,
    userEmail: row.email,
    name: row.name,
    prefix: row.prefix,
    created: row.created,
    lastUsed: row.last_used,
    revoked: row.revoked,
  };
}

/** The token with this hash if it is not revoked and its user is not disabled. */
export async function findActiveApiToken(db: Db, tokenHash: string): Promise<StoredApiToken | undefined> {
  const row = await tokenQuery(db)
    .where("api_token.token_hash", "=", tokenHash)
    .where("api_token.revoked", "is", null)
    .where("app_user.disabled", "=", false)
    .executeTakeFirst();
  return row ? present(row) : undefined;
}

/** A token by id or by the hash of its value, revoked or not. */
export async function findApiToken(
  db: Db,
  by: { readonly id: number } | { readonly tokenHash: string },
): Promise<StoredApiToken | undefined> {
  const row = await ("id" in by
    ? tokenQuery(db).where("api_token.id", "=", by.id)
    : tokenQuery(db).where("api_token.token_hash", "=", by.tokenHash)
  ).executeTakeFirst();
  return row ? present(row) : undefined;
}

/** Every token (of one user, when given), newest first. */
export async function listApiTokens(db: Db, userId?: number): Promise<StoredApiToken[]> {
  let query = tokenQuery(db);
  if (userId !== undefined) query = query.where("api_token.user_id", "=", userId);
  return (await query.orderBy("api_token.id", "desc").execute()).map(present);
}

export async function touchApiToken(db: Db, id: number, now: Date): Promise<void> {
  await db.updateTable("api_token").set({ last_used: now }).where("id", "=", id).execute();
}

/** Revokes a token that is not revoked yet; false when it already was. */
export async function revokeApiToken(db: Db, id: number, now: Date): Promise<boolean> {
  const result = await db
    .updateTable("api_token")
    .set({ revoked: now })
    .where("id", "=", id)
    .where("revoked", "is", null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** Revokes every open token of a user (when the user is disabled); returns how many. */
export async function revokeUserApiTokens(db: Db, userId: number, now: Date): Promise<number> {
  const result = await db
    .updateTable("api_token")
    .set({ revoked: now })
    .where("user_id", "=", userId)
    .where("revoked", "is", null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}
