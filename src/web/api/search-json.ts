/**
 * @module The JSON of a search, as GET /api/search and `raadsinfo search --json` print it. Built field by
 * field, so nothing the search carries internally (scores, ids, withholding reasons) can slip out; the
 * web adds what search leaves to it: each result's URL and its snippet as HTML.
 */
import type { SearchResponse, SearchSource } from "../../search/index.js";
import type { SearchFacetCounts, SearchKind } from "../../store/index.js";
import { annexPageUrl, resultUrl } from "../components/search-urls.js";
import { markedHtml } from "../components/text-html.js";

export interface SearchJsonResult {
  readonly kind: SearchKind;
  readonly title: string;
  readonly meeting: { readonly date: string; readonly body: string | null } | null;
  readonly itemNumber: string | null;
  readonly url: string;
  /** HTML: escaped text, matches in <mark>. */
  readonly snippet: string;
  readonly source: SearchSource;
  /**
   * An annex's matching pages, best first (the first is `source.page`, whose passage `snippet` is), each
   * with its link; empty for an item. One annex is one result, however many of its pages match.
   */
  readonly pages: readonly SearchJsonPage[];
  /**
   * Present, and true, only on a result the public may not see (a closed item a member reads): the
   * caller shows it as "Lukket punkt". Absent for the public, whose results are all open.
   */
  readonly closed?: true;
}

/** One matching page of an annex result. */
export interface SearchJsonPage {
  readonly page: number;
  readonly url: string;
}

export interface SearchJson {
  readonly total: number;
  /**
   * False when search stopped reading hits at its cap (a word found in thousands of places): total is
   * then a lower bound ("at least total") and facets count those results.
   */
  readonly totalExact: boolean;
  readonly page: number;
  readonly pageSize: number;
  /**
   * The query searched instead of `query`, or null: as typed it found nothing, so its unknown words were
   * read as the nearest known ones. Ask again with asTyped=1 to search `query` as typed.
   */
  readonly correctedQuery: string | null;
  /** "Mente du": a corrected query, or null. */
  readonly suggestion: string | null;
  readonly facets: SearchFacetCounts;
  readonly results: readonly SearchJsonResult[];
  /** The query as searched: control characters gone, cut at MAX_QUERY_LENGTH characters. */
  readonly query: string;
  /**
   * What was left out of the query (words past MAX_QUERY_WORDS, characters past MAX_QUERY_LENGTH), in
   * Danish ("Kun de første 12 ord er brugt."), or null when all of it was used.
   */
  readonly notice: string | null;
}

/**
 * The public JSON shape of a search response.
 * @example presentSearchJson(await search(db, parseSearchRequest({ q: "biokul" })))
 */
export function presentSearchJson(response: SearchResponse): SearchJson {
  return {
    total: response.total,
    totalExact: response.totalExact,
    page: response.page,
    pageSize: response.pageSize,
    correctedQuery: response.correctedQuery,
    suggestion: response.suggestion,
    facets: {
      body: response.facets.body.map(({ value, label, count }) => ({ value, label, count })),
      year: response.facets.year.map(({ value, label, count }) => ({ value, label, count })),
      kind: response.facets.kind.map(({ value, label, count }) => ({ value, label, count })),
      municipality: response.facets.municipality.map(({ value, label, count }) => ({ value, label, count })),
      person: response.facets.person.map(({ value, label, count }) => ({ value, label, count })),
    },
    results: response.results.map((r) => ({
      kind: r.kind,
      title: r.title,
      meeting: r.meeting ? { date: r.meeting.date, body: r.meeting.body } : null,
      itemNumber: r.itemNumber,
      url: resultUrl(r),
      snippet: markedHtml(r.snippet),
      source: {
        file: r.source.file,
        sha256: r.source.sha256,
        page: r.source.page,
        lineStart: r.source.lineStart,
        lineEnd: r.source.lineEnd,
      },
      pages:
        r.fileId === null ? [] : r.pages.map((page) => ({ page, url: annexPageUrl(r.fileId ?? 0, page) })),
      ...(r.withheld !== null ? { closed: true as const } : {}),
    })),
    query: response.query,
    notice: response.notice,
  };
}
