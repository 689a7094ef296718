/**
 * @module Reads what a person typed into a search box: plain words, "quoted phrases", -excluded words
 * and OR, the way web search engines take them. Pure string work; no database.
 */

/** One part of a query: a word (or hyphenated word split into parts), or a quoted phrase. */
export interface QueryTerm {
  /** The words of the term, lower-cased, letters and digits only ("SOSU-lærepladser" -> sosu, lærepladser). */
  readonly words: readonly string[];
  /** True for a quoted phrase: the words must stand next to each other. */
  readonly phrase: boolean;
}

/** A query as a list of alternatives (OR) of required terms, plus terms that must not occur. */
export interface ParsedQuery {
  /** Each group is one required position; terms in a group are alternatives ("klima OR miljø"). */
  readonly required: readonly (readonly QueryTerm[])[];
  readonly excluded: readonly QueryTerm[];
  /** Words past MAX_QUERY_WORDS, left out of the query (the page and the API say so). */
  readonly ignoredWords: number;
}

/**
 * Words a query uses, counted over phrases, OR alternatives and excluded words alike; the rest are left
 * out. Each word is one more term for the GIN index and one more check per hit ranked: a query of 166
 * two-letter words took 2 to 5 s on the seeds and held the embedded store's one connection meanwhile.
 * Twelve is more than any question a person types (the seeds' gold queries have at most four).
 */
export const MAX_QUERY_WORDS = 12;
/** Characters of a query read; the rest are left out, and the page says so (search-request.ts). */
export const MAX_QUERY_LENGTH = 200;

const WORD = /[\p{L}\p{N}]+/gu;

function wordsOf(text: string): string[] {
  return text.toLocaleLowerCase("da").match(WORD) ?? [];
}

/**
 * Parses a query string. Unbalanced quotes close at the end; syntax characters of tsquery never get
 * through, because only runs of letters and digits become words. Only the first MAX_QUERY_LENGTH
 * characters and, of them, the first MAX_QUERY_WORDS words are read.
 * @example parseQuery('"sårbare borgere" -politi klima OR miljø')
 * // required: [[sårbare borgere (phrase)], [klima, miljø]], excluded: [politi]
 */
export function parseQuery(input: string): ParsedQuery {
  const required: QueryTerm[][] = [];
  const excluded: QueryTerm[] = [];
  let pendingOr = false;
  let budget = MAX_QUERY_WORDS;
  let ignoredWords = 0;
  // A token is: optional minus, then a quoted phrase (to the next quote or the end) or a bare run.
  const token = /(-?)"([^"]*)"?|(-?)([^\s"]+)/g;
  for (const match of input.slice(0, MAX_QUERY_LENGTH).matchAll(token)) {
    const negated = (match[1] ?? match[3]) === "-";
    const quoted = match[2];
    const bare = match[4];
    if (bare !== undefined && bare === "OR" && !negated) {
      pendingOr = required.length > 0;
      continue;
    }
    const all = wordsOf(quoted ?? bare ?? "");
    const words = all.slice(0, budget);
    ignoredWords += all.length - words.length;
    budget -= words.length;
    if (words.length === 0) continue;
    const term: QueryTerm = { words, phrase: quoted !== undefined && words.length > 1 };
    if (negated) {
      excluded.push(term);
      pendingOr = false;
      continue;
    }
    const last = required.at(-1);
    if (pendingOr && last) last.push(term);
    else required.push([term]);
    pendingOr = false;
  }
  return { required, excluded, ignoredWords };
}

/** True when the query asks for something (a query of only -words would match nearly everything). */
export function hasRequiredTerms(query: ParsedQuery): boolean {
  return query.required.length > 0;
}

/** Every word a person asked for, in order, for "Mente du" and for display. */
export function requiredWords(query: ParsedQuery): string[] {
  return query.required.flatMap((group) => group.flatMap((term) => [...term.words]));
}

/**
 * The query with its words replaced by `replace`, phrases, OR and exclusions kept (a corrected query).
 * @example withWords(parseQuery("lærepaldser sosu"), (w) => (w === "lærepaldser" ? "lærepladser" : w))
 */
export function withWords(query: ParsedQuery, replace: (word: string) => string): ParsedQuery {
  const term = (t: QueryTerm): QueryTerm => ({ words: t.words.map(replace), phrase: t.phrase });
  return {
    required: query.required.map((group) => group.map(term)),
    excluded: query.excluded.map(term),
    ignoredWords: query.ignoredWords,
  };
}

/** Rebuilds a query string from parts, replacing words by `replace` (for a "Mente du" suggestion). */
export function formatQuery(query: ParsedQuery, replace: (word: string) => string = (w) => w): string {
  const show = (term: QueryTerm, prefix = ""): string => {
    const words = term.words.map(replace).join(" ");
    return term.phrase ? `${prefix}"${words}"` : `${prefix}${words}`;
  };
  const parts = query.required.map((group) => group.map((term) => show(term)).join(" OR "));
  for (const term of query.excluded) parts.push(show(term, "-"));
  return parts.join(" ");
}
