/**
 * @module Glyph clean-up of one extracted line: symbol-font bullets, replacement characters, odd spaces.
 */

/** Any character that cleanGlyphs changes; most lines have none and are returned as they are. */
const NEEDS_CLEANING =
  /[\uE000-\uF8FF\uFFFD\u200B-\u200D\u2060\uFEFF\u00AD\u2010\u2011\t\u00A0\u1680\u2000-\u200A\u202F\u205F\u3000]|\s$/;

/**
 * Normalises the glyphs of one line:
 * - private-use characters (U+E000-U+F8FF) become "•": Symbol/Wingdings bullets arrive as U+F0B7 and
 *   friends (seeds/000 line 4687 "\uF0B7 Specialiseret vejledning");
 * - U+FFFD is removed: it stands for a glyph the PDF tool could not map and carries no text
 *   (seeds/003 line 2672 "• \uFFFDBruger- og pårørendeorganisationer");
 * - no-break, thin and other Unicode spaces and tabs become a plain space (seeds/003 line 405 starts
 *   with a tab); zero-width characters are removed;
 * - a soft hyphen at the end of the line is the typesetter's break and becomes "-", so that hyphenation
 *   can decide it (pdf.js gives "udvik\u00AD" where the page shows "udvik-"); inside a line it is removed;
 * - the Unicode hyphens U+2010 and U+2011 become "-";
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
      .replace(/[\u2010\u2011]/g, "-")
      .replace(/\u00AD(?=[\s\uFFFD\u200B-\u200D\u2060\uFEFF]*$)/, "-")
      .replace(/[\uFFFD\u200B-\u200D\u2060\uFEFF\u00AD]/g, "")
      .replace(/[\t\u00A0\u1680\u2000-\u200A\u202F\u205F\u3000]/g, " ")
      // trimEnd, not /\s+$/: that pattern is quadratic on a long run of inner spaces.
      .trimEnd()
  );
}
