/** @module The one error the store throws for expected failures; its message is one line for users. */
export class StoreError extends Error {
  override readonly name = "StoreError";
}
