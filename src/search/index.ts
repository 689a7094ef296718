/** @module Search's public face: run a search, read a request, and the pieces the web and CLI show. */

export { SearchTimeoutError } from "../store/search-queries.js";
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
export { presentSearchJson, type SearchJson, type SearchJsonResult } from "./search-json.js";
export {
  DEFAULT_PAGE_SIZE,
  parseSearchRequest,
  SEARCH_SORTS,
  type SearchRequest,
  SearchRequestError,
  type SearchSort,
} from "./search-request.js";
export { annexPageUrl, itemUrl, searchPageUrl } from "./search-urls.js";
export { snippetHtml } from "./snippet.js";
export { MIN_PREFIX_LENGTH, toTsQuery } from "./ts-query.js";
