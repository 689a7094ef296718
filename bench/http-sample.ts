/** @module Sequential timed GET requests: latency of each and the page's weight, uncompressed and gzipped. */
import { request } from "node:http";

export interface Sample {
  readonly status: number;
  readonly ms: number;
  readonly bytes: number;
}

/** One GET; `gzip` asks for compression as a browser does, and `bytes` is then what crossed the wire. */
export function get(url: string, gzip = false): Promise<Sample> {
  return new Promise((resolve, reject) => {
    const t0 = performance.now();
    const req = request(url, { headers: gzip ? { "accept-encoding": "gzip" } : {} }, (res) => {
      let bytes = 0;
      res.on("data", (chunk: Buffer) => {
        bytes += chunk.length;
      });
      res.on("end", () => resolve({ status: res.statusCode ?? 0, ms: performance.now() - t0, bytes }));
      res.on("error", reject);
    });
    req.on("error", reject);
    req.end();
  });
}

/** `count` timed requests after `warmup` untimed ones. */
export async function sample(url: string, count: number, warmup = 3): Promise<Sample[]> {
  for (let i = 0; i < warmup; i++) await get(url);
  const out: Sample[] = [];
  for (let i = 0; i < count; i++) out.push(await get(url));
  return out;
}
