/**
 * @module The search itself: parse the query, ask the index (all words; any word when all find nothing),
 * read a misspelled query as the nearest known words when as typed it finds nothing, and present results
 * with provenance. Plain data for a viewer:
 * snippets as segments and ids, no HTML and no URLs (the web builds those, the CLI prints the text).
 */
import type { Kysely } from "kysely";
import { PUBLIC_VIEWER, type Viewer, type WithholdingReason } from "../domain/index.js";
import type { Database } from "../store/schema.js";
import { searchLanes } from "../store/search-lanes.js";
import {
  DEFAULT_SEARCH_TIMEOUT_MS,
  emptyFacets,
  type SearchFacetCounts,
  type SearchIndexHit,
  type SearchIndexResult,
  type SearchKind,
  type SnippetSegment,
  searchIndex,
} from "../store/search-queries.js";
import { knownWords, similarWord } from "../store/search-words.js";
import {
  formatQuery,
  MAX_QUERY_LENGTH,
  MAX_QUERY_WORDS,
  type ParsedQuery,
  parseQuery,
  requiredWords,
  withWords,
} from "./parse-query.js";
import { inSearchLane } from "./search-gate.js";
import type { SearchRequest } from "./search-request.js";
import { groupTsQueries, toTsQuery } from "./ts-query.js";

export interface SearchSource {
  /** The imported file's name. */
  readonly file: string | null;
  readonly sha256: string | null;
  readonly page: number | null;
  readonly lineStart: number | null;
  readonly lineEnd: number | null;
}

export interface SearchResult {
  readonly kind: SearchKind;
  readonly title: string;
  readonly meeting: {
    readonly id: number;
    readonly date: string;
    /** Estimated from an annex pack's text: shown as "ca." */
    readonly dateEstimated: boolean;
    readonly body: string | null;
  } | null;
  readonly itemNumber: string | null;
  /** The item found (null for an annex page). */
  readonly itemId: number | null;
  /** The annex found (null for an item); `source.page` is its best matching page. */
  readonly fileId: number | null;
  /** The passages around the matches, as text runs, the matches marked. */
  readonly snippet: readonly SnippetSegment[];
  readonly source: SearchSource;
  /** An annex's matching pages, best first (the first is `source.page`); empty for an item. */
  readonly pages: readonly number[];
  /**
   * Why the public may not see this result, or null: a signed-in viewer found it because of their role
   * (a closed item a member reads), and it is shown marked ("Lukket punkt").
   */
  readonly withheld: WithholdingReason | null;
}

export interface SearchResponse {
  readonly query: string;
  readonly total: number;
  /**
   * False for a very common word: search stops reading hits at a cap, so total is a lower bound (the
   * results among the hits read: "at least total") and facets count those results.
   */
  readonly totalExact: boolean;
  readonly page: number;
  readonly pageSize: number;
  /**
   * How many of `total` have every word. When few do, results with some of the words follow them (ranked
   * by how many they have), so a query with one word written differently ("112" for "1-1-2") still lands.
   */
  readonly allWordsTotal: number;
  /**
   * The query searched instead of `query`, or null: as typed it found nothing, and with its unknown words
   * replaced by the nearest indexed words it finds results ("Viser resultater for ...").
   */
  readonly correctedQuery: string | null;
  /**
   * "Mente du": the query with unknown words replaced by the nearest indexed words, when it was not
   * searched instead (asTyped, or it finds nothing under the filters either).
   */
  readonly suggestion: string | null;
  readonly facets: SearchFacetCounts;
  readonly results: readonly SearchResult[];
  /** Words of the query past MAX_QUERY_WORDS, left out. */
  readonly ignoredWords: number;
  /** Characters of the query past MAX_QUERY_LENGTH, left out. */
  readonly ignoredCharacters: number;
  /** A Danish sentence saying what of the query was left out ("Kun de første 12 ord er brugt."), or null. */
  readonly notice: string | null;
}

/** Results whose snippets one statement makes on a one-lane store (PGlite); see snippetsPerStatement. */
const SNIPPETS_PER_STATEMENT_ONE_LANE = 3;

