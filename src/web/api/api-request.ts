/**
 * @module What every JSON API command reads from its request: the acting user or token holder (or a
 * Danish 401) and the JSON object it sent (or a Danish 400). Shared by secretariat-api.tsx and the
 * issue 14 API files mounted from it.
 */
import type { Context } from "hono";
import { badRequest, portalError } from "../http-error.js";

/** The signed-in user or token holder who acts, or 401. */
export function actorOf(c: Context) {
  const user = c.get("user");
  if (!user) throw portalError("unauthorized", "Log ind, eller send en API-nøgle (Authorization: Bearer).");
  return {
    db: c.get("db"),
    viewer: c.get("viewer"),
    actor: { userId: user.id, tokenId: c.get("apiTokenId") },
  };
}

/**
 * The request's JSON object, or a Danish 400. With `emptyAsObject`, a missing or unreadable body counts
 * as `{}` (a command whose fields are all optional).
 */
export async function jsonBody(
  c: Context,
  { emptyAsObject = false }: { emptyAsObject?: boolean } = {},
): Promise<Record<string, unknown>> {
  const body: unknown = await c.req.json().catch(() => (emptyAsObject ? {} : undefined));
  if (typeof body !== "object" || body === null || Array.isArray(body)) {
    throw badRequest(
      "Forespørgslen skal have en JSON-genstand som indhold (Content-Type: application/json).",
    );
  }
  return body as Record<string, unknown>;
}
