/**
 * @module Security headers on every response (issue 12, point 8): pages, API, OParl, feeds, static files
 * and errors alike. The portal has no inline script or style (dkfds's script and our CSS are files), so
 * the Content-Security-Policy allows only the portal's own origin; nothing embeds the portal, so no page
 * may be framed. HSTS only when the public address is https, or a plain-http install would lock itself out.
 */
import type { MiddlewareHandler } from "hono";

export interface SecurityHeadersOptions {
  /** True when PUBLIC_BASE_URL (settings.publicBaseUrl) is https: send Strict-Transport-Security. */
  readonly https: boolean;
  /** HSTS max-age in seconds; a year by default, as the HSTS preload list asks. */
  readonly hstsMaxAge?: number;
}

/**
 * The policy, one directive a line. `img-src data:` and `font-src data:` are for dkfds's stylesheet, which
 * draws its icons as data: URIs; `form-action 'self'` keeps a form from posting elsewhere.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join("; ");

/**
 * @example app.use(securityHeaders({ https: settings.publicBaseUrl.startsWith("https://") }));
 */
export function securityHeaders(options: SecurityHeadersOptions): MiddlewareHandler {
  const hsts = options.https ? `max-age=${options.hstsMaxAge ?? 31_536_000}` : null;
  return async function securityHeadersMiddleware(c, next) {
    await next();
    const headers = c.res.headers;
    // A handler may have set its own (none does today); ours fill in what is missing.
    const set = (name: string, value: string) => {
      if (!headers.has(name)) headers.set(name, value);
    };
    set("Content-Security-Policy", CONTENT_SECURITY_POLICY);
    set("X-Content-Type-Options", "nosniff");
    set("Referrer-Policy", "strict-origin-when-cross-origin");
    // frame-ancestors is the rule; X-Frame-Options says the same to browsers that predate it.
    set("X-Frame-Options", "DENY");
    set("Cross-Origin-Opener-Policy", "same-origin");
    set("Permissions-Policy", "camera=(), microphone=(), geolocation=(), payment=()");
    if (hsts) set("Strict-Transport-Security", hsts);
  };
}
