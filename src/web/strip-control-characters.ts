/**
 * @module Request input without control characters, in one place: the query string of every request is
 * cleaned before any handler reads it, so no page, JSON answer or error message can echo a NUL or an
 * escape sequence back (a NUL in /soeg's q was written raw into the HTML). Tab and newline are kept.
 */
import type { MiddlewareHandler } from "hono";

/**
 * C0 controls but tab (09) and line feed (0A), and DEL (7F), as escaped in a URL's query. Nothing else can
 * encode them: a URL holds no raw control characters (the URL parser escapes them), and a byte of a
 * multi-byte UTF-8 character is never below %80, so each match is one whole control character.
 */
const ESCAPED_CONTROL = "%(?:0[0-8b-f]|1[0-9a-f]|7f)";
const HAS_CONTROL = new RegExp(ESCAPED_CONTROL, "i");
const EVERY_CONTROL = new RegExp(ESCAPED_CONTROL, "gi");

/**
 * The query string of `url` without escaped control characters; the URL itself when it has none.
 * @example withoutControlCharacters("/soeg?q=a%00b%09c") // "/soeg?q=ab%09c"
 */
export function withoutControlCharacters(url: string): string {
  const at = url.indexOf("?");
  if (at < 0 || !HAS_CONTROL.test(url.slice(at))) return url;
  return url.slice(0, at) + url.slice(at).replace(EVERY_CONTROL, "");
}

/**
 * Rewrites a GET or HEAD request whose query string holds a control character, so `c.req.query()` never
 * returns one. The path is left alone: every route's parameters are digits or fixed names.
 * @example app.use(stripControlCharacters());
 */
export function stripControlCharacters(): MiddlewareHandler {
  return async function stripControlCharacters(c, next) {
    const method = c.req.method;
    if (method === "GET" || method === "HEAD") {
      const clean = withoutControlCharacters(c.req.url);
      // HonoRequest reads the query from raw.url on every call; a GET or HEAD has no body to carry over.
      if (clean !== c.req.url) c.req.raw = new Request(clean, c.req.raw);
    }
    await next();
  };
}
