/**
 * @module Split ligatures joined: PDF tools often put a space where a font drew an fi/fl/ff/ft/ti
 * ligature ("of fentlig", "f lere", "kraf t", seeds/001 lines 4055 and 4130).
 */
import type { WordChecker } from "../types.js";

/** A space after f or t followed by a letter: the only places a broken ligature leaves a gap. */
const GAP = /[ft] (?=\p{L})/gu;
const LETTER = /\p{L}/u;

/** One candidate split: the word before the gap (ending in f or t) and the letters after it. */
interface SplitCandidate {
  readonly start: number;
  readonly head: string;
  readonly tail: string;
  readonly end: number;
  /** The rest is two or three letters and a full stop, like "ift." (i forhold til). */
  readonly abbreviation: boolean;
}

/**
 * The gaps after f or t in a line, each widened to the whole word on either side. Found by a plain
 * scan for "f " / "t " and walking outwards: a pattern that matched whole words would retry at every
 * letter of a long line.
 */
function* splitCandidates(text: string): Generator<SplitCandidate> {
  for (const match of text.matchAll(GAP)) {
    const gap = (match.index ?? 0) + 1;
    let start = gap;
    while (start > 0 && LETTER.test(text[start - 1]!)) start--;
    let end = gap + 1;
    while (end < text.length && LETTER.test(text[end]!)) end++;
    const restLength = end - gap - 1;
    yield {
      start,
      head: text.slice(start, gap),
      tail: text.slice(gap + 1, end),
      end,
      abbreviation: restLength > 1 && restLength <= 3 && text[end] === ".",
    };
  }
}

/** Frequent words ending in f or t; a gap after them is a word gap unless splits are known nearby. */
const COMMON_HEADS = new Set([
  "af",
  "at",
  "et",
  "det",
  "mit",
  "sit",
  "dit",
  "alt",
  "helt",
  "godt",
  "nyt",
  "blot",
  "samt",
  "mest",
  "bedst",
  "først",
  "sidst",
  "meget",
  "hvert",
  "slet",
  "let",
  "ret",
  "kort",
  "langt",
  "ikt",
]);

/** Options for {@link joinSplitLigatures}. */
export interface LigatureOptions {
  /**
   * True when the surrounding text is known to have split ligatures (an unambiguous split was seen
   * nearby). Then a split whose halves are both words ("af tale", "af tales") is joined too when the
   * joined form is a word; on its own such a pair is ordinary text and kept.
   */
  readonly splitsNearby?: boolean;
  /**
   * What {@link hasUnambiguousLigatureSplit} said of this text, where the caller has asked it already.
   * When it found no split and no wider evidence applies, there is nothing to join and the text is
   * returned without a second look at its gaps.
   */
  readonly unambiguousSplit?: boolean;
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
  // Without wider evidence a pair joins exactly when hasUnambiguousLigatureSplit would find it.
  if (!joinBothWords && options.unambiguousSplit === false) return text;
  let out = "";
  let last = 0;
  for (const { start, head, tail, end, abbreviation } of splitCandidates(text)) {
    // A tail that was joined cannot be the head of the next pair ("ef fektivt" is one split).
    if (start < last) continue;
    if (abbreviation && isRealWord(head, isWord)) continue;
    if (shouldJoinLigature(head, tail, isWord, joinBothWords)) {
      out += text.slice(last, start) + head + tail;
      last = end;
    }
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
  // After a common short word the rest is a whole word ("af landet", "at tage"): such a pair is a split
  // only where splits are known to be about ("af tale", seeds/001 line 4023). Deciding it here, before
  // any lookup, saves a Hunspell call for nearly every "af"/"at"/"det" in a document.
  if (!joinBothWords && COMMON_HEADS.has(head.toLowerCase())) return false;
  // Ligatures that break after a t are ti and tt ("produkt iviteten"); after an f any letter may follow
  // (fi, fl, ff, ft, fj, and "f remover" in seeds/001 line 4312, a kerning gap).
  if (head.endsWith("t") && !/^[it]/u.test(tail)) return false;
  // A one-letter rest is the t or i of a broken ft or fi ("arbejdskraf t", seeds/001 line 4130;
  // "geograf i"); "pati-" / "ent i
  // 2023" (seeds/002 line 10387) is a word and a preposition.
  if ([...tail].length === 1 && !(head.endsWith("f") && (tail === "t" || tail === "i"))) return false;
  // Cheap, memoised checks of the halves first: most pairs are two real words and stop here. The tail
  // only counts after a head that is a word, so it is looked up only then.
  if (isRealWord(head, isWord)) {
    if (isRealWord(tail, isWord) && !(joinBothWords && head.endsWith("f"))) return false;
    if (head.endsWith("t") && tail.length < 3) return false;
  }
  return isWord(head + tail);
}

/** Hunspell accepts single letters; as halves of a split they are fragments, except "i" and "å". */
function isRealWord(word: string, isWord: WordChecker): boolean {
  if ([...word].length === 1) return /^[iIåÅ]$/u.test(word);
  return isWord(word);
}

/** True when the line has a split that {@link shouldJoinLigature} joins without context. */
export function hasUnambiguousLigatureSplit(text: string, isWord: WordChecker): boolean {
  if (!/[ft] \p{L}/u.test(text)) return false;
  for (const { head, tail, abbreviation } of splitCandidates(text)) {
    // "lavest ift. antal" (seeds/002 line 8899): a word, then an abbreviation.
    if (abbreviation && isRealWord(head, isWord)) continue;
    if (shouldJoinLigature(head, tail, isWord, false)) return true;
  }
  return false;
}
