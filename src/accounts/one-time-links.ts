/**
 * @module One-time links for first login and password reset (issue 12): a random token in a URL sent
 * by e-mail, single use, expiring. Creating a new link retires the user's earlier one for the same purpose.
 */
import type { Kysely } from "kysely";
import {
  consumeOneTimeLink,
  type Database,
  endUserSessions,
  findOneTimeLink,
  findUserById,
  insertOneTimeLink,
  type OneTimeLinkPurpose,
  updateUser,
} from "../store/index.js";
import { accountErrors } from "./account-error.js";
import { type AccountUser, presentUser } from "./account-user.js";
import { userActor } from "./actor.js";
import { auditAppend } from "./audit-log.js";
import { hashPassword, passwordProblem } from "./password.js";
import { randomToken, tokenHash } from "./secret-token.js";

export type { OneTimeLinkPurpose };

/** A first-login link is good for a week (a new colleague may be away); a reset link for an hour. */
export const LINK_LIFETIME_MS: Readonly<Record<OneTimeLinkPurpose, number>> = {
  "first-login": 7 * 24 * 60 * 60_000,
  "password-reset": 60 * 60_000,
};

/** The path a link's token is appended to; the web serves /log-ind/link/:token. */
export const ONE_TIME_LINK_PATH = "/log-ind/link";

/** The URL a mail carries: `${baseUrl}/log-ind/link/${token}`. */
export function oneTimeLinkUrl(baseUrl: string, token: string): string {
  return `${baseUrl.replace(/\/+$/, "")}${ONE_TIME_LINK_PATH}/${token}`;
}

export interface OneTimeLinkCreatorProps {
  readonly db: Kysely<Database>;
  readonly userId: number;
  readonly purpose: OneTimeLinkPurpose;
  readonly now?: Date;
  readonly lifetimeMs?: number;
}

export async function oneTimeLinkCreator(
  props: OneTimeLinkCreatorProps,
): Promise<{ readonly token: string; readonly expires: Date }> {
  const now = props.now ?? new Date();
  const token = randomToken();
  const expires = new Date(now.getTime() + (props.lifetimeMs ?? LINK_LIFETIME_MS[props.purpose]));
  await insertOneTimeLink(props.db, {
    userId: props.userId,
    purpose: props.purpose,
    tokenHash: tokenHash(token),
    expires,
    now,
  });
  return { token, expires };
}

export interface ValidLink {
  readonly purpose: OneTimeLinkPurpose;
  readonly user: AccountUser;
  readonly expires: Date;
}

async function usableLink(db: Kysely<Database>, token: string, now: Date) {
  const link = token ? await findOneTimeLink(db, tokenHash(token)) : undefined;
  if (!link) throw accountErrors.linkInvalid();
  if (link.used) throw accountErrors.linkUsed();
  if (link.expires.getTime() <= now.getTime()) throw accountErrors.linkExpired();
  const user = await findUserById(db, link.userId);
  if (!user || user.disabled) throw accountErrors.linkInvalid();
  return { link, user };
}

/**
 * Checks a link without using it up: the page that asks for the new password calls this first.
 * @throws AccountError link-invalid, link-used, link-expired
 */
export async function oneTimeLinkFinder(props: {
  readonly db: Kysely<Database>;
  readonly token: string;
  readonly now?: Date;
}): Promise<ValidLink> {
  const { link, user } = await usableLink(props.db, props.token, props.now ?? new Date());
  return { purpose: link.purpose, user: presentUser(user), expires: link.expires };
}

/**
 * Uses a link to set a new password, once: the link is spent and the user's other sessions end, in one
 * transaction. The caller then signs the user in (with TOTP, if the user has it).
 * @throws AccountError weak-password, link-invalid, link-used, link-expired
 */
export async function passwordLinkRedeemer(props: {
  readonly db: Kysely<Database>;
  readonly token: string;
  readonly password: string;
  readonly now?: Date;
}): Promise<ValidLink> {
  const now = props.now ?? new Date();
  const problem = passwordProblem(props.password);
  if (problem) throw accountErrors.weakPassword(problem);
  const { user } = await usableLink(props.db, props.token, now);
  const passwordHash = await hashPassword(props.password);
  return props.db.transaction().execute(async (tx) => {
    // The conditional update decides between two tabs racing with one link.
    const link = await consumeOneTimeLink(tx, tokenHash(props.token), now);
    if (!link) throw accountErrors.linkUsed();
    await updateUser(tx, user.id, { passwordHash }, now);
    await endUserSessions(tx, user.id, now);
    await auditAppend({
      db: tx,
      actor: userActor(user.id),
      action: link.purpose === "first-login" ? "user-first-login" : "user-password-reset",
      targetKind: "user",
      targetId: user.id,
      after: { passwordSet: true },
      now,
    });
    return { purpose: link.purpose, user: presentUser(user), expires: link.expires };
  });
}
