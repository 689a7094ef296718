/** The minutes' path (issue 14): which step is open in which state, the approval item, the chair, who reads a draft. */
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import {
  isChairRole,
  isMinutesApprovalItem,
  MINUTES_STATES,
  mayReadMinutesDraft,
  minutesApprovalText,
  minutesStepRefusal,
} from "../../src/domain/index.js";

describe("minutes lifecycle", () => {
  it("opens each step only where the path allows it", () => {
    const open = (step: Parameters<typeof minutesStepRefusal>[0]) =>
      MINUTES_STATES.filter((state) => minutesStepRefusal(step, state) === null);
    assert.deepEqual(open("render"), ["draft", "remarks", "approved", "published"]);
    assert.deepEqual(open("send-remarks"), ["draft", "remarks"]);
    assert.deepEqual(open("approve"), ["draft", "remarks"]);
    assert.deepEqual(open("publish"), ["approved"]);
    assert.equal(
      minutesStepRefusal("publish", "draft"),
      "Referatet skal godkendes, før det kan offentliggøres.",
    );
  });

  it("knows the next meeting's item that approves the minutes, and the chair's role", () => {
    assert.equal(isMinutesApprovalItem("Godkendelse af referat"), true);
    assert.equal(isMinutesApprovalItem(" godkendelse af referatet fra mødet 21. juni"), true);
    assert.equal(isMinutesApprovalItem("Godkendelse af dagsorden"), false);
    assert.equal(isChairRole("Formand"), true);
    assert.equal(isChairRole("chair"), true);
    assert.equal(isChairRole("næstformand"), false);
  });

  it("names the approval in Danish", () => {
    assert.equal(
      minutesApprovalText("chair", "Sofie Sekretariat", "21. september 2024"),
      "Godkendt af formanden 21. september 2024 (registreret af Sofie Sekretariat)",
    );
    assert.equal(
      minutesApprovalText("next-meeting", null, "20. november 2024"),
      "Godkendt på mødet 20. november 2024",
    );
  });

  it("lets the secretariat and the members it was sent to read a draft, nobody else", () => {
    assert.equal(mayReadMinutesDraft({ mayEdit: true, sentForRemarksToViewer: false }), true);
    assert.equal(mayReadMinutesDraft({ mayEdit: false, sentForRemarksToViewer: true }), true);
    assert.equal(mayReadMinutesDraft({ mayEdit: false, sentForRemarksToViewer: false }), false);
  });
});
