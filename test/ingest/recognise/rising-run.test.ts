/** @module heaviestRisingRun against the plain O(n²) programme it replaces, on random inputs. */
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { heaviestRisingRun } from "../../../src/ingest/recognise/rising-run.js";

/** The dynamic programme items.ts and stamps.ts used before: every earlier position, first best wins. */
function quadratic(keys: readonly number[], weights: readonly number[], strict: boolean): number[] {
  const n = keys.length;
  if (n === 0) return [];
  const total = [...weights];
  const previous = new Array<number>(n).fill(-1);
  let best = -1;
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < i; j++) {
      const rises = strict ? keys[j]! < keys[i]! : keys[j]! <= keys[i]!;
      const through = total[j]! + weights[i]!;
      if (rises && through > total[i]!) {
        total[i] = through;
        previous[i] = j;
      }
    }
    if (best < 0 || total[i]! > total[best]!) best = i;
  }
  const run: number[] = [];
  for (let i = best; i >= 0; i = previous[i]!) run.push(i);
  return run.reverse();
}

describe("heaviestRisingRun", () => {
  it("keeps a rising run and drops a stray number", () => {
    assert.deepEqual(heaviestRisingRun([101, 502, 102, 103], [1, 1, 1, 1], { strict: true }), [0, 2, 3]);
    assert.deepEqual(heaviestRisingRun([101, 101, 102], [1, 1, 1], { strict: false }), [0, 1, 2]);
    assert.deepEqual(heaviestRisingRun([], [], { strict: true }), []);
  });

  it("chooses exactly as the quadratic programme does, ties included", () => {
    let seed = 42;
    const random = (below: number) => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed % below;
    };
    for (let round = 0; round < 2000; round++) {
      const n = random(40);
      const spread = 1 + random(12);
      const keys = Array.from({ length: n }, () => random(spread));
      const weights = Array.from({ length: n }, () => 1 + random(2));
      for (const strict of [true, false]) {
        assert.deepEqual(
          heaviestRisingRun(keys, weights, { strict }),
          quadratic(keys, weights, strict),
          JSON.stringify({ keys, weights, strict }),
        );
      }
    }
  });
});
