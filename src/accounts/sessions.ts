/**
 * @module Sessions of signed-in browsers (issue 12): create one at sign-in (its token goes in an
 * HttpOnly cookie), find it on each request, end it at sign-out. Only the token's SHA-256 is stored.
 */
import type { Kysely } from "kysely";
import {
  type Database,
  endSessionByHash,
  findActiveSession,
  findUserById,
  insertSession,
  touchSession,
} from "../store/index.js";
import { type AccountUser, presentUser } from "./account-user.js";
import { randomToken, tokenHash } from "./secret-token.js";

/** A session lasts a working day from sign-in. */
export const SESSION_LIFETIME_MS = 12 * 60 * 60_000;
/** last_seen is written at most this often, not on every request. */
const TOUCH_EVERY_MS = 60_000;

export interface SessionCreatorProps {
  readonly db: Kysely<Database>;
  readonly userId: number;
  readonly address?: string | null;
  readonly userAgent?: string | null;
  readonly now?: Date;
  readonly lifetimeMs?: number;
}

export interface CreatedSession {
  /** The secret for the cookie; shown here only. */
  readonly token: string;
  readonly id: number;
  readonly expires: Date;
}

export async function sessionCreator(props: SessionCreatorProps): Promise<CreatedSession> {
  const now = props.now ?? new Date();
  const token = randomToken();
  const expires = new Date(now.getTime() + (props.lifetimeMs ?? SESSION_LIFETIME_MS));
  const id = await insertSession(props.db, {
    userId: props.userId,
    tokenHash: tokenHash(token),
    expires,
    address: props.address ?? null,
    userAgent: props.userAgent?.slice(0, 400) ?? null,
    now,
  });
  return { token, id, expires };
}

export interface FoundSession {
  readonly id: number;
  readonly user: AccountUser;
  readonly expires: Date;
  readonly lastSeen: Date;
}

/**
 * The session a cookie's token names, with its user and roles; undefined when the token is unknown,
 * the session ended or expired, or the user is disabled. Notes the time it was seen.
 * @example const session = await sessionFinder({ db, token: getCookie(c, "session") ?? "" });
 */
export async function sessionFinder(props: {
  readonly db: Kysely<Database>;
  readonly token: string;
  readonly now?: Date;
}): Promise<FoundSession | undefined> {
  if (!props.token) return undefined;
  const now = props.now ?? new Date();
  const session = await findActiveSession(props.db, tokenHash(props.token), now);
  if (!session) return undefined;
  const user = await findUserById(props.db, session.userId);
  if (!user || user.disabled) return undefined;
  let lastSeen = session.lastSeen;
  if (now.getTime() - lastSeen.getTime() >= TOUCH_EVERY_MS) {
    await touchSession(props.db, session.id, now);
    lastSeen = now;
  }
  return { id: session.id, user: presentUser(user), expires: session.expires, lastSeen };
}

/** Ends the session a token names (sign-out); false when there was no open one. */
export function sessionEnder(props: {
  readonly db: Kysely<Database>;
  readonly token: string;
  readonly now?: Date;
}): Promise<boolean> {
  return endSessionByHash(props.db, tokenHash(props.token), props.now ?? new Date());
}
