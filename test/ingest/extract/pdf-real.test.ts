/**
 * Extraction of real PDFs from ../shared/real-pdf (read from there, never copied): word spacing from
 * glyph positions on FirstAgenda's minutes of Aarhus Byråd.
 */
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, it } from "node:test";
import { extractPdf } from "../../../src/ingest/extract/pdf.js";
import { seedPath } from "../../support/seeds.js";

const REAL_PDF = join(seedPath("004"), "..", "..", "real-pdf");

async function extractReal(name: string) {
  const bytes = new Uint8Array(readFileSync(join(REAL_PDF, name)));
  return extractPdf({ file: name, bytes, sha256: "" });
}

describe("extractPdf on real PDFs", () => {
  it("gives Aarhus's item titles as printed, with their spaces", async () => {
    const doc = await extractReal("aarhus-byraad-2025-08-27-referat.pdf");
    const gold = JSON.parse(
      readFileSync(join(REAL_PDF, "aarhus-byraad-2025-08-27-referat.json"), "utf8"),
    ) as {
      items: { number: string; title: string; closed: boolean }[];
    };
    // The item headings ("Punkt 3: Svar på ...") run over one or two lines: joined with a space, or
    // with nothing after a line-end hyphen ("2030-" / "fremskrivning").
    const text = doc.lines
      .map((line) => line.text)
      .join("\n")
      .replace(/-\n/g, "-")
      .replace(/\s+/g, " ");
    for (const item of gold.items) {
      assert.ok(
        text.includes(`Punkt ${item.number}: ${item.closed ? "Lukket: " : ""}${item.title}`),
        `item ${item.number}: ${item.title}`,
      );
    }
    const lines = doc.lines.map((line) => line.text);
    assert.ok(lines.includes("Punkt 3: Svar på forslag fra KF og M om at halvere prisen på parkering i"));
    assert.ok(
      lines.includes(
        "Fremsendes til Teknisk Udvalg til behandling i henhold til beslutning i byrådets møde den 27. august 2025.",
      ),
    );
    // No word glued to the next where pdf.js placed a space run.
    assert.deepEqual(
      lines.filter((line) => /påAarhus|fraV\b|forTeknik|ELogViggo/.test(line)),
      [],
    );
  });

  it("keeps superscript note numbers to their word, and spaces numbered headings and page footers", async () => {
    const doc = await extractReal("kl-det-naere-sundhedsvaesen-2012-bilag.pdf");
    const lines = doc.lines.map((line) => line.text);
    assert.ok(lines.includes("indsatsen er derfor centralt6."));
    assert.ok(lines.includes("11. Telemedicin og velfærdsteknologi"));
    const annex = await extractReal("aarhus-sundhed-og-omsorg-2025-08-29-bilag.pdf");
    assert.ok(annex.lines.some((line) => line.text === "Side 1 af 4"));
  });
});
