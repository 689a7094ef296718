/** @module E-mail out: SMTP when SMTP_URL is set, the outbox folder otherwise; reading the outbox. */
export * from "./mail-error.js";
export type * from "./mail-message.js";
export * from "./mailer.js";
export * from "./outbox.js";
export * from "./rfc822.js";
