/** @module `raadsinfo serve`: opens the store, loads the demo into an empty one, serves the portal. */
import { serve } from "@hono/node-server";
import { loadDemoIfEmpty } from "../demo/load-demo.js";
import { createApp } from "../web/app.js";
import { openStoreFromFlags, type StoreFlags } from "./store-options.js";
import { UsageError } from "./usage-error.js";

export interface ServeFlags extends StoreFlags {
  readonly port?: string | undefined;
  readonly host?: string | undefined;
  readonly "no-demo"?: boolean | undefined;
  readonly "base-url"?: string | undefined;
}

export async function serveCommand(flags: ServeFlags): Promise<void> {
  const port = Number(flags.port ?? process.env.PORT ?? 3000);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new UsageError(`--port must be a number from 0 to 65535, not "${flags.port}"`);
  }
  const store = await openStoreFromFlags(flags);
  if (!flags["no-demo"] && (await loadDemoIfEmpty(store.db))) {
    console.log("The store was empty: loaded the demo meeting (KKR Eksempelregion). --no-demo skips this.");
  }
  const baseUrl = flags["base-url"] ?? process.env.PUBLIC_BASE_URL ?? `http://localhost:${port}`;
  const app = createApp({ db: store.db, settings: { publicBaseUrl: baseUrl } });
  const server = serve({ fetch: app.fetch, port, hostname: flags.host ?? "0.0.0.0" }, (info) => {
    console.log(`Rådsinfo serves http://localhost:${info.port} (${store.description}). Ctrl+C stops it.`);
  });
  server.on("error", (error: NodeJS.ErrnoException) => {
    console.error(
      `raadsinfo: cannot listen on port ${port}: ${error.code === "EADDRINUSE" ? "the port is in use" : error.message}`,
    );
    process.exit(1);
  });
  const stop = () => {
    server.close();
    void store.close().then(() => process.exit(0));
  };
  process.once("SIGINT", stop);
  process.once("SIGTERM", stop);
}
