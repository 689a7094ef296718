/**
 * @module `raadsinfo import PATH... [--json] [--verbose] [--detach]`: queues an import job for every
 * source file under the paths, imports them (several at a time, beside any `raadsinfo worker` on the same
 * server), each in its own durable transaction, and says what became of every file found. When a running `serve` owns
 * the embedded store, the import is handed to it and its progress and summary are shown here.
 */
import { resolve } from "node:path";
import { handOffImport } from "../importer/import-handoff.js";
import { runImport } from "../importer/import-run.js";
import { StoreBusyError } from "../store/index.js";
import { ImportOutput } from "./import-output.js";
import { mailerFromFlags } from "./mail-options.js";
import { openStoreFromFlags, type StoreFlags } from "./store-options.js";

export interface ImportFlags extends StoreFlags {
  readonly json?: boolean | undefined;
  readonly verbose?: boolean | undefined;
  /** Queue the files and return: `raadsinfo worker` processes (or serve) import them. */
  readonly detach?: boolean | undefined;
}

export async function importCommand(paths: readonly string[], flags: ImportFlags): Promise<void> {
  const output = new ImportOutput({
    json: flags.json,
    verbose: flags.verbose,
    progress: process.stderr,
    out: process.stdout,
    errors: process.stderr,
  });
  // Ctrl+C (or SIGTERM) once: stop after the current file, keeping what is stored. Twice: stop now.
  const stop = new AbortController();
  const onSignal = () => {
    if (stop.signal.aborted) process.exit(130);
    process.stderr.write("\nraadsinfo: stopping after the current file (press Ctrl+C again to stop now)\n");
    stop.abort();
  };
  process.on("SIGINT", onSignal);
  process.on("SIGTERM", onSignal);
  try {
    let store: Awaited<ReturnType<typeof openStoreFromFlags>>;
    try {
      store = await openStoreFromFlags(flags, "import");
    } catch (error) {
      if (!(error instanceof StoreBusyError) || !error.owner.socket) throw error;
      // A running serve owns the store: it imports, this terminal shows what it does.
      process.stderr.write(
        `Handing the import to raadsinfo serve (pid ${error.owner.pid}), which owns ${error.dataDir}\n`,
      );
      await handOffImport(
        error.owner.socket,
        paths.map((p) => resolve(p)),
        output.onEvent,
        stop.signal,
      );
      process.exitCode = output.finish();
      return;
    }
    const mailer = mailerFromFlags(flags);
    let batch: string;
    try {
      // This process imports its own files too, beside any `raadsinfo worker` on the same server.
      ({ batch } = await runImport(store.db, paths, {
        onEvent: output.onEvent,
        storeDescription: store.description,
        signal: stop.signal,
        work: { services: { mailer } },
        detach: flags.detach,
      }));
    } finally {
      mailer.close();
      await store.close();
    }
    process.exitCode = output.finish();
    if (flags.detach && !flags.json) {
      process.stdout.write(`Batch ${batch}: \`raadsinfo jobs --batch ${batch}\` shows how far it is.\n`);
    }
  } finally {
    process.off("SIGINT", onSignal);
    process.off("SIGTERM", onSignal);
  }
}
