/**
 * @module Statements of fixed text that every import runs, sent to the server as named prepared
 * statements (connection/prepared-statements.ts): PostgreSQL parses and plans each once per connection
 * instead of once per document. Only statements whose SQL text never varies may go through here (not a
 * multi-row insert, not an `in (...)` list): every name lives as long as its connection.
 */
import type { Compilable, Kysely, QueryResult, RawBuilder, Transaction } from "kysely";
import { prepareOnServer } from "../connection/prepared-statements.js";
import type { Database } from "../schema.js";

type Db = Kysely<Database> | Transaction<Database>;

const isRaw = <O>(query: Compilable<O> | RawBuilder<O>): query is RawBuilder<O> =>
  (query as RawBuilder<O>).isRawBuilder === true;

/**
 * Runs `query` as a named prepared statement on the server (as a plain statement on PGlite).
 * @example const { rows } = await runPrepared(tx, tx.selectFrom("meeting").selectAll().where("id", "=", id));
 */
export async function runPrepared<O>(db: Db, query: Compilable<O> | RawBuilder<O>): Promise<QueryResult<O>> {
  const compiled = isRaw(query) ? query.compile(db) : query.compile();
  prepareOnServer(compiled.sql);
  return db.executeQuery(compiled);
}
