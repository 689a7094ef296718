/**
 * @module Drops raadsinfo_municipalities, the 98-name regular expression that migration 0002 ran for the
 * search facet's generated columns. Since migration 0006 the store fills those columns from JavaScript
 * (store/search-text.ts) and nothing calls the function.
 */
import { type Kysely, sql } from "kysely";

// biome-ignore lint/suspicious/noExplicitAny: migration code is written against an untyped database.
type AnyDb = Kysely<any>;

export async function up(db: AnyDb): Promise<void> {
  await sql`drop function if exists raadsinfo_municipalities(text)`.execute(db);
}
