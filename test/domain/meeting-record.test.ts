/** The meeting-day rules (issue 14): attendance, standard decision phrases, votes, and the meeting-day steps. */
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import {
  attendanceProblem,
  decisionPhrase,
  decisionPhrases,
  meetingDayStepRefusal,
  participantIds,
  partyLetter,
  stateAfterHolding,
  voteLine,
  voteProblem,
} from "../../src/domain/index.js";

const names = (id: number) =>
  ({ 1: "Frida Fog", 2: "Søren Suppleant", 3: "Mogens Gade", 4: "Ole Olsen" })[id] ?? "?";

describe("attendance", () => {
  it("lets a substitute stand in for a member recorded absent", () => {
    assert.equal(
      attendanceProblem([
        { personId: 3, status: "present" },
        { personId: 1, status: "absent" },
        { personId: 2, status: "substitute", substituteForPersonId: 1 },
        { personId: 4, status: "official", note: "KL" },
      ]),
      null,
    );
  });

  it("refuses a substitute for a member who is present, or for nobody, or for themselves", () => {
    assert.equal(
      attendanceProblem([
        { personId: 1, status: "present" },
        { personId: 2, status: "substitute", substituteForPersonId: 1 },
      ]),
      "En suppleant kan kun træde i stedet for et medlem, der har meldt afbud.",
    );
    assert.equal(
      attendanceProblem([{ personId: 2, status: "substitute" }], names),
      "Angiv, hvem suppleanten Søren Suppleant træder i stedet for.",
    );
    assert.equal(
      attendanceProblem([{ personId: 2, status: "substitute", substituteForPersonId: 2 }], names),
      "Søren Suppleant kan ikke være suppleant for sig selv.",
    );
    assert.equal(
      attendanceProblem([{ personId: 3, status: "present", substituteForPersonId: 1 }]),
      "Kun en suppleant kan træde i stedet for et andet medlem.",
    );
  });

  it("lists a person once, and an absent member has one substitute", () => {
    assert.equal(
      attendanceProblem(
        [
          { personId: 1, status: "absent" },
          { personId: 1, status: "present" },
        ],
        names,
      ),
      "Frida Fog står mere end én gang i fremmødet.",
    );
    assert.equal(
      attendanceProblem(
        [
          { personId: 1, status: "absent" },
          { personId: 2, status: "substitute", substituteForPersonId: 1 },
          { personId: 4, status: "substitute", substituteForPersonId: 1 },
        ],
        names,
      ),
      "Frida Fog har allerede en suppleant.",
    );
  });

  it("lets those present and the substitutes take part", () => {
    assert.deepEqual(
      participantIds([
        { personId: 3, status: "present" },
        { personId: 1, status: "absent" },
        { personId: 2, status: "substitute", substituteForPersonId: 1 },
        { personId: 4, status: "guest" },
      ]),
      [3, 2],
    );
  });
});

describe("decision phrases", () => {
  it("writes the standard phrases in the body's name", () => {
    assert.deepEqual(
      decisionPhrases("KKR Nordjylland").map((p) => p.text),
      [
        "Indstillingen blev tiltrådt.",
        "KKR Nordjylland tog orienteringen til efterretning.",
        "Godkendt.",
        "Drøftet.",
        "Udsat.",
      ],
    );
    assert.equal(decisionPhrase("noted", "KKR Sjælland"), "KKR Sjælland tog orienteringen til efterretning.");
  });
});

describe("votes", () => {
  it("accepts members and parties, each once", () => {
    assert.equal(
      voteProblem({ for: [{ personId: 3 }, { party: "V" }], against: [{ party: "Ø" }], abstaining: [] }, [3]),
      null,
    );
  });

  it("refuses a voter twice, in one list or across them", () => {
    assert.equal(
      voteProblem({ for: [{ party: "A" }], against: [{ party: "A" }], abstaining: [] }),
      "Parti A står mere end én gang i afstemningen.",
    );
    assert.equal(
      voteProblem({ for: [{ personId: 3 }, { personId: 3 }], against: [], abstaining: [] }, undefined, names),
      "Mogens Gade står mere end én gang i afstemningen.",
    );
  });

  it("refuses an absent member's vote, a bad party letter and an empty vote", () => {
    assert.equal(
      voteProblem({ for: [{ personId: 1 }], against: [], abstaining: [] }, [3, 2], names),
      "Frida Fog deltog ikke i mødet og kan ikke stemme.",
    );
    assert.equal(
      voteProblem({ for: [{ party: "Venstre" }], against: [], abstaining: [] }),
      '"Venstre" er ikke et partibogstav (fx A, V eller Ø).',
    );
    assert.equal(
      voteProblem({ for: [], against: [], abstaining: [] }),
      "En afstemning skal have mindst én stemme.",
    );
  });

  it("reads party letters as typed and prints a vote in one line", () => {
    assert.equal(partyLetter(" ø "), "Ø");
    assert.equal(partyLetter("12"), null);
    assert.equal(
      voteLine({
        for: [
          { kind: "party", party: "A" },
          { kind: "person", personId: 3, name: "Mogens Gade", party: "A" },
        ],
        against: [{ kind: "party", party: "Ø" }],
        abstaining: [],
      }),
      "For stemte: A, Mogens Gade (A) (2). Imod stemte: Ø (1). Hverken for eller imod: ingen (0).",
    );
  });
});

describe("meeting-day steps", () => {
  it("records once the agenda is sent and while held; holds once", () => {
    assert.equal(meetingDayStepRefusal("record", "agenda-sent"), null);
    assert.equal(meetingDayStepRefusal("record", "held"), null);
    assert.equal(
      meetingDayStepRefusal("record", "agenda-draft"),
      "Mødet kan først protokolleres, når dagsordenen er udsendt.",
    );
    assert.equal(
      meetingDayStepRefusal("record", "minutes-approved"),
      "Referatet er godkendt; mødets protokol kan ikke længere ændres.",
    );
    assert.equal(meetingDayStepRefusal("hold", "agenda-sent"), null);
    assert.equal(meetingDayStepRefusal("hold", "held"), "Mødet er allerede markeret som afholdt.");
    assert.equal(stateAfterHolding("agenda-published"), "held");
    assert.equal(stateAfterHolding("minutes-approved"), "minutes-approved");
  });
});
