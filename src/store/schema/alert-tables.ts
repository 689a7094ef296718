/** @module Alerts by e-mail (migration 0027): subscriptions and their hashed tokens. */
import type { ColumnType, Generated } from "kysely";

/** What a subscription follows: a body, a search, a matter (sag), or a municipality. */
export type AlertTargetKind = "body" | "search" | "matter" | "municipality";

/** Why a token was made: to confirm a pending subscription, or to end one (each mail its own). */
export type AlertTokenPurpose = "confirm" | "unsubscribe";

export interface AlertSubscriptionTable {
  id: Generated<number>;
  email: string;
  target_kind: AlertTargetKind;
  body_id: number | null;
  matter_id: number | null;
  /** The search query, or the municipality's name; null for a body or a matter. */
  target_text: string | null;
  created: Generated<Date>;
  /** Null while pending: only confirmed subscriptions get digests. */
  confirmed: Date | null;
  unsubscribed: Date | null;
  /** When the last digest was made: news after it goes in the next, no sooner than 24 hours later. */
  last_digest: Date | null;
}

export interface AlertTokenTable {
  /** SHA-256 of the token (accounts/secret-token.ts); the token itself is only in the mail. */
  token_hash: string;
  subscription_id: number;
  purpose: ColumnType<AlertTokenPurpose, AlertTokenPurpose, never>;
  created: Generated<Date>;
}
