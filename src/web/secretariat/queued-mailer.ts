/**
 * @module The mailer the web hands the agenda commands: each mail becomes a `send-mail` job, sent by the
 * worker (inside serve, or `raadsinfo worker`), tried again if the server does not answer. The web itself
 * holds no SMTP connection.
 */
import type { Kysely } from "kysely";
import { enqueueMail } from "../../jobs/index.js";
import type { Mailer } from "../../mail/index.js";
import type { Database } from "../../store/index.js";

export function queuedMailer(db: Kysely<Database>): Mailer {
  return {
    kind: "outbox",
    description: "jobkøen (send-mail)",
    async send(message) {
      const jobId = await enqueueMail(db, message);
      return { messageId: `job-${jobId}`, file: null };
    },
    close() {},
  };
}
