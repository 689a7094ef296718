/**
 * @module Line-end hyphenation: decides whether "head-" at the end of a line and "tail" at the start
 * of the next are one word broken by the typesetter or a real hyphen that must stay.
 */
import type { WordChecker } from "../types.js";

/** Words after which a trailing hyphen is a suspended compound: "by- og land", "Sundheds- og Ældreudvalget". */
const SUSPENDED_BEFORE = new Set(["og", "eller", "samt", "and", "or", "&"]);

/**
 * True when the hyphen that ends a line is a typesetter's break to remove, so that head and tail are
 * written as one word.
 *
 * `head` is the text before the hyphen (the last word of the line, or the whole line), `tail` the text
 * of the next line. Rules, in order:
 * - an en or em dash never joins (seeds/003 line 2104 "2020–" / "2023");
 * - a suspended compound keeps its hyphen: the tail starts with "og", "eller" or "," ("by- og land",
 *   seeds/004 line 2064 "Sundheds- og Æl-");
 * - digits on either side keep it ("2025-" / "26" at seeds/004 line 1827, "CO2-" / "udledningen" at
 *   line 221), and so does a head in capitals ("CRM-" / "systemet", seeds/003 line 2230; "X-projekt");
 * - a capital after the hyphen starts a name or a new word ("Anna-" / "Marie", seeds/004 line 189;
 *   "Høje-" / "Taastrup", seeds/003 line 1183), unless the whole word is in capitals;
 * - otherwise join when the joined word is Danish ("ud-" / "viklingsgruppe", seeds/004 line 179) or when
 *   either half is no word by itself (a long compound Hunspell does not know, broken mid-syllable);
 *   keep it only when both halves are words and the head is a short abbreviation ("it-" / "systemer")
 *   or an inflected adjective ("offentligt-" / "privat").
 * Only the part of the head after its last real hyphen or slash counts, so "CO2-udled-" / "ning"
 * (seeds/003 line 230) joins into "CO2-udledning".
 *
 * @example
 * shouldJoinHyphen("ud", "viklingsgruppe for KlimaNord.", isWord); // true
 * shouldJoinHyphen("Anna", "Marie Elmkær Chwastek", isWord); // false
 */
export function shouldJoinHyphen(head: string, tail: string, isWord: WordChecker): boolean {
  // Only the end of the head matters; a bounded slice keeps a very long line linear.
  const trimmedHead = head.slice(-200).trimEnd();
  if (/[–—]$/.test(trimmedHead)) return false;
  const headWord = lastWord(trimmedHead.replace(/-$/, ""));
  const headPart = headWord.split(/[-/]/).pop() ?? "";
  const tailTrimmed = tail.replace(/^\s+/, "");
  const tailWord = firstWord(tailTrimmed);
  if (headPart === "" || tailWord === "") return false;
  if (tailWord === "," || SUSPENDED_BEFORE.has(tailWord.toLowerCase())) return false;
  if (!/^\p{L}+$/u.test(headPart) || !/^\p{L}+$/u.test(tailWord)) return false;
  // An acronym or a single capital before lower case: "CRM-" / "systemet" (seeds/003 line 2230),
  // "X-" / "projekt" (seeds/002 line 6706).
  if (/^\p{Lu}+$/u.test(headPart) && !/^\p{Lu}+$/u.test(tailWord)) return false;
  if (/^\p{Lu}/u.test(tailWord) && !/^\p{Lu}+$/u.test(headPart + tailWord)) return false;
  // Two words that Hunspell does not know as one compound: Danish writes compounds closed, so a
  // hyphen at a line end between two lower-case words is the typesetter's ("erhvervsfremme-" /
  // "projekter", seeds/003 line 2148), unless the head is a short abbreviation written in lower
  // case ("it-" / "systemer", "tv-" / "kanaler").
  // Adjectives in a pair keep their hyphen: "offentligt-" / "privat partnerskab" (seeds/001 line 3336),
  // "kommunalt-" / "ejede" (line 3558); a compound's first part is a stem, not an inflected adjective.
  // So a longer head that is no such adjective joins whatever Hunspell says of the joined word and of
  // the halves: decided here without asking it. Those checks were most of a first parse's Hunspell time
  // (long compounds are its slowest words, up to 25 ms each), paid once per word and process.
  if (!ADJECTIVE_ENDING.test(headPart) && [...headPart].length > 3) return true;
  // A short head or an adjective: a half that is no word by itself joins, two words join only as a
  // compound Hunspell knows. The halves first: they are short and common, the compound is slow to check.
  if (!(isWordAlone(headPart, isWord) && isWordAlone(tailWord, isWord))) return true;
  return isWord(headPart + tailWord);
}

/** Endings of inflected adjectives and adverbs, which do not begin a closed compound. */
const ADJECTIVE_ENDING = /(ligt?|lige|iske?|sk|alt|elt)$/u;

/** The last whitespace-separated word without leading quotes or brackets. */
function lastWord(text: string): string {
  const word = text.split(/\s+/).pop() ?? "";
  return word.replace(/^[("'“”‘’«»[]+/, "");
}

/** The first word of the tail: letters (and digits) up to the first space or punctuation. */
function firstWord(text: string): string {
  if (text.startsWith(",")) return ",";
  const match = /^[\p{L}\p{N}&]+/u.exec(text);
  return match ? match[0] : "";
}

/** Hunspell accepts single letters; a one-letter half is a fragment of a longer word. */
function isWordAlone(word: string, isWord: WordChecker): boolean {
  return [...word].length > 1 && isWord(word);
}
