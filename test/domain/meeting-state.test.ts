/** The meeting state a document kind implies: what the importer and the bulk loader give a new meeting. */
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { DOCUMENT_KINDS } from "../../src/domain/document-kind.js";
import { isMeetingState, meetingStateForKind } from "../../src/domain/meeting-state.js";

describe("meetingStateForKind", () => {
  it("says minutes mean held, an agenda or annex pack announced, anything else planned", () => {
    assert.equal(meetingStateForKind("minutes"), "held");
    assert.equal(meetingStateForKind("agenda"), "agenda-published");
    assert.equal(meetingStateForKind("annex-pack"), "agenda-published");
    assert.equal(meetingStateForKind("document"), "planned");
  });

  it("gives a known state for every document kind", () => {
    for (const kind of DOCUMENT_KINDS) assert.ok(isMeetingState(meetingStateForKind(kind)), kind);
  });
});
