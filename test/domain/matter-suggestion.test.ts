/**
 * The matter suggestion rule (issue 14) on the seeds' own titles: the items of KKR Nordjylland's minutes
 * of 20 September 2024 (seed 004, all under case number SAG-2024-03326) and the annex titles of its
 * packs of 2020, 2021 and 2025 (seeds 000, 001, 002) and of KKR Midtjylland's of 2020 (seed 003).
 */
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import {
  type MatterCandidate,
  matterTitleFrom,
  matterWords,
  normaliseMatterTitle,
  scoreMatterPair,
  titleSimilarity,
} from "../../src/domain/index.js";

const MEETING_CASE = "SAG-2024-03326";
let nextMeeting = 100;
const item = (title: string, extra: Partial<MatterCandidate> = {}): MatterCandidate => ({
  title,
  caseNumber: null,
  meetingId: nextMeeting++,
  bodyId: 1,
  ...extra,
});

describe("normaliseMatterTitle and matterWords", () => {
  it("drops years, numbers and item numbers, keeps Danish letters", () => {
    assert.equal(
      normaliseMatterTitle("Andenbehandling af Nordjysk Socialaftale 2025-26"),
      "andenbehandling af nordjysk socialaftale",
    );
    assert.equal(normaliseMatterTitle("(2.3) Pædagogdimensionering 2021-2022"), "pædagogdimensionering");
    assert.equal(
      normaliseMatterTitle("Socialtilsyn Nords Årsberetning 2023"),
      "socialtilsyn nords årsberetning",
    );
  });
  it("drops stop words and procedure words, stems inflections; standing items have no words", () => {
    assert.deepEqual(matterWords("Socialtilsyn Nords budget for 2025"), ["socialtilsyn", "nord", "budg"]);
    assert.deepEqual(matterWords("Proces for Nordjysk Socialaftale"), ["nordjysk", "socialaftal"]);
    assert.deepEqual(matterWords("Godkendelse af referat"), []);
    assert.deepEqual(matterWords("Punkter til næste møde"), []);
    assert.deepEqual(matterWords("Eventuelt"), []);
  });
});

describe("scoreMatterPair: the same matter in another year", () => {
  const pairs: [string, string][] = [
    ["Socialtilsyn Nords budget for 2025", "Socialtilsyn Nords budget for 2026"],
    ["Børnehus Nord – budget og takster for 2020", "Børnehus Nord – Budget og takster for 2021"],
    [
      "De fælleskommunale sekretariater – budget 2020 og regnskab 2019",
      "Regnskab og budget – fælleskommunale sekretariater",
    ],
    [
      "Resultatkontrakt mellem Erhvervshus Nordjylland og KKR Nordjylland",
      "Resultatkontrakt Erhvervshus Nordjylland",
    ],
    ["Proces for Nordjysk Socialaftale", "Andenbehandling af Nordjysk Socialaftale 2025-26"],
    ["Proces for udarbejdelse af Rammeaftale 2021-22", "Rammeaftalen 2025-26"],
    [
      "Fordeling af lærepladser på SOSU-uddannelserne for 2025",
      "Fordeling af lærepladser på SOSU-uddannelserne 2026",
    ],
  ];
  for (const [a, b] of pairs) {
    it(`${a} ~ ${b}`, () => {
      const score = scoreMatterPair(item(a), item(b));
      assert.ok(score, "suggested");
      assert.ok(score.score >= 0.5);
    });
  }
  it("says which words the titles share", () => {
    const score = scoreMatterPair(
      item("Socialtilsyn Nords budget for 2025"),
      item("Socialtilsyn Nords budget for 2026"),
    );
    assert.deepEqual(score, {
      score: 1,
      sharedWords: ["socialtilsyn", "nord", "budg"],
      sameCaseNumber: false,
    });
  });
});

