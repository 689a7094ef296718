/** Party letters shown with the party's name; local lists keep their letter. */
import assert from "node:assert/strict";
import { it } from "node:test";
import { partyLabel } from "../../src/domain/index.js";

it("names the national parties and leaves a local list's letter as it is", () => {
  assert.equal(partyLabel("A"), "Socialdemokratiet (A)");
  assert.equal(partyLabel("v"), "Venstre (V)");
  assert.equal(partyLabel("Ø"), "Enhedslisten (Ø)");
  assert.equal(partyLabel("Å"), "Alternativet (Å)");
  assert.equal(partyLabel("Æ"), "Danmarksdemokraterne (Æ)");
  assert.equal(partyLabel("L"), "L");
});
