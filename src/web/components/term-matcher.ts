/** @module Finding a search term in text: the matcher the annex page marks with, and a match count. */

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/** A case-insensitive matcher for a term, or null for an empty term. */
export function termMatcher(term: string): RegExp | null {
  const trimmed = term.trim();
  return trimmed === "" ? null : new RegExp(escapeRegExp(trimmed), "giu");
}

/** How often the matcher matches the text. */
export function countMatches(text: string, matcher: RegExp): number {
  return text.match(matcher)?.length ?? 0;
}