describe("scoreMatterPair: look-alikes that are not one matter", () => {
  it("the annual report and the budget of one organisation, same case number, other meetings", () => {
    const report = item("Socialtilsyn Nords Årsberetning 2023", { caseNumber: MEETING_CASE });
    const budget = item("Socialtilsyn Nords budget for 2026", { caseNumber: MEETING_CASE });
    assert.equal(scoreMatterPair(report, budget), null);
  });
  it("a shared case number alone makes no suggestion (every item of a KKR meeting has it)", () => {
    const pairs: [string, string][] = [
      ["Status fra KlimaNord", "National Klimaalliance – status for indsatser"],
      ["Aftale om Grønt Danmark", "Andenbehandling af Nordjysk Socialaftale 2025-26"],
      [
        "Orientering om status fra erhvervsområdet",
        "Fordeling af lærepladser på SOSU-uddannelserne for 2025",
      ],
    ];
    for (const [a, b] of pairs) {
      assert.equal(
        scoreMatterPair(item(a, { caseNumber: MEETING_CASE }), item(b, { caseNumber: MEETING_CASE })),
        null,
        `${a} / ${b}`,
      );
    }
  });
  it("two organisations' budgets share only the kind of document and a short word", () => {
    assert.equal(
      scoreMatterPair(
        item("Børnehus Nord – budget og takster for 2021"),
        item("Socialtilsyn Nords budget for 2025"),
      ),
      null,
    );
  });
  it("items of one meeting are never one matter", () => {
    const a = item("Socialtilsyn Nords budget for 2025", { meetingId: 1 });
    const b = item("Socialtilsyn Nords budget for 2025", { meetingId: 1 });
    assert.equal(scoreMatterPair(a, b), null);
  });
  it("standing items recur at every meeting and are never suggested", () => {
    for (const title of ["Godkendelse af dagsorden", "Godkendelse af referat", "Siden sidst", "Eventuelt"]) {
      assert.equal(scoreMatterPair(item(title), item(title)), null, title);
    }
  });
  it("another KKR's result contract is another matter (other body: near-identical titles only)", () => {
    const midt = item("Resultatkontrakt KKR Midtjylland og Erhvervshus Midt 2020. UDKAST", { bodyId: 2 });
    const nord = item("Resultatkontrakt Erhvervshus Nordjylland", { bodyId: 1 });
    assert.equal(scoreMatterPair(midt, nord), null);
    assert.ok(scoreMatterPair(item("Rammeaftale 2025-26", { bodyId: 2 }), item("Rammeaftale 2026-27")));
  });
});

describe("scoreMatterPair: a shared case number strengthens a title match", () => {
  it("a middling title score crosses the threshold with the same case number", () => {
    const a = "Nordjysk Socialaftale";
    const b = "Socialaftale: specialområdet og herberger";
    const { score } = titleSimilarity(a, b);
    assert.ok(score >= 0.35 && score < 0.5, `title score ${score}`);
    assert.equal(scoreMatterPair(item(a), item(b)), null);
    const strengthened = scoreMatterPair(
      item(a, { caseNumber: "SAG-2023-00417" }),
      item(b, { caseNumber: "SAG-2023-00417" }),
    );
    assert.ok(strengthened?.sameCaseNumber);
  });
});

describe("matterTitleFrom", () => {
  it("takes the years out of an item's title", () => {
    assert.equal(matterTitleFrom("Socialtilsyn Nords budget for 2025"), "Socialtilsyn Nords budget");
    assert.equal(
      matterTitleFrom("Andenbehandling af Nordjysk Socialaftale 2025-26"),
      "Andenbehandling af Nordjysk Socialaftale",
    );
    assert.equal(matterTitleFrom("Pædagogdimensionering 2021-2022"), "Pædagogdimensionering");
    assert.equal(
      matterTitleFrom("Regnskab og budget – fælleskommunale sekretariater"),
      "Regnskab og budget – fælleskommunale sekretariater",
    );
    assert.equal(matterTitleFrom("2025"), "2025");
  });
});
