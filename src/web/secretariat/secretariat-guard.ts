/**
 * @module What every page of the secretariat's workspace asks first: signed in (the public is sent to
 * /log-ind) and sekretariat of some body or administrator (everyone else 403); and who acts, for the
 * commands' audit entries. Which body's things a viewer may change is domain's mayEditAgenda, asked by
 * the commands.
 */
import type { Context, MiddlewareHandler } from "hono";
import { forbidden } from "../http-error.js";

/** The bodies whose secretariat the viewer is: "all" for an administrator. */
export function secretariatBodyIds(c: Context): "all" | readonly number[] {
  const viewer = c.get("viewer");
  if (viewer.kind === "administrator") return "all";
  return viewer.kind === "user" ? viewer.secretariatOf : [];
}

/** Refuses (403) a signed-in viewer who is neither sekretariat of a body nor administrator. */
export function secretariatViewer(): MiddlewareHandler {
  return async function secretariatViewerMiddleware(c, next) {
    const bodies = secretariatBodyIds(c);
    if (bodies !== "all" && bodies.length === 0) {
      throw forbidden("Siden er kun for sekretariatet og administratorer.");
    }
    await next();
  };
}

/** The actor the audit log names: the signed-in user, or the API token. */
export function requestActor(c: Context): {
  readonly userId: number | null;
  readonly tokenId: number | null;
} {
  return { userId: c.get("user")?.id ?? null, tokenId: c.get("apiTokenId") };
}

/**
 * What every secretariat page is rendered with: the form's CSRF token and the site's name; the answer is
 * marked private, never kept by a cache, since it shows drafts and closed items.
 */
export function secretariatPageBasics(c: Context): { readonly csrfToken: string; readonly siteName: string } {
  c.header("Cache-Control", "private, no-store");
  return { csrfToken: c.get("csrfToken")(), siteName: c.get("settings").siteName };
}

/** What every agenda command is given from the request: the store, the viewer, the actor. */
export function commandProps(c: Context) {
  return { db: c.get("db"), viewer: c.get("viewer"), actor: requestActor(c) };
}
