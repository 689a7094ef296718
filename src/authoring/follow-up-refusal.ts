/**
 * @module Why a command of decisions sent on or of follow-up (issue 14) refused, with the HTTP status the
 * web answers and one Danish line; nothing was changed. A stale save (409) carries the task as the other
 * save left it, so nothing is lost.
 */
import type { FollowUpRow } from "../store/index.js";

export type FollowUpRefusal =
  | "not-found"
  | "forbidden"
  | "invalid"
  | "closed-item"
  | "no-decision"
  | "stale-revision";

const STATUS: Readonly<Record<FollowUpRefusal, 403 | 404 | 409 | 422>> = {
  "not-found": 404,
  forbidden: 403,
  invalid: 422,
  "closed-item": 409,
  "no-decision": 409,
  "stale-revision": 409,
};

/** A refusal: nothing was changed. */
export class FollowUpRefused extends Error {
  override readonly name = "FollowUpRefused";
  readonly status: 403 | 404 | 409 | 422;
  constructor(
    readonly code: FollowUpRefusal,
    message: string,
    /** For `stale-revision`: the task as the other save left it. */
    readonly current: FollowUpRow | null = null,
  ) {
    super(message);
    this.status = STATUS[code];
  }
}

export function isFollowUpRefused(error: unknown): error is FollowUpRefused {
  return error instanceof FollowUpRefused;
}
