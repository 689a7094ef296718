/**
 * @module Guards for pages behind a sign-in: `signedIn()` sends an anonymous browser to /log-ind (and
 * back here afterwards) and answers a machine 401; `administratorOnly()` also refuses everyone but an
 * administrator with 403.
 */
import type { Context, MiddlewareHandler } from "hono";
import { wantsJson } from "../error-pages.js";
import { forbidden, portalError } from "../http-error.js";

/** /log-ind?til=<path>: where a guarded page sends an anonymous browser. */
export function loginUrl(returnTo: string): string {
  return `/log-ind?til=${encodeURIComponent(returnTo)}`;
}

function refuseAnonymous(c: Context): Response {
  if (c.req.method === "GET" && !wantsJson(c)) return c.redirect(loginUrl(c.req.path), 303);
  throw portalError("unauthorized", "Log ind for at se siden.");
}

export function signedIn(): MiddlewareHandler {
  return async function signedInMiddleware(c, next) {
    if (!c.get("user")) return refuseAnonymous(c);
    await next();
  };
}

export function administratorOnly(): MiddlewareHandler {
  return async function administratorOnlyMiddleware(c, next) {
    if (!c.get("user")) return refuseAnonymous(c);
    if (!c.get("grants").some((g) => g.role === "administrator")) {
      throw forbidden("Siden er kun for administratorer.");
    }
    await next();
  };
}
