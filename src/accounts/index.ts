/**
 * @module Accounts (issue 12): users and roles, passwords (Argon2id), TOTP, sessions, login throttling,
 * one-time links, API tokens and the audit log. Commands are verb-nouns with one input object; refusals
 * are AccountError with a stable code. Callers (web, cli) never see a hash or a stored secret.
 */
export * from "./account-error.js";
export * from "./account-settings.js";
export * from "./account-user.js";
export * from "./actor.js";
export * from "./api-tokens.js";
export * from "./audit-log.js";
export * from "./link-mail.js";
export * from "./login-attempt.js";
export * from "./login-throttle.js";
export * from "./one-time-links.js";
export * from "./password.js";
export * from "./role-grant.js";
export * from "./secret-token.js";
export * from "./sessions.js";
export * from "./site-secrets.js";
export * from "./totp.js";
export * from "./user-admin.js";
export * from "./user-creator.js";
