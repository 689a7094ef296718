/**
 * @module API tokens (issue 12, point 4): `Authorization: Bearer ri_…` makes the request act as the
 * token's user, with that user's roles, through accounts' apiTokenAuthenticator. An unknown or revoked
 * token is a 401, not a quiet fall back to the public: a script should learn its token stopped working.
 */
import type { MiddlewareHandler } from "hono";
import { apiTokenAuthenticator } from "../../accounts/index.js";
import { portalError } from "../http-error.js";
import { actAs } from "./session.js";

const BEARER = /^Bearer[ \t]+(\S+)[ \t]*$/i;

/** The token of an `Authorization: Bearer` header, or null when the header is absent or another scheme. */
export function bearerTokenOf(header: string | undefined): string | null {
  return header ? (BEARER.exec(header)?.[1] ?? null) : null;
}

/**
 * @example app.use("/api/*", bearerToken());
 */
export function bearerToken(): MiddlewareHandler {
  return async function bearerTokenMiddleware(c, next) {
    const token = bearerTokenOf(c.req.header("authorization"));
    if (token === null) return next();
    const bearer = await apiTokenAuthenticator({ db: c.get("db"), token });
    if (!bearer) {
      // RFC 6750 §3: say which scheme and why.
      c.header("WWW-Authenticate", 'Bearer realm="raadsinfo", error="invalid_token"');
      throw portalError("invalid-api-token", "API-nøglen er ukendt eller tilbagekaldt.");
    }
    actAs(c, bearer.user);
    c.set("session", null);
    c.set("apiTokenId", bearer.tokenId);
    await next();
    // The answer is this user's view: no shared cache may hand it to anyone else.
    c.res.headers.set("Cache-Control", "private, no-store");
  };
}
