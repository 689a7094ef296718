/** @module A mail Rådsinfo sends: plain text, one recipient, Danish. */
export interface MailMessage {
  /** One address ("anna@kl.dk" or "Anna Aaen <anna@kl.dk>"). */
  readonly to: string;
  readonly subject: string;
  /** The body as plain text (UTF-8; æøå are kept, nodemailer encodes them). */
  readonly text: string;
}

/** Where a sent mail went: the SMTP server's message id, or the outbox file it was written to. */
export interface SentMail {
  readonly messageId: string;
  /** The outbox file's path, or null when an SMTP server took the mail. */
  readonly file: string | null;
}
