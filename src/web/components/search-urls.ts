/**
 * @module Where a search result links: the portal's item and annex pages, and the search page itself.
 * Search returns ids; the web, which owns these URL shapes, turns them into links.
 */
import type { SearchResult } from "../../search/index.js";

/** The item page: /punkt/{id}. */
export const itemUrl = (itemId: number): string => `/punkt/${itemId}`;

/** An annex at a page: /bilag/{id}?side={n}#side-{n} (the annex page shows a run of pages holding n). */
export const annexPageUrl = (fileId: number, page: number | null): string =>
  page === null ? `/bilag/${fileId}` : `/bilag/${fileId}?side=${page}#side-${page}`;

/** An annex with the words of a search found in it: its page lists every page they are on. */
export const annexSearchUrl = (fileId: number, query: string): string =>
  `/bilag/${fileId}?${new URLSearchParams({ q: query }).toString()}`;

/**
 * The page a result links to: its annex at the matching page, or its item.
 * @example resultUrl({ fileId: null, itemId: 7, source: { page: 2 } }) // "/punkt/7"
 */
export function resultUrl(result: Pick<SearchResult, "fileId" | "itemId" | "source">): string {
  return result.fileId !== null
    ? annexPageUrl(result.fileId, result.source.page)
    : itemUrl(result.itemId ?? 0);
}

/** The search page with the given parameters, empty ones left out. */
export function searchPageUrl(params: Readonly<Record<string, string | number | undefined | null>>): string {
  const query = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value !== undefined && value !== null && value !== "") query.set(key, String(value));
  }
  const text = query.toString();
  return text ? `/soeg?${text}` : "/soeg";
}
