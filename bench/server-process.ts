/** @module Starts bench/serve-store.ts as a child process, waits until it listens, reads its memory, stops it. */
import { type ChildProcess, spawn } from "node:child_process";
import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import type { BenchStore } from "./bench-store.js";

const here = dirname(fileURLToPath(import.meta.url));

export interface ServerProcess {
  readonly baseUrl: string;
  readonly pid: number;
  /** Resident memory now and at its peak (VmRSS, VmHWM of /proc), in MB; null where /proc is missing. */
  memory(): { rssMB: number | null; peakMB: number | null };
  stop(): Promise<void>;
}

function procStatusMB(pid: number, field: "VmRSS" | "VmHWM"): number | null {
  try {
    const status = readFileSync(`/proc/${pid}/status`, "utf8");
    const kb = new RegExp(`^${field}:\\s+(\\d+) kB`, "m").exec(status)?.[1];
    return kb ? Number(kb) / 1024 : null;
  } catch {
    return null;
  }
}

/**
 * Serves the store at `location` from a child process.
 * @example const server = await startServer(store.location); await fetch(`${server.baseUrl}/`);
 */
export async function startServer(location: BenchStore["location"]): Promise<ServerProcess> {
  const env: NodeJS.ProcessEnv = { ...process.env };
  if ("dataDir" in location) env.BENCH_DATA_DIR = location.dataDir;
  else {
    env.BENCH_DATABASE_URL = location.databaseUrl;
    env.BENCH_SCHEMA = location.schema;
  }
  const child: ChildProcess = spawn(process.execPath, ["--import", "tsx", join(here, "serve-store.ts")], {
    env,
    stdio: ["ignore", "pipe", "inherit"],
  });
  const port = await new Promise<number>((resolve, reject) => {
    let buffer = "";
    const timer = setTimeout(() => reject(new Error("the bench server did not start in 60 s")), 60_000);
    child.stdout!.on("data", (chunk: Buffer) => {
      buffer += chunk.toString();
      const match = /\{"port":(\d+)\}/.exec(buffer);
      if (match) {
        clearTimeout(timer);
        resolve(Number(match[1]));
      }
    });
    child.once("exit", (code) => {
      clearTimeout(timer);
      reject(new Error(`the bench server exited with code ${code}`));
    });
  });
  const pid = child.pid!;
  return {
    baseUrl: `http://127.0.0.1:${port}`,
    pid,
    memory: () => ({ rssMB: procStatusMB(pid, "VmRSS"), peakMB: procStatusMB(pid, "VmHWM") }),
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        const timer = setTimeout(() => child.kill("SIGKILL"), 10_000);
        child.once("exit", () => {
          clearTimeout(timer);
          resolve();
        });
        child.kill("SIGTERM");
      }),
  };
}
