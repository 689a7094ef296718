/** @module Mail through an SMTP server (nodemailer), e.g. SMTP_URL=smtps://user:pass@mail.kl.dk:465. */
import nodemailer from "nodemailer";
import { nodemailerAttachments } from "./attachments.js";
import { MailError } from "./mail-error.js";
import type { MailMessage, SentMail } from "./mail-message.js";
import type { Mailer } from "./mailer.js";

export function smtpMailer(smtpUrl: string, from: string): Mailer {
  let where: string;
  try {
    const url = new URL(smtpUrl);
    if (url.protocol !== "smtp:" && url.protocol !== "smtps:") throw new Error("not smtp");
    where = url.host;
  } catch {
    throw new MailError("SMTP_URL must look like smtp://user:password@host:587 or smtps://host:465");
  }
  const transport = nodemailer.createTransport(smtpUrl);
  return {
    kind: "smtp",
    description: `SMTP server ${where}`,
    async send(message: MailMessage): Promise<SentMail> {
      try {
        const info = await transport.sendMail({
          from,
          to: message.to,
          subject: message.subject,
          text: message.text,
          attachments: nodemailerAttachments(message),
          ...(message.headers ? { headers: { ...message.headers } } : {}),
        });
        return { messageId: info.messageId, file: null };
      } catch (error) {
        const reason = error instanceof Error ? error.message.split("\n")[0] : String(error);
        throw new MailError(`cannot send mail through ${where}: ${reason}`);
      }
    },
    close() {
      transport.close();
    },
  };
}
