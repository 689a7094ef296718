/**
 * @module Keys every web process of the site must agree on (issue 17: several `raadsinfo serve` behind a
 * proxy act as one). They live in the store, made by the first process that asks, so none is configured.
 */
import type { Kysely } from "kysely";
import { type Database, storedSiteSecret } from "../store/index.js";
import { randomToken } from "./secret-token.js";

/**
 * The key that signs anonymous CSRF tokens (the sign-in form's): one per site, not per process, so a form
 * served by one process is accepted by another, and a restart no longer asks for the form to be reloaded.
 * @example app.use(csrf({ secret: () => csrfSigningKey(db), secure }));
 */
export function csrfSigningKey(db: Kysely<Database>): Promise<string> {
  return storedSiteSecret(db, "csrf-signing-key", randomToken());
}
