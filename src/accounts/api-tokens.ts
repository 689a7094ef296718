/**
 * @module API tokens for integrations and scripts (issue 12): `Authorization: Bearer ri_...`, acting as
 * their user with that user's roles; revocable; shown once, stored as a SHA-256.
 */
import type { Kysely } from "kysely";
import {
  type Database,
  findActiveApiToken,
  findApiToken,
  findUserByEmail,
  findUserById,
  insertApiToken,
  listApiTokens,
  revokeApiToken,
  type StoredApiToken,
  touchApiToken,
} from "../store/index.js";
import { accountErrors } from "./account-error.js";
import { type AccountUser, presentUser } from "./account-user.js";
import type { Actor } from "./actor.js";
import { auditAppend } from "./audit-log.js";
import { randomToken, tokenHash } from "./secret-token.js";

/** Every token starts so, which lets a secret scanner or a log filter spot one. */
export const API_TOKEN_PREFIX = "ri_";
/** How many characters of a token are kept in the clear to name it: "ri_" and 8 more. */
const SHOWN_LENGTH = API_TOKEN_PREFIX.length + 8;
const TOUCH_EVERY_MS = 60_000;

export type ApiTokenInfo = StoredApiToken;

export interface ApiTokenCreatorProps {
  readonly db: Kysely<Database>;
  /** The e-mail of the user the token acts as. */
  readonly email: string;
  /** What the token is for ("OParl-høster"), shown in lists. */
  readonly name?: string | null;
  readonly actor: Actor;
  readonly now?: Date;
}

/**
 * @example const { token } = await apiTokenCreator({ db, email: "anna@kl.dk", actor: CLI_ACTOR }); // "ri_Qm9..."
 * @throws AccountError unknown-user, user-disabled
 */
export async function apiTokenCreator(
  props: ApiTokenCreatorProps,
): Promise<{ readonly id: number; readonly token: string; readonly prefix: string }> {
  const now = props.now ?? new Date();
  const user = await findUserByEmail(props.db, props.email.trim());
  if (!user) throw accountErrors.unknownUser(props.email.trim());
  if (user.disabled) throw accountErrors.userDisabled(user.email);
  const token = randomToken(API_TOKEN_PREFIX);
  const prefix = token.slice(0, SHOWN_LENGTH);
  const id = await props.db.transaction().execute(async (tx) => {
    const id = await insertApiToken(tx, {
      userId: user.id,
      name: props.name?.trim() || null,
      prefix,
      tokenHash: tokenHash(token),
      now,
    });
    await auditAppend({
      db: tx,
      actor: props.actor,
      action: "token-create",
      targetKind: "api-token",
      targetId: id,
      after: { userId: user.id, prefix, name: props.name?.trim() || null },
      now,
    });
    return id;
  });
  return { id, token, prefix };
}

export interface TokenBearer {
  readonly tokenId: number;
  readonly user: AccountUser;
}

/**
 * The user a bearer token acts as; undefined for an unknown or revoked token or a disabled user.
 * @example const bearer = await apiTokenAuthenticator({ db, token: header.replace(/^Bearer /, "") });
 */
export async function apiTokenAuthenticator(props: {
  readonly db: Kysely<Database>;
  readonly token: string;
  readonly now?: Date;
}): Promise<TokenBearer | undefined> {
  if (!props.token.startsWith(API_TOKEN_PREFIX)) return undefined;
  const now = props.now ?? new Date();
  const found = await findActiveApiToken(props.db, tokenHash(props.token));
  if (!found) return undefined;
  const user = await findUserById(props.db, found.userId);
  if (!user || user.disabled) return undefined;
  if (!found.lastUsed || now.getTime() - found.lastUsed.getTime() >= TOUCH_EVERY_MS) {
    await touchApiToken(props.db, found.id, now);
  }
  return { tokenId: found.id, user: presentUser(user) };
}

/**
 * Revokes a token named by its value ("ri_...") or its id ("12").
 * @throws AccountError unknown-token, token-revoked
 */
export async function apiTokenRevoker(props: {
  readonly db: Kysely<Database>;
  readonly tokenOrId: string;
  readonly actor: Actor;
  readonly now?: Date;
}): Promise<ApiTokenInfo> {
  const now = props.now ?? new Date();
  const wanted = props.tokenOrId.trim();
  const byId = /^\d{1,9}$/.test(wanted);
  const found = byId
    ? await findApiToken(props.db, { id: Number(wanted) })
    : wanted.startsWith(API_TOKEN_PREFIX)
      ? await findApiToken(props.db, { tokenHash: tokenHash(wanted) })
      : undefined;
  if (!found)
    throw accountErrors.unknownToken(byId ? `with id ${wanted}` : `"${wanted.slice(0, SHOWN_LENGTH)}…"`);
  return props.db.transaction().execute(async (tx) => {
    if (!(await revokeApiToken(tx, found.id, now))) throw accountErrors.tokenRevoked(found.id);
    await auditAppend({
      db: tx,
      actor: props.actor,
      action: "token-revoke",
      targetKind: "api-token",
      targetId: found.id,
      before: { revoked: null },
      after: { revoked: now.toISOString() },
      now,
    });
    return { ...found, revoked: now };
  });
}

/** Tokens (of one user, by e-mail, when given), newest first; never their values. */
export async function apiTokenList(props: {
  readonly db: Kysely<Database>;
  readonly email?: string;
}): Promise<ApiTokenInfo[]> {
  if (props.email === undefined) return listApiTokens(props.db);
  const user = await findUserByEmail(props.db, props.email.trim());
  if (!user) throw accountErrors.unknownUser(props.email.trim());
  return listApiTokens(props.db, user.id);
}
