/**
 * @module Letter-spaced headings ("K K R  N O R D J Y L L A N D") closed up into words.
 */

/**
 * Closes up a letter-spaced line: letters one space apart form a word, two or more spaces separate
 * words. seeds/001 line 977: "D E  1 8  K O M M U N E R  I  L I M F J O R D E N S  O P L A N D" becomes
 * "DE 18 KOMMUNER I LIMFJORDENS OPLAND". Only a line that is mostly single characters, with at least
 * three letters among them, is touched; a table row of single digits ("Morsø 2 2 3 4 5 150%", seeds/002
 * line 9389) is left alone.
 *
 * @example
 * closeLetterSpacing("K K R  N O R D J Y L L A N D"); // "KKR NORDJYLLAND"
 */
export function closeLetterSpacing(text: string): string {
  // Cheap test first: four single characters in a row, one space apart.
  if (!/(?:^|\s)\S \S \S \S(?:\s|$)/.test(text)) return text;
  const lead = /^\s*/.exec(text)?.[0] ?? "";
  const body = text.slice(lead.length).trimEnd();
  const tokens = body.split(" ").filter((token) => token !== "");
  if (tokens.length < 4) return text;
  const singles = tokens.filter((token) => [...token].length === 1);
  const letters = singles.filter((token) => /\p{L}/u.test(token));
  if (singles.length / tokens.length < 0.8 || letters.length < 3) return text;
  const words = body
    .split(/ {2,}/)
    .flatMap((segment) => {
      const parts = segment.split(" ");
      return parts.every((part) => [...part].length <= 1) ? closeSegment(parts) : [segment];
    })
    .filter((word) => word !== "");
  return lead + words.join(" ");
}

/**
 * Closes up one word's letters. Closing punctuation sticks to the word ("M I L J Ø ," -> "MILJØ,");
 * a dash or an opening bracket stays a word of its own ("- L I M F J O R D E N" -> "- LIMFJORDEN",
 * seeds/001 line 975).
 */
function closeSegment(parts: readonly string[]): string[] {
  const words: string[] = [];
  let current = "";
  for (const part of parts) {
    if (/^[\p{L}\p{N}]$/u.test(part) || (current !== "" && /^[,.;:!?)%]$/u.test(part))) {
      current += part;
    } else {
      if (current !== "") words.push(current);
      words.push(part);
      current = "";
    }
  }
  if (current !== "") words.push(current);
  return words;
}
