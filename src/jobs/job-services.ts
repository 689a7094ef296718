/**
 * @module What a job's handler may use besides the store: the services the process that runs the worker
 * (serve, or `raadsinfo worker`) opened. A kind that needs another service adds a field here and the two
 * commands fill it (src/cli/serve.ts, src/cli/worker.ts).
 */
import type { Mailer } from "../mail/index.js";

export interface JobServices {
  /** SMTP_URL's server, or the data directory's outbox. */
  readonly mailer: Mailer;
  /** The clock of jobs that read the day (follow-up reminders); real time when absent, a test's clock otherwise. */
  readonly now?: () => Date;
  /** The portal's public address for links in mails (alert digests); PUBLIC_BASE_URL when absent. */
  readonly publicBaseUrl?: string;
}
