/** @module Named, expected failures of the web layer, each with a status and a Danish message. */
import { HTTPException } from "hono/http-exception";

export type ErrorCode = "not-found" | "bad-request" | "closed-item" | "search-timeout";

/**
 * search-timeout is 503: the server is well, but will not spend more time on this one request; it is not
 * a 500 (nothing broke, nothing is logged as a fault) and not a 4xx (the query itself is valid).
 */
const STATUS = { "not-found": 404, "bad-request": 400, "closed-item": 404, "search-timeout": 503 } as const;

/** An expected failure: thrown by handlers, rendered by onError as a Danish page or JSON. */
export class PortalError extends HTTPException {
  constructor(
    readonly code: ErrorCode,
    message: string,
  ) {
    super(STATUS[code], { message });
  }
}

export const notFound = (what = "Siden") => new PortalError("not-found", `${what} findes ikke.`);
export const badRequest = (message: string) => new PortalError("bad-request", message);
/** The Danish sentence for a search stopped by its time limit, on /soeg and in /api/search's JSON. */
export const SEARCH_TIMEOUT_MESSAGE =
  "Søgningen tog for lang tid og blev stoppet. Prøv igen med færre eller mere præcise ord.";
export const searchTimedOut = () => new PortalError("search-timeout", SEARCH_TIMEOUT_MESSAGE);
