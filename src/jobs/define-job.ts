/**
 * @module A kind of job: its name, its payload's type, how often it may be tried, and its handler. The
 * handler gets the payload and a context (store, services, progress, a stop signal); what it returns
 * (JSON) is kept as the job's result, what it throws is one failed attempt.
 */
import type { Kysely } from "kysely";
import type { Database } from "../store/index.js";
import type { JobServices } from "./job-services.js";

export interface JobContext {
  readonly db: Kysely<Database>;
  readonly services: JobServices;
  readonly jobId: number;
  /** This attempt's number, from 1. */
  readonly attempt: number;
  /**
   * Aborted when the worker stops (after its grace period) or lost the job: stop soon; the job is given
   * back and taken again, so work done so far should be safe to do twice.
   */
  readonly signal: AbortSignal;
  /**
   * Records how far the job is, for a page or the command line to show; one row written per call, so
   * call it per page or file, not per byte. `step` is a short Danish line ("Stempler bilag 3 af 12").
   */
  progress(done: number, total: number, step?: string): Promise<void>;
}

export interface JobDefinition<Kind extends string, Payload> {
  /** The name stored with each job, kebab-case ("send-mail", "render-agenda"); never renamed once used. */
  readonly kind: Kind;
  /** Attempts before the job fails for good (default 5). */
  readonly maxAttempts: number;
  /** The job's work; its return value (JSON) is the job's result. */
  readonly handler: (payload: Payload, context: JobContext) => Promise<unknown>;
}

/** Any job kind, whatever its payload: how the worker holds the list. */
// biome-ignore lint/suspicious/noExplicitAny: a handler of any payload; each kind keeps its own type.
export type AnyJobDefinition = JobDefinition<string, any>;

/** The payload type of a job kind. */
export type PayloadOf<D> = D extends JobDefinition<string, infer Payload> ? Payload : never;

/**
 * Defines a kind of job. The payload is stored as JSON: give it plain data (strings, numbers, ids),
 * never a Date or a Buffer. A handler that loads heavy code (a PDF engine) imports it inside, so that
 * enqueueing does not load it.
 *
 * @example
 * export const renderAgendaJob = defineJob({
 *   kind: "render-agenda",
 *   maxAttempts: 3,
 *   handler: async (payload: { meetingId: number }, { db, progress }) => {
 *     const { renderAgenda } = await import("../../authoring/render/agenda.js");
 *     return { fileId: await renderAgenda(db, payload.meetingId, { onPage: (n, of) => progress(n, of) }) };
 *   },
 * });
 */
export function defineJob<const Kind extends string, Payload>(definition: {
  readonly kind: Kind;
  readonly maxAttempts?: number;
  readonly handler: (payload: Payload, context: JobContext) => Promise<unknown>;
}): JobDefinition<Kind, Payload> {
  const maxAttempts = definition.maxAttempts ?? 5;
  if (!/^[a-z][a-z0-9-]*$/.test(definition.kind))
    throw new Error(`job kind "${definition.kind}" is not kebab-case`);
  if (!Number.isInteger(maxAttempts) || maxAttempts < 1) throw new Error("maxAttempts must be 1 or more");
  return { kind: definition.kind, maxAttempts, handler: definition.handler };
}

/**
 * Thrown by a handler when trying again cannot help (a file that is not a PDF): the job fails at once,
 * with this message as its one line, instead of waiting for its retries.
 * @example throw new JobFailure("referat.pdf: the file is not a PDF");
 */
export class JobFailure extends Error {
  override readonly name = "JobFailure";
}
