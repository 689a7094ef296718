/** @module Reads the API's query parameters (limit, offset, body, year) and refuses malformed ones with 400. */
import { boundedInt, MAX_ROW_ID } from "../request-params.js";

export const DEFAULT_LIMIT = 50;
export const MAX_LIMIT = 200;

export interface ApiListQuery {
  readonly limit: number;
  readonly offset: number;
  readonly bodyId: number | undefined;
  readonly year: number | undefined;
}

export function readListQuery(query: (name: string) => string | undefined): ApiListQuery {
  return {
    limit: boundedInt(query("limit"), "limit", 1, MAX_LIMIT) ?? DEFAULT_LIMIT,
    offset: boundedInt(query("offset"), "offset", 0, 1_000_000) ?? 0,
    bodyId: boundedInt(query("body"), "body", 1, MAX_ROW_ID),
    year: boundedInt(query("year"), "year", 1900, 2999),
  };
}
