/** @module Requests per second and latency under concurrency, with autocannon; p95 from every response. */
import autocannon from "autocannon";
import { percentile } from "./stats.js";

export interface LoadResult {
  readonly requestsPerSecond: number;
  readonly p50: number | null;
  readonly p95: number | null;
  readonly p99: number | null;
  readonly errors: number;
  readonly non2xx: number;
}

/**
 * Loads `urls` (taken in turn) with `connections` for `seconds`, all on 127.0.0.1.
 * @example await loadTest(["http://127.0.0.1:3000/moede/1"], 10, 10)
 */
export async function loadTest(
  urls: readonly string[],
  connections: number,
  seconds: number,
): Promise<LoadResult> {
  const first = new URL(urls[0]!);
  const times: number[] = [];
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    const instance = autocannon(
      {
        url: first.origin,
        connections,
        duration: seconds,
        requests: urls.map((u) => ({
          method: "GET" as const,
          path: new URL(u).pathname + new URL(u).search,
        })),
      },
      (error, result) => (error ? reject(error) : resolve(result)),
    );
    // autocannon reports p97.5 but not p95: collect every response time and take p95 here.
    instance.on("response", (_client, _status, _bytes, responseTime) => {
      times.push(responseTime);
    });
  });
  return {
    requestsPerSecond: result.requests.average,
    p50: percentile(times, 50),
    p95: percentile(times, 95),
    p99: percentile(times, 99),
    errors: result.errors + result.timeouts,
    non2xx: result.non2xx,
  };
}
