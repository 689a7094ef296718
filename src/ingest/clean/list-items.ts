/**
 * @module Recognises lines that open a bullet or list entry, which keep their own line in cleaned text.
 */

/**
 * True when a (glyph-cleaned, left-trimmed) line opens a list entry: a bullet ("•", "–", "-", "▪", "o"
 * followed by a space; seeds/004 line 947 "– at der tages højde ..."), "./." annex markers, or a number
 * or letter with "." or ")" followed by a capital ("1. Bedre adgang til kapital", seeds/004 line 1502).
 * "20. september" is not a list entry: a date wrapped to the start of a line is lower case after the dot.
 *
 * @example
 * isListLine("• Regionalt knudepunkt"); // true
 * isListLine("20. september 2024"); // false
 */
export function isListLine(text: string): boolean {
  const line = text.trimStart();
  if (/^[•●▪◦○■□➢►‣⁃∙·*–—-](\s|$)/u.test(line)) return true;
  if (/^o\s+\p{Lu}/u.test(line)) return true;
  if (line.startsWith("./.")) return true;
  return /^(\d{1,2}(\.\d{1,2})*[.)]|[a-zA-Z][.)]|\(\w{1,3}\))\s+[\p{Lu}\p{N}"“]/u.test(line);
}
