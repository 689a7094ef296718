/** What a new agenda is offered from the last minutes' "Punkter til næste møde" (seed 004, item 4.1). */
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { isNextMeetingTitle, nextMeetingSubjects, offerKey, parseOfferKey } from "../../src/domain/index.js";

// Seed 004, item 4.1, as import cleans it.
const SAGSFREMSTILLING = `Næste møde i KKR Nordjylland afholdes den 22. november 2024.
Følgende sager forventes behandlet på mødet:
– Opfølgning på KKR Nordjyllands beskæftigelsespolitiske fokuspunkter
– Status for Vækst Via Viden – mundtligt oplæg`;
const BESLUTNING =
  "KKR Nordjylland tog orienteringen til efterretning. En opdatering på sund-hedsreform ønskes på næste møde.";

describe("nextMeetingSubjects", () => {
  it("finds the dash list and the wish in Beslutning, each once", () => {
    assert.deepEqual(
      nextMeetingSubjects(
        SAGSFREMSTILLING,
        BESLUTNING.replace("sund-hedsreform", "sundhedsreform"),
        SAGSFREMSTILLING,
      ),
      [
        "Opfølgning på KKR Nordjyllands beskæftigelsespolitiske fokuspunkter",
        "Status for Vækst Via Viden – mundtligt oplæg",
        "En opdatering på sundhedsreform",
      ],
    );
  });

  it("finds nothing in text without a list or a wish", () => {
    assert.deepEqual(nextMeetingSubjects("Næste møde afholdes den 22. november 2024.", null), []);
  });

  it("knows the section's title", () => {
    assert.equal(isNextMeetingTitle("Punkter til næste møde"), true);
    assert.equal(isNextMeetingTitle("Siden sidst"), false);
  });
});

describe("offer keys", () => {
  it("round-trip and refuse anything else", () => {
    assert.deepEqual(parseOfferKey(offerKey("next-meeting", 12, 2)), {
      kind: "next-meeting",
      itemId: 12,
      subject: 2,
    });
    assert.deepEqual(parseOfferKey(offerKey("take-up-again", 7)), {
      kind: "take-up-again",
      itemId: 7,
      subject: 0,
    });
    assert.equal(parseOfferKey("take-up-again:7:1"), null);
    assert.equal(parseOfferKey("drop table"), null);
  });
});
