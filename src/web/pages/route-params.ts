/** @module Reads the numeric id of a page URL; a malformed one is a Danish 400, never a database error. */
import type { Context } from "hono";
import { rowId } from "../request-params.js";

/** Parses c.req.param("id") as a positive integer that fits PostgreSQL's integer, or throws a 400. */
export function idParam(c: Context): number {
  return rowId(c.req.param("id"));
}
