/** @module Reads the API's query parameters (limit, offset, body, year) and refuses malformed ones with 400. */
import { badRequest } from "../http-error.js";

export const DEFAULT_LIMIT = 50;
export const MAX_LIMIT = 200;

export interface ApiListQuery {
  readonly limit: number;
  readonly offset: number;
  readonly bodyId: number | undefined;
  readonly year: number | undefined;
}

function integer(raw: string | undefined, name: string, min: number, max: number): number | undefined {
  if (raw === undefined || raw === "") return undefined;
  if (!/^\d+$/.test(raw) || Number(raw) < min || Number(raw) > max) {
    throw badRequest(`${name} skal være et heltal mellem ${min} og ${max}.`);
  }
  return Number(raw);
}

export function readListQuery(query: (name: string) => string | undefined): ApiListQuery {
  return {
    limit: integer(query("limit"), "limit", 1, MAX_LIMIT) ?? DEFAULT_LIMIT,
    offset: integer(query("offset"), "offset", 0, 1_000_000) ?? 0,
    bodyId: integer(query("body"), "body", 1, 2_147_483_647),
    year: integer(query("year"), "year", 1900, 2999),
  };
}

/** A path id: a positive 32-bit integer, else the resource does not exist (404). */
export function pathId(raw: string | undefined): number | null {
  if (!raw || !/^[1-9]\d{0,9}$/.test(raw) || Number(raw) > 2_147_483_647) return null;
  return Number(raw);
}