export interface SearchOptions {
  /** Hits read before counting stops; the store's default unless a test needs a small one. */
  readonly hitCap?: number;
  /**
   * Statement timeout of the search's ranking statements on a PostgreSQL server (the store's
   * DEFAULT_SEARCH_TIMEOUT_MS unless set); past it, search throws SearchTimeoutError. PGlite ignores it.
   */
  readonly timeoutMs?: number;
  /** Who searches: results, snippets, facets and "Mente du" are what they may see. The public by default. */
  readonly viewer?: Viewer;
  /**
   * Loads the Danish dictionary's check of a word (ingest's Hunspell, loadIngestOptions().isWord), asked
   * only when a query finds nothing. With it, such a query is searched again with its misspelled words
   * (those the dictionary rejects) read as the nearest indexed words; a real word the records lack
   * ("kommer") is only offered as "Mente du". Without it, nothing is corrected.
   */
  readonly dictionary?: () => Promise<(word: string) => boolean>;
}

/**
 * What a search left out of the query, as the page and the API say it.
 * @example queryNotice(14, 0) // "Kun de første 12 ord er brugt."
 */
export function queryNotice(ignoredWords: number, ignoredCharacters: number): string | null {
  const chars = `de første ${MAX_QUERY_LENGTH} tegn`;
  const words = `de første ${MAX_QUERY_WORDS} ord`;
  if (ignoredCharacters > 0 && ignoredWords > 0) return `Kun ${chars} og af dem ${words} er brugt.`;
  if (ignoredCharacters > 0) return `Kun ${chars} er brugt.`;
  if (ignoredWords > 0) return `Kun ${words} er brugt.`;
  return null;
}

/**
 * Runs a search for a viewer (the public unless `options.viewer` says otherwise): closed items and their
 * annexes are part of it only for a viewer who may see them. Runs when a search lane of the store is free (search-gate.ts). Throws SearchTimeoutError when no lane is free within the
 * time limit, or when the server's statement timeout stops it.
 * @example await search(db, parseSearchRequest({ q: "biokul" }))
 */
export function search(
  db: Kysely<Database>,
  request: SearchRequest,
  options: SearchOptions = {},
): Promise<SearchResponse> {
  return inSearchLane(db, options.timeoutMs ?? DEFAULT_SEARCH_TIMEOUT_MS, (handle) =>
    runSearch(handle, request, options),
  );
}

async function runSearch(
  db: Kysely<Database>,
  request: SearchRequest,
  options: SearchOptions,
): Promise<SearchResponse> {
  const parsed = parseQuery(request.q);
  const empty: SearchResponse = {
    query: request.q,
    total: 0,
    totalExact: true,
    page: request.page,
    pageSize: request.pageSize,
    allWordsTotal: 0,
    correctedQuery: null,
    suggestion: null,
    facets: emptyFacets(),
    results: [],
    ignoredWords: parsed.ignoredWords,
    ignoredCharacters: request.ignoredCharacters,
    notice: queryNotice(parsed.ignoredWords, request.ignoredCharacters),
  };
  const asTyped = await findAll(db, request, parsed, options);
  if (!asTyped) return empty;
  const replacements =
    asTyped.all.total === 0 ? await nearestWords(db, parsed, options.viewer ?? PUBLIC_VIEWER) : new Map();
  const suggestion = replacements.size > 0 ? formatQuery(parsed, (w) => replacements.get(w) ?? w) : null;
  // Nothing found as typed: misspelled words are read as the nearest indexed words, as search engines
  // read "lærepaldser", and the page offers the query as typed.
  // A dictionary that fails to load leaves the query uncorrected ("Mente du" only), never the search failed.
  const isDanishWord =
    replacements.size > 0 && !request.asTyped
      ? await options.dictionary?.().catch(() => undefined)
      : undefined;
  const misspelled = isDanishWord
    ? new Map([...replacements].filter(([word]) => !isDictionaryWord(isDanishWord, word)))
    : new Map<string, string>();
  if (misspelled.size > 0) {
    const read = (w: string) => misspelled.get(w) ?? w;
    const corrected = await findAll(db, request, withWords(parsed, read), options);
    if (corrected && corrected.found.total > 0) {
      return { ...foundResponse(empty, corrected), correctedQuery: formatQuery(parsed, read) };
    }
  }
  return { ...foundResponse(empty, asTyped), suggestion };
}

