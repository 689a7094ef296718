/**
 * @module CSRF protection (issue 12, point 2): every POST form carries a token in the hidden field
 * `_csrf`, and a POST without a valid one is refused with 403 and a Danish message. Signed in, the token
 * is an HMAC keyed by the session's secret token, so it is one per session and survives a restart.
 * Anonymous forms (/log-ind, /log-ind/link/…) use a signed double-submit cookie: a random nonce in the
 * `raadsinfo_csrf` cookie, and in the form the nonce's HMAC under the site's secret (OWASP's "signed
 * double-submit cookie"), so a cookie planted by a sibling site cannot be paired with a token of its own.
 * The secret is the site's, kept in the store (accounts/site-secrets.ts), so every web process behind a
 * proxy accepts the forms of the others.
 */
import { createHmac, randomBytes, timingSafeEqual } from "node:crypto";
import type { Context, MiddlewareHandler } from "hono";
import { getCookie, setCookie } from "hono/cookie";
import { portalError } from "../http-error.js";
import { bearerTokenOf } from "./bearer-token.js";

export const CSRF_FIELD = "_csrf";
export const CSRF_HEADER = "x-csrf-token";
export const CSRF_COOKIE = "raadsinfo_csrf";

/** What the refusal says, on the page and in JSON. */
export const CSRF_MESSAGE =
  "Formularen kunne ikke godkendes, fordi sikkerhedsnøglen mangler eller er udløbet. Gå tilbage, indlæs siden igen, og send formularen igen.";

/** A key as it is, or read when first needed (from the store) and kept: it never changes. */
export type CsrfSecret = string | Buffer | (() => Promise<string | Buffer>);

export interface CsrfOptions {
  /** The key that signs anonymous tokens; the same in every process of a site (see the module note). */
  readonly secret: CsrfSecret;
  /** True behind https: the nonce cookie gets Secure. */
  readonly secure: boolean;
  /**
   * Path prefixes whose POST needs no token, because a secret in the path is the proof: /afmeld/TOKEN,
   * where a mail program POSTs the one-click unsubscribe (RFC 8058) without any cookie of ours.
   */
  readonly exemptUnder?: readonly string[];
}

const UNSAFE = new Set(["POST", "PUT", "PATCH", "DELETE"]);

function hmac(key: string | Buffer, text: string): string {
  return createHmac("sha256", key).update(text, "utf8").digest("base64url");
}

function sameToken(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

/** The key, read once; a failed read is not kept, so the next request asks again. */
function keyOnce(secret: CsrfSecret): () => Promise<string | Buffer> {
  if (typeof secret !== "function") return () => Promise.resolve(secret);
  let key: Promise<string | Buffer> | null = null;
  return () => {
    if (!key) {
      const reading = secret();
      reading.catch(() => {
        key = null;
      });
      key = reading;
    }
    return key;
  };
}

/** The token of a signed-in session: HMAC keyed by the session's own secret. */
export function sessionCsrfToken(sessionToken: string): string {
  return hmac(sessionToken, "raadsinfo csrf");
}

/**
 * Gives each request `c.var.csrfToken()` (call it to put the token in a form; an anonymous request gets
 * its nonce cookie only then, so public pages set no cookie) and refuses an unsafe request without a
 * valid token. A request with an API token is exempt: a browser never adds that header across sites.
 * @example app.use(csrf({ secret: () => csrfSigningKey(db), secure: false }));
 */
export function csrf(options: CsrfOptions): MiddlewareHandler {
  const key = keyOnce(options.secret);
  return async function csrfMiddleware(c, next) {
    const secret = await key();
    const anonymousToken = (nonce: string) => hmac(secret, `anonymous:${nonce}`);
    const cookieNonce = getCookie(c, CSRF_COOKIE);
    let newNonce: string | null = null;
    const expected = (): string | null => {
      const session = c.get("session");
      if (session) return sessionCsrfToken(session.token);
      return cookieNonce ? anonymousToken(cookieNonce) : null;
    };
    c.set("csrfToken", () => {
      const known = expected();
      if (known) return known;
      newNonce ??= randomBytes(32).toString("base64url");
      return anonymousToken(newNonce);
    });

    const exempt = options.exemptUnder?.some((prefix) => c.req.path.startsWith(prefix)) ?? false;
    if (UNSAFE.has(c.req.method) && !exempt && bearerTokenOf(c.req.header("authorization")) === null) {
      const sent = c.req.header(CSRF_HEADER) ?? (await formField(c, CSRF_FIELD));
      const want = expected();
      if (!sent || !want || !sameToken(sent, want)) throw portalError("csrf-invalid", CSRF_MESSAGE);
    }
    await next();
    if (newNonce) {
      setCookie(c, CSRF_COOKIE, newNonce, {
        path: "/",
        httpOnly: true,
        sameSite: "Lax",
        secure: options.secure,
      });
    }
  };
}

/** A field of a urlencoded or multipart body; Hono caches the parsed body, so the handler reads it again. */
async function formField(c: Context, name: string): Promise<string | null> {
  const type = c.req.header("content-type") ?? "";
  if (!/^(application\/x-www-form-urlencoded|multipart\/form-data)/i.test(type)) return null;
  const body = await c.req.parseBody().catch(() => ({}) as Record<string, unknown>);
  const value = (body as Record<string, unknown>)[name];
  return typeof value === "string" ? value : null;
}
