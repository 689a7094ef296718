import assert from "node:assert/strict";
import { before, describe, it } from "node:test";
import { shouldJoinHyphen } from "../../../src/ingest/clean/hyphenation.js";
import { joinLines } from "../../../src/ingest/clean/join-lines.js";
import { loadDanishWordChecker } from "../../../src/ingest/danish/word-checker.js";
import type { SourceLine, WordChecker } from "../../../src/ingest/types.js";
import { gold, seedLine, seedLines } from "../../support/seed-lines.js";

let isWord: WordChecker;
before(async () => {
  isWord = await loadDanishWordChecker();
});

describe("shouldJoinHyphen", () => {
  it("joins a word broken by the typesetter (seeds/004 lines 179/181)", () => {
    assert.equal(
      seedLine("004", 179),
      "KKR (sammen med Business Region North Denmark (BRN)) er politisk ud-",
    );
    assert.equal(seedLine("004", 181), "viklingsgruppe for KlimaNord.  ");
    assert.equal(
      shouldJoinHyphen(
        "KKR (sammen med Business Region North Denmark (BRN)) er politisk ud",
        "viklingsgruppe for KlimaNord.",
        isWord,
      ),
      true,
    );
  });

  it("keeps the hyphen of a double name (seeds/004 line 189: 'Anna-' / 'Marie')", () => {
    assert.match(seedLine("004", 189), /Anna-$/);
    assert.equal(
      shouldJoinHyphen("klimakoordinatorerne Anna", "Marie Elmkær Chwastek, Zacharias", isWord),
      false,
    );
  });

  it("keeps the hyphen after CO2 (seeds/004 line 221) and between numbers (line 1827)", () => {
    assert.match(seedLine("004", 221), /af CO2-$/);
    assert.equal(shouldJoinHyphen("del af CO2", "udledningen i Danmark.", isWord), false);
    assert.match(seedLine("004", 1827), /i 2025-$/);
    assert.equal(shouldJoinHyphen("årligt i 2025", "28 til kommunale", isWord), false);
  });

  it("keeps a suspended compound before og/eller/comma", () => {
    assert.equal(shouldJoinHyphen("by", "og landdistrikter", isWord), false);
    assert.equal(shouldJoinHyphen("social", "eller sundhedsområdet", isWord), false);
    assert.equal(shouldJoinHyphen("natur", ", miljø- og klimaområdet", isWord), false);
  });

  it("never joins an en dash (seeds/003 line 2104: '2020–' / '2023')", () => {
    assert.match(seedLine("003", 2104), /2020–$/);
    assert.equal(shouldJoinHyphen("erhvervsfremme 2020–", "2023.", isWord), false);
  });

  it("joins after a real hyphen in the head: 'CO2-udled-' / 'ning' (seeds/003 line 230)", () => {
    assert.equal(seedLine("003", 230), "Den kommunale sektors andel af Danmarks samlede CO2-udled-");
    assert.equal(shouldJoinHyphen("samlede CO2-udled", "ning er ikke stor", isWord), true);
  });

  it("keeps place names and acronyms: 'Høje-' / 'Taastrup', 'CRM-' / 'systemet' (seeds/003 lines 1183, 2230)", () => {
    assert.match(seedLine("003", 1183), /i Høje-$/);
    assert.equal(shouldJoinHyphen("man i Høje", "Taastrup har gennemført", isWord), false);
    assert.match(seedLine("003", 2230), /om CRM-$/);
    assert.equal(shouldJoinHyphen("samarbejder om CRM", "systemet, og at", isWord), false);
  });

  it("keeps the hyphen between two adjectives: 'offentligt-' / 'privat' (seeds/001 line 3336)", () => {
    assert.equal(seedLine("001", 3336), "Green Hub Denmark er et offentligt-");
    assert.equal(
      shouldJoinHyphen("Green Hub Denmark er et offentligt", "privat partnerskab, som arbejder med", isWord),
      false,
    );
  });

  it("joins 'så-' / 'som' (seeds/001 line 6459) and keeps 'X-' / 'projekt' (seeds/002 line 6706)", () => {
    assert.match(seedLine("001", 6459), /så-$/);
    assert.equal(shouldJoinHyphen("så", "som", isWord), true);
    assert.match(seedLine("002", 6706), /X-$/);
    assert.equal(shouldJoinHyphen("et X", "projekt", isWord), false);
  });

  it("keeps the hyphen between two words that are no compound ('it-' / 'systemer')", () => {
    assert.equal(shouldJoinHyphen("nye it", "systemer", isWord), false);
  });
});

interface HyphenJoin {
  readonly line: number;
  readonly joined: string;
}

/** The line with the hyphen and the lines up to and including the next text line. */
function pairFrom(lines: readonly SourceLine[], line: number): SourceLine[] {
  const block: SourceLine[] = [];
  for (let index = line - 1; index < lines.length; index++) {
    const current = lines[index]!;
    block.push(current);
    if (index > line - 1 && current.text.trim() !== "") break;
  }
  return block;
}

function containsWord(text: string, word: string): boolean {
  const escaped = word.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  return new RegExp(`(^|[^\\p{L}\\p{N}-])${escaped}($|[^\\p{L}\\p{N}-])`, "u").test(text);
}

for (const seed of ["003", "004"]) {
  describe(`line-end hyphenation against gold/${seed} hyphenJoins`, () => {
    it("gets at least 98% of the joins right", (t) => {
      const joins = gold<{ hyphenJoins: HyphenJoin[] }>(seed).hyphenJoins;
      const lines = seedLines(seed);
      const wrong: string[] = [];
      for (const { line, joined } of joins) {
        const text = joinLines(pairFrom(lines, line), isWord);
        if (!containsWord(text, joined)) wrong.push(`${line} ${joined}: ${text}`);
      }
      const score = (joins.length - wrong.length) / joins.length;
      t.diagnostic(`gold/${seed} hyphen joins: ${joins.length - wrong.length}/${joins.length}`);
      assert.ok(score >= 0.98, `score ${score.toFixed(3)}; wrong:\n${wrong.join("\n")}`);
    });
  });
}

describe("line-end hyphens the gold files leave joined with a space or kept", () => {
  it("keeps suspended compounds: 'jord- og klimafond' (seeds/003 lines 985/986)", () => {
    const text = joinLines(pairFrom(seedLines("003"), 985), isWord);
    assert.match(text, /uafhængig statslig jord- og klimafond/);
  });

  it("keeps 'Sundheds- og Æl-' / 'dreudvalget' as 'Sundheds- og Ældreudvalget' (seeds/004 line 2064)", () => {
    const text = joinLines(pairFrom(seedLines("004"), 2064), isWord);
    assert.match(text, /Sundheds- og Ældreudvalget i KL/);
  });

  it("keeps '2020–' / '2023' as a range (seeds/003 line 2104)", () => {
    const text = joinLines(pairFrom(seedLines("003"), 2104), isWord);
    assert.match(text, /2020–2023\./);
  });
});
