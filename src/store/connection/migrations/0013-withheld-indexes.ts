/**
 * @module Indexes for the withheld rows, now that withholding is one column (0012). A signed-in viewer's
 * search adds the search_doc rows the public may not see (store/search-scope.ts); without an index of
 * their own those were found by scanning every invisible row for the words. The two partial indexes of
 * 0005 and 0007 served the old "where not public" rule, which no statement asks any more, and cost a
 * write on every item.
 */
import type { Kysely } from "kysely";
import { runStatements } from "./run-statements.js";

// biome-ignore lint/suspicious/noExplicitAny: migration code is written against an untyped database.
type AnyDb = Kysely<any>;

export async function up(db: AnyDb): Promise<void> {
  await runStatements(
    db,
    `
    create index search_doc_hidden_vector on search_doc using gin (vector) where not visible;
    drop index if exists agenda_item_closed;
    drop index if exists agenda_item_closed_source;
  `,
  );
}
