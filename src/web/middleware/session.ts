/**
 * @module Browser sessions (issue 12, point 2): the `raadsinfo_session` cookie (HttpOnly, SameSite=Lax,
 * Secure behind https) names a session stored in the database; this middleware loads its user and role
 * grants into the request context and builds the viewer the visibility policy reads. Only the token's
 * hash is stored (accounts/sessions.ts). A signed-in user's response is never kept by a shared cache.
 */
import type { Context, MiddlewareHandler } from "hono";
import { deleteCookie, getCookie, setCookie } from "hono/cookie";
import type { AccountUser, CreatedSession } from "../../accounts/index.js";
import { sessionFinder } from "../../accounts/index.js";
import { PUBLIC_VIEWER, type RoleGrant, viewerOf } from "../../domain/index.js";

export const SESSION_COOKIE = "raadsinfo_session";

export interface SessionOptions {
  /** True behind https (PUBLIC_BASE_URL): the cookie gets Secure. */
  readonly secure: boolean;
  /** Paths under these prefixes are served as anonymous without a look-up (static files). */
  readonly anonymousUnder?: readonly string[];
}

/** The role grants of a user as the domain reads them. */
export function grantsOf(user: AccountUser | null): readonly RoleGrant[] {
  return user ? user.roles.map((r) => ({ role: r.role, bodyId: r.bodyId })) : [];
}

/** Puts `user` in the context as who is asking: user, grants and viewer (PUBLIC_VIEWER for nobody). */
export function actAs(c: Context, user: AccountUser | null): void {
  const grants = grantsOf(user);
  c.set("user", user);
  c.set("grants", grants);
  c.set("viewer", user ? viewerOf(grants) : PUBLIC_VIEWER);
}

/** Sets the session cookie after sign-in; it lives as long as the session does. */
export function setSessionCookie(c: Context, session: CreatedSession, options: SessionOptions): void {
  setCookie(c, SESSION_COOKIE, session.token, {
    path: "/",
    httpOnly: true,
    sameSite: "Lax",
    secure: options.secure,
    expires: session.expires,
  });
}

export function clearSessionCookie(c: Context, options: SessionOptions): void {
  deleteCookie(c, SESSION_COOKIE, { path: "/", secure: options.secure });
}

/**
 * Loads the session a cookie names; an unknown, ended or expired one is cleared and the request is
 * anonymous.
 * @example app.use(session({ secure: servedOverHttps(settings) }));
 */
export function session(options: SessionOptions): MiddlewareHandler {
  return async function sessionMiddleware(c, next) {
    actAs(c, null);
    c.set("session", null);
    c.set("apiTokenId", null);
    const token = getCookie(c, SESSION_COOKIE);
    const alwaysAnonymous = options.anonymousUnder?.some((prefix) => c.req.path.startsWith(prefix)) ?? false;
    if (token && !alwaysAnonymous) {
      const found = await sessionFinder({ db: c.get("db"), token });
      if (found) {
        actAs(c, found.user);
        c.set("session", { id: found.id, token });
      } else {
        clearSessionCookie(c, options);
      }
    }
    await next();
    if (c.get("user")) {
      // The page names the user (header, closed items): never in a shared cache, nor kept by the browser.
      c.res.headers.set("Cache-Control", "private, no-store");
    }
    // Shared caches keep anonymous pages; a request with a cookie or token must not get one of them blindly.
    if (!alwaysAnonymous && /\bpublic\b/.test(c.res.headers.get("Cache-Control") ?? "")) {
      c.res.headers.append("Vary", "Cookie, Authorization");
    }
  };
}
