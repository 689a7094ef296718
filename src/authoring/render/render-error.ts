/**
 * @module The one error the renderers throw on purpose: a document that cannot be made (a damaged annex,
 * a DOCX LibreOffice cannot convert, LibreOffice missing). Its message is one Danish line that names the
 * file or annex, so a job can show it to the secretariat as it is.
 */

/** Stable codes, so callers can tell the failures apart without reading the message. */
export const RENDER_ERROR_CODES = [
  "annex-damaged",
  "docx-conversion-failed",
  "docx-converter-missing",
  "docx-conversion-timeout",
  "typst-failed",
] as const;
export type RenderErrorCode = (typeof RENDER_ERROR_CODES)[number];

/**
 * A document that cannot be rendered.
 *
 * @example
 * throw new RenderError("annex-damaged", 'Bilag 1 til punkt 2.3 ("Notat om biokul") er ikke en læsbar PDF.');
 */
export class RenderError extends Error {
  override readonly name = "RenderError";
  readonly code: RenderErrorCode;

  constructor(code: RenderErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.code = code;
  }
}

/**
 * True when `error` is a RenderError (also across module copies, by name).
 * @example if (isRenderError(error)) job.fail(error.message);
 */
export function isRenderError(error: unknown): error is RenderError {
  return error instanceof RenderError || (error instanceof Error && error.name === "RenderError");
}
