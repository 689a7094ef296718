/** CSV as RFC 4180 writes it, with a UTF-8 BOM so Excel shows æøå. */
import assert from "node:assert/strict";
import { it } from "node:test";
import { csvField, toCsv, UTF8_BOM } from "../../src/export/csv.js";

it("quotes only fields with a comma, a quote or a line break, doubling quotes (RFC 4180 §2.5-2.7)", () => {
  assert.equal(csvField("Status fra KlimaNord"), "Status fra KlimaNord");
  assert.equal(csvField("1,52 mio. kr."), '"1,52 mio. kr."');
  assert.equal(csvField('Projektet "Biokul"'), '"Projektet ""Biokul"""');
  assert.equal(csvField("linje 1\nlinje 2"), '"linje 1\nlinje 2"');
  assert.equal(csvField(null), "");
  assert.equal(csvField(3), "3");
});

it("neutralises text that a spreadsheet would run as a formula (OWASP CSV injection)", () => {
  assert.equal(
    csvField('=HYPERLINK("http://evil.example","Klik")'),
    `"'=HYPERLINK(""http://evil.example"",""Klik"")"`,
  );
  assert.equal(csvField("-2+3"), `"'-2+3"`);
  assert.equal(csvField("+45 12 34 56 78"), `"'+45 12 34 56 78"`);
  assert.equal(csvField("@SUM(A1:A2)"), `"'@SUM(A1:A2)"`);
  assert.equal(csvField("\t=1+1"), `"'\t=1+1"`);
  assert.equal(csvField("\r=1+1"), `"'\r=1+1"`);
  // Inside a cell, the same characters are harmless and left as they are.
  assert.equal(csvField("Status 2024-2025 = godkendt"), "Status 2024-2025 = godkendt");
  // A number is a number: only text can smuggle a formula.
  assert.equal(csvField(-2), "-2");
});

it("starts with a BOM and ends every record with CRLF", () => {
  const csv = toCsv(["nummer", "titel"], [["2.1", "Æblerov, østers og ål"]]);
  assert.ok(csv.startsWith(UTF8_BOM));
  assert.equal(csv, `${UTF8_BOM}nummer,titel\r\n2.1,"Æblerov, østers og ål"\r\n`);
  const bytes = Buffer.from(csv, "utf8");
  assert.deepEqual([...bytes.subarray(0, 3)], [0xef, 0xbb, 0xbf]);
});

it("round-trips through a strict RFC 4180 reader", () => {
  const rows = [["a,b", 'c"d', "e\r\nf", ""]];
  const csv = toCsv(["1", "2", "3", "4"], rows).slice(1);
  assert.deepEqual(parseRfc4180(csv), [["1", "2", "3", "4"], ...rows]);
});

/** A small reader written from RFC 4180's grammar, to check the writer from the other side. */
function parseRfc4180(text: string): string[][] {
  const records: string[][] = [];
  let field = "";
  let record: string[] = [];
  let i = 0;
  let quoted = false;
  while (i < text.length) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        field += '"';
        i += 2;
        continue;
      }
      if (ch === '"') quoted = false;
      else field += ch;
      i++;
      continue;
    }
    if (ch === '"') quoted = true;
    else if (ch === ",") {
      record.push(field);
      field = "";
    } else if (ch === "\r" && text[i + 1] === "\n") {
      record.push(field);
      records.push(record);
      record = [];
      field = "";
      i++;
    } else field += ch;
    i++;
  }
  return records;
}
