/** The kind of outcome a decision records, as the decision overview filters by it. */
import assert from "node:assert/strict";
import { it } from "node:test";
import { decisionOutcome } from "../../src/domain/index.js";

it("reads the outcome from the words of the decision", () => {
  const cases: [string | null, string][] = [
    ["Indstillingen blev godkendt.", "godkendt"],
    ["Godkendt.", "godkendt"],
    ["KKR Nordjylland tiltrådte indstillingen.", "godkendt"],
    ["Orienteringen blev taget til efterretning.", "efterretning"],
    ["KKR anbefaler kommunalbestyrelserne at godkende aftalen.", "anbefalet"],
    ["Punktet blev udsat til næste møde.", "udsat"],
    ["Sagen udsættes.", "udsat"],
    ["KKR drøftede sagen.", "andet"],
    [null, "andet"],
  ];
  for (const [text, outcome] of cases) assert.equal(decisionOutcome(text), outcome, String(text));
});

it("counts an outcome word only where a word begins", () => {
  assert.equal(decisionOutcome("Forudsat finansiering fortsætter arbejdet."), "andet");
  assert.equal(decisionOutcome("Drøftet, forudsat at godkendelse sker senere."), "godkendt");
});
