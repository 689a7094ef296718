/**
 * @module Alerts by e-mail (issue 16): a reader's subscription to a body, a search, a matter or a
 * municipality, pending until confirmed (double opt-in), and its tokens. Only SHA-256 hashes of tokens
 * are kept; each digest carries its own unsubscribe token, so every link ever mailed keeps working.
 */
import type { Kysely } from "kysely";
import { runStatements } from "./run-statements.js";

// Migrations see the database as it was then, not as schema.ts says it is now.
// biome-ignore lint/suspicious/noExplicitAny: migration code is written against an untyped database.
type AnyDb = Kysely<any>;

export async function up(db: AnyDb): Promise<void> {
  await runStatements(
    db,
    `
    create table alert_subscription (
      id serial primary key,
      email text not null,
      target_kind text not null check (target_kind in ('body', 'search', 'matter', 'municipality')),
      body_id integer references body(id),
      matter_id integer references matter(id),
      -- The search query, or the municipality's name.
      target_text text,
      created timestamptz not null default now(),
      confirmed timestamptz,
      unsubscribed timestamptz,
      -- When the last digest was made: its news ended there, and no other goes out within 24 hours.
      last_digest timestamptz,
      check ((target_kind = 'body') = (body_id is not null)),
      check ((target_kind = 'matter') = (matter_id is not null)),
      check ((target_kind in ('search', 'municipality')) = (target_text is not null))
    );
    create index alert_subscription_due on alert_subscription (last_digest)
      where confirmed is not null and unsubscribed is null;
    create table alert_token (
      token_hash text primary key,
      subscription_id integer not null references alert_subscription(id) on delete cascade,
      purpose text not null check (purpose in ('confirm', 'unsubscribe')),
      created timestamptz not null default now()
    );
    create index alert_token_subscription on alert_token (subscription_id)
  `,
  );
}
