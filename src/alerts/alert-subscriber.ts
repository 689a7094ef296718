/**
 * @module Subscribing to alerts (issue 16), double opt-in: a pending subscription and a confirmation
 * mail with a one-use link, queued in one transaction. The answer is the same whether the address was
 * new, pending or confirmed, so the form never tells a stranger what someone follows.
 */
import type { Kysely } from "kysely";
import { randomToken, tokenHash } from "../accounts/index.js";
import { isMunicipality, isPublicEmailAddress } from "../domain/index.js";
import { enqueueMail } from "../jobs/enqueue.js";
import {
  type AlertTarget,
  alertTargetName,
  type Database,
  findLiveAlertSubscriptions,
  insertAlertSubscription,
  insertAlertToken,
} from "../store/index.js";
import { alertErrors } from "./alert-error.js";
import { alertConfirmationMail } from "./alert-mail.js";
import { alertConfirmUrl } from "./alert-urls.js";

/** A pending subscription is mailed again no sooner than this: a form cannot flood an inbox. */
const CONFIRMATION_RESEND_MS = 60 * 60_000;

export interface AlertSubscriberProps {
  readonly db: Kysely<Database>;
  /** The address typed in the form. */
  readonly email: string;
  readonly target: AlertTarget;
  /** The portal's public address (PUBLIC_BASE_URL) the confirm link is built on. */
  readonly baseUrl: string;
  readonly now?: Date;
}

/** What happened, for tests and logs; the page says "check your mail" in every case. */
export type AlertSubscribeOutcome = "confirmation-sent" | "already-confirmed" | "recently-sent";

/**
 * Checks the address and the target, then stores a pending subscription and queues its confirmation.
 * @throws AlertError invalid-email, unknown-target
 * @example await alertSubscriber({ db, email: "anna@eksempel.dk", target: { kind: "body", bodyId: 3 }, baseUrl })
 */
export async function alertSubscriber(props: AlertSubscriberProps): Promise<AlertSubscribeOutcome> {
  const now = props.now ?? new Date();
  const email = props.email.trim();
  if (!isPublicEmailAddress(email)) throw alertErrors.invalidEmail(email);
  const target = normalTarget(props.target);
  const targetName = await alertTargetName(props.db, target);
  if (targetName === null) throw alertErrors.unknownTarget();
  return props.db.transaction().execute(async (tx) => {
    const live = await findLiveAlertSubscriptions(tx, email, target);
    if (live.some((s) => s.confirmed !== null)) return "already-confirmed";
    const pending = live.find((s) => s.confirmed === null);
    if (pending && now.getTime() - pending.created.getTime() < CONFIRMATION_RESEND_MS) return "recently-sent";
    const token = randomToken();
    if (pending) await insertAlertToken(tx, pending.id, "confirm", tokenHash(token));
    else await insertAlertSubscription(tx, { email, target, confirmTokenHash: tokenHash(token) });
    await enqueueMail(
      tx,
      alertConfirmationMail({
        to: email,
        target,
        targetName,
        confirmUrl: alertConfirmUrl(props.baseUrl, token),
      }),
    );
    return "confirmation-sent";
  });
}

/** A target as stored: a search query trimmed and bounded, a municipality one of the 98 names. */
function normalTarget(target: AlertTarget): AlertTarget {
  switch (target.kind) {
    case "search": {
      const query = target.query.trim().slice(0, 200);
      if (query === "") throw alertErrors.unknownTarget();
      return { kind: "search", query };
    }
    case "municipality":
      if (!isMunicipality(target.municipality)) throw alertErrors.unknownTarget();
      return target;
    default:
      return target;
  }
}
