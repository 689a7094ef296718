/**
 * @module Child process of the page and scale benchmarks: serves the portal over a given store on a free
 * port of 127.0.0.1 and prints `{"port":N}` when it listens. A separate process, so the load generator
 * does not share the server's event loop and the server's memory can be read alone.
 */
import { serve } from "@hono/node-server";
import { loadDanishWordChecker } from "../src/ingest/index.js";
import { openStore } from "../src/store/index.js";
import { createApp } from "../src/web/app.js";

const store = await openStore(
  process.env.BENCH_DATABASE_URL
    ? { databaseUrl: process.env.BENCH_DATABASE_URL, schema: process.env.BENCH_SCHEMA }
    : { dataDir: process.env.BENCH_DATA_DIR },
);
const app = createApp({ db: store.db });
const server = serve({ fetch: app.fetch, port: 0, hostname: "127.0.0.1" }, (info) => {
  process.stdout.write(`${JSON.stringify({ port: info.port })}\n`);
  // As `raadsinfo serve` does: the Danish dictionary (0.5-0.7 s) loads in the background once listening,
  // so the first misspelled search does not wait for it.
  loadDanishWordChecker().catch(() => undefined);
});
// Requests still running finish before the store closes, so a stop right after a load test logs no errors.
const stop = () => {
  server.close(() => void store.close().then(() => process.exit(0)));
};
process.once("SIGTERM", stop);
process.once("SIGINT", stop);
