/** @module The bounded zip reader: directory from the end record, ZIP64 sizes, inflation capped at the declared size. */
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import {
  countZipEntries,
  readZipDirectory,
  readZipEntry,
  ZipEntryTooLargeError,
  ZipFormatError,
} from "../../../src/ingest/extract/zip-archive.js";
import { makeZip } from "./make-docx.js";

const text = (value: string) => new TextEncoder().encode(value);

/** One stored entry whose central record keeps its sizes and offset in a ZIP64 extra field. */
function zip64Archive(name: string, data: Uint8Array): Uint8Array {
  const nameBytes = text(name);
  const local = new Uint8Array(30 + nameBytes.length);
  const lv = new DataView(local.buffer);
  lv.setUint32(0, 0x04034b50, true);
  lv.setUint16(26, nameBytes.length, true);
  local.set(nameBytes, 30);
  const extra = new Uint8Array(4 + 24);
  const xv = new DataView(extra.buffer);
  xv.setUint16(0, 0x0001, true);
  xv.setUint16(2, 24, true);
  xv.setBigUint64(4, BigInt(data.length), true); // uncompressed
  xv.setBigUint64(12, BigInt(data.length), true); // compressed
  xv.setBigUint64(20, 0n, true); // local header offset
  const central = new Uint8Array(46 + nameBytes.length + extra.length);
  const cv = new DataView(central.buffer);
  cv.setUint32(0, 0x02014b50, true);
  cv.setUint32(20, 0xffffffff, true);
  cv.setUint32(24, 0xffffffff, true);
  cv.setUint16(28, nameBytes.length, true);
  cv.setUint16(30, extra.length, true);
  cv.setUint32(42, 0xffffffff, true);
  central.set(nameBytes, 46);
  central.set(extra, 46 + nameBytes.length);
  const directoryOffset = local.length + data.length;
  const record = new Uint8Array(56);
  const rv = new DataView(record.buffer);
  rv.setUint32(0, 0x06064b50, true);
  rv.setBigUint64(4, 44n, true);
  rv.setBigUint64(24, 1n, true);
  rv.setBigUint64(32, 1n, true);
  rv.setBigUint64(40, BigInt(central.length), true);
  rv.setBigUint64(48, BigInt(directoryOffset), true);
  const locator = new Uint8Array(20);
  const lov = new DataView(locator.buffer);
  lov.setUint32(0, 0x07064b50, true);
  lov.setBigUint64(8, BigInt(directoryOffset + central.length), true);
  lov.setUint32(16, 1, true);
  const end = new Uint8Array(22);
  const ev = new DataView(end.buffer);
  ev.setUint32(0, 0x06054b50, true);
  ev.setUint16(8, 0xffff, true);
  ev.setUint16(10, 0xffff, true);
  ev.setUint32(12, 0xffffffff, true);
  ev.setUint32(16, 0xffffffff, true);
  return Buffer.concat([local, data, central, record, locator, end]);
}

describe("zip-archive", () => {
  it("lists entries with their declared sizes and reads them back, deflated or stored", () => {
    const bytes = makeZip([
      { name: "a.xml", data: text("<a>".repeat(1000)) },
      { name: "empty.xml", data: new Uint8Array(0) },
    ]);
    assert.equal(countZipEntries(bytes), 2);
    const entries = readZipDirectory(bytes);
    assert.deepEqual(
      entries.map((entry) => [entry.name, entry.method, entry.uncompressedSize]),
      [
        ["a.xml", 8, 3000],
        ["empty.xml", 0, 0],
      ],
    );
    assert.equal(new TextDecoder().decode(readZipEntry(bytes, entries[0]!)), "<a>".repeat(1000));
    assert.equal(readZipEntry(bytes, entries[1]!).length, 0);
  });

  it("finds the end record behind an archive comment", () => {
    const plain = makeZip([{ name: "a.xml", data: text("<a/>") }]);
    const comment = text("en kommentar");
    const bytes = Buffer.concat([plain, comment]);
    new DataView(bytes.buffer, bytes.byteOffset).setUint16(plain.length - 2, comment.length, true);
    assert.deepEqual(
      readZipDirectory(bytes).map((entry) => entry.name),
      ["a.xml"],
    );
  });

  it("reads ZIP64 sizes and offsets from the end record and the extra field", () => {
    const bytes = zip64Archive("word/document.xml", text("<w:document/>"));
    assert.equal(countZipEntries(bytes), 1);
    const [entry] = readZipDirectory(bytes);
    assert.equal(entry?.uncompressedSize, 13);
    assert.equal(new TextDecoder().decode(readZipEntry(bytes, entry!)), "<w:document/>");
  });

  it("stops an entry at its declared size, deflated or stored", () => {
    const deflated = makeZip([{ name: "a.xml", data: text("x".repeat(100_000)), declaredSize: 10 }]);
    assert.throws(() => readZipEntry(deflated, readZipDirectory(deflated)[0]!), ZipEntryTooLargeError);
    const entry = { ...readZipDirectory(deflated)[0]!, method: 0, uncompressedSize: 5 };
    assert.throws(() => readZipEntry(deflated, entry), ZipEntryTooLargeError);
  });

  it("refuses what it cannot read: no directory, an unknown method", () => {
    assert.throws(() => readZipDirectory(text("PK\u0003\u0004 nothing else")), ZipFormatError);
    const bytes = makeZip([{ name: "a.xml", data: text("<a/>") }]);
    const entry = { ...readZipDirectory(bytes)[0]!, method: 14 };
    assert.throws(() => readZipEntry(bytes, entry), /compression method 14/);
  });
});
