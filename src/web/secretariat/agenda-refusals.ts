/**
 * @module How the agenda pages answer an authoring refusal (AgendaRefused): not found and forbidden as the
 * portal's error page (or JSON), everything else back on the form with the Danish line in its error
 * summary, linked to the field it is about.
 */
import type { Context } from "hono";
import { type AgendaRefused, isAgendaRefused } from "../../authoring/agenda-refusal.js";
import type { FieldError } from "../components/form-parts.js";
import { wantsJson } from "../error-pages.js";
import { PortalError } from "../http-error.js";

/** The status a refused form is answered with. */
export type RefusedStatus = 403 | 404 | 409 | 413 | 422;

/** Throws the error unless it is a refusal a form can show; then returns it. */
export function formRefusal(c: Context, error: unknown): AgendaRefused {
  if (!isAgendaRefused(error)) throw error;
  if (error.status === 403 || error.status === 404 || error.status === 400 || wantsJson(c)) {
    throw new PortalError(error.code, error.message, { status: error.status, cause: error });
  }
  return error;
}

/** The form field a refusal is about, by what its line names. */
export function refusalField(error: AgendaRefused): string | null {
  const text = error.message;
  if (/sagsnummer/i.test(text)) return "sagsnummer";
  if (/initialer/i.test(text)) return "initialer";
  if (/^Punktet /.test(text)) return "titel";
  if (/^Bilaget /.test(text)) return "bilagstitel";
  if (error.code === "unsupported-file" || error.code === "too-large" || error.code === "unreadable") {
    return "bilagsfil";
  }
  return null;
}

/** The refusal as the error summary's one line. */
export function refusalErrors(error: AgendaRefused): FieldError[] {
  return [{ field: refusalField(error), message: error.message }];
}

/** Anything the agenda commands refuse that is not a form's problem: rethrown as the portal's error. */
export function asPortalError(error: unknown): never {
  if (isAgendaRefused(error)) {
    throw new PortalError(error.code, error.message, { status: error.status, cause: error });
  }
  throw error;
}
