/**
 * @module Imports handed to the process that owns an embedded store. `serve` listens on a Unix socket
 * (named in the store's lock file, readable by its own user only); `raadsinfo import` run beside it posts
 * its paths there, and the run's events come back as JSON lines, so the importing terminal shows the
 * progress and summary as if it ran the import itself, while the one process that owns the store writes.
 */

import { randomBytes } from "node:crypto";
import { chmod, unlink } from "node:fs/promises";
import { createServer, type IncomingMessage, request, type ServerResponse } from "node:http";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Kysely } from "kysely";
import type { Database } from "../store/index.js";
import type { ImportEvent } from "./import-report.js";

/** Longest request body: a list of paths. */
const MAX_REQUEST_BYTES = 1024 * 1024;

export interface HandoffServer {
  readonly socket: string;
  /** Stops taking imports; a running one stops after its current file, and this waits for it. */
  close(): Promise<void>;
}

/**
 * Listens for handed-over imports and runs them one at a time against `db`.
 * @example const handoff = await startHandoffServer(store.db, store.description); await store.lock?.advertise({ socket: handoff.socket });
 */
export async function startHandoffServer(
  db: Kysely<Database>,
  storeDescription: string,
): Promise<HandoffServer> {
  const socket = join(tmpdir(), `raadsinfo-${process.pid}-${randomBytes(4).toString("hex")}.sock`);
  const stopping = new AbortController();
  let queue: Promise<unknown> = Promise.resolve();

  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    if (req.method !== "POST" || req.url !== "/import") {
      res.writeHead(404).end();
      return;
    }
    let paths: string[];
    try {
      paths = parsePaths(await readBody(req));
    } catch (error) {
      res.writeHead(400, { "content-type": "text/plain; charset=utf-8" }).end((error as Error).message);
      return;
    }
    res.writeHead(200, { "content-type": "application/x-ndjson; charset=utf-8" });
    // The importing terminal gone (Ctrl+C) or serve stopping: stop after the current file.
    const abort = new AbortController();
    res.on("close", () => abort.abort());
    const onStopping = () => abort.abort();
    stopping.signal.addEventListener("abort", onStopping, { once: true });
    // Loaded on the first import, not at serve's start: ingest brings pdf.js and the Danish dictionary.
    const { runImport } = await import("./import-run.js");
    const run = queue.then(() =>
      runImport(db, paths, {
        storeDescription,
        signal: abort.signal,
        onEvent: (event) => {
          if (!res.writableEnded && !res.destroyed) res.write(`${JSON.stringify(event)}\n`);
        },
      }),
    );
    queue = run.catch(() => {});
    try {
      await run;
    } catch (error) {
      const line = { type: "error", message: (error as Error).message.split("\n")[0] };
      if (!res.destroyed) res.write(`${JSON.stringify(line)}\n`);
    }
    // A long-running serve takes many imports: each request's listener goes with it.
    stopping.signal.removeEventListener("abort", onStopping);
    res.end();
  };

  const server = createServer((req, res) => {
    handle(req, res).catch(() => res.destroy());
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(socket, () => resolve());
  });
  await chmod(socket, 0o600);
  return {
    socket,
    async close() {
      stopping.abort();
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      await queue;
      server.closeAllConnections();
      await closed;
      await unlink(socket).catch(() => {});
    },
  };
}

/** A handed-over import that could not start or broke off. */
export class HandoffError extends Error {
  override readonly name = "HandoffError";
}

/**
 * Hands an import to the owner listening on `socket` and passes each event it sends to `onEvent`.
 * Aborting `signal` tells the owner to stop after its current file.
 * @example await handOffImport(owner.socket, ["/abs/seeds"], (event) => render(event));
 */
export function handOffImport(
  socket: string,
  paths: readonly string[],
  onEvent: (event: ImportEvent) => void,
  signal?: AbortSignal,
): Promise<void> {
  return new Promise((resolve, reject) => {
    const req = request({ socketPath: socket, path: "/import", method: "POST", signal }, (res) => {
      if (res.statusCode !== 200) {
        reject(new HandoffError(`the running serve refused the import (${res.statusCode})`));
        res.resume();
        return;
      }
      let buffered = "";
      let done = false;
      res.setEncoding("utf8");
      res.on("data", (chunk: string) => {
        buffered += chunk;
        let newline = buffered.indexOf("\n");
        while (newline >= 0) {
          const line = buffered.slice(0, newline);
          buffered = buffered.slice(newline + 1);
          newline = buffered.indexOf("\n");
          if (line.trim() === "") continue;
          const event = JSON.parse(line) as ImportEvent | { type: "error"; message: string };
          if (event.type === "error") {
            reject(new HandoffError(`the running serve failed the import: ${event.message}`));
            return;
          }
          if (event.type === "done") done = true;
          onEvent(event);
        }
      });
      const stoppedEarly = "the running serve stopped before the import was done";
      res.on("end", () => (done ? resolve() : reject(new HandoffError(stoppedEarly))));
      // A serve killed mid-stream shows up here as "aborted" (ECONNRESET): to the user the same as a
      // stream that ended early.
      res.on("error", (error) =>
        done || signal?.aborted ? resolve() : reject(new HandoffError(`${stoppedEarly} (${error.message})`)),
      );
    });
    req.on("error", (error: NodeJS.ErrnoException) => {
      if (error.name === "AbortError") resolve();
      else reject(new HandoffError(`cannot reach the running serve: ${error.code ?? error.message}`));
    });
    req.end(JSON.stringify({ paths }));
  });
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    let size = 0;
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_REQUEST_BYTES) {
        reject(new Error("request too large"));
        req.destroy();
      } else chunks.push(chunk);
    });
    req.on("end", () => resolve(Buffer.concat(chunks).toString("utf8")));
    req.on("error", reject);
  });
}

function parsePaths(body: string): string[] {
  const value = JSON.parse(body) as { paths?: unknown };
  if (!Array.isArray(value.paths) || !value.paths.every((p) => typeof p === "string")) {
    throw new Error('expected {"paths": [string, ...]}');
  }
  return value.paths;
}
