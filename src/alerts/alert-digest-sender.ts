/**
 * @module Making the alert digests (issue 16): for each confirmed subscription whose last digest is a
 * day old, the public news since then; when there is any, one mail with its own unsubscribe token,
 * queued in the transaction that marks the digest made, so a subscriber gets at most one a day even when
 * two runs race, and a mail is never lost between the mark and the queue.
 */
import type { Kysely } from "kysely";
import { randomToken, tokenHash } from "../accounts/index.js";
import { PUBLIC_VIEWER } from "../domain/index.js";
import { enqueueMail } from "../jobs/enqueue.js";
import { parseSearchRequest, search } from "../search/index.js";
import {
  type AlertNews,
  alertNews,
  alertSubscriptionsDue,
  alertTargetName,
  claimAlertDigest,
  type Database,
  deleteUnconfirmedAlertSubscriptions,
  insertAlertToken,
  type StoredAlertSubscription,
} from "../store/index.js";
import { alertDigestMail } from "./alert-mail.js";
import { alertUnsubscribeUrl } from "./alert-urls.js";

export interface AlertDigestSenderProps {
  readonly db: Kysely<Database>;
  /** The portal's public address (PUBLIC_BASE_URL) the links are built on. */
  readonly baseUrl: string;
  readonly now?: Date;
}

export interface AlertDigestRun {
  /** Subscriptions due a digest (confirmed, none in the last 24 hours). */
  readonly due: number;
  /** Digests queued: those of the due with news. */
  readonly queued: number;
  /** Subscriptions never confirmed within a week, deleted with their links. */
  readonly expired: number;
}

/** How long a confirmation link works: a pending subscription older than this is deleted. */
const PENDING_DAYS = 7;

/**
 * Queues today's digests (send-mail jobs). Safe to run at any time and as often as wanted.
 * @example const { queued } = await alertDigestSender({ db, baseUrl: "https://raadsinfo.kl.dk" });
 */
export async function alertDigestSender(props: AlertDigestSenderProps): Promise<AlertDigestRun> {
  const now = props.now ?? new Date();
  const expired = await deleteUnconfirmedAlertSubscriptions(
    props.db,
    new Date(now.getTime() - PENDING_DAYS * 24 * 3_600_000),
  );
  const due = await alertSubscriptionsDue(props.db, now);
  let queued = 0;
  for (const subscription of due) {
    if (await queueDigest(props, subscription, now)) queued++;
  }
  return { due: due.length, queued, expired };
}

async function queueDigest(
  props: AlertDigestSenderProps,
  subscription: StoredAlertSubscription,
  now: Date,
): Promise<boolean> {
  const { db } = props;
  const since = subscription.lastDigest ?? subscription.confirmed ?? subscription.created;
  const targetName = await alertTargetName(db, subscription.target);
  if (targetName === null) return false;
  const searchItemIds =
    subscription.target.kind === "search" ? await alertSearchItemIds(db, subscription.target.query) : [];
  const news = await alertNews(db, subscription.target, { since, until: now }, searchItemIds);
  if (isEmpty(news)) return false;
  const token = randomToken();
  return db.transaction().execute(async (tx) => {
    if (!(await claimAlertDigest(tx, subscription.id, now))) return false;
    await insertAlertToken(tx, subscription.id, "unsubscribe", tokenHash(token));
    await enqueueMail(
      tx,
      alertDigestMail({
        to: subscription.email,
        target: subscription.target,
        targetName,
        news,
        since,
        baseUrl: props.baseUrl,
        unsubscribeUrl: alertUnsubscribeUrl(props.baseUrl, token),
      }),
    );
    return true;
  });
}

function isEmpty(news: AlertNews): boolean {
  return news.meetings.length === 0 && news.items.length === 0;
}

/**
 * The items the public search finds for a query, newest meetings first: the same search as /soeg, as the
 * public (a subscriber is never signed in to a mail), words as typed (no silent reading as other words).
 * @example await alertSearchItemIds(db, "klimaplan") // [412, 398]
 */
export async function alertSearchItemIds(db: Kysely<Database>, query: string): Promise<number[]> {
  const request = parseSearchRequest({ q: query, sort: "date", pageSize: "50", asTyped: "1" });
  const response = await search(db, request, { viewer: PUBLIC_VIEWER });
  return response.results.flatMap((r) => (r.itemId !== null && r.withheld === null ? [r.itemId] : []));
}
