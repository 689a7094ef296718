/**
 * @module The one error ingest throws on purpose: a file that cannot be read at all. Its message is one
 * English line naming the file, so the CLI can print it as it is and never a stack trace.
 */

/**
 * A source file that cannot be read (empty, binary, encrypted, broken, too large).
 *
 * @example
 * throw new IngestError("report.pdf", "the PDF is encrypted");
 * // message: "report.pdf: the PDF is encrypted"
 */
export class IngestError extends Error {
  override readonly name = "IngestError";
  /** Name of the file as given to ingest. */
  readonly file: string;
  /** The problem alone, without the file name. */
  readonly problem: string;

  constructor(file: string, problem: string, options?: { cause?: unknown }) {
    super(`${file}: ${problem}`, options);
    this.file = file;
    this.problem = problem;
  }
}

/** True when `error` is an IngestError (also across module copies, by name). */
export function isIngestError(error: unknown): error is IngestError {
  return error instanceof IngestError || (error instanceof Error && error.name === "IngestError");
}
