/**
 * @module Queries compiled once and run many times with one value put in place. A page's read model is
 * one statement whose shape never changes, only the id it is for; building and compiling that statement
 * with Kysely's immutable builders cost the portal more CPU per request (about a tenth of the meeting
 * page's time under load) than PostgreSQL spent executing it. On the server the statement then runs as a
 * named prepared statement (prepared-statements.ts), so PostgreSQL does not parse and plan it per view.
 */
import type { Compilable, CompiledQuery, Kysely } from "kysely";
import { PUBLIC_VIEWER, type Viewer } from "../../domain/index.js";
import type { Database } from "../schema.js";
import { prepareOnServer } from "./prepared-statements.js";

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
      query = withConstantsInline(build(db, SLOT as unknown as V).compile());
      if (!query.parameters.includes(SLOT)) throw new Error("compileOnce: the query does not use its value");
      prepareOnServer(query.sql);
      compiled.set(db, query);
    }
    const parameters = query.parameters.map((p) => (p === SLOT ? value : p));
    const result = await db.executeQuery<O>({ ...query, parameters });
    return result.rows;
  };
}

/**
 * compileOnce for a read model that depends on who looks (store/read/visibility.ts): the public, whose
 * requests are nearly all, runs the statement compiled once; a signed-in viewer's statement holds their
 * bodies, so it is built per call.
 * @example const page = compileOncePerViewer((db, id: number, viewer) => pageQuery(db, id, viewer));
 */
export function compileOncePerViewer<V, O>(
  build: (db: Kysely<Database>, value: V, viewer: Viewer) => Compilable<O>,
): (db: Kysely<Database>, value: V, viewer?: Viewer) => Promise<O[]> {
  const forPublic = compileOnce((db, value: V) => build(db, value, PUBLIC_VIEWER));
  return async function runForViewer(db, value, viewer = PUBLIC_VIEWER) {
    if (viewer.kind === "public") return forPublic(db, value);
    const result = await db.executeQuery<O>(build(db, value, viewer).compile());
    return result.rows;
  };
}

/**
 * Writes the query's fixed booleans and integers into its text and numbers the remaining parameters
 * anew. A prepared statement's generic plan is made without its parameters' values; with `deleted = $2`
 * the planner cannot tell that the filter keeps nearly every row, with `deleted = false` it can.
 */
function withConstantsInline<O>(query: CompiledQuery<O>): CompiledQuery<O> {
  const kept: unknown[] = [];
  const replacement = query.parameters.map((p) => {
    if (typeof p === "boolean" || (typeof p === "number" && Number.isSafeInteger(p))) return String(p);
    kept.push(p);
    return `$${kept.length}`;
  });
  // Placeholders are the only $-digits in a compiled builder query (its literals go in as parameters).
  const sqlText = query.sql.replace(/\$(\d+)/g, (_, n: string) => replacement[Number(n) - 1] ?? `$${n}`);
  return { ...query, sql: sqlText, parameters: kept };
}
