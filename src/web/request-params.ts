/**
 * @module The numbers a URL carries, read one way on every surface (pages, /api, OParl, feeds, exports):
 * a row id is a positive integer that fits PostgreSQL's integer, a page number a positive integer below a
 * bound. Anything else is a Danish 400 before the store is asked, never a database error (a 500).
 */
import { badRequest } from "./http-error.js";

/** The largest PostgreSQL integer: every id column is an integer (serial). */
export const MAX_ROW_ID = 2_147_483_647;

/** Digits only, no sign, no exponent, at most ten of them (Number() of more is not exact). */
const DIGITS = /^[0-9]{1,10}$/;

/**
 * A whole number from `min` to `max` written as plain digits, or undefined when `raw` is absent or empty;
 * anything else is a 400 naming the parameter.
 * @example boundedInt("2", "page", 1, 1_000_000) // 2; boundedInt("-1", ...) throws a 400
 */
export function boundedInt(
  raw: string | undefined,
  name: string,
  min: number,
  max: number,
): number | undefined {
  if (raw === undefined || raw === "") return undefined;
  const value = DIGITS.test(raw) ? Number(raw) : Number.NaN;
  if (!(value >= min && value <= max)) {
    throw badRequest(`${name} skal være et helt tal fra ${min} til ${max}.`);
  }
  return value;
}

/**
 * A row id from a path ("/moede/12"): 1 to MAX_ROW_ID, else 400 ("/moede/abc", "/punkt/0",
 * "/punkt/99999999999999999999"). A well-formed id of nothing is the caller's 404.
 * @example rowId(c.req.param("id")) // 12
 */
export function rowId(raw: string | undefined): number {
  const id = boundedInt(raw ?? "", "id", 1, MAX_ROW_ID);
  if (id === undefined) throw badRequest(`id skal være et helt tal fra 1 til ${MAX_ROW_ID}.`);
  return id;
}