/** A query's words are lower case: a name ("hjørring") is in the dictionary with its capital. */
function isDictionaryWord(isDanishWord: (word: string) => boolean, word: string): boolean {
  return isDanishWord(word) || isDanishWord(word.charAt(0).toLocaleUpperCase("da") + word.slice(1));
}

/** What a query finds: with all its words, and the results a search shows (some of the words, if few have all). */
interface Found {
  readonly all: SearchIndexResult;
  readonly found: SearchIndexResult;
}

async function findAll(
  db: Kysely<Database>,
  request: SearchRequest,
  parsed: ParsedQuery,
  options: SearchOptions,
): Promise<Found | null> {
  const all = await runIndex(db, request, parsed, "all", options);
  if (!all) return null;
  // Fewer hits with every word than fill a page: fill it with hits that have most of them.
  if (all.total < request.pageSize && parsed.required.length > 1) {
    const any = await runIndex(db, request, parsed, "any", options);
    if (any && any.total > all.total) return { all, found: any };
  }
  return { all, found: all };
}

function foundResponse(empty: SearchResponse, { all, found }: Found): SearchResponse {
  return {
    ...empty,
    total: found.total,
    totalExact: found.totalExact,
    allWordsTotal: all.total,
    facets: found.facets,
    results: found.hits.map(presentHit),
  };
}

async function runIndex(
  db: Kysely<Database>,
  request: SearchRequest,
  parsed: ParsedQuery,
  mode: "all" | "any",
  options: SearchOptions,
) {
  const match = toTsQuery(parsed, { prefix: true, mode });
  const exact = toTsQuery(parsed, { prefix: false, mode });
  if (match === null || exact === null) return null;
  return searchIndex(db, {
    match,
    exact,
    ...(mode === "any" ? { coverage: groupTsQueries(parsed, { prefix: true }) } : {}),
    ...(options.hitCap !== undefined ? { hitCap: options.hitCap } : {}),
    ...(options.timeoutMs !== undefined ? { timeoutMs: options.timeoutMs } : {}),
    ...(options.viewer !== undefined ? { viewer: options.viewer } : {}),
    // One statement at a time (PGlite): snippets in small statements, so pages wait less between them.
    ...((await searchLanes(db)) === 1 ? { snippetsPerStatement: SNIPPETS_PER_STATEMENT_ONE_LANE } : {}),
    filters: {
      body: request.body,
      year: request.year,
      kind: request.kind,
      municipality: request.municipality,
      personId: request.person,
    },
    sort: request.sort,
    limit: request.pageSize,
    offset: (request.page - 1) * request.pageSize,
  });
}

/** Each word that occurs nowhere in text `viewer` may see, mapped to its nearest such word, if any. */
async function nearestWords(
  db: Kysely<Database>,
  parsed: ParsedQuery,
  viewer: Viewer,
): Promise<Map<string, string>> {
  const replacements = new Map<string, string>();
  const words = [...new Set(requiredWords(parsed).filter((w) => /^\p{L}{3,}$/u.test(w)))];
  if (words.length === 0) return replacements;
  const known = await knownWords(db, words, viewer);
  for (const word of words) {
    if (known.has(word)) continue;
    const similar = await similarWord(db, word, viewer);
    if (similar) replacements.set(word, similar);
  }
  return replacements;
}

function presentHit(hit: SearchIndexHit): SearchResult {
  return {
    kind: hit.kind,
    title: hit.title,
    meeting:
      hit.meetingId !== null && hit.meetingDate !== null
        ? {
            id: hit.meetingId,
            date: hit.meetingDate,
            dateEstimated: hit.meetingDateEstimated,
            body: hit.bodyName,
          }
        : null,
    itemNumber: hit.itemNumber,
    itemId: hit.itemId,
    fileId: hit.fileId,
    snippet: hit.snippet,
    source: {
      file: hit.fileName,
      sha256: hit.sha256,
      page: hit.page,
      lineStart: hit.lineStart,
      lineEnd: hit.lineEnd,
    },
    pages: hit.pages,
    withheld: hit.withheld,
  };
}
