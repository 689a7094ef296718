/**
 * @module Twins: one page of minutes saved from a municipal portal (test/ingest/twins/referat.html, lines
 * from Frederikssund's and Mariagerfjord's minutes in ../shared/real-world/06 and 05) is turned into a
 * DOCX and a PDF by LibreOffice, as a secretariat would save or print it, and all three are read by the
 * real parser. A reader must get the same items from each: number, title, closed, and every field's text.
 */
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { copyFile, mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { after, before, describe, test } from "node:test";
import { fileURLToPath, pathToFileURL } from "node:url";
import type { ParsedDocument } from "../../src/domain/index.js";
import { loadIngestOptions, parseSource, readSourceFile } from "../../src/ingest/index.js";

const source = join(dirname(fileURLToPath(import.meta.url)), "twins", "referat.html");

/** LibreOffice headless, with a profile of its own so that it neither meets nor leaves a user's profile. */
function convert(input: string, target: string, dir: string): string {
  const result = spawnSync(
    "soffice",
    [
      "--headless",
      "--norestore",
      "--nolockcheck",
      `-env:UserInstallation=${pathToFileURL(join(dir, "profile")).href}`,
      "--convert-to",
      target,
      "--outdir",
      dir,
      input,
    ],
    { encoding: "utf8", timeout: 180_000 },
  );
  assert.equal(result.error, undefined, `soffice could not run: ${result.error?.message}`);
  assert.equal(result.status, 0, `soffice --convert-to ${target} failed: ${result.stderr}`);
  return join(dir, `referat.${target.split(":")[0]}`);
}

/** What a reader compares: number, title, closed, and each field's text with white space evened out. */
function itemsAsRead(doc: ParsedDocument) {
  return doc.items.map((item) => ({
    number: item.number,
    title: item.title,
    closed: item.closed === true,
    fields: Object.fromEntries(
      Object.entries(item.fields).map(([key, text]) => [key, (text ?? "").replace(/\s+/g, " ").trim()]),
    ),
  }));
}

describe("an HTML page of minutes and its DOCX and PDF twins", () => {
  let dir: string;
  const docs = new Map<string, ParsedDocument>();

  before(async () => {
    dir = await mkdtemp(join(tmpdir(), "raadsinfo-twins-"));
    const html = join(dir, "referat.html");
    await copyFile(source, html);
    const options = await loadIngestOptions();
    for (const path of [html, convert(html, "docx:MS Word 2007 XML", dir), convert(html, "pdf", dir)]) {
      const doc = await parseSource(await readSourceFile(path), options);
      docs.set(doc.source.format, doc);
    }
  });

  after(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  test("the HTML page reads as minutes with its four items, the closed one marked", () => {
    const html = docs.get("html");
    assert.ok(html, "the HTML page was read as HTML");
    assert.equal(html.kind, "minutes");
    assert.deepEqual(
      html.items.map((item) => [item.number, item.title, item.closed === true]),
      [
        ["31", "Godkendelse af dagsorden", false],
        ["32", "Orientering om sag vedr. kontraktforlængelse (Lukket punkt)", true],
        ["33", "Beslutning om ordensregler for Kultur- og havnebadets omklædningsrum og sauna", false],
        ["34", "Højdevej 13 - Byggesag i partshøring", false],
      ],
    );
    assert.deepEqual(Object.keys(html.items[2]?.fields ?? {}), [
      "sagsfremstilling",
      "indstilling",
      "beslutning",
    ]);
    assert.equal(html.items[1]?.fields.beslutning, "Taget til efterretning med de faldne bemærkninger.");
    assert.deepEqual(
      html.attendance.absent.map((person) => person.name),
      ["Søren Weimann"],
    );
    assert.ok(!html.text.includes("dataLayer"), "the page's script is no text of it");
  });

  test("the DOCX saved from it gives the same items, titles, closed markers and fields", () => {
    const docx = docs.get("docx");
    assert.ok(docx, "LibreOffice's DOCX was read as DOCX");
    assert.deepEqual(itemsAsRead(docx), itemsAsRead(docs.get("html") as ParsedDocument));
  });

  test("the PDF printed from it gives the same, its wrapped item title joined", () => {
    const pdf = docs.get("pdf");
    assert.ok(pdf, "LibreOffice's PDF was read as PDF");
    assert.deepEqual(itemsAsRead(pdf), itemsAsRead(docs.get("html") as ParsedDocument));
  });
});
