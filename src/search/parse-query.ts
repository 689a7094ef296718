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
}

const WORD = /[\p{L}\p{N}]+/gu;

function wordsOf(text: string): string[] {
  return (text.toLocaleLowerCase("da").match(WORD) ?? []).slice(0, 12);
}

/**
 * Parses a query string. Unbalanced quotes close at the end; syntax characters of tsquery never get
 * through, because only runs of letters and digits become words.
 * @example parseQuery('"sårbare borgere" -politi klima OR miljø')
 * // required: [[sårbare borgere (phrase)], [klima, miljø]], excluded: [politi]
 */
export function parseQuery(input: string): ParsedQuery {
  const required: QueryTerm[][] = [];
  const excluded: QueryTerm[] = [];
  let pendingOr = false;
  // A token is: optional minus, then a quoted phrase (to the next quote or the end) or a bare run.
  const token = /(-?)"([^"]*)"?|(-?)([^\s"]+)/g;
  for (const match of input.slice(0, 500).matchAll(token)) {
    const negated = (match[1] ?? match[3]) === "-";
    const quoted = match[2];
    const bare = match[4];
    if (bare !== undefined && bare === "OR" && !negated) {
      pendingOr = required.length > 0;
      continue;
    }
    const words = wordsOf(quoted ?? bare ?? "");
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
  return { required, excluded };
}

/** True when the query asks for something (a query of only -words would match nearly everything). */
export function hasRequiredTerms(query: ParsedQuery): boolean {
  return query.required.length > 0;
}

/** Every word a person asked for, in order, for "Mente du" and for display. */
export function requiredWords(query: ParsedQuery): string[] {
  return query.required.flatMap((group) => group.flatMap((term) => [...term.words]));
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
