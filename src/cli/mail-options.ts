/** @module Where a command's mail goes: the SMTP server SMTP_URL names, or the data directory's outbox. */
import { type Mailer, openMailer } from "../mail/index.js";
import type { StoreFlags } from "./store-options.js";

/** The data directory a command's flags name (as openStoreFromFlags reads them): its outbox lives there. */
export function dataDirFromFlags(flags: StoreFlags): string {
  return flags["data-dir"] || process.env.RAADSINFO_DATA_DIR || "./data";
}

/** The mailer for a command: SMTP_URL when set, else DATA_DIR/outbox; From is MAIL_FROM when set. */
export function mailerFromFlags(flags: StoreFlags): Mailer {
  return openMailer({ smtpUrl: process.env.SMTP_URL || undefined, dataDir: dataDirFromFlags(flags) });
}

/** The portal's public address, for links in mails: --base-url, PUBLIC_BASE_URL, or localhost. */
export function baseUrlFromFlags(flags: { readonly "base-url"?: string | undefined }): string {
  const url = flags["base-url"] || process.env.PUBLIC_BASE_URL || "http://localhost:3000";
  return url.replace(/\/+$/, "");
}
