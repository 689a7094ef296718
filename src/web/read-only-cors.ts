/**
 * @module CORS for the read-only surfaces (/api, /oparl/v1): any origin may read, and only reading is
 * advertised. Hono's cors() lists PUT, POST, DELETE and PATCH by default, which told every browser that
 * this API takes writes it has no route for.
 */
import type { MiddlewareHandler } from "hono";
import { cors } from "hono/cors";

/** The methods the public surfaces answer; an OPTIONS preflight lists these and nothing else. */
export const READ_METHODS = ["GET", "HEAD"] as const;

/**
 * Open CORS for reading: OParl clients run in browsers too, and OParl 1.1 asks for open CORS (§2.6
 * "Cross-Origin Resource Sharing"); the JSON API follows it.
 * @example app.use(readOnlyCors());
 */
export function readOnlyCors(): MiddlewareHandler {
  return cors({ origin: "*", allowMethods: [...READ_METHODS] });
}
