/**
 * @module Glyph clean-up of one extracted line: symbol-font bullets, replacement characters, odd spaces.
 */

/** Any character that cleanGlyphs changes; most lines have none and are returned as they are. */
const NEEDS_CLEANING =
  /[\uE000-\uF8FF\uFFFD\u200B-\u200D\u2060\uFEFF\u00AD\t\u00A0\u1680\u2000-\u200A\u202F\u205F\u3000]|\s$/;

/**
 * Normalises the glyphs of one line:
 * - private-use characters (U+E000-U+F8FF) become "•": Symbol/Wingdings bullets arrive as U+F0B7 and
 *   friends (seeds/000 line 4687 "\uF0B7 Specialiseret vejledning");
 * - U+FFFD is removed: it stands for a glyph the PDF tool could not map and carries no text
 *   (seeds/003 line 2672 "• \uFFFDBruger- og pårørendeorganisationer");
 * - no-break, thin and other Unicode spaces and tabs become a plain space (seeds/003 line 405 starts
 *   with a tab); zero-width characters and soft hyphens are removed;
 * - trailing spaces are dropped.
 *
 * @example
 * cleanGlyphs("\uF0B7 Regionalt knudepunkt  "); // "• Regionalt knudepunkt"
 */
export function cleanGlyphs(text: string): string {
  if (!NEEDS_CLEANING.test(text)) return text;
  return (
    text
      .replace(/[\uE000-\uF8FF]/g, "•")
      .replace(/[\uFFFD\u200B-\u200D\u2060\uFEFF\u00AD]/g, "")
      .replace(/[\t\u00A0\u1680\u2000-\u200A\u202F\u205F\u3000]/g, " ")
      // trimEnd, not /\s+$/: that pattern is quadratic on a long run of inner spaces.
      .trimEnd()
  );
}
