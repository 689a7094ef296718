/** @module The one error a command throws for a problem the user can fix; printed as one line. */
export class UsageError extends Error {
  override readonly name = "UsageError";
  constructor(
    message: string,
    /** Process exit code: 2 for a bad command line, 1 for a failure of the work itself. */
    readonly exitCode = 2,
  ) {
    super(message);
  }
}
