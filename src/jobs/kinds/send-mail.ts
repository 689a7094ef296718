/**
 * @module `send-mail`: one mail, sent through the worker's mailer (SMTP_URL's server, or the outbox). As
 * a job, a mail whose server is down is tried again later instead of lost with the request that sent it.
 * A server that took the mail but whose answer got lost means the mail may come twice: mail is at least once.
 */
import type { MailMessage } from "../../mail/index.js";
import { defineJob } from "../define-job.js";

export const sendMailJob = defineJob({
  kind: "send-mail",
  maxAttempts: 5,
  handler: async (message: MailMessage, { services }) => {
    try {
      const sent = await services.mailer.send(message);
      return { messageId: sent.messageId, file: sent.file };
    } catch (error) {
      const reason = error instanceof Error ? error.message.split("\n")[0] : String(error);
      throw new Error(`mailen til ${message.to} blev ikke sendt: ${reason}`);
    }
  },
});
