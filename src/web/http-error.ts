/** @module Named, expected failures of the web layer, each with a status and a Danish message. */
import { HTTPException } from "hono/http-exception";

export type ErrorCode = "not-found" | "bad-request" | "closed-item";

const STATUS = { "not-found": 404, "bad-request": 400, "closed-item": 404 } as const;

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
