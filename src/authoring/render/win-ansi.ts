/**
 * @module Text for pdf-lib's standard fonts (Helvetica), which encode WinAnsi only: Latin-1, so æøå and
 * ÆØÅ are there, plus a few typographic marks. Anything else is spelled as near as it can be ("CO₂" ->
 * "CO2") or replaced, so that a title never stops a pack from being built.
 */

/** The characters WinAnsiEncoding has in 0x80-0x9F (typographic quotes, dashes, the euro sign). */
const WIN_ANSI_EXTRA = new Set("€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ");

function encodable(char: string): boolean {
  const code = char.codePointAt(0) ?? 0;
  return (code >= 0x20 && code <= 0x7e) || (code >= 0xa0 && code <= 0xff) || WIN_ANSI_EXTRA.has(char);
}

/**
 * The text with every character Helvetica cannot draw replaced: by its compatibility form without
 * accents where that is encodable, otherwise by "?". Line breaks and tabs become spaces.
 *
 * @example
 * winAnsiText("CO₂-udledning i Århus ≥ 5 %"); // "CO2-udledning i Århus ? 5 %"
 */
export function winAnsiText(text: string): string {
  let out = "";
  for (const char of text.replace(/[\t\r\n]+/g, " ")) {
    if (encodable(char)) {
      out += char;
      continue;
    }
    const near = char.normalize("NFKD").replace(/\p{M}/gu, "");
    out += near !== "" && [...near].every(encodable) ? near : "?";
  }
  return out;
}
