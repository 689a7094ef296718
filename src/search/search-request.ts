/**
 * @module What a search asks for, read from URL parameters or CLI flags in one place, so /soeg,
 * /api/search and `raadsinfo search` accept exactly the same things and refuse them the same way.
 */
import { isSearchKind, type SearchKind } from "../store/search-queries.js";
import { MAX_QUERY_LENGTH } from "./parse-query.js";

export const SEARCH_SORTS = ["relevance", "date"] as const;
export type SearchSort = (typeof SEARCH_SORTS)[number];

export const DEFAULT_PAGE_SIZE = 10;
const MAX_PAGE_SIZE = 50;
/** Deep pages cost the same ranking work and nobody reads them; a bound keeps a crawler cheap. */
const MAX_PAGE = 100;

export interface SearchRequest {
  /** The query as read: its first MAX_QUERY_LENGTH characters, trimmed. */
  readonly q: string;
  /** Characters of the query past MAX_QUERY_LENGTH, left out (the page and the API say so). */
  readonly ignoredCharacters: number;
  readonly body?: string | undefined;
  readonly year?: number | undefined;
  readonly kind?: SearchKind | undefined;
  readonly municipality?: string | undefined;
  /** Person id (present at the meeting). */
  readonly person?: number | undefined;
  readonly sort: SearchSort;
  /** 1-based. */
  readonly page: number;
  readonly pageSize: number;
  /**
   * Search the words as typed, even when they find nothing: no reading of a misspelling as the nearest
   * known word (the "Søg i stedet efter" link of a corrected search sets it).
   */
  readonly asTyped: boolean;
}

/** A parameter that cannot be understood; the web answers 400, the CLI a one-line error. */
export class SearchRequestError extends Error {
  override readonly name = "SearchRequestError";
}

function positiveInt(name: string, value: string, max: number): number {
  if (!/^\d{1,10}$/.test(value) || Number(value) < 1 || Number(value) > max) {
    throw new SearchRequestError(`${name} skal være et helt tal fra 1 til ${max}`);
  }
  return Number(value);
}

const text = (value: string | undefined): string | undefined => {
  const trimmed = value?.trim();
  return trimmed ? trimmed.slice(0, 200) : undefined;
};

/**
 * Reads a search request from string parameters; empty values count as absent.
 * @example parseSearchRequest({ q: "biokul", year: "2024", kind: "decision" })
 */
export function parseSearchRequest(params: Readonly<Record<string, string | undefined>>): SearchRequest {
  const year = text(params.year);
  const kind = text(params.kind);
  const sort = text(params.sort);
  const page = text(params.page);
  const pageSize = text(params.pageSize);
  const person = text(params.person);
  const asTyped = text(params.asTyped);
  if (kind !== undefined && !isSearchKind(kind)) {
    throw new SearchRequestError(`kind skal være item, decision eller annex, ikke "${kind}"`);
  }
  if (asTyped !== undefined && asTyped !== "1") {
    throw new SearchRequestError(`asTyped skal være 1, ikke "${asTyped}"`);
  }
  if (sort !== undefined && !(SEARCH_SORTS as readonly string[]).includes(sort)) {
    throw new SearchRequestError(`sort skal være relevance eller date, ikke "${sort}"`);
  }
  // Counted in code points, so the cut never splits a character in two.
  const q = Array.from((params.q ?? "").trim());
  return {
    q: q.slice(0, MAX_QUERY_LENGTH).join("").trim(),
    ignoredCharacters: Math.max(0, q.length - MAX_QUERY_LENGTH),
    body: text(params.body),
    year: year === undefined ? undefined : positiveInt("year", year, 9999),
    kind,
    municipality: text(params.municipality),
    person: person === undefined ? undefined : positiveInt("person", person, 2 ** 31 - 1),
    sort: (sort as SearchSort | undefined) ?? "relevance",
    page: page === undefined ? 1 : positiveInt("page", page, MAX_PAGE),
    pageSize: pageSize === undefined ? DEFAULT_PAGE_SIZE : positiveInt("pageSize", pageSize, MAX_PAGE_SIZE),
    asTyped: asTyped === "1",
  };
}
