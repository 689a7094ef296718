/**
 * @module HTML input: a meeting page saved from a portal, read with parse5 into lines. The page is the
 * Region Hovedstaden SharePoint meeting page of ../shared/real-world/22, written back as the HTML it was
 * stored from (contents list as <ol>, members as <ul>, CAPITAL field headings as <h3>).
 */
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { before, describe, test } from "node:test";
import { fileURLToPath } from "node:url";
import { extract, extractHtml, sniffFormat } from "../../../src/ingest/extract/index.js";
import { loadIngestOptions, parseSource } from "../../../src/ingest/index.js";
import type { IngestOptions, SourceFile } from "../../../src/ingest/types.js";

const shared = resolve(dirname(fileURLToPath(import.meta.url)), "..", "..", "..", "..", "shared");
const gold22 = JSON.parse(readFileSync(join(shared, "real-world", "22.json"), "utf8")) as {
  items: { number: string; title: string }[];
  attendance: { present: string[]; absent: string[] };
};

const MEETING_PAGE = `<!DOCTYPE html>
<html lang="da">
<head>
  <meta charset="utf-8">
  <title>Møde i udvalget for fastholdelse og rekruttering i sundhedsvæsenet</title>
  <style>.ms-rteElement { color: #333 }</style>
  <script type="text/javascript">var _spPageContextInfo = {"webTitle": "Politik"};</script>
</head>
<body>
  <nav class="ms-breadcrumb"><a href="/">Forside</a> &gt; <a href="/politik">Politik</a></nav>
  <div id="content">
    <h1>Møde i udvalget for fastholdelse og rekruttering i sundhedsvæsenet d. 10 februar 2022</h1>
    <table class="meeting-facts">
      <tr><th>Udvalg</th><td>Udvalget for fastholdelse og rekruttering i sundhedsvæsenet</td></tr>
      <tr><th>Tidspunkt</th><td>Dato: 10-02-2022<br>Tid: 15:00 - 17:00</td></tr>
      <tr><th>Sted</th><td>Regionsgården, mødelokale H2</td></tr>
    </table>
    <p>Referat</p>
    <h2>Punkter på dagsordenen</h2>
    <ol>
      ${gold22.items.map((item) => `<li><a href="#punkt${item.number}">${item.title}</a></li>`).join("\n      ")}
    </ol>
    <h2>Medlemmer</h2>
    <ul>
      ${gold22.attendance.present.map((name) => `<li>${name}: Deltog</li>`).join("\n      ")}
      ${gold22.attendance.absent.map((name) => `<li>${name}: Afbud</li>`).join("\n      ")}
    </ul>
    <h2 id="punkt1">1. Beslutningssag: Valg af formand og næstformand</h2>
    <h3>INDSTILLING</h3>
    <p>Administrationen indstiller til fastholdelses- og rekrutteringsudvalget:</p>
    <ol>
      <li>at udvalgets medlemmer vælger en formand, og</li>
      <li>at udvalgets medlemmer vælger en næstformand.</li>
    </ol>
    <h3>POLITISK BEHANDLING</h3>
    <p>Godkendt, idet Susanne Due Kristiensen (A) vælges som formand.</p>
    <p>Godkendt, idet Emilie Haug Rasch (Ø) vælges som næstformand.</p>
    <h3>BAGGRUND</h3>
    <p>Regionsrådet har den 7. december 2021 vedtaget en ny styrelsesvedtægt for Region Hovedstaden.</p>
  </div>
  <footer><p>Region Hovedstaden &middot; Kongens Vænge 2 &middot; 3400 Hillerød</p></footer>
</body>
</html>`;

const source = (file: string, text: string | Uint8Array): SourceFile => ({
  file,
  bytes: typeof text === "string" ? new TextEncoder().encode(text) : text,
  sha256: "0".repeat(64),
});

const textLines = (file: SourceFile) =>
  extractHtml(file)
    .lines.map((line) => line.text)
    .filter((text) => text !== "");

describe("HTML pages", () => {
  let options: IngestOptions;
  before(async () => {
    options = await loadIngestOptions();
  });

  test("blocks become lines: headings, paragraphs, list entries with their numbers, table rows", () => {
    const lines = textLines(source("moede.html", MEETING_PAGE));
    assert.equal(
      lines[0],
      "Møde i udvalget for fastholdelse og rekruttering i sundhedsvæsenet d. 10 februar 2022",
    );
    assert.deepEqual(lines.slice(1, 5), [
      "Udvalg\tUdvalget for fastholdelse og rekruttering i sundhedsvæsenet",
      "Tidspunkt\tDato: 10-02-2022",
      "Tid: 15:00 - 17:00",
      "Sted\tRegionsgården, mødelokale H2",
    ]);
    assert.ok(
      lines.includes("1. Beslutningssag: Valg af formand og næstformand"),
      "an <ol> entry keeps its number",
    );
    assert.ok(lines.includes("Bergur Løkke Rasmussen: Afbud"));
    assert.ok(lines.includes("2. at udvalgets medlemmer vælger en næstformand."));
  });

  test("scripts, styles, the navigation and the site's footer are no text of the page", () => {
    const text = textLines(source("moede.html", MEETING_PAGE)).join("\n");
    for (const chrome of ["_spPageContextInfo", "ms-rteElement", "Forside", "Kongens Vænge"]) {
      assert.ok(!text.includes(chrome), `"${chrome}" is left out`);
    }
  });

  test("headings are marked bold, as a PDF's are, and body text is not", () => {
    const lines = extractHtml(source("moede.html", MEETING_PAGE)).lines;
    assert.equal(lines.find((line) => line.text === "INDSTILLING")?.bold, true);
    assert.equal(lines.find((line) => line.text.startsWith("Administrationen"))?.bold, undefined);
  });

  test("the charset the page declares decodes it: Windows-1252 from http-equiv", () => {
    const page = `<html><head><meta http-equiv="Content-Type" content="text/html; charset=windows-1252"></head>
      <body><p>Søren Weimann (B)</p></body></html>`;
    const bytes = Uint8Array.from([...page].map((char) => char.charCodeAt(0)));
    const doc = extractHtml(source("side.htm", bytes));
    assert.deepEqual(
      doc.lines.map((line) => line.text).filter((text) => text !== ""),
      ["Søren Weimann (B)"],
    );
    assert.match(doc.notes.join(" "), /windows-1252/i);
  });

  test("a page is HTML by its name or by its opening, and an unknown charset is refused in one line", async () => {
    assert.equal(sniffFormat(new TextEncoder().encode("<p>Referat</p>"), "referat.htm"), "html");
    assert.equal(sniffFormat(new TextEncoder().encode("<!DOCTYPE html><p>x</p>"), "download"), "html");
    assert.equal(sniffFormat(new TextEncoder().encode("Referat <b>x</b>"), "referat.txt"), "text");
    await assert.rejects(
      extract(source("side.html", '<html><head><meta charset="x-made-up"></head><body>x</body></html>')),
      (error: Error) => /^side\.html: .*x-made-up/.test(error.message),
    );
  });

  test("the meeting page parses as minutes with the items of its contents list and first item", async () => {
    const doc = await parseSource(source("moede.html", MEETING_PAGE), options);
    assert.equal(doc.source.format, "html");
    assert.deepEqual(
      doc.items.map((item) => [item.number, item.title]),
      gold22.items.map((item) => [item.number, item.title]),
    );
    assert.match(doc.items[0]?.fields.indstilling ?? "", /1\. at udvalgets medlemmer vælger en formand/);
  });
});
