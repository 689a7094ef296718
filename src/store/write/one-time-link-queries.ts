/**
 * @module One-time links for first login and password reset (issue 12): single use, with an expiry;
 * only the SHA-256 of the link's token is stored. In write/ though it also finds a link: the lookup
 * serves the consume that follows it.
 */
import type { Kysely } from "kysely";
import type { Database } from "../schema.js";

type Db = Kysely<Database>;

export type OneTimeLinkPurpose = "first-login" | "password-reset";

export interface StoredOneTimeLink {
  readonly id: number;
  readonly userId: number;
  readonly purpose: OneTimeLinkPurpose;
  readonly created: Date;
  readonly expires: Date;
  readonly used: Date | null;
}

/** Stores a new link; the user's earlier unused links for the same purpose stop working. */
export async function insertOneTimeLink(
  db: Db,
  link: {
    readonly userId: number;
    readonly purpose: OneTimeLinkPurpose;
    readonly tokenHash: string;
    readonly expires: Date;
    readonly now: Date;
  },
): Promise<number> {
  await db
    .updateTable("one_time_link")
    .set({ used: link.now })
    .where("user_id", "=", link.userId)
    .where("purpose", "=", link.purpose)
    .where("used", "is", null)
    .execute();
  const row = await db
    .insertInto("one_time_link")
    .values({
      user_id: link.userId,
      purpose: link.purpose,
      token_hash: link.tokenHash,
      expires: link.expires,
      created: link.now,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  return row.id;
}

function present(row: {
  id: number;
  user_id: number;
  purpose: OneTimeLinkPurpose;
  created: Date;
  expires: Date;
  used: Date | null;
}): StoredOneTimeLink {
  return {
    id: row.id,
    userId: row.user_id,
    purpose: row.purpose,
    created: row.created,
    expires: row.expires,
    used: row.used,
  };
}

const COLUMNS = ["id", "user_id", "purpose", "created", "expires", "used"] as const;

/** The link with this token hash, used or not. */
export async function findOneTimeLink(db: Db, tokenHash: string): Promise<StoredOneTimeLink | undefined> {
  const row = await db
    .selectFrom("one_time_link")
    .select(COLUMNS)
    .where("token_hash", "=", tokenHash)
    .executeTakeFirst();
  return row ? present(row) : undefined;
}

/** Marks the link used if it is unused and unexpired at `now`, in one statement; undefined otherwise. */
export async function consumeOneTimeLink(
  db: Db,
  tokenHash: string,
  now: Date,
): Promise<StoredOneTimeLink | undefined> {
  const row = await db
    .updateTable("one_time_link")
    .set({ used: now })
    .where("token_hash", "=", tokenHash)
    .where("used", "is", null)
    .where("expires", ">", now)
    .returning(COLUMNS)
    .executeTakeFirst();
  return row ? present(row) : undefined;
}
