/**
 * @module What the search index takes and gives: kinds, facets, the query, the hits and the error of a
 * search over its time limit. The SQL that answers it is search-queries.ts. Plain data: snippets are
 * segments to mark, never HTML, and hits carry ids, never portal URLs (the web builds both).
 */
import type { Viewer, WithholdingReason } from "../domain/index.js";

export const SEARCH_KINDS = ["item", "decision", "annex"] as const;
/** item: an agenda item without a decision; decision: an item with a Beslutning; annex: a bilag. */
export type SearchKind = (typeof SEARCH_KINDS)[number];
export const isSearchKind = (value: string): value is SearchKind =>
  (SEARCH_KINDS as readonly string[]).includes(value);

export const SEARCH_FACETS = ["body", "year", "kind", "municipality", "person"] as const;
export type SearchFacetName = (typeof SEARCH_FACETS)[number];

export interface SearchIndexFilters {
  /** Body name or short name, case-insensitive ("KKR Nordjylland"), or its id (as in /organ/ID). */
  readonly body?: string | undefined;
  readonly year?: number | undefined;
  readonly kind?: SearchKind | undefined;
  /** A municipality the text mentions ("Aalborg"). */
  readonly municipality?: string | undefined;
  /** Id of a person present at the meeting. */
  readonly personId?: number | undefined;
}

export interface SearchIndexQuery {
  /** to_tsquery text that selects the hits (words may carry :* to match compounds). */
  readonly match: string;
  /** The same without prefixes: hits that match it exactly rank above compound-only hits. */
  readonly exact: string;
  readonly filters?: SearchIndexFilters;
  readonly sort?: "relevance" | "date";
  readonly limit: number;
  readonly offset: number;
  /** Values listed per facet (the most frequent). */
  readonly facetLimit?: number;
  /** Hits read before counting stops (HIT_CAP, or VECTOR_HIT_CAP for phrases and any-word searches). */
  readonly hitCap?: number;
  /**
   * to_tsquery texts of the words asked for, one per word or group. When given, a hit with more of them
   * ranks above one with fewer, whatever its weights: the order an any-word search needs.
   */
  readonly coverage?: readonly string[];
  /**
   * Milliseconds the search's statements may run on a PostgreSQL server before it cancels them and
   * searchIndex throws SearchTimeoutError. PGlite ignores it (see STATEMENT_TIMEOUT_NOTE).
   */
  readonly timeoutMs?: number;
  /**
   * Results whose snippets one statement makes (ts_headline reads each result's whole text: 50 ms for a
   * page of ten on the seeds). All in one statement unless set; a store that runs one statement at a time
   * asks for a few at a time, so a page's statement waits for a few snippets, not ten.
   */
  readonly snippetsPerStatement?: number;
  /** Who is searching: the public (the default) or a signed-in user, who also finds what they may see. */
  readonly viewer?: Viewer;
}

/**
 * A search stopped by its statement timeout: the words asked for too much work. The web answers it with a
 * Danish message (never a 500), the CLI with one line.
 */
export class SearchTimeoutError extends Error {
  override readonly name = "SearchTimeoutError";
  constructor(readonly timeoutMs: number) {
    super(`search stopped: over its time limit of ${timeoutMs} ms`);
  }
}

export interface SearchFacetValue {
  readonly value: string;
  readonly label: string;
  readonly count: number;
}

export type SearchFacetCounts = Readonly<Record<SearchFacetName, readonly SearchFacetValue[]>>;

/** A run of a snippet's text; `marked` runs are where the query matched. */
export interface SnippetSegment {
  readonly text: string;
  readonly marked: boolean;
}

/** One result: an item, or an annex at its best matching page. */
export interface SearchIndexHit {
  readonly kind: SearchKind;
  readonly score: number;
  readonly itemId: number | null;
  readonly fileId: number | null;
  readonly title: string;
  readonly itemNumber: string | null;
  readonly meetingId: number | null;
  readonly meetingDate: string | null;
  /** The meeting's date was estimated from an annex pack's text, not stated by a document. */
  readonly meetingDateEstimated: boolean;
  readonly bodyName: string | null;
  readonly fileName: string | null;
  readonly sha256: string | null;
  readonly page: number | null;
  readonly lineStart: number | null;
  readonly lineEnd: number | null;
  /** The passages around the matches, as text runs, the matches marked. */
  readonly snippet: readonly SnippetSegment[];
  /**
   * An annex's matching pages, best first (the first is `page`, whose passage `snippet` is); empty for
   * an item.
   */
  readonly pages: readonly number[];
  /**
   * Why the public may not see this hit (a closed item, a page with a CPR number...), or null: a
   * signed-in viewer finds it because of their role, and the page marks it "Lukket punkt".
   */
  readonly withheld: WithholdingReason | null;
}

export interface SearchIndexResult {
  /** Results (items, and annexes, each once however many of its pages match) among the hits read. */
  readonly total: number;
  /**
   * False when more hits exist than a search reads (HIT_CAP): total is then a lower bound, the results
   * that the hits read make, and facets count those same results.
   */
  readonly totalExact: boolean;
  readonly facets: SearchFacetCounts;
  readonly hits: readonly SearchIndexHit[];
}
