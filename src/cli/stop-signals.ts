/**
 * @module How a command that runs until stopped (serve, worker) stops: the first SIGTERM or SIGINT runs its
 * clean stop and exits 0 (1, in one line, if the stop failed); the same signal again exits at once.
 */

/**
 * Installs the stop on SIGTERM and SIGINT; `doing` says what the stop does, for the line it prints.
 * @example stopOnSignals("finishing requests under way and closing the store", () => stopAll(...));
 */
export function stopOnSignals(doing: string, stopAll: () => Promise<void>): void {
  let stopping = false;
  const stop = (signal: NodeJS.Signals) => {
    if (stopping) {
      console.error(`raadsinfo: ${signal} again: stopping at once`);
      process.exit(1);
    }
    stopping = true;
    console.log(`Stopping (${signal}): ${doing}.`);
    void stopAll().then(
      () => process.exit(0),
      (error: unknown) => {
        console.error(`raadsinfo: could not stop cleanly: ${(error as Error).message.split("\n")[0]}`);
        process.exit(1);
      },
    );
  };
  process.on("SIGINT", stop);
  process.on("SIGTERM", stop);
}
