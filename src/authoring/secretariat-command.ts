/** @module What every secretariat command is given: the store, who acts, and the clock. */
import type { Kysely } from "kysely";
import type { Viewer } from "../domain/index.js";
import type { Database } from "../store/index.js";

export interface SecretariatCommandProps {
  readonly db: Kysely<Database>;
  /** Who acts: must be the secretariat of the thing's body, or an administrator (domain's mayRelease). */
  readonly viewer: Viewer;
  /** Who to name in the audit log (the signed-in user, or the token); null ids for the command line. */
  readonly actor: { readonly userId: number | null; readonly tokenId: number | null };
  readonly now?: Date;
}
