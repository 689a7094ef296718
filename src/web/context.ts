/** @module What every request handler can read from the context: the store and the site settings. */
import type { Kysely } from "kysely";
import type { Database } from "../store/index.js";

export interface SiteSettings {
  /** Public base URL without trailing slash, e.g. "https://raadsinfo.example.dk"; OParl ids are built on it. */
  readonly publicBaseUrl: string;
  readonly siteName: string;
  /**
   * Statement timeout of a search on a PostgreSQL server, in ms (/soeg and /api/search); past it the page
   * says so in Danish. PGlite cannot time out a statement: there the search's bounds keep it short.
   */
  readonly searchTimeoutMs: number;
}

declare module "hono" {
  interface ContextVariableMap {
    db: Kysely<Database>;
    settings: SiteSettings;
  }
}
