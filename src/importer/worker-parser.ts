/**
 * @module Parsing off the main thread. `serve` imports while it answers pages, and a parse holds its
 * thread for as long as it takes (seconds for a large file): in a worker thread the pages keep
 * answering. The worker's heap is capped too, so a file that needs more memory than any meeting record
 * fails alone, with one line, instead of ending the process and the rest of the import with it.
 */
import { availableParallelism } from "node:os";
import { Worker, type WorkerOptions } from "node:worker_threads";
import type { ParsedDocument } from "../domain/index.js";
import { IngestError, type SourceFile } from "../ingest/index.js";
import type { ParseReply, ParseRequest } from "./parse-worker.js";

/** Heap of the parser's thread: a 50 MB text parses in well under this. */
const WORKER_HEAP_MB = 3072;

/**
 * Starts the parser's thread on the built parse-worker.js; from source under tsx (tests, benchmarks),
 * on parse-worker.ts with tsx's loader registered in the thread, which does not inherit it on Node 20.
 */
function startParseThread(options: WorkerOptions): Worker {
  if (!import.meta.url.endsWith(".ts"))
    return new Worker(new URL("./parse-worker.js", import.meta.url), options);
  const entry = JSON.stringify(new URL("./parse-worker.ts", import.meta.url).href);
  const boot = `import("tsx/esm/api").then(({ register }) => { register(); return import(${entry}); });`;
  return new Worker(boot, { ...options, eval: true });
}

/** Progress of a parse that takes long: pages read by OCR so far, of the pages that need it. */
export type ParseProgress = (ocr: { readonly done: number; readonly total: number }) => void;

export interface Parser {
  parse(source: SourceFile, onProgress?: ParseProgress): Promise<ParsedDocument>;
  close(): Promise<void>;
}

/**
 * A parser whose work runs in one worker thread, started on first use and again after a crash.
 * @example const parser = workerParser(); const doc = await parser.parse(source); await parser.close();
 */
export function workerParser(): Parser {
  let worker: Worker | null = null;
  let nextId = 1;
  const pending = new Map<
    number,
    {
      resolve: (doc: ParsedDocument) => void;
      reject: (error: Error) => void;
      onProgress?: ParseProgress | undefined;
    }
  >();

  const start = (): Worker => {
    const started = startParseThread({
      resourceLimits: { maxOldGenerationSizeMb: WORKER_HEAP_MB },
    });
    started.on("message", (reply: ParseReply) => {
      if ("ocr" in reply) {
        pending.get(reply.id)?.onProgress?.(reply.ocr);
        return;
      }
      const waiting = pending.get(reply.id);
      pending.delete(reply.id);
      if (!waiting) return;
      if ("doc" in reply) waiting.resolve(reply.doc);
      else waiting.reject(new IngestError(reply.failure.file, reply.failure.problem));
    });
    const fail = (problem: string) => {
      if (worker === started) worker = null;
      for (const [id, waiting] of pending) {
        pending.delete(id);
        waiting.reject(new Error(problem));
      }
    };
    started.on("error", (error: Error & { code?: string }) =>
      fail(
        error.code === "ERR_WORKER_OUT_OF_MEMORY"
          ? `needs more than ${WORKER_HEAP_MB} MB of memory to parse`
          : `the parser stopped (${error.message.split("\n")[0]})`,
      ),
    );
    started.on("exit", () => fail("the parser stopped"));
    // An idle parser does not keep the process alive.
    started.unref();
    return started;
  };

  return {
    parse(source, onProgress) {
      worker ??= start();
      const id = nextId++;
      const request: ParseRequest = { id, source };
      const result = new Promise<ParsedDocument>((resolve, reject) => {
        pending.set(id, { resolve, reject, onProgress });
      });
      worker.ref();
      worker.postMessage(request);
      return result.finally(() => {
        if (pending.size === 0) worker?.unref();
      });
    },
    async close() {
      const stopping = worker;
      worker = null;
      await stopping?.terminate();
    },
  };
}

/**
 * Parsers on `size` worker threads (default: one per core), each with its own pdf.js and dictionary;
 * a parse goes to the thread with the fewest parses under way. Threads start on first use.
 * @example const pool = parserPool(); await Promise.all(sources.map((s) => pool.parse(s))); await pool.close();
 */
export function parserPool(size = availableParallelism()): Parser {
  const threads = Array.from({ length: Math.max(1, size) }, () => ({ parser: workerParser(), busy: 0 }));
  return {
    async parse(source, onProgress) {
      const thread = threads.reduce((least, t) => (t.busy < least.busy ? t : least));
      thread.busy++;
      try {
        return await thread.parser.parse(source, onProgress);
      } finally {
        thread.busy--;
      }
    },
    async close() {
      await Promise.all(threads.map((t) => t.parser.close()));
    },
  };
}

let shared: Parser | null = null;

/**
 * The process's parser pool, for the import jobs its workers run: RAADSINFO_PARSE_THREADS threads, or
 * one per core. Idle threads do not keep the process alive.
 */
export function sharedParserPool(): Parser {
  shared ??= parserPool(parseThreadCount());
  return shared;
}

/** How many files a process parses at once: RAADSINFO_PARSE_THREADS, or one per core. */
export function parseThreadCount(): number {
  const threads = Number(process.env.RAADSINFO_PARSE_THREADS);
  return Number.isInteger(threads) && threads > 0 ? threads : availableParallelism();
}
