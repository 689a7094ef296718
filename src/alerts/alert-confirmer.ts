/**
 * @module Confirming a subscription by the link in its confirmation mail. Following it twice is harmless:
 * the second time finds the subscription confirmed.
 */
import type { Kysely } from "kysely";
import { randomToken, tokenHash } from "../accounts/index.js";
import {
  alertTargetName,
  confirmAlertSubscription,
  type Database,
  findAlertSubscriptionByToken,
  insertAlertToken,
  type StoredAlertSubscription,
} from "../store/index.js";
import { alertErrors } from "./alert-error.js";

export interface AlertLinkTarget {
  readonly subscription: StoredAlertSubscription;
  /** The body's or matter's name, the query, or the municipality; null when the target is gone. */
  readonly targetName: string | null;
}

/**
 * The subscription a confirm or unsubscribe token names, for the page that asks for the button press.
 * @throws AlertError invalid-link
 */
export async function alertLinkFinder(props: {
  readonly db: Kysely<Database>;
  readonly purpose: "confirm" | "unsubscribe";
  readonly token: string;
}): Promise<AlertLinkTarget> {
  const subscription = props.token
    ? await findAlertSubscriptionByToken(props.db, props.purpose, tokenHash(props.token))
    : undefined;
  if (!subscription) throw alertErrors.invalidLink();
  return { subscription, targetName: await alertTargetName(props.db, subscription.target) };
}

/**
 * Confirms the subscription a confirm token names; digests then list news from now on. Returns an
 * unsubscribe token too, so the page can offer a way out before the first digest comes.
 * @throws AlertError invalid-link (also for a subscription ended meanwhile)
 */
export async function alertConfirmer(props: {
  readonly db: Kysely<Database>;
  readonly token: string;
  readonly now?: Date;
}): Promise<AlertLinkTarget & { readonly unsubscribeToken: string }> {
  const found = await alertLinkFinder({ db: props.db, purpose: "confirm", token: props.token });
  if (found.subscription.unsubscribed) throw alertErrors.invalidLink();
  const unsubscribeToken = randomToken();
  await props.db.transaction().execute(async (tx) => {
    await confirmAlertSubscription(tx, found.subscription.id, props.now ?? new Date());
    await insertAlertToken(tx, found.subscription.id, "unsubscribe", tokenHash(unsubscribeToken));
  });
  return { ...found, unsubscribeToken };
}
