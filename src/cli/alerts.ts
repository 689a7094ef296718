/**
 * @module `raadsinfo alerts send [--base-url URL] [--json]`: queues the alert digests due now (issue 16),
 * as the hourly send-alert-digests job does inside serve and `raadsinfo worker`; a worker then sends them.
 * Safe to run at any time: a subscriber gets at most one digest in 24 hours however often it runs.
 */
import { alertDigestSender } from "../alerts/index.js";
import { baseUrlFromFlags } from "./mail-options.js";
import { plural } from "./plural.js";
import { openStoreFromFlags, type StoreFlags } from "./store-options.js";
import { UsageError } from "./usage-error.js";

export interface AlertsFlags extends StoreFlags {
  readonly "base-url"?: string | undefined;
  readonly json?: boolean | undefined;
}

export async function alertsCommand(args: readonly string[], flags: AlertsFlags): Promise<void> {
  const [subcommand, ...rest] = args;
  if (subcommand !== "send")
    throw new UsageError('alerts takes one subcommand: "send" (see raadsinfo --help)');
  if (rest.length > 0) throw new UsageError(`alerts send takes no arguments, got "${rest[0]}"`);
  const store = await openStoreFromFlags(flags, "alerts send");
  try {
    const run = await alertDigestSender({ db: store.db, baseUrl: baseUrlFromFlags(flags) });
    if (flags.json) {
      console.log(JSON.stringify(run));
      return;
    }
    console.log(
      `${plural(run.queued, "digest")} queued of ${plural(run.due, "subscription")} due; serve or raadsinfo worker sends them.`,
    );
  } finally {
    await store.close();
  }
}
