/**
 * @module Searches take turns: at most as many run at once as the store has lanes for (search-lanes.ts),
 * the rest wait here, in JavaScript, instead of in the store's queue where every page's statement would
 * wait behind theirs. On PGlite one search runs at a time, so a page waits for one search statement at
 * most. A search that waits longer than its time limit gives up with SearchTimeoutError, as one that runs
 * too long does on the server: under a flood of searches the portal sheds searches, not pages.
 *
 * On PGlite a statement runs on this thread and resolves without a turn of the event loop, so a search's
 * statements would follow each other while a page's request sits unread in its socket (p50 572 ms for the
 * meeting page with four searches, though one search ran at a time). There a search yields a turn after
 * each statement: requests that arrived are read, and their statements queue before the search's next.
 */
import { setImmediate as nextTurn } from "node:timers/promises";
import type {
  Kysely,
  KyselyPlugin,
  PluginTransformQueryArgs,
  PluginTransformResultArgs,
  QueryResult,
  RootOperationNode,
  UnknownRow,
} from "kysely";
import type { Database } from "../store/schema.js";
import { searchLanes } from "../store/search-lanes.js";
import { SearchTimeoutError } from "../store/search-queries.js";

/** Gives the event loop a turn after each statement, before the search goes on. */
class YieldAfterEachStatement implements KyselyPlugin {
  transformQuery(args: PluginTransformQueryArgs): RootOperationNode {
    return args.node;
  }

  async transformResult(args: PluginTransformResultArgs): Promise<QueryResult<UnknownRow>> {
    await nextTurn();
    return args.result;
  }
}

/** One yielding handle per store handle, so caches keyed by the handle (search-common-words.ts) hold. */
const yielding = new WeakMap<Kysely<Database>, Kysely<Database>>();

function yieldingHandle(db: Kysely<Database>): Kysely<Database> {
  let handle = yielding.get(db);
  if (!handle) {
    handle = db.withPlugin(new YieldAfterEachStatement());
    yielding.set(db, handle);
  }
  return handle;
}

interface Gate {
  running: number;
  readonly waiting: (() => void)[];
}

const gates = new WeakMap<Kysely<Database>, Gate>();

function gateOf(db: Kysely<Database>): Gate {
  let gate = gates.get(db);
  if (!gate) {
    gate = { running: 0, waiting: [] };
    gates.set(db, gate);
  }
  return gate;
}

/**
 * Runs `work` when a lane of `db` is free, in arrival order, handing it the handle to search with (on a
 * one-lane store, one that yields after each statement); throws SearchTimeoutError without running it when
 * no lane is free within `waitMs`.
 * @example await inSearchLane(db, 3000, (handle) => searchIndex(handle, query))
 */
export async function inSearchLane<T>(
  db: Kysely<Database>,
  waitMs: number,
  work: (handle: Kysely<Database>) => Promise<T>,
): Promise<T> {
  const lanes = await searchLanes(db);
  const gate = gateOf(db);
  if (gate.running < lanes) gate.running++;
  else {
    // The lane is handed over by the search that leaves it (below), so none can slip in between.
    await new Promise<void>((resolve, reject) => {
      const turn = () => {
        clearTimeout(timer);
        resolve();
      };
      const timer = setTimeout(() => {
        const at = gate.waiting.indexOf(turn);
        if (at >= 0) gate.waiting.splice(at, 1);
        reject(new SearchTimeoutError(waitMs));
      }, waitMs);
      gate.waiting.push(turn);
    });
  }
  try {
    return await work(lanes === 1 ? yieldingHandle(db) : db);
  } finally {
    const next = gate.waiting.shift();
    if (next) next();
    else gate.running--;
  }
}
