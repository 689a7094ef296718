/**
 * @module Sends mail: through the SMTP server that `SMTP_URL` names, or, without one, into the outbox
 * folder of the data directory (DATA_DIR/outbox/*.eml), which `raadsinfo outbox` lists. Both build the
 * same RFC 822 message with nodemailer.
 */
import { join } from "node:path";
import type { MailMessage, SentMail } from "./mail-message.js";
import { outboxMailer } from "./outbox-mailer.js";
import { smtpMailer } from "./smtp-mailer.js";

export interface Mailer {
  /** "smtp" when a server takes the mail, "outbox" when it is written to a folder. */
  readonly kind: "smtp" | "outbox";
  /** A line for logs and the command line: "SMTP server mail.kl.dk:587" or "outbox data/outbox". */
  readonly description: string;
  send(message: MailMessage): Promise<SentMail>;
  close(): void;
}

/** The sender when MAIL_FROM is not set. */
export const DEFAULT_MAIL_FROM = "Rådsinfo <raadsinfo@localhost>";

export interface MailerOptions {
  /** smtp:// or smtps:// URL with user and password if needed; when absent, the outbox is used. */
  readonly smtpUrl?: string | undefined;
  /** The data directory whose outbox/ folder takes the mail when there is no SMTP server. */
  readonly dataDir: string;
  /** The From address (default MAIL_FROM, or DEFAULT_MAIL_FROM). */
  readonly from?: string | undefined;
}

/**
 * The mailer the options (usually the environment) select.
 * @example const mailer = openMailer({ smtpUrl: process.env.SMTP_URL, dataDir: "./data" });
 */
export function openMailer(options: MailerOptions): Mailer {
  const from = options.from || process.env.MAIL_FROM || DEFAULT_MAIL_FROM;
  return options.smtpUrl
    ? smtpMailer(options.smtpUrl, from)
    : outboxMailer(outboxFolder(options.dataDir), from);
}

/** The outbox folder of a data directory. */
export function outboxFolder(dataDir: string): string {
  return join(dataDir, "outbox");
}
