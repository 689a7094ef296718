/** @module Reads the numeric id of a page URL; anything else is a Danish 404, never a database error. */
import type { Context } from "hono";
import { notFound } from "../http-error.js";

/** Parses c.req.param("id") as a positive integer that fits PostgreSQL's integer, or throws a 404. */
export function idParam(c: Context, what: string): number {
  const raw = c.req.param("id") ?? "";
  const id = /^[0-9]{1,9}$/.test(raw) ? Number(raw) : Number.NaN;
  if (!Number.isSafeInteger(id) || id <= 0) throw notFound(what);
  return id;
}
