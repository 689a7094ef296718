/**
 * @module A small, bounded zip reader for DOCX files: lists the entries from the central directory
 * (declared sizes, no inflating) and inflates one entry at a time, never past the size it declares.
 *
 * Why not a library: mammoth reads a .docx through JSZip, which inflates whatever an entry holds, so a
 * 1.2 MB file that unpacks to 400 MB of XML filled the heap before anything could refuse it. The
 * limits must hold before any byte is inflated, and each inflation needs a hard byte cap; Node's own
 * zlib gives that cap (`maxOutputLength`), and reading the central directory is a few fixed-layout
 * records (PKWARE APPNOTE.TXT 6.3, sections 4.3.7, 4.3.12, 4.3.14-16, 4.5.3), so no dependency is added.
 */
import { inflateRawSync } from "node:zlib";

/** One file inside the archive, as its central directory record declares it. */
export interface ZipEntry {
  /** Path inside the archive, e.g. "word/document.xml". */
  readonly name: string;
  /** 0 = stored, 8 = deflated; anything else is refused when read. */
  readonly method: number;
  /** General purpose flags; bit 0 means encrypted. */
  readonly flags: number;
  readonly compressedSize: number;
  /** The size the entry says it unpacks to. Inflation never goes past it. */
  readonly uncompressedSize: number;
  /** Offset of the entry's local header from the start of the archive. */
  readonly localHeaderOffset: number;
}

/** The archive is not a zip this reader can read (truncated, inconsistent, or an unknown layout). */
export class ZipFormatError extends Error {
  override readonly name = "ZipFormatError";
}

/** An entry inflates to more bytes than its central directory record declares: a disguised zip bomb. */
export class ZipEntryTooLargeError extends Error {
  override readonly name = "ZipEntryTooLargeError";
  constructor(readonly entry: ZipEntry) {
    super(`${entry.name} unpacks to more than the ${entry.uncompressedSize} bytes it declares`);
  }
}

const END_OF_CENTRAL_DIRECTORY = 0x06054b50;
const ZIP64_END_LOCATOR = 0x07064b50;
const ZIP64_END_OF_CENTRAL_DIRECTORY = 0x06064b50;
const CENTRAL_DIRECTORY_HEADER = 0x02014b50;
const LOCAL_FILE_HEADER = 0x04034b50;
/** The end record is 22 bytes plus a comment of at most 65,535 bytes. */
const MAX_END_RECORD_SEARCH = 22 + 0xffff;

/**
 * Lists the entries of a zip archive from its central directory, reading no compressed data.
 * Throws ZipFormatError when the directory cannot be found or points outside the file.
 *
 * @example
 * const entries = readZipDirectory(bytes);
 * entries.reduce((sum, e) => sum + e.uncompressedSize, 0); // what the archive claims to unpack to
 */
export function readZipDirectory(bytes: Uint8Array): ZipEntry[] {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const { count, directorySize, directoryOffset } = readEndRecord(bytes, view);
  if (directoryOffset + directorySize > bytes.length) {
    throw new ZipFormatError("the central directory lies outside the file");
  }
  const entries: ZipEntry[] = [];
  const decoder = new TextDecoder("utf-8");
  let at = directoryOffset;
  for (let index = 0; index < count; index++) {
    if (at + 46 > bytes.length || view.getUint32(at, true) !== CENTRAL_DIRECTORY_HEADER) {
      throw new ZipFormatError("the central directory is broken");
    }
    const nameLength = view.getUint16(at + 28, true);
    const extraLength = view.getUint16(at + 30, true);
    const commentLength = view.getUint16(at + 32, true);
    const next = at + 46 + nameLength + extraLength + commentLength;
    if (next > bytes.length) throw new ZipFormatError("the central directory is broken");
    let compressedSize = view.getUint32(at + 20, true);
    let uncompressedSize = view.getUint32(at + 24, true);
    let localHeaderOffset = view.getUint32(at + 42, true);
    // A ZIP64 "extended information" extra field (id 1) holds, in this order, whichever of the three
    // values are 0xFFFFFFFF in the record itself (APPNOTE 4.5.3).
    if (
      uncompressedSize === 0xffffffff ||
      compressedSize === 0xffffffff ||
      localHeaderOffset === 0xffffffff
    ) {
      const zip64 = findExtraField(view, at + 46 + nameLength, extraLength, 0x0001);
      if (!zip64) throw new ZipFormatError("a ZIP64 entry lacks its sizes");
      let field = zip64.start;
      const take = (): number => {
        if (field + 8 > zip64.end) throw new ZipFormatError("a ZIP64 entry lacks its sizes");
        const value = Number(view.getBigUint64(field, true));
        field += 8;
        return value;
      };
      if (uncompressedSize === 0xffffffff) uncompressedSize = take();
      if (compressedSize === 0xffffffff) compressedSize = take();
      if (localHeaderOffset === 0xffffffff) localHeaderOffset = take();
    }
    entries.push({
      name: decoder.decode(bytes.subarray(at + 46, at + 46 + nameLength)),
      method: view.getUint16(at + 10, true),
      flags: view.getUint16(at + 8, true),
      compressedSize,
      uncompressedSize,
      localHeaderOffset,
    });
    at = next;
  }
  return entries;
}

