/**
 * @module Turns a ParsedQuery into PostgreSQL to_tsquery text. The database stems each word with the
 * 'danish' configuration and drops stop words ("for", "af", "der"), so this only arranges operators.
 */
import type { ParsedQuery, QueryTerm } from "./parse-query.js";

/**
 * Shortest word that also matches as a prefix. Shorter stems ("by", "bus") would pull in half the
 * dictionary ("bygning", "busk"); from four letters on, a prefix is nearly always the start of a compound
 * the person meant ("klima" -> "klimaplan", "biokul" -> "biokulanlæg").
 */
export const MIN_PREFIX_LENGTH = 4;

export interface TsQueryOptions {
  /** Let words also match compounds that begin with them ("klima:*"). */
  readonly prefix: boolean;
  /** "all": every required term must occur (AND); "any": at least one (the fallback when AND finds nothing). */
  readonly mode: "all" | "any";
}

/** Words are letters and digits only (parse-query guarantees it); quoting keeps to_tsquery literal. */
function lexeme(word: string, prefix: boolean): string {
  const quoted = `'${word.replace(/'/g, "")}'`;
  return prefix && word.length >= MIN_PREFIX_LENGTH && /\p{L}/u.test(word) ? `${quoted}:*` : quoted;
}

function termQuery(term: QueryTerm, prefix: boolean): string {
  if (term.phrase) return `(${term.words.map((w) => lexeme(w, false)).join(" <-> ")})`;
  const parts = term.words.map((w) => lexeme(w, prefix));
  return parts.length === 1 ? parts[0]! : `(${parts.join(" & ")})`;
}

/**
 * The to_tsquery text for a parsed query, or null when nothing is required.
 * @example toTsQuery(parseQuery("klima -biokul"), { prefix: true, mode: "all" }) // "'klima':* & !'biokul'"
 */
export function toTsQuery(query: ParsedQuery, options: TsQueryOptions): string | null {
  if (query.required.length === 0) return null;
  const groups = query.required.map((group) => {
    const alternatives = group.map((term) => termQuery(term, options.prefix));
    return alternatives.length === 1 ? alternatives[0]! : `(${alternatives.join(" | ")})`;
  });
  const positive = options.mode === "all" ? groups.join(" & ") : `(${groups.join(" | ")})`;
  // Excluded words never take a prefix: "-klima" must not also drop every "klimaplan".
  const negative = query.excluded.map((term) => `!${termQuery(term, false)}`);
  return [positive, ...negative].join(" & ");
}

/**
 * One to_tsquery text per required group, for counting how many of the asked-for words a hit has
 * (the any-word fallback ranks hits with more of them first).
 */
export function groupTsQueries(query: ParsedQuery, options: Pick<TsQueryOptions, "prefix">): string[] {
  return query.required.map((group) => {
    const alternatives = group.map((term) => termQuery(term, options.prefix));
    return alternatives.length === 1 ? alternatives[0]! : `(${alternatives.join(" | ")})`;
  });
}
