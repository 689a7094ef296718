/**
 * @module Attendance written as sentences: "Alle var mødt, undtagen John G. Christensen og Hanne Roed, som
 * havde meldt afbud." (real-world/11), "Alle medlemmer var til stede.", "X og Y havde meldt afbud.",
 * "... at Klaus Goldschmidt Henriksen (Enhedslisten) ... blev indkaldt som stedfortræder for Mikkel
 * Skovgaard (Enhedslisten)." (real-world/08), "X deltog for Y", "X deltog som suppleant for Y".
 */
import { cleanName, NAME, splitNames } from "./attendance-entry.js";

/** What the sentences of a text say. */
export interface SentenceAttendance {
  /** A sentence said who attended ("Alle var mødt ..."), so a member roster gives the present. */
  readonly statement: boolean;
  readonly absent: readonly string[];
  readonly substitutes: readonly { readonly name: string; readonly for: string }[];
}

const PARTY = "(?:\\s*\\([^()]{1,40}\\))?";
/** Names joined as a sentence lists them: "A (V), B (A) og C (Ø)". */
export const NAMES = `${NAME}${PARTY}(?:\\s*(?:,|og)\\s*${NAME}${PARTY})*`;

/** The end of a name list in a sentence: ", som", ", der", or a full stop that closes no initial. */
const ALL_PRESENT =
  /\balle\s+(?:medlemmer\s+|udvalgets\s+medlemmer\s+)?(?:var\s+|er\s+)?(?:mødt|til\s+stede|fremmødt)(?:\s*,?\s*(?:undtagen|bortset\s+fra|med\s+undtagelse\s+af)\s+(.{3,300}?)(?=,\s*(?:som|der)\b|(?<!\b\p{Lu})\.(?:\s|$)|;|$))?/giu;
const HAD_SENT_APOLOGIES = new RegExp(
  `(${NAMES})\\s+(?:havde\\s+)?(?:meldt|sendt)\\s+(?:afbud|forfald)`,
  "gu",
);
const APOLOGIES_FROM = new RegExp(`\\b[Aa]fbud\\s+fra\\s+(${NAMES})`, "gu");
const STOOD_IN = new RegExp(
  `(${NAME})${PARTY}\\s+(?:deltog|mødte|indtrådte|var\\s+indkaldt|blev\\s+indkaldt)\\s+(?:som\\s+(?:stedfortræder|suppleant)\\s+)?for\\s+(${NAME})`,
  "gu",
);
const CALLED_IN = new RegExp(
  `\\bat\\s+(${NAME})${PARTY}\\s.{0,220}?\\bindkaldt\\s+som\\s+(?:stedfortræder|suppleant)\\s+for\\s+(${NAME})`,
  "gu",
);

/** The names of a list as a sentence writes it, without party brackets. */
export function namesIn(list: string): string[] {
  return splitNames(list)
    .map((part) => cleanName(part.replace(/\s*\(.*$/u, "")))
    .filter((name): name is string => name !== null);
}

/** Reads the attendance sentences of a text (the record's lines joined, treatment histories left out). */
export function attendanceSentences(text: string): SentenceAttendance {
  let statement = false;
  const absent: string[] = [];
  const substitutes: { name: string; for: string }[] = [];
  // The patterns that open with a list of names are tried at every capital of the text (the whole
  // record): a text without a word the pattern needs is not scanned with it.
  const has = (...words: string[]): boolean => words.some((word) => text.includes(word));
  if (/alle/iu.test(text)) {
    for (const match of text.matchAll(ALL_PRESENT)) {
      statement = true;
      if (match[1]) for (const name of namesIn(match[1])) absent.push(name);
    }
  }
  if (has("afbud", "forfald")) {
    for (const match of text.matchAll(HAD_SENT_APOLOGIES)) {
      // "Følgende havde meldt afbud:" heads a list; the list is read as one.
      if (/^følgende$/iu.test(match[1] ?? "")) continue;
      for (const name of namesIn(match[1] ?? "")) absent.push(name);
    }
  }
  if (has("fbud")) {
    for (const match of text.matchAll(APOLOGIES_FROM))
      for (const name of namesIn(match[1] ?? "")) absent.push(name);
  }
  for (const [pattern, needs] of [
    [CALLED_IN, ["indkaldt"]],
    [STOOD_IN, ["deltog", "mødte", "indtrådte", "indkaldt"]],
  ] as const) {
    if (!has(...needs)) continue;
    for (const match of text.matchAll(pattern)) {
      const name = cleanName(match[1] ?? "");
      const member = cleanName(match[2] ?? "");
      if (name && member && !substitutes.some((s) => s.name === name))
        substitutes.push({ name, for: member });
    }
  }
  return { statement, absent, substitutes };
}
