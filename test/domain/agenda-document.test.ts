/** The agenda contract's closed sets. */
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { AGENDA_FIELD_HEADINGS, isAgendaEdition } from "../../src/domain/agenda-document.js";
import { isItemFieldKey } from "../../src/domain/parsed-document.js";

describe("agenda document", () => {
  it("knows the two editions", () => {
    assert.ok(isAgendaEdition("public"));
    assert.ok(isAgendaEdition("internal"));
    assert.ok(!isAgendaEdition("lukket"));
  });

  it("prints only fields the parser has keys for", () => {
    for (const { key } of AGENDA_FIELD_HEADINGS) assert.ok(isItemFieldKey(key), key);
  });
});
