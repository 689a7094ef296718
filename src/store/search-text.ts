/**
 * @module What the store derives from text for search, in JavaScript rather than in PostgreSQL: the
 * municipalities a text names (a facet) and the words it is written in (the "Mente du" list). Migration
 * 0002 had PostgreSQL run a 98-name regular expression and a second tokenisation over every stored text;
 * on two cores that was a third of the import time, and V8 does the same work about ten times faster.
 */
import { MUNICIPALITIES, type ParsedItem } from "../domain/index.js";

// Longest names first, so "Ringkøbing-Skjern" is not read as a shorter name; "s?" takes the genitive
// ("Københavns Kommune"). Case matters, as in 0002's pattern: "odder" is not Odder.
const NAMES = [...MUNICIPALITIES].sort((a, b) => b.length - a.length).join("|");
const MUNICIPALITY_MENTION = new RegExp(String.raw`(?<![\p{L}\-])(${NAMES})s?(?!\p{L})`, "gu");

/**
 * The municipalities a text names, sorted and distinct (what the municipality facet counts).
 * @example municipalitiesIn("Aalborg og Hjørring Kommuner") // ["Aalborg", "Hjørring"]
 */
export function municipalitiesIn(...texts: readonly (string | null | undefined)[]): string[] {
  const found = new Set<string>();
  for (const text of texts) {
    if (!text) continue;
    for (const match of text.matchAll(MUNICIPALITY_MENTION)) found.add(match[1] as string);
  }
  return [...found].sort();
}

const TOKEN = /[\p{L}\p{N}]+/gu;
/** Plain Danish words: a suggestion with digits or foreign letters would help no one. */
const SUGGESTIBLE = /^[a-zæøåäöüé]{3,40}$/;

/**
 * Adds to `into` the words of `text` as people write them: lower case, unstemmed ("Mente du:
 * udviklingsgrup" would help no one), letters only, 3 to 40 of them.
 * @example collectWords("Biokul i Nordjylland", words) // adds "biokul", "nordjylland"
 */
export function collectWords(text: string | null | undefined, into: Set<string>): void {
  if (!text) return;
  for (const [token] of text.toLowerCase().matchAll(TOKEN)) {
    if (SUGGESTIBLE.test(token)) into.add(token);
  }
}

/** The texts of an item that search reads: its title, every field, the extra fields, decisions and history, and the notes. */
export function itemTexts(item: ParsedItem): (string | null | undefined)[] {
  return [
    item.title,
    ...Object.values(item.fields),
    ...(item.extraFields ?? []).map((field) => field.text),
    ...(item.decisions ?? []).map((decision) => decision.text),
    ...(item.caseHistory ?? []).map((entry) => entry.text),
    item.notes,
  ];
}
