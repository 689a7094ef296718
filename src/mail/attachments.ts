/** @module A message's attachments as nodemailer takes them (bytes from the JSON-safe base64). */
import type { MailMessage } from "./mail-message.js";

export function nodemailerAttachments(message: MailMessage) {
  return (message.attachments ?? []).map((a) => ({
    filename: a.filename,
    contentType: a.contentType,
    content: Buffer.from(a.contentBase64, "base64"),
  }));
}
