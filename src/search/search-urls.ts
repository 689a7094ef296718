/** @module Where a search result links: the portal's item and annex pages (URL shapes agreed with the portal). */

/** The item page: /punkt/{id}. */
export const itemUrl = (itemId: number): string => `/punkt/${itemId}`;

/** An annex at a page: /bilag/{id}?side={n}#side-{n} (the annex page shows a run of pages holding n). */
export const annexPageUrl = (fileId: number, page: number | null): string =>
  page === null ? `/bilag/${fileId}` : `/bilag/${fileId}?side=${page}#side-${page}`;

/** The search page with the given parameters, empty ones left out. */
export function searchPageUrl(params: Readonly<Record<string, string | number | undefined | null>>): string {
  const query = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value !== undefined && value !== null && value !== "") query.set(key, String(value));
  }
  const text = query.toString();
  return text ? `/soeg?${text}` : "/soeg";
}
