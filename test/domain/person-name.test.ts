/** The rules for telling whether two persons may be one (issue 16): the import's near-match and the merge's say. */
import assert from "node:assert/strict";
import { it } from "node:test";
import { isNearMatch, isSuggestedDuplicate, mayMergePersons, PUBLIC_VIEWER } from "../../src/domain/index.js";

it("near-matches a name with a middle name left out, or a hyphen written as a space", () => {
  assert.equal(isNearMatch("Birgit Hansen", "Birgit Stenbak Hansen"), true);
  assert.equal(isNearMatch("Per Bach-Laursen", "Per Bach Laursen"), true);
  assert.equal(isNearMatch("Birgit Hansen", "Birgit Hansen"), false);
  assert.equal(isNearMatch("Birgit Hansen", "Bente Stenbak Hansen"), false);
  assert.equal(isNearMatch("Birgit Hansen", "Birgit Stenbak Jensen"), false);
});

it("suggests a near-match only within one body or one municipality", () => {
  const birgit = { name: "Birgit Hansen", municipality: "Frederikshavn", bodyIds: [1] };
  assert.equal(
    isSuggestedDuplicate(birgit, { name: "Birgit Stenbak Hansen", municipality: null, bodyIds: [1] }),
    true,
  );
  assert.equal(
    isSuggestedDuplicate(birgit, {
      name: "Birgit Stenbak Hansen",
      municipality: "Frederikshavn",
      bodyIds: [2],
    }),
    true,
  );
  assert.equal(
    isSuggestedDuplicate(birgit, { name: "Birgit Stenbak Hansen", municipality: "Aalborg", bodyIds: [2] }),
    false,
  );
  assert.equal(
    isSuggestedDuplicate(birgit, { name: "Birgit Jensen", municipality: "Frederikshavn", bodyIds: [1] }),
    false,
  );
});

it("lets an administrator merge anyone, a secretariat only people who sat in its bodies", () => {
  assert.equal(mayMergePersons({ kind: "administrator" }, [[], [3]]), true);
  assert.equal(mayMergePersons(PUBLIC_VIEWER, [[1], [1]]), false);
  const secretariat = { kind: "user", memberOf: [], secretariatOf: [1] } as const;
  assert.equal(mayMergePersons(secretariat, [[1], [1, 2]]), true);
  assert.equal(mayMergePersons(secretariat, [[1], [2]]), false);
  assert.equal(mayMergePersons({ kind: "user", memberOf: [1], secretariatOf: [] }, [[1], [1]]), false);
});
