/**
 * @module Alert subscriptions' writes (issue 16): a pending subscription with its confirm token, the
 * confirmation, the one-click unsubscribe, a digest's own unsubscribe token, and the claim that lets one
 * digest out per 24 hours. Tokens arrive hashed (accounts/secret-token.ts); in write/ though it also finds
 * a subscription by token: the look-up serves the write that follows it.
 */
import { type Kysely, sql } from "kysely";
import type { AlertTargetKind, AlertTokenPurpose } from "../schema/alert-tables.js";
import type { Database } from "../schema.js";

type Db = Kysely<Database>;

/** What a subscription follows; exactly one of the ids or the text is set, by kind. */
export type AlertTarget =
  | { readonly kind: "body"; readonly bodyId: number }
  | { readonly kind: "matter"; readonly matterId: number }
  | { readonly kind: "search"; readonly query: string }
  | { readonly kind: "municipality"; readonly municipality: string };

export interface StoredAlertSubscription {
  readonly id: number;
  readonly email: string;
  readonly target: AlertTarget;
  readonly created: Date;
  readonly confirmed: Date | null;
  readonly unsubscribed: Date | null;
  readonly lastDigest: Date | null;
}

const COLUMNS = [
  "id",
  "email",
  "target_kind",
  "body_id",
  "matter_id",
  "target_text",
  "created",
  "confirmed",
  "unsubscribed",
  "last_digest",
] as const;

interface SubscriptionRow {
  id: number;
  email: string;
  target_kind: AlertTargetKind;
  body_id: number | null;
  matter_id: number | null;
  target_text: string | null;
  created: Date;
  confirmed: Date | null;
  unsubscribed: Date | null;
  last_digest: Date | null;
}

function targetOf(row: SubscriptionRow): AlertTarget {
  switch (row.target_kind) {
    case "body":
      return { kind: "body", bodyId: row.body_id ?? 0 };
    case "matter":
      return { kind: "matter", matterId: row.matter_id ?? 0 };
    case "search":
      return { kind: "search", query: row.target_text ?? "" };
    case "municipality":
      return { kind: "municipality", municipality: row.target_text ?? "" };
  }
}

export function presentSubscription(row: SubscriptionRow): StoredAlertSubscription {
  return {
    id: row.id,
    email: row.email,
    target: targetOf(row),
    created: row.created,
    confirmed: row.confirmed,
    unsubscribed: row.unsubscribed,
    lastDigest: row.last_digest,
  };
}

function targetColumns(target: AlertTarget) {
  return {
    target_kind: target.kind,
    body_id: target.kind === "body" ? target.bodyId : null,
    matter_id: target.kind === "matter" ? target.matterId : null,
    target_text:
      target.kind === "search" ? target.query : target.kind === "municipality" ? target.municipality : null,
  };
}

/**
 * The live subscriptions (confirmed or pending, not ended) of an address to a target: the subscribe
 * command reads them so a second sign-up neither duplicates a subscription nor mails the address again.
 */
export async function findLiveAlertSubscriptions(
  db: Db,
  email: string,
  target: AlertTarget,
): Promise<StoredAlertSubscription[]> {
  const columns = targetColumns(target);
  const rows = await db
    .selectFrom("alert_subscription")
    .select(COLUMNS)
    .where(sql<boolean>`lower(email) = lower(${email})`)
    .where("target_kind", "=", columns.target_kind)
    .where((eb) =>
      columns.body_id !== null
        ? eb("body_id", "=", columns.body_id)
        : columns.matter_id !== null
          ? eb("matter_id", "=", columns.matter_id)
          : eb("target_text", "=", columns.target_text ?? ""),
    )
    .where("unsubscribed", "is", null)
    .orderBy("id")
    .execute();
  return rows.map(presentSubscription);
}

/** Stores a pending subscription and its confirm token's hash, in the caller's transaction. */
export async function insertAlertSubscription(
  db: Db,
  input: { readonly email: string; readonly target: AlertTarget; readonly confirmTokenHash: string },
): Promise<number> {
  const row = await db
    .insertInto("alert_subscription")
    .values({ email: input.email, ...targetColumns(input.target) })
    .returning("id")
    .executeTakeFirstOrThrow();
  await insertAlertToken(db, row.id, "confirm", input.confirmTokenHash);
  return row.id;
}

/** Stores a token's hash for a subscription: a confirm token, or the unsubscribe token of one mail. */
export async function insertAlertToken(
  db: Db,
  subscriptionId: number,
  purpose: AlertTokenPurpose,
  tokenHash: string,
): Promise<void> {
  await db
    .insertInto("alert_token")
    .values({ token_hash: tokenHash, subscription_id: subscriptionId, purpose })
    .execute();
}

/** The subscription a token of this purpose belongs to, confirmed or not, ended or not. */
export async function findAlertSubscriptionByToken(
  db: Db,
  purpose: AlertTokenPurpose,
  tokenHash: string,
): Promise<StoredAlertSubscription | undefined> {
  const row = await db
    .selectFrom("alert_token as t")
    .innerJoin("alert_subscription as s", "s.id", "t.subscription_id")
    .select(COLUMNS.map((c) => `s.${c}` as const))
    .where("t.token_hash", "=", tokenHash)
    .where("t.purpose", "=", purpose)
    .executeTakeFirst();
  return row ? presentSubscription(row) : undefined;
}

/** Confirms a pending subscription once; true when this call confirmed it. */
export async function confirmAlertSubscription(db: Db, id: number, now: Date): Promise<boolean> {
  const result = await db
    .updateTable("alert_subscription")
    .set({ confirmed: now })
    .where("id", "=", id)
    .where("confirmed", "is", null)
    .where("unsubscribed", "is", null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

/** Ends a subscription; true when this call ended it (a second click finds it ended already). */
export async function endAlertSubscription(db: Db, id: number, now: Date): Promise<boolean> {
  const result = await db
    .updateTable("alert_subscription")
    .set({ unsubscribed: now })
    .where("id", "=", id)
    .where("unsubscribed", "is", null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

/**
 * Marks a digest made at `now` if the subscription is live and had none in the 24 hours before: the
 * conditional update decides between two runs racing, so a subscriber never gets two a day.
 */
export async function claimAlertDigest(db: Db, id: number, now: Date): Promise<boolean> {
  const dayBefore = new Date(now.getTime() - 24 * 60 * 60_000);
  const result = await db
    .updateTable("alert_subscription")
    .set({ last_digest: now })
    .where("id", "=", id)
    .where("confirmed", "is not", null)
    .where("unsubscribed", "is", null)
    .where((eb) => eb.or([eb("last_digest", "is", null), eb("last_digest", "<=", dayBefore)]))
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

/**
 * Deletes the subscriptions never confirmed and made before `before` (their tokens go with them): an
 * address typed by someone else, or a mail never opened, leaves no trace after a week. Returns how many.
 */
export async function deleteUnconfirmedAlertSubscriptions(db: Db, before: Date): Promise<number> {
  const deleted = await db
    .deleteFrom("alert_subscription")
    .where("confirmed", "is", null)
    .where("created", "<", before)
    .executeTakeFirst();
  return Number(deleted.numDeletedRows);
}
