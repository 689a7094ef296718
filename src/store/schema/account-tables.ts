/** @module Accounts (issue 12): users, roles, sessions, login throttling, one-time links, API tokens, the audit log (migration 0011). */
import type { ColumnType, Generated } from "kysely";
import type { Timestamp } from "./column-types.js";

/** A person who can sign in (issue 12). `email` is unique without regard to case. */
export interface AppUserTable {
  id: Generated<number>;
  email: string;
  name: string;
  /** Argon2id PHC string; null until a first-login link has been used. */
  password_hash: string | null;
  /** Base32 TOTP secret; null when the user has no second factor. */
  totp_secret: string | null;
  /** The RFC 6238 time step of the last code accepted: that code and older ones are refused. */
  totp_last_step: number | null;
  disabled: Generated<boolean>;
  created: Generated<Date>;
  modified: Timestamp;
}

/** One role of a user: administrator with no body, sekretariat or medlem of one body. */
export interface UserRoleTable {
  id: Generated<number>;
  user_id: number;
  role: string;
  body_id: number | null;
  created: Generated<Date>;
}

/** A signed-in browser; only the SHA-256 (hex) of the cookie's token is stored. */
export interface UserSessionTable {
  id: Generated<number>;
  user_id: number;
  token_hash: string;
  address: string | null;
  user_agent: string | null;
  created: Generated<Date>;
  expires: ColumnType<Date, Date | string, Date | string>;
  last_seen: Timestamp;
  ended: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
}

/** One login attempt, kept for throttling: `account` is the e-mail as typed, in lower case. */
export interface LoginAttemptTable {
  id: Generated<number>;
  account: string;
  address: string | null;
  succeeded: boolean;
  at: Timestamp;
}

/** An account or an address that may not try to sign in before `locked_until`. */
export interface LoginLockoutTable {
  scope: "account" | "address";
  key: string;
  locked_until: ColumnType<Date, Date | string, Date | string>;
}

/** A first-login or password-reset link: single use, with an expiry; only its token's SHA-256 stored. */
export interface OneTimeLinkTable {
  id: Generated<number>;
  user_id: number;
  purpose: "first-login" | "password-reset";
  token_hash: string;
  created: Generated<Date>;
  expires: ColumnType<Date, Date | string, Date | string>;
  used: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
}

/** An API token acting as its user; `prefix` (e.g. "ri_AbCdEfGh") names it in lists. */
export interface ApiTokenTable {
  id: Generated<number>;
  user_id: number;
  name: string | null;
  prefix: string;
  token_hash: string;
  created: Generated<Date>;
  last_used: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
  revoked: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
}

/** One write by a user or token (both null: the command line), with the target before and after. */
export interface AuditLogTable {
  id: Generated<number>;
  at: Timestamp;
  actor_user_id: number | null;
  actor_token_id: number | null;
  action: string;
  target_kind: string;
  target_id: string | null;
  before: ColumnType<unknown, string | null, string | null>;
  after: ColumnType<unknown, string | null, string | null>;
}

/** A secret every web process of the site shares (migration 0031), e.g. the key of anonymous CSRF tokens. */
export interface SiteSecretTable {
  name: string;
  value: string;
  created: Generated<Date>;
}
