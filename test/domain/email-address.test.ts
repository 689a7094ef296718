/** The e-mail address shape accounts and alerts accept. */
import assert from "node:assert/strict";
import { it } from "node:test";
import { isEmailAddress, isPublicEmailAddress } from "../../src/domain/index.js";

it("takes an address with one @ and no spaces or brackets, within 254 characters", () => {
  assert.ok(isEmailAddress("anna@kl.dk"));
  assert.ok(isEmailAddress("admin@localhost"));
  for (const bad of ["anna", "anna@@kl.dk", "an na@kl.dk", "<anna@kl.dk>", `${"a".repeat(250)}@kl.dk`]) {
    assert.ok(!isEmailAddress(bad), bad);
  }
});

it("asks a reader's address for a domain with a dot", () => {
  assert.ok(isPublicEmailAddress("navn@eksempel.dk"));
  assert.ok(!isPublicEmailAddress("navn@eksempel"));
  assert.ok(!isPublicEmailAddress("navn@eksempel."));
});
