/**
 * @module Accounts (issue 12): users and their roles per body, sessions, login throttling, one-time links,
 * API tokens and the audit log. Secrets are never stored: sessions, links and tokens keep only the SHA-256
 * of their random value, passwords only their Argon2id hash.
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
    create table app_user (
      id integer generated always as identity primary key,
      email text not null,
      name text not null,
      password_hash text,
      totp_secret text,
      totp_last_step bigint,
      disabled boolean not null default false,
      created timestamptz not null default now(),
      modified timestamptz not null default now()
    );
    create unique index app_user_email on app_user (lower(email));
    create table user_role (
      id integer generated always as identity primary key,
      user_id integer not null references app_user(id) on delete cascade,
      role text not null check (role in ('administrator', 'sekretariat', 'medlem')),
      body_id integer references body(id),
      created timestamptz not null default now(),
      check ((role = 'administrator') = (body_id is null))
    );
    create unique index user_role_grant on user_role (user_id, role, coalesce(body_id, 0));
    create table user_session (
      id integer generated always as identity primary key,
      user_id integer not null references app_user(id) on delete cascade,
      token_hash text not null unique,
      address text,
      user_agent text,
      created timestamptz not null default now(),
      expires timestamptz not null,
      last_seen timestamptz not null default now(),
      ended timestamptz
    );
    create index user_session_user on user_session (user_id);
    create table login_attempt (
      id bigint generated always as identity primary key,
      account text not null,
      address text,
      succeeded boolean not null,
      at timestamptz not null default now()
    );
    create index login_attempt_account on login_attempt (account, at);
    create index login_attempt_address on login_attempt (address, at);
    create table login_lockout (
      scope text not null check (scope in ('account', 'address')),
      key text not null,
      locked_until timestamptz not null,
      primary key (scope, key)
    );
    create table one_time_link (
      id integer generated always as identity primary key,
      user_id integer not null references app_user(id) on delete cascade,
      purpose text not null check (purpose in ('first-login', 'password-reset')),
      token_hash text not null unique,
      created timestamptz not null default now(),
      expires timestamptz not null,
      used timestamptz
    );
    create index one_time_link_user on one_time_link (user_id);
    create table api_token (
      id integer generated always as identity primary key,
      user_id integer not null references app_user(id) on delete cascade,
      name text,
      prefix text not null,
      token_hash text not null unique,
      created timestamptz not null default now(),
      last_used timestamptz,
      revoked timestamptz
    );
    create index api_token_user on api_token (user_id);
    create table audit_log (
      id bigint generated always as identity primary key,
      at timestamptz not null default now(),
      actor_user_id integer,
      actor_token_id integer,
      action text not null,
      target_kind text not null,
      target_id text,
      before jsonb,
      after jsonb
    );
    create index audit_log_at on audit_log (at desc, id desc);
    create index audit_log_target on audit_log (target_kind, target_id)
    `,
  );
}
