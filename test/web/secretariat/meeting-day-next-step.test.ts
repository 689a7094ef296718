/** The workspace's next steps point to the meeting-day screen once a sent meeting's day has come (issue 14). */
import assert from "node:assert/strict";
import { it } from "node:test";
import type { DraftMeeting } from "../../../src/store/index.js";
import { nextSteps } from "../../../src/web/secretariat/next-steps.js";

const meeting = (id: number, date: string, phase: DraftMeeting["phase"]): DraftMeeting => ({
  id,
  bodyId: 1,
  bodyName: "KKR Nordjylland",
  date,
  startTime: "10:00",
  endTime: "12:00",
  location: null,
  state: phase === "held" ? "held" : phase === "agenda-sent" ? "agenda-published" : "planned",
  phase,
  versions: phase === "agenda-sent" ? 1 : 0,
});

it("offers the meeting day for a sent meeting whose day has come, and not before or once held", () => {
  const today = "2025-02-07";
  const steps = nextSteps(
    [meeting(7, "2025-02-07", "agenda-sent"), meeting(8, "2025-04-04", "planned")],
    today,
  );
  const step = steps.find((s) => s.href === "/sekretariat/moede/7/moededag");
  assert.equal(
    step?.text,
    "Mødet 7. februar 2025 er ikke markeret som afholdt: registrér fremmøde og beslutninger.",
  );
  assert.equal(step?.linkLabel, "Gå til mødedagen");
  const before = nextSteps([meeting(7, "2025-02-07", "agenda-sent")], "2025-02-06");
  assert.equal(
    before.some((s) => s.href?.endsWith("/moededag")),
    false,
  );
  const held = nextSteps([meeting(7, "2025-02-07", "held")], "2025-02-08");
  assert.equal(
    held.some((s) => s.href?.endsWith("/moededag")),
    false,
  );
});
