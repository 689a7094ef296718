/**
 * @module Response compression that costs nothing when the client does not ask for it. Hono's compress()
 * adds `Vary: Accept-Encoding` after the handler has answered, and changing a finished response makes
 * Hono rebuild it around its body as a stream, which the Node adapter then reads chunk by chunk: about a
 * tenth of the meeting page's CPU time for every client that sends no Accept-Encoding (feed readers,
 * scripts, the load test). Setting Vary before the handler runs keeps the response a plain string.
 */
import type { MiddlewareHandler } from "hono";
import { compress } from "hono/compress";

/** An Accept-Encoding that compress() can answer: gzip, deflate or any encoding. */
const COMPRESSIBLE = /gzip|deflate|\*/i;

/**
 * compress() for clients that accept gzip or deflate; every response says it varies by Accept-Encoding.
 * @example app.use(compressWhenAccepted());
 */
export function compressWhenAccepted(): MiddlewareHandler {
  const compressing = compress();
  return async function compressWhenAccepted(c, next) {
    // Before next(): the handler's response is then built with the header instead of rebuilt for it.
    c.header("Vary", "Accept-Encoding", { append: true });
    if (!COMPRESSIBLE.test(c.req.header("Accept-Encoding") ?? "")) return next();
    return compressing(c, next);
  };
}
