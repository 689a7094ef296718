/**
 * @module Search's public face: run a search, read a request, and the plain data the web and CLI show
 * (snippet segments and ids; the web makes HTML and URLs of them).
 */

export { SearchTimeoutError, type SnippetSegment } from "../store/search-queries.js";
export {
  formatQuery,
  hasRequiredTerms,
  MAX_QUERY_LENGTH,
  MAX_QUERY_WORDS,
  type ParsedQuery,
  parseQuery,
  type QueryTerm,
} from "./parse-query.js";
export {
  queryNotice,
  type SearchOptions,
  type SearchResponse,
  type SearchResult,
  type SearchSource,
  search,
} from "./search.js";
export {
  DEFAULT_PAGE_SIZE,
  parseSearchRequest,
  SEARCH_SORTS,
  type SearchRequest,
  SearchRequestError,
  type SearchSort,
} from "./search-request.js";
export { MIN_PREFIX_LENGTH, toTsQuery } from "./ts-query.js";
