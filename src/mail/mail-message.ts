/** @module A mail Rådsinfo sends: plain text, one recipient, Danish; maybe with files attached (a decision letter). */
export interface MailMessage {
  /** One address ("anna@kl.dk" or "Anna Aaen <anna@kl.dk>"). */
  readonly to: string;
  readonly subject: string;
  /** The body as plain text (UTF-8; æøå are kept, nodemailer encodes them). */
  readonly text: string;
  /** Files attached (a decision letter's PDF); kept as base64 so a message stays plain JSON in a job's payload. */
  readonly attachments?: readonly MailAttachment[];
  /**
   * Extra header fields by name, written as given (an alert's List-Unsubscribe and
   * List-Unsubscribe-Post, RFC 8058). Plain strings, so a message stays plain JSON in a job's payload.
   */
  readonly headers?: Readonly<Record<string, string>>;
}

/** One attached file. */
export interface MailAttachment {
  /** "beslutning-kkr-nordjylland-2024-09-20-punkt-2-3.pdf" */
  readonly filename: string;
  /** "application/pdf" */
  readonly contentType: string;
  readonly contentBase64: string;
}

/** Where a sent mail went: the SMTP server's message id, or the outbox file it was written to. */
export interface SentMail {
  readonly messageId: string;
  /** The outbox file's path, or null when an SMTP server took the mail. */
  readonly file: string | null;
}