/**
 * The entry's bytes, inflated with a hard cap at its declared size: an entry that holds more throws
 * ZipEntryTooLargeError as soon as the cap is passed, so a lying entry costs at most its declared size.
 * Throws ZipFormatError for an unknown compression method, encryption or broken data.
 *
 * @example
 * const xml = new TextDecoder().decode(readZipEntry(bytes, entry));
 */
export function readZipEntry(bytes: Uint8Array, entry: ZipEntry): Uint8Array {
  if ((entry.flags & 1) !== 0) throw new ZipFormatError(`${entry.name} is encrypted`);
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const local = entry.localHeaderOffset;
  if (local + 30 > bytes.length || view.getUint32(local, true) !== LOCAL_FILE_HEADER) {
    throw new ZipFormatError(`${entry.name} has no local header where the directory says`);
  }
  // The local header's own name and extra lengths may differ from the central record's.
  const start = local + 30 + view.getUint16(local + 26, true) + view.getUint16(local + 28, true);
  const data = bytes.subarray(start, start + entry.compressedSize);
  if (start + entry.compressedSize > bytes.length) throw new ZipFormatError(`${entry.name} is truncated`);
  if (entry.method === 0) {
    if (entry.compressedSize !== entry.uncompressedSize) throw new ZipEntryTooLargeError(entry);
    return data;
  }
  if (entry.method !== 8) {
    throw new ZipFormatError(`${entry.name} uses compression method ${entry.method}, which is not supported`);
  }
  try {
    // maxOutputLength stops zlib the moment the output would pass the declared size (Node >= 14.10);
    // 0 is no valid cap, so an entry declared empty is allowed one byte and then checked.
    const out = inflateRawSync(data, { maxOutputLength: Math.max(1, entry.uncompressedSize) });
    if (out.length > entry.uncompressedSize) throw new ZipEntryTooLargeError(entry);
    return out;
  } catch (error) {
    if (error instanceof ZipEntryTooLargeError) throw error;
    if ((error as NodeJS.ErrnoException).code === "ERR_BUFFER_TOO_LARGE")
      throw new ZipEntryTooLargeError(entry);
    throw new ZipFormatError(`${entry.name} cannot be inflated`, { cause: error });
  }
}

/**
 * How many entries the archive declares, from its end record alone: cheap enough to refuse an archive
 * of a million entries before listing any of them.
 *
 * @example
 * if (countZipEntries(bytes) > 10_000) throw new Error("too many entries");
 */
export function countZipEntries(bytes: Uint8Array): number {
  return readEndRecord(bytes, new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength)).count;
}

function readEndRecord(
  bytes: Uint8Array,
  view: DataView,
): { count: number; directorySize: number; directoryOffset: number } {
  const end = findEndRecord(bytes, view);
  const count = view.getUint16(end + 10, true);
  const directorySize = view.getUint32(end + 12, true);
  const directoryOffset = view.getUint32(end + 16, true);
  // Values at their maximum mean "see the ZIP64 end record" (APPNOTE 4.4.1.4).
  // An archive of exactly 65,535 entries may have no ZIP64 record: then the values are what they say.
  if (count === 0xffff || directorySize === 0xffffffff || directoryOffset === 0xffffffff) {
    return readZip64End(view, end) ?? { count, directorySize, directoryOffset };
  }
  return { count, directorySize, directoryOffset };
}

/** Offset of the end of central directory record, searched backwards over a possible comment. */
function findEndRecord(bytes: Uint8Array, view: DataView): number {
  const lowest = Math.max(0, bytes.length - MAX_END_RECORD_SEARCH);
  for (let at = bytes.length - 22; at >= lowest; at--) {
    if (view.getUint32(at, true) === END_OF_CENTRAL_DIRECTORY) return at;
  }
  throw new ZipFormatError("no zip central directory (truncated or not a zip file)");
}

function readZip64End(
  view: DataView,
  end: number,
): { count: number; directorySize: number; directoryOffset: number } | null {
  const locator = end - 20;
  if (locator < 0 || view.getUint32(locator, true) !== ZIP64_END_LOCATOR) return null;
  const record = Number(view.getBigUint64(locator + 8, true));
  if (record + 56 > view.byteLength || view.getUint32(record, true) !== ZIP64_END_OF_CENTRAL_DIRECTORY) {
    throw new ZipFormatError("the ZIP64 end record is broken");
  }
  return {
    count: Number(view.getBigUint64(record + 32, true)),
    directorySize: Number(view.getBigUint64(record + 40, true)),
    directoryOffset: Number(view.getBigUint64(record + 48, true)),
  };
}

/** The data range of the extra field with id `id` inside an extra block, or null. */
function findExtraField(
  view: DataView,
  start: number,
  length: number,
  id: number,
): { start: number; end: number } | null {
  let at = start;
  while (at + 4 <= start + length) {
    const fieldId = view.getUint16(at, true);
    const size = view.getUint16(at + 2, true);
    if (fieldId === id) return { start: at + 4, end: Math.min(at + 4 + size, start + length) };
    at += 4 + size;
  }
  return null;
}
