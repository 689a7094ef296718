/**
 * @module Queries compiled once and run many times with one value put in place. A page's read model is
 * one statement whose shape never changes, only the id it is for; building and compiling that statement
 * with Kysely's immutable builders cost the portal more CPU per request (about a tenth of the meeting
 * page's time under load) than PostgreSQL spent executing it.
 */
import type { Compilable, CompiledQuery, Kysely } from "kysely";
import type { Database } from "./schema.js";

/** Stands for the value while the query is compiled; found again by identity among the parameters. */
const SLOT: unique symbol = Symbol("compile-once slot");

/**
 * Wraps a query builder that depends on one value. The first call per database handle compiles the query
 * with a placeholder (so the SQL text, and PostgreSQL's parse of it, stays the same); every call runs it
 * with the placeholder's parameters replaced by the value. The builder must use the value only as a
 * query parameter, never to choose the query's shape in JavaScript.
 * @example
 * const byId = compileOnce((db, id: number) => db.selectFrom("meeting").selectAll().where("id", "=", id));
 * const rows = await byId(db, 7); // select * from "meeting" where "id" = $1, with [7]
 */
export function compileOnce<V, O>(
  build: (db: Kysely<Database>, value: V) => Compilable<O>,
): (db: Kysely<Database>, value: V) => Promise<O[]> {
  // Keyed by handle: the SQL a query compiles to depends on the handle's dialect and plugins.
  const compiled = new WeakMap<Kysely<Database>, CompiledQuery<O>>();
  return async function runCompiled(db, value) {
    let query = compiled.get(db);
    if (!query) {
      query = build(db, SLOT as unknown as V).compile();
      if (!query.parameters.includes(SLOT)) throw new Error("compileOnce: the query does not use its value");
      compiled.set(db, query);
    }
    const parameters = query.parameters.map((p) => (p === SLOT ? value : p));
    const result = await db.executeQuery<O>({ ...query, parameters });
    return result.rows;
  };
}
