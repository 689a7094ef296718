/**
 * @module Sessions of signed-in browsers (issue 12). The cookie holds a random token; the store holds
 * only its SHA-256, so a copy of the database signs no one in. In write/ though it also looks sessions
 * up: the lookup and the touch that follows it share the row's shape, and most of the file writes.
 */
import type { Kysely } from "kysely";
import type { Database } from "../schema.js";

type Db = Kysely<Database>;

export interface StoredSession {
  readonly id: number;
  readonly userId: number;
  readonly created: Date;
  readonly expires: Date;
  readonly lastSeen: Date;
}

export async function insertSession(
  db: Db,
  session: {
    readonly userId: number;
    readonly tokenHash: string;
    readonly expires: Date;
    readonly address: string | null;
    readonly userAgent: string | null;
    readonly now: Date;
  },
): Promise<number> {
  const row = await db
    .insertInto("user_session")
    .values({
      user_id: session.userId,
      token_hash: session.tokenHash,
      expires: session.expires,
      address: session.address,
      user_agent: session.userAgent,
      created: session.now,
      last_seen: session.now,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  return row.id;
}

/** The session with this token hash if it has not ended, not expired at `now`, and its user is not disabled. */
export async function findActiveSession(
  db: Db,
  tokenHash: string,
  now: Date,
): Promise<StoredSession | undefined> {
  const row = await db
    .selectFrom("user_session")
    .innerJoin("app_user", "app_user.id", "user_session.user_id")
    .select([
      "user_session.id",
      "user_session.user_id",
      "user_session.created",
      "user_session.expires",
      "user_session.last_seen",
    ])
    .where("user_session.token_hash", "=", tokenHash)
    .where("user_session.ended", "is", null)
    .where("user_session.expires", ">", now)
    .where("app_user.disabled", "=", false)
    .executeTakeFirst();
  return row
    ? { id: row.id, userId: row.user_id, created: row.created, expires: row.expires, lastSeen: row.last_seen }
    : undefined;
}

export async function touchSession(db: Db, id: number, now: Date): Promise<void> {
  await db.updateTable("user_session").set({ last_seen: now }).where("id", "=", id).execute();
}

/** Ends the session with this token hash; false when there was no open one. */
export async function endSessionByHash(db: Db, tokenHash: string, now: Date): Promise<boolean> {
  const result = await db
    .updateTable("user_session")
    .set({ ended: now })
    .where("token_hash", "=", tokenHash)
    .where("ended", "is", null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

/** Ends every open session of a user (disabled, or a new password); returns how many. */
export async function endUserSessions(db: Db, userId: number, now: Date): Promise<number> {
  const result = await db
    .updateTable("user_session")
    .set({ ended: now })
    .where("user_id", "=", userId)
    .where("ended", "is", null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}
