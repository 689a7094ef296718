/**
 * @module Why an agenda command refused (issue 13), with the HTTP status the web answers and one Danish
 * line; nothing was changed. A stale save (409) carries the item as it now is, so nothing is lost.
 */
import type { DraftItem } from "../store/index.js";

export type AgendaRefusal =
  | "not-found"
  | "forbidden"
  | "invalid"
  | "wrong-phase"
  | "date-taken"
  | "stale-revision"
  | "nothing-to-send"
  | "unsupported-file"
  | "too-large"
  | "unreadable"
  /** A person already merged into another (issue 16). */
  | "already-merged";

const STATUS: Readonly<Record<AgendaRefusal, 400 | 403 | 404 | 409 | 413 | 422>> = {
  "not-found": 404,
  forbidden: 403,
  invalid: 422,
  "wrong-phase": 409,
  "date-taken": 409,
  "stale-revision": 409,
  "nothing-to-send": 409,
  "unsupported-file": 422,
  "too-large": 413,
  unreadable: 422,
  "already-merged": 409,
};

/** A refusal: nothing was changed. */
export class AgendaRefused extends Error {
  override readonly name = "AgendaRefused";
  readonly status: 400 | 403 | 404 | 409 | 413 | 422;
  constructor(
    readonly code: AgendaRefusal,
    message: string,
    /** For `stale-revision`: the item as the other save left it. */
    readonly current: DraftItem | null = null,
  ) {
    super(message);
    this.status = STATUS[code];
  }
}

/** True for an AgendaRefused (also across module copies in tests). */
export function isAgendaRefused(error: unknown): error is AgendaRefused {
  return error instanceof AgendaRefused;
}
