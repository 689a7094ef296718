/**
 * @module Searches take turns: no more run at once than the store has lanes (1 on PGlite, 6 on the
 * server), the rest wait in arrival order, and one that waits past its time limit gives up with
 * SearchTimeoutError instead of queueing in front of pages. Both backends.
 */
import assert from "node:assert/strict";
import { it } from "node:test";
import { SearchTimeoutError } from "../../src/search/index.js";
import { inSearchLane } from "../../src/search/search-gate.js";
import { searchLanes } from "../../src/store/search-lanes.js";
import { forEachBackend } from "../support/stores.js";

forEachBackend("search lanes", (store, backend) => {
  it("runs as many searches at once as the store has lanes, then queues, then gives up", async () => {
    const { db } = store();
    const lanes = await searchLanes(db);
    assert.equal(lanes, backend.name === "pglite" ? 1 : 6);
    let running = 0;
    let most = 0;
    let release!: () => void;
    const held = new Promise<void>((resolve) => {
      release = resolve;
    });
    const hold = () =>
      inSearchLane(db, 5_000, async () => {
        running++;
        most = Math.max(most, running);
        await held;
        running--;
      });
    const holders = Array.from({ length: lanes }, hold);
    const order: number[] = [];
    const queued = [1, 2].map((n) => inSearchLane(db, 5_000, async () => void order.push(n)));
    await assert.rejects(
      inSearchLane(db, 50, async () => assert.fail("must not run")),
      SearchTimeoutError,
    );
    release();
    await Promise.all([...holders, ...queued]);
    assert.equal(most, lanes);
    assert.deepEqual(order, [1, 2], "in arrival order");
  });
});
