/**
 * @module One owner per embedded store. PGlite is one process's database: two processes writing one data
 * directory corrupt it (an import beside a running `serve` was lost, then the store would not open). The
 * owner holds `raadsinfo.lock` in the directory, naming its pid, its command, and where it takes work
 * handed to it; every other process either hands its work over or stops with one line naming the owner.
 */
import { randomBytes } from "node:crypto";
import { unlinkSync } from "node:fs";
import { link, readFile, rename, unlink, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { StoreError } from "./store-error.js";

export const LOCK_FILE = "raadsinfo.lock";

/** What the lock file says of its owner. */
export interface StoreOwner {
  readonly pid: number;
  /** Linux clock ticks since boot at which the process started: tells a reused pid from the owner. */
  readonly startTicks: number | null;
  /** The command that owns the store, e.g. "serve" or "import". */
  readonly command: string;
  readonly since: string;
  /** Unix socket where the owner takes imports handed to it (serve only). */
  readonly socket?: string | undefined;
  /** Where the owner serves the portal (serve only), for the message to whoever is turned away. */
  readonly url?: string | undefined;
}

/** The store is owned by another live process. */
export class StoreBusyError extends StoreError {
  constructor(
    readonly dataDir: string,
    readonly owner: StoreOwner,
  ) {
    super(busyMessage(dataDir, owner));
  }
}

function busyMessage(dataDir: string, owner: StoreOwner): string {
  const who = `${dataDir} bruges af raadsinfo ${owner.command} (pid ${owner.pid})`;
  if (owner.command === "serve") {
    const where = owner.url ? ` på ${owner.url}` : "";
    return `${who}: brug portalen${where}, eller stop serve først`;
  }
  return `${who}: vent til den er færdig, eller stop den først`;
}

export interface StoreLock {
  readonly path: string;
  /** Adds what the owner offers others (the handoff socket, the portal's address) to the lock file. */
  advertise(extra: Pick<StoreOwner, "socket" | "url">): Promise<void>;
  release(): Promise<void>;
}

/**
 * Takes the lock of a data directory for this process, or throws StoreBusyError naming the live owner.
 * A lock left by a process that is gone (killed, crashed) is stale and taken over.
 *
 * @example
 * const lock = await acquireStoreLock("./data", "serve"); // ... await lock.release();
 */
export async function acquireStoreLock(dataDir: string, command: string): Promise<StoreLock> {
  const path = join(dataDir, LOCK_FILE);
  let owner: StoreOwner = {
    pid: process.pid,
    startTicks: await startTicksOf(process.pid),
    command,
    since: new Date().toISOString(),
  };
  // Written aside and linked into place: link() fails if the lock exists, so the lock appears whole,
  // never as an empty file another process could take for stale.
  for (let attempt = 0; attempt < 5; attempt++) {
    const scratch = `${path}.${process.pid}.${randomBytes(4).toString("hex")}`;
    await writeFile(scratch, JSON.stringify(owner));
    try {
      await link(scratch, path);
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw lockError(dataDir, error);
    } finally {
      await unlink(scratch).catch(() => {});
    }
    const text = await readFile(path, "utf8").catch(() => null);
    if (text === null) continue; // released between our link and our read: try again
    const present = parseOwner(text);
    if (present && (await isAlive(present))) throw new StoreBusyError(dataDir, present);
    // Stale: remove it only if it is still the one we read, then try again; a killed serve's socket too.
    if ((await readFile(path, "utf8").catch(() => null)) === text) {
      await unlink(path).catch(() => {});
      if (present?.socket) await unlink(present.socket).catch(() => {});
    }
    if (attempt === 4) throw new StoreError(`cannot take the lock of ${dataDir}: ${path} keeps changing`);
  }
  let released = false;
  // A process that exits without closing the store (an uncaught error) still frees it.
  const onExit = () => {
    if (!released) {
      try {
        unlinkSync(path);
      } catch {}
    }
  };
  process.once("exit", onExit);
  return {
    path,
    async advertise(extra) {
      owner = { ...owner, ...extra };
      const scratch = `${path}.${process.pid}.advertise`;
      await writeFile(scratch, JSON.stringify(owner));
      await rename(scratch, path);
    },
    async release() {
      if (released) return;
      released = true;
      process.removeListener("exit", onExit);
      const text = await readFile(path, "utf8").catch(() => null);
      if (text && parseOwner(text)?.pid === process.pid) await unlink(path).catch(() => {});
    },
  };
}

/**
 * The live owner of a data directory, or null when it has none (no lock, or a stale one).
 * @example const owner = await storeOwner("./data"); if (owner?.socket) ...
 */
export async function storeOwner(dataDir: string): Promise<StoreOwner | null> {
  const text = await readFile(join(dataDir, LOCK_FILE), "utf8").catch(() => null);
  const owner = text === null ? null : parseOwner(text);
  return owner && (await isAlive(owner)) ? owner : null;
}

function parseOwner(text: string): StoreOwner | null {
  try {
    const value = JSON.parse(text) as Partial<StoreOwner>;
    if (typeof value.pid !== "number" || typeof value.command !== "string") return null;
    return {
      pid: value.pid,
      startTicks: typeof value.startTicks === "number" ? value.startTicks : null,
      command: value.command,
      since: typeof value.since === "string" ? value.since : "",
      socket: typeof value.socket === "string" ? value.socket : undefined,
      url: typeof value.url === "string" ? value.url : undefined,
    };
  } catch {
    return null;
  }
}

async function isAlive(owner: StoreOwner): Promise<boolean> {
  try {
    process.kill(owner.pid, 0);
  } catch (error) {
    // EPERM: the process exists but belongs to another user.
    if ((error as NodeJS.ErrnoException).code !== "EPERM") return false;
  }
  if (owner.startTicks === null) return true;
  const ticks = await startTicksOf(owner.pid);
  return ticks === null || ticks === owner.startTicks;
}

/** Field 22 of /proc/PID/stat, the process's start time; null where /proc is not there. */
async function startTicksOf(pid: number): Promise<number | null> {
  const stat = await readFile(`/proc/${pid}/stat`, "utf8").catch(() => null);
  if (stat === null) return null;
  // The command name (field 2) is in parentheses and may hold spaces: count fields after its ')'.
  const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
  const ticks = Number(fields[19]);
  return Number.isFinite(ticks) ? ticks : null;
}

function lockError(dataDir: string, error: unknown): StoreError {
  const code = (error as NodeJS.ErrnoException).code;
  const why = code === "EACCES" || code === "EROFS" ? "permission denied" : (error as Error).message;
  return new StoreError(`cannot take the lock of ${dataDir}: ${why}`);
}
