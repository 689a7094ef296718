/**
 * @module HTTP caching of public pages: a weak ETag computed from the rendered HTML, 304 Not Modified for
 * a conditional GET whose If-None-Match names it, and Cache-Control so browsers and shared caches (a
 * proxy or CDN in front of the portal) may keep a page for a short while. The ETag hashes what was
 * rendered, so it changes with anything the page shows (an item, an attendee, a neighbouring meeting),
 * which a date column such as meeting.modified would not; the price is that a revalidation still reads
 * and renders the page, and saves only the transfer.
 */
import { createHash } from "node:crypto";
import type { Context } from "hono";
import type { HtmlEscapedString } from "hono/utils/html";
import { HtmlEscapedCallbackPhase, resolveCallback } from "hono/utils/html";

/** How long a browser or shared cache may show a public page without asking again, in seconds. */
export const PUBLIC_PAGE_MAX_AGE = 60;

/**
 * True when an If-None-Match header names the ETag, by the weak comparison RFC 9110 (13.1.2) prescribes
 * for GET and HEAD: "W/" prefixes are ignored, and "*" matches any current representation.
 */
export function etagMatches(ifNoneMatch: string | undefined, etag: string): boolean {
  if (!ifNoneMatch) return false;
  const opaque = (tag: string) => tag.trim().replace(/^W\//, "");
  const wanted = opaque(etag);
  return ifNoneMatch.split(",").some((tag) => tag.trim() === "*" || opaque(tag) === wanted);
}

/**
 * Sends a rendered page with ETag and Cache-Control, or 304 when the client already has it.
 * @example return cachedHtml(c, <Layout title="Møde">...</Layout>);
 */
export async function cachedHtml(
  c: Context,
  page: HtmlEscapedString | Promise<HtmlEscapedString>,
): Promise<Response> {
  // String(): a page with async components resolves to a String object, which hashing refuses.
  const html = String(await resolveCallback(await page, HtmlEscapedCallbackPhase.Stringify, false, {}));
  // Weak: the same tag names the page gzipped or not (compress() would weaken a strong one anyway).
  const etag = `W/"${createHash("sha1").update(html).digest("base64url")}"`;
  c.header("ETag", etag);
  c.header("Cache-Control", `public, max-age=${PUBLIC_PAGE_MAX_AGE}`);
  if (etagMatches(c.req.header("If-None-Match"), etag)) return c.body(null, 304);
  return c.html(html);
}
