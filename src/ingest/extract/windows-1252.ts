/**
 * @module Decoding of Windows-1252 bytes. Node's TextDecoder("windows-1252") decodes 0x80-0x9F as C1
 * control characters (Latin-1), so "–", "”" and "€" from a Word export on Windows would be lost.
 */

/** Windows-1252 code points for bytes 0x80-0x9F; 0 marks the five undefined bytes (kept as C1). */
const HIGH = [
  0x20ac, 0, 0x201a, 0x0192, 0x201e, 0x2026, 0x2020, 0x2021, 0x02c6, 0x2030, 0x0160, 0x2039, 0x0152, 0,
  0x017d, 0, 0, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x02dc, 0x2122, 0x0161, 0x203a,
  0x0153, 0, 0x017e, 0x0178,
] as const;

/**
 * Decodes bytes as Windows-1252.
 *
 * @example
 * decodeWindows1252(new Uint8Array([0x96, 0xe6])); // "–æ"
 */
export function decodeWindows1252(bytes: Uint8Array): string {
  let out = "";
  const chunk: number[] = [];
  for (const byte of bytes) {
    const mapped = byte >= 0x80 && byte <= 0x9f ? HIGH[byte - 0x80] || byte : byte;
    chunk.push(mapped);
    if (chunk.length === 8192) {
      out += String.fromCharCode(...chunk);
      chunk.length = 0;
    }
  }
  return out + String.fromCharCode(...chunk);
}
