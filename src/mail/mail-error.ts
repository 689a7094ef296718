/** @module The one error src/mail throws: a mail could not be sent or the outbox not read. One line. */
export class MailError extends Error {
  override readonly name = "MailError";
}
