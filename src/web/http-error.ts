/**
 * @module The one HTTP error of the web layer (issue 12, point 7): a status from a closed set, a stable
 * code and a Danish message, thrown by handlers and middleware and rendered by onError (error-pages.tsx)
 * as a Danish page or as JSON `{"error": {"status", "code", "message"}}` by the request's Accept.
 */
import { HTTPException } from "hono/http-exception";
import type { AccountError } from "../accounts/index.js";
import type { AlertError } from "../alerts/index.js";

/** Every status the portal answers an error with; anything else becomes 500. */
export const ERROR_STATUSES = [400, 401, 403, 404, 409, 410, 413, 422, 429, 500, 503] as const;
export type ErrorStatus = (typeof ERROR_STATUSES)[number];

export function isErrorStatus(value: unknown): value is ErrorStatus {
  return typeof value === "number" && (ERROR_STATUSES as readonly number[]).includes(value);
}

/** The web's own codes, each with its status; an account refusal keeps its own code (account-error.ts). */
const STATUS = {
  "bad-request": 400,
  unauthorized: 401,
  "invalid-api-token": 401,
  forbidden: 403,
  "csrf-invalid": 403,
  "not-found": 404,
  "closed-item": 404,
  conflict: 409,
  gone: 410,
  "payload-too-large": 413,
  unprocessable: 422,
  "too-many-requests": 429,
  "internal-error": 500,
  // 503: the server is well, but will not spend more time on this one request; it is not a 500 (nothing
  // broke, nothing is logged as a fault) and not a 4xx (the query itself is valid).
  "search-timeout": 503,
  unavailable: 503,
} as const satisfies Readonly<Record<string, ErrorStatus>>;
export type ErrorCode = keyof typeof STATUS;

/** The code an error of a status gets when nothing more precise is known (Hono's own HTTPException). */
export const DEFAULT_CODE: Readonly<Record<ErrorStatus, string>> = {
  400: "bad-request",
  401: "unauthorized",
  403: "forbidden",
  404: "not-found",
  409: "conflict",
  410: "gone",
  413: "payload-too-large",
  422: "unprocessable",
  429: "too-many-requests",
  500: "internal-error",
  503: "unavailable",
};

export interface PortalErrorOptions {
  /** Overrides the code's status (an AccountError brings its own). */
  readonly status?: ErrorStatus;
  /** For 429 and 503: when to try again; sent as Retry-After. */
  readonly retryAfter?: Date | null;
  readonly cause?: unknown;
}

/** An expected failure: thrown by handlers, rendered by onError as a Danish page or JSON. */
export class PortalError extends HTTPException {
  override readonly status: ErrorStatus;
  readonly retryAfter: Date | null;
  constructor(
    /** Stable, kebab-case: one of ErrorCode, or an AccountError's code. */
    readonly code: string,
    /** Danish, for the page and the JSON alike. */
    message: string,
    options: PortalErrorOptions = {},
  ) {
    const status = options.status ?? STATUS[code as ErrorCode] ?? 500;
    super(status, { message, cause: options.cause });
    this.status = status;
    this.retryAfter = options.retryAfter ?? null;
  }
}

/**
 * An error of one of the web's own codes.
 * @example throw portalError("forbidden", "Siden er kun for administratorer.");
 */
export function portalError(code: ErrorCode, message: string, retryAfter?: Date | null): PortalError {
  return new PortalError(code, message, { retryAfter: retryAfter ?? null });
}

/** An account refusal as the web answers it: its status, its code, its Danish text, its Retry-After. */
export function fromAccountError(error: AccountError): PortalError {
  return new PortalError(error.code, error.danish, {
    status: error.status,
    retryAfter: error.retryAfter,
    cause: error,
  });
}

/** An alert refusal (a bad address, a stale link) as the web answers it. */
export function fromAlertError(error: AlertError): PortalError {
  return new PortalError(error.code, error.danish, { status: error.status, cause: error });
}

export const notFound = (what = "Siden") => portalError("not-found", `${what} findes ikke.`);
export const badRequest = (message: string) => portalError("bad-request", message);
export const forbidden = (message = "Du har ikke adgang til siden.") => portalError("forbidden", message);
/** The Danish sentence for a search stopped by its time limit, on /soeg and in /api/search's JSON. */
export const SEARCH_TIMEOUT_MESSAGE =
  "Søgningen tog for lang tid og blev stoppet. Prøv igen med færre eller mere præcise ord.";
export const searchTimedOut = () => portalError("search-timeout", SEARCH_TIMEOUT_MESSAGE);
