/**
 * @module The `raadsinfo` command: parses the command line, runs one command, and turns every expected
 * failure into one line on stderr. No stack trace reaches a user.
 */
import { parseArgs } from "node:util";
import { HELP } from "./cli/help.js";
import { UsageError } from "./cli/usage-error.js";

const COMMANDS = [
  "serve",
  "import",
  "parse",
  "search",
  "export",
  "user",
  "token",
  "outbox",
  "withheld",
  "worker",
  "jobs",
  "alerts",
] as const;
type Command = (typeof COMMANDS)[number];
const isCommand = (value: string): value is Command => (COMMANDS as readonly string[]).includes(value);

const OPTIONS = {
  help: { type: "boolean", short: "h" },
  version: { type: "boolean", short: "v" },
  "data-dir": { type: "string" },
  port: { type: "string" },
  host: { type: "string" },
  "no-demo": { type: "boolean" },
  "no-jobs": { type: "boolean" },
  "base-url": { type: "string" },
  json: { type: "boolean" },
  verbose: { type: "boolean" },
  format: { type: "string" },
  out: { type: "string" },
  body: { type: "string" },
  year: { type: "string" },
  kind: { type: "string" },
  page: { type: "string" },
  "as-typed": { type: "boolean" },
  name: { type: "string" },
  role: { type: "string" },
  "password-stdin": { type: "boolean" },
  user: { type: "string" },
  detach: { type: "boolean" },
  batch: { type: "string" },
} as const;

/** Which options each command takes; anything else is refused with a one-line error. */
const ALLOWED: Readonly<Record<Command, readonly string[]>> = {
  serve: ["data-dir", "port", "host", "no-demo", "no-jobs", "base-url"],
  import: ["data-dir", "json", "verbose", "detach"],
  parse: ["json"],
  search: ["data-dir", "json", "body", "year", "kind", "page", "as-typed"],
  export: ["data-dir", "format", "out"],
  // Each subcommand narrows these again (src/cli/user.ts, src/cli/token.ts).
  user: ["data-dir", "name", "role", "body", "password-stdin", "json", "base-url"],
  token: ["data-dir", "user", "name", "json"],
  outbox: ["data-dir", "json"],
  withheld: ["data-dir", "body", "json"],
  worker: ["data-dir"],
  jobs: ["data-dir", "json", "batch", "kind"],
  alerts: ["data-dir", "base-url", "json"],
};

async function main(argv: readonly string[]): Promise<void> {
  let parsed: ReturnType<typeof parseArgs<{ options: typeof OPTIONS; allowPositionals: true; strict: true }>>;
  try {
    parsed = parseArgs({ args: [...argv], options: OPTIONS, allowPositionals: true, strict: true });
  } catch (error) {
    throw new UsageError(`${(error as Error).message.split("\n")[0]} (see raadsinfo --help)`);
  }
  const { values, positionals } = parsed;
  const [command, ...args] = positionals;
  if (values.version) {
    console.log("raadsinfo 0.1.0");
    return;
  }
  if (values.help || command === undefined || command === "help") {
    process.stdout.write(HELP);
    return;
  }
  if (!isCommand(command)) throw new UsageError(`unknown command "${command}" (see raadsinfo --help)`);
  for (const key of Object.keys(values)) {
    if (!ALLOWED[command].includes(key)) {
      throw new UsageError(`raadsinfo ${command} does not take --${key} (see raadsinfo --help)`);
    }
  }
  switch (command) {
    case "serve": {
      if (args.length > 0) throw new UsageError(`serve takes no arguments, got "${args[0]}"`);
      const { serveCommand } = await import("./cli/serve.js");
      await serveCommand(values);
      return;
    }
    case "import": {
      if (args.length === 0) throw new UsageError("import needs at least one file or folder");
      const { importCommand } = await import("./cli/import.js");
      await importCommand(args, values);
      return;
    }
    case "parse": {
      if (args.length !== 1) throw new UsageError("parse takes exactly one FILE");
      const { parseCommand } = await import("./cli/parse.js");
      await parseCommand(args[0]!, values);
      return;
    }
    case "search": {
      const { searchCommand } = await import("./cli/search.js");
      await searchCommand(args.join(" "), values);
      return;
    }
    case "export": {
      const { exportCommand } = await import("./cli/export.js");
      await exportCommand(values);
      return;
    }
    case "user": {
      const { userCommand } = await import("./cli/user.js");
      await userCommand(args, values);
      return;
    }
    case "token": {
      const { tokenCommand } = await import("./cli/token.js");
      await tokenCommand(args, values);
      return;
    }
    case "withheld": {
      const { withheldCommand } = await import("./cli/withheld.js");
      await withheldCommand(args, values);
      return;
    }
    case "worker": {
      if (args.length > 0) throw new UsageError(`worker takes no arguments, got "${args[0]}"`);
      const { workerCommand } = await import("./cli/worker.js");
      await workerCommand(values);
      return;
    }
    case "jobs": {
      const { jobsCommand } = await import("./cli/jobs.js");
      await jobsCommand(args, values);
      return;
    }
    case "alerts": {
      const { alertsCommand } = await import("./cli/alerts.js");
      await alertsCommand(args, values);
      return;
    }
    case "outbox": {
      if (args.length > 0) throw new UsageError(`outbox takes no arguments, got "${args[0]}"`);
      const { outboxCommand } = await import("./cli/outbox.js");
      await outboxCommand(values);
      return;
    }
  }
}

try {
  await main(process.argv.slice(2));
} catch (error) {
  if (error instanceof UsageError) {
    console.error(`raadsinfo: ${error.message}`);
    process.exitCode = error.exitCode;
  } else if (
    error instanceof Error &&
    ["IngestError", "StoreError", "HandoffError", "SearchTimeoutError"].includes(error.name)
  ) {
    console.error(`raadsinfo: ${error.message}`);
    process.exitCode = 1;
  } else {
    console.error(
      `raadsinfo: unexpected error: ${error instanceof Error ? error.message.split("\n")[0] : error}`,
    );
    if (process.env.RAADSINFO_DEBUG) console.error(error);
    process.exitCode = 1;
  }
}
