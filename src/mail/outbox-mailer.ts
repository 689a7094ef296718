/**
 * @module Mail into a folder when no SMTP server is configured: each message a complete RFC 822 file
 * (OUTBOX/<UTC time>-<id>.eml, built by nodemailer's stream transport) that any mail program opens.
 */
import { randomBytes } from "node:crypto";
import { mkdir, rename, writeFile } from "node:fs/promises";
import { join } from "node:path";
import nodemailer from "nodemailer";
import { nodemailerAttachments } from "./attachments.js";
import { MailError } from "./mail-error.js";
import type { MailMessage, SentMail } from "./mail-message.js";
import type { Mailer } from "./mailer.js";

export function outboxMailer(folder: string, from: string): Mailer {
  const transport = nodemailer.createTransport({ streamTransport: true, buffer: true, newline: "windows" });
  return {
    kind: "outbox",
    description: `outbox ${folder}`,
    async send(message: MailMessage): Promise<SentMail> {
      const info = await transport.sendMail({
        from,
        to: message.to,
        subject: message.subject,
        text: message.text,
        attachments: nodemailerAttachments(message),
        ...(message.headers ? { headers: { ...message.headers } } : {}),
      });
      // Sortable by name: 20261202T070512123Z-1a2b3c4d.eml
      const stamp = new Date().toISOString().replace(/[-:.]/g, "");
      const file = join(folder, `${stamp}-${randomBytes(4).toString("hex")}.eml`);
      try {
        await mkdir(folder, { recursive: true });
        // Whole or not at all: a reader never sees half a message.
        await writeFile(`${file}.tmp`, info.message as Buffer);
        await rename(`${file}.tmp`, file);
      } catch (error) {
        throw new MailError(
          `cannot write to the outbox ${folder}: ${(error as Error).message.split("\n")[0]}`,
        );
      }
      return { messageId: info.messageId, file };
    },
    close() {
      transport.close();
    },
  };
}
