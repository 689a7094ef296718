/**
 * @module Builds .docx files for the DOCX tests: real zips with deflated entries, Word XML with page
 * breaks, and hostile archives (a zip bomb, an entry that lies about its size, too many entries).
 * Kept beside the DOCX tests rather than in test/support so the limits' tests own their fixtures.
 */
import { constants, crc32, createDeflateRaw, deflateRawSync } from "node:zlib";

/** One entry to write: its name, the bytes it holds, and optionally a size to declare instead. */
export interface ZipFileEntry {
  readonly name: string;
  /** The entry's uncompressed bytes. */
  readonly data?: Uint8Array;
  /** Already deflated bytes (with `size` their inflated length), for entries too large to hold. */
  readonly deflated?: { readonly bytes: Uint8Array; readonly size: number };
  /** A size to declare in place of the real one (a lying entry). */
  readonly declaredSize?: number;
}

const W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";

/** A paragraph of plain text, escaped for XML. */
export function paragraph(text: string): string {
  return `<w:p><w:r><w:t xml:space="preserve">${escapeXml(text)}</w:t></w:r></w:p>`;
}

/** Word's explicit page break, alone in its paragraph (Ctrl+Enter). */
export const PAGE_BREAK_PARAGRAPH = '<w:p><w:r><w:br w:type="page"/></w:r></w:p>';

/** A paragraph whose first run opens with the break Word records where its layout began a page. */
export function renderedBreakParagraph(text: string): string {
  return `<w:p><w:r><w:lastRenderedPageBreak/><w:t xml:space="preserve">${escapeXml(text)}</w:t></w:r></w:p>`;
}

/** The document.xml around a body. */
export function documentXml(bodyXml: string): string {
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w="${W}"><w:body>${bodyXml}</w:body></w:document>`;
}

/** The package parts every .docx needs besides document.xml. */
export function packageParts(): ZipFileEntry[] {
  const encode = (text: string) => new TextEncoder().encode(text);
  return [
    {
      name: "[Content_Types].xml",
      data: encode(
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>',
      ),
    },
    {
      name: "_rels/.rels",
      data: encode(
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>',
      ),
    },
  ];
}

/** A .docx whose body is `bodyXml` (paragraphs, breaks), every entry deflated as Word writes them. */
export function makeDocxFromBody(bodyXml: string): Uint8Array {
  return makeZip([
    ...packageParts(),
    { name: "word/document.xml", data: new TextEncoder().encode(documentXml(bodyXml)) },
  ]);
}

/**
 * A zip bomb: a valid .docx whose document.xml is about `megabytes` MB (MiB) of repeated paragraphs,
 * deflated in a stream so the test never holds the unpacked text (400 MB deflate to about 1.2 MB, as in
 * issue 11).
 */
export async function makeDocxBomb(
  megabytes: number,
  options: { declaredSize?: number } = {},
): Promise<Uint8Array> {
  // Whole paragraphs only, so that the XML stays well-formed (about 1 MB a chunk).
  const paragraphXml = "<w:p><w:r><w:t>bomb</w:t></w:r></w:p>";
  const chunk = Buffer.from(paragraphXml.repeat(Math.floor((1024 * 1024) / paragraphXml.length)));
  const head = Buffer.from(documentXml("").replace("</w:body></w:document>", ""));
  const tail = Buffer.from("</w:body></w:document>");
  const deflate = createDeflateRaw({ level: constants.Z_BEST_COMPRESSION });
  const parts: Buffer[] = [];
  deflate.on("data", (part: Buffer) => parts.push(part));
  const done = new Promise<void>((resolve, reject) => {
    deflate.on("end", resolve);
    deflate.on("error", reject);
  });
  deflate.write(head);
  for (let i = 0; i < megabytes; i++) deflate.write(chunk);
  deflate.end(tail);
  await done;
  const size = head.length + megabytes * chunk.length + tail.length;
  return makeZip([
    ...packageParts(),
    {
      name: "word/document.xml",
      deflated: { bytes: Buffer.concat(parts), size },
      ...(options.declaredSize !== undefined ? { declaredSize: options.declaredSize } : {}),
    },
  ]);
}

/** A small, valid .docx with `count` entries in all (the extra ones empty XML files). */
export function makeDocxWithEntries(count: number): Uint8Array {
  const parts = packageParts();
  parts.push({ name: "word/document.xml", data: new TextEncoder().encode(documentXml(paragraph("Tekst."))) });
  for (let i = parts.length; i < count; i++) parts.push({ name: `word/x${i}.xml`, data: new Uint8Array(0) });
  return makeZip(parts);
}

/** Writes a zip archive: deflated entries (stored when empty), local headers, central directory, end. */
export function makeZip(entries: readonly ZipFileEntry[]): Uint8Array {
  const encoder = new TextEncoder();
  const locals: Uint8Array[] = [];
  const centrals: Uint8Array[] = [];
  let offset = 0;
  for (const entry of entries) {
    const nameBytes = encoder.encode(entry.name);
    const data = entry.data ?? new Uint8Array(0);
    const stored = !entry.deflated && data.length === 0;
    const body = entry.deflated?.bytes ?? (stored ? data : deflateRawSync(data));
    const size = entry.declaredSize ?? entry.deflated?.size ?? data.length;
    // The CRC is only right for entries given in full; the reader under test does not check it.
    const crc = entry.data ? crc32(data) : 0;
    const method = stored ? 0 : 8;
    const local = new Uint8Array(30 + nameBytes.length);
    const lv = new DataView(local.buffer);
    lv.setUint32(0, 0x04034b50, true);
    lv.setUint16(4, 20, true);
    lv.setUint16(8, method, true);
    lv.setUint32(14, crc, true);
    lv.setUint32(18, body.length, true);
    lv.setUint32(22, size, true);
    lv.setUint16(26, nameBytes.length, true);
    local.set(nameBytes, 30);
    const central = new Uint8Array(46 + nameBytes.length);
    const cv = new DataView(central.buffer);
    cv.setUint32(0, 0x02014b50, true);
    cv.setUint16(4, 20, true);
    cv.setUint16(6, 20, true);
    cv.setUint16(10, method, true);
    cv.setUint32(16, crc, true);
    cv.setUint32(20, body.length, true);
    cv.setUint32(24, size, true);
    cv.setUint16(28, nameBytes.length, true);
    cv.setUint32(42, offset, true);
    central.set(nameBytes, 46);
    locals.push(local, body);
    centrals.push(central);
    offset += local.length + body.length;
  }
  const centralSize = centrals.reduce((sum, part) => sum + part.length, 0);
  const end = new Uint8Array(22);
  const ev = new DataView(end.buffer);
  ev.setUint32(0, 0x06054b50, true);
  ev.setUint16(8, Math.min(centrals.length, 0xffff), true);
  ev.setUint16(10, Math.min(centrals.length, 0xffff), true);
  ev.setUint32(12, centralSize, true);
  ev.setUint32(16, offset, true);
  return Buffer.concat([...locals, ...centrals, end]);
}

function escapeXml(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}
