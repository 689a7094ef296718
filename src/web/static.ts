/** @module Serves the design system's files and our own stylesheet, with long cache lifetimes. */
import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { dirname, extname, join, normalize, sep } from "node:path";
import { fileURLToPath } from "node:url";
import { Hono } from "hono";

const TYPES: Readonly<Record<string, string>> = {
  ".css": "text/css; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".woff": "font/woff",
  ".woff2": "font/woff2",
  ".ttf": "font/ttf",
  ".map": "application/json",
};

const require = createRequire(import.meta.url);
// dkfds exports only its script; its dist/ folder sits two levels above that file.
const dkfdsDist = dirname(dirname(require.resolve("dkfds")));
const assetsDir = join(dirname(fileURLToPath(import.meta.url)), "assets");

/** Reads a file under root, refusing any path that climbs out of it. */
async function serveUnder(root: string, relative: string): Promise<Response | null> {
  const path = normalize(join(root, relative));
  if (!path.startsWith(root + sep)) return null;
  try {
    const body = await readFile(path);
    return new Response(body, {
      headers: {
        "content-type": TYPES[extname(path)] ?? "application/octet-stream",
        "cache-control": "public, max-age=86400",
      },
    });
  } catch {
    return null;
  }
}

export function staticApp(): Hono {
  const app = new Hono();
  app.get("/dkfds/*", async (c) => {
    const response = await serveUnder(dkfdsDist, c.req.path.replace(/^\/static\/dkfds\//, ""));
    return response ?? c.notFound();
  });
  app.get("/:file", async (c) => {
    const response = await serveUnder(assetsDir, c.req.param("file"));
    return response ?? c.notFound();
  });
  return app;
}
