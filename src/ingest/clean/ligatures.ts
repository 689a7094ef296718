/**
 * @module Split ligatures joined: PDF tools often put a space where a font drew an fi/fl/ff/ft/ti
 * ligature ("of fentlig", "f lere", "kraf t", seeds/001 lines 4055 and 4130).
 */
import type { WordChecker } from "../types.js";

/** A space after f or t followed by a letter: the only places a broken ligature leaves a gap. */
// Anchored at a word start: unanchored, every letter of a long word would start a new backtracking try.
const SPLIT = /(?<!\p{L})(\p{L}*[ft])( )(\p{L}+)/gu;

/** Options for {@link joinSplitLigatures}. */
export interface LigatureOptions {
  /**
   * True when the surrounding text is known to have split ligatures (an unambiguous split was seen
   * nearby). Then a split whose halves are both words ("af tale", "af tales") is joined too when the
   * joined form is a word; on its own such a pair is ordinary text and kept.
   */
  readonly splitsNearby?: boolean;
}

/**
 * Joins words that a broken ligature split in two. A pair "Xf Y" / "Xt Y" is joined when the joined
 * word is Danish and one half is not a word by itself ("f lere", "kraf t", "ef ter", "produkt iviteten").
 * A pair of two real words ("af tale") is joined only when `splitsNearby` says the text has such splits,
 * or when the line marks real word gaps after "f" with two spaces while this gap has one (seeds/001
 * line 4023: "Resultatkontrakten af tales inden for rammerne af  Af tale om etablering af  tværkommunale").
 *
 * @example
 * joinSplitLigatures("mellem f lere forskellige of fentlige aktører", isWord);
 * // "mellem flere forskellige offentlige aktører"
 */
export function joinSplitLigatures(text: string, isWord: WordChecker, options: LigatureOptions = {}): string {
  if (!/[ft] \p{L}/u.test(text)) return text;
  const doubledAfterF = /\p{L}f {2}\p{L}/u.test(text);
  const joinBothWords = options.splitsNearby === true || doubledAfterF;
  let out = "";
  let last = 0;
  for (const match of text.matchAll(SPLIT)) {
    const [whole, head = "", , tail = ""] = match;
    const start = match.index ?? 0;
    // A joined tail must be able to take part in a later pair ("ef fektivt" then nothing): re-scan is
    // not needed because the regex consumes the tail, and a tail never ends in a split of its own
    // that matters more than this one.
    if (start < last) continue;
    if (shouldJoinLigature(head, tail, isWord, joinBothWords)) {
      out += text.slice(last, start) + head + tail;
    } else {
      out += text.slice(last, start) + whole;
    }
    last = start + whole.length;
  }
  return out + text.slice(last);
}

/** Decides one pair; exported for tests and for callers that judge evidence over a whole block. */
export function shouldJoinLigature(
  head: string,
  tail: string,
  isWord: WordChecker,
  joinBothWords = false,
): boolean {
  if (head === "" || tail === "") return false;
  // A capital after the gap starts a new word or a name ("af Thisted"), never the rest of one.
  if (/^\p{Lu}/u.test(tail) && !/^\p{Lu}+$/u.test(head + tail)) return false;
  // Ligatures that break after a t are ti and tt ("produkt iviteten"); after an f any letter may follow
  // (fi, fl, ff, ft, fj, and "f remover" in seeds/001 line 4312, a kerning gap).
  if (head.endsWith("t") && !/^[it]/u.test(tail)) return false;
  // Cheap, memoised checks of the halves first: most pairs are two real words and stop here.
  const headWord = isRealWord(head, isWord);
  const tailWord = isRealWord(tail, isWord);
  if (headWord && tailWord && !(joinBothWords && head.endsWith("f"))) return false;
  if (headWord && head.endsWith("t") && tail.length < 3) return false;
  return isWord(head + tail);
}

/** Hunspell accepts single letters; as halves of a split they are fragments, except "i" and "å". */
function isRealWord(word: string, isWord: WordChecker): boolean {
  if ([...word].length === 1) return /^[iIåÅ]$/u.test(word);
  return isWord(word);
}

/** True when the line has a split that {@link shouldJoinLigature} joins without context. */
export function hasUnambiguousLigatureSplit(text: string, isWord: WordChecker): boolean {
  for (const match of text.matchAll(SPLIT)) {
    const head = match[1] ?? "";
    const tail = match[3] ?? "";
    if (shouldJoinLigature(head, tail, isWord, false)) return true;
  }
  return false;
}
