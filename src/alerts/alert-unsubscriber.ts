/**
 * @module Ending a subscription by the unsubscribe token of any mail it got (RFC 8058 one-click): no
 * login, no further question. Pressing twice is harmless.
 */
import type { Kysely } from "kysely";
import { type Database, endAlertSubscription } from "../store/index.js";
import { type AlertLinkTarget, alertLinkFinder } from "./alert-confirmer.js";

/**
 * Ends the subscription an unsubscribe token names.
 * @throws AlertError invalid-link
 */
export async function alertUnsubscriber(props: {
  readonly db: Kysely<Database>;
  readonly token: string;
  readonly now?: Date;
}): Promise<AlertLinkTarget> {
  const found = await alertLinkFinder({ db: props.db, purpose: "unsubscribe", token: props.token });
  await endAlertSubscription(props.db, found.subscription.id, props.now ?? new Date());
  return found;
}
