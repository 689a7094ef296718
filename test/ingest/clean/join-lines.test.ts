import assert from "node:assert/strict";
import { before, describe, it } from "node:test";
import { joinLines } from "../../../src/ingest/clean/join-lines.js";
import { findRunningLines } from "../../../src/ingest/clean/running-lines.js";
import { loadDanishWordChecker } from "../../../src/ingest/danish/word-checker.js";
import type { SourceLine, WordChecker } from "../../../src/ingest/types.js";
import { seedLine, seedLines, seedRange } from "../../support/seed-lines.js";

let isWord: WordChecker;
before(async () => {
  isWord = await loadDanishWordChecker();
});

function lines(...texts: string[]): SourceLine[] {
  return texts.map((text, index) => ({ line: index + 1, page: 1, text }));
}

describe("joinLines", () => {
  it("collapses the blank line after every line of seeds/004 and keeps its paragraphs (lines 1-24)", () => {
    assert.equal(seedLine("004", 4), "Mission ");
    assert.equal(seedLine("004", 6), "KL bidrager til at udvikle og fastholde et stærkt lokalt ");
    assert.equal(
      joinLines(seedRange("004", 1, 24), isWord),
      "Mission\n\nKL bidrager til at udvikle og fastholde et stærkt lokalt demokrati. KL varetager kommunernes " +
        "fælles interesser og er kommunernes samlede forhandlingsorganisation, videnscenter og forum for fælles " +
        "initiativer og beslutninger.\n\nVision\n\nKL opnår, med et helhedsperspektiv på opgaveløsningen, " +
        "indflydelse og resultater på kommunernes vegne, til gavn for borgerne og samfundet.",
    );
  });

  it("drops the running header at a page break and joins the sentence across it (seeds/004 lines 676-690)", () => {
    assert.equal(
      seedLine("004", 678),
      "Grønt Danmark. En ny lokal organisering med kommunerne i spidsen skal ",
    );
    assert.equal(
      seedLine("004", 686),
      "være central motor for hele den arealbaserede omlægning. Kommunerne får ",
    );
    const all = seedLines("004");
    const text = joinLines(seedRange("004", 676, 690), isWord, findRunningLines(all));
    assert.match(text, /i spidsen skal være central motor/);
    assert.match(text, /den lokale planlægning og implementering/);
    assert.doesNotMatch(text, /SIDE|20-09-2024/);
  });

  it("keeps one attendee per line (seeds/004 lines 53-57)", () => {
    assert.equal(
      seedLine("004", 55),
      "Peter E. Nielsen (A) Frederikshavn Kommune, Suppl. for Birgit Hansen ",
    );
    const text = joinLines(seedRange("004", 29, 57), isWord);
    assert.match(
      text,
      /\nPeter E\. Nielsen \(A\) Frederikshavn Kommune, Suppl\. for Birgit Hansen\nFrank Østergaard \(F\) Jammerbugt/,
    );
  });

  it("joins a long line that stops on a lower-case word with a name on the next (seeds/001 lines 75-77)", () => {
    assert.equal(
      seedLine("001", 75),
      "Den samme ansvarlighed har de nordjyske kommuner vist med deltagelsen i ",
    );
    const text = joinLines(seedRange("001", 60, 90), isWord);
    assert.match(
      text,
      /vist med deltagelsen i Social og Indenrigsministeriets Frikommuneforsøg II på beskæftigelsesområdet/,
    );
  });

  it("joins across one blank line when the next line goes on in lower case (seeds/004 lines 144-146)", () => {
    assert.equal(seedLine("004", 146), "møde den 21. juni 2024. ");
    const text = joinLines(seedRange("004", 138, 150), isWord);
    assert.match(text, /godkender referatet fra KKR Nordjyllands møde den 21\. juni 2024\./);
  });

  it("keeps the day's programme one entry per line (seeds/004 lines 112-116)", () => {
    assert.equal(seedLine("004", 114), "10.00-12.00 – KKR-møde ");
    const text = joinLines(seedRange("004", 100, 125), isWord);
    assert.match(
      text,
      /9\.30-10\.00 – Ankomst og morgenmad\n+10\.00-12\.00 – KKR-møde\n+12\.00-12\.30 – Frokost/,
    );
  });

  it("keeps 'fase' / '2, som skal' in one sentence (seeds/004 lines 535-537)", () => {
    const text = joinLines(seedRange("004", 520, 560), isWord);
    assert.match(text, /Der arbejdes på en fase 2, som skal afsøge/);
  });

  it("goes on after a line that ends on a preposition (seeds/003 line 578)", () => {
    assert.equal(seedLine("003", 578), "for udviklingen af energiforsyningen i ");
    const text = joinLines(seedRange("003", 570, 585), isWord);
    assert.match(text, /udviklingen af energiforsyningen i Danmark og kommunernes rolle/);
  });

  it("keeps en dash bullets on their own lines and joins their wrapped text (seeds/004 lines 942-958)", () => {
    assert.match(seedLine("004", 942), /^– at det er vigtigt at få afklaret rammerne/);
    const text = joinLines(seedRange("004", 942, 958), isWord, findRunningLines(seedLines("004")));
    assert.match(text, /f\.eks\. i form af digitale kort,\n– at der tages højde for at landbruget/);
    assert.match(text, /udfordring i den her henseende/);
  });

  it("joins the tab-indented list lines of seeds/003 that end in '- ' (lines 405-407)", () => {
    assert.equal(
      seedLine("003", 405),
      "\t Det kræver, at der sker en ny national politisk afvejning af be- ",
    );
    const text = joinLines(seedRange("003", 405, 407), isWord);
    assert.equal(
      text,
      "Det kræver, at der sker en ny national politisk afvejning af beskyttelseshensyn i forhold til " +
        "skovplantager, herregårdslandskaber og afstandskrav til boliger langs motorveje.",
    );
  });

  it("keeps blank lines as paragraph breaks in single-spaced text (seeds/003 lines 1945-1951)", () => {
    const text = joinLines(seedRange("003", 1945, 1951), isWord);
    assert.match(text, /kernen i den decentrale erhvervsservice\.\n\nErhvervshus Midtjylland betjener/);
  });

  it("joins split ligatures with the evidence of the lines around them (seeds/001 lines 4128-4146)", () => {
    const text = joinLines(seedRange("001", 4128, 4146), isWord);
    assert.match(text, /Erhvervshuse aftales hvilke programmer/);
    assert.match(text, /om efterspørgslen efter specialiseret vejledning/);
    assert.match(text, /styrkelse af viden/);
  });

  it("keeps 'by- og land' and 'Anna-Marie'", () => {
    assert.equal(
      joinLines(lines("udvikling af by-", "og landområder"), isWord),
      "udvikling af by- og landområder",
    );
    assert.equal(
      joinLines(lines("klimakoordinatorerne Anna-", "", "Marie Elmkær"), isWord),
      "klimakoordinatorerne Anna-Marie Elmkær",
    );
  });

  it("puts a bullet alone on its line in front of its text", () => {
    assert.equal(
      joinLines(lines("Punkter:", "•", "Mobilitet", "•", "Grøn Energi"), isWord),
      "Punkter:\n• Mobilitet\n• Grøn Energi",
    );
  });

  it("returns an empty string for blank or skipped lines", () => {
    assert.equal(joinLines(lines("", "  ", "\t"), isWord), "");
    assert.equal(joinLines(lines("Side 1 af 2"), isWord, new Set([1])), "");
  });
});
