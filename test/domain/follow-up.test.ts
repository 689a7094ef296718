/**
 * The rules of decisions sent on and follow-up (issue 14): a KKR's municipalities are its region's, each
 * municipality has one ASCII slug (æ, ø, å as ae, oe, aa) and any spelling finds it; a task is overdue by
 * Copenhagen's day, the lists put overdue first, the reminder is due once within seven days; a closed
 * item's tasks are never shown to the public.
 */
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import {
  bodyMunicipalities,
  compareFollowUps,
  copenhagenDay,
  followUpInputProblem,
  isOverdue,
  MUNICIPALITIES,
  mayShowFollowUps,
  municipalityOfSlug,
  municipalitySlug,
  PUBLIC_VIEWER,
  reminderDue,
} from "../../src/domain/index.js";

describe("municipalities of a body", () => {
  it("gives KKR Nordjylland Region Nordjylland's 11 and every region its own", () => {
    assert.equal(bodyMunicipalities("KKR Nordjylland").length, 11);
    assert.ok(bodyMunicipalities("KKR Nordjylland").includes("Læsø"));
    assert.equal(bodyMunicipalities("KKR Hovedstaden").length, 29);
    assert.equal(bodyMunicipalities("KKR Sjælland").length, 17);
    assert.equal(bodyMunicipalities("Socialtilsyn Nord").length, 0);
  });

  it("slugs each of the 98 uniquely and finds it from any spelling", () => {
    const slugs = MUNICIPALITIES.map(municipalitySlug);
    assert.equal(new Set(slugs).size, 98);
    assert.ok(slugs.every((s) => /^[a-z0-9-]+$/.test(s)));
    assert.equal(municipalitySlug("Læsø"), "laesoe");
    assert.equal(municipalityOfSlug("laesoe"), "Læsø");
    assert.equal(municipalityOfSlug("L%C3%A6s%C3%B8"), "Læsø");
    assert.equal(municipalityOfSlug("Ringkøbing-Skjern"), "Ringkøbing-Skjern");
    assert.equal(municipalityOfSlug("atlantis"), null);
  });
});

describe("follow-up rules", () => {
  it("is overdue by the day in Copenhagen", () => {
    assert.equal(copenhagenDay(new Date("2025-03-01T23:30:00Z")), "2025-03-02");
    const task = { status: "open" as const, dueDate: "2025-03-01" };
    assert.equal(isOverdue(task, "2025-03-01"), false);
    assert.equal(isOverdue(task, "2025-03-02"), true);
    assert.equal(isOverdue({ ...task, status: "done" }, "2025-03-02"), false);
  });

  it("orders overdue first, then by deadline, done last", () => {
    const tasks = [
      { id: 1, status: "done" as const, dueDate: "2025-01-01" },
      { id: 2, status: "open" as const, dueDate: null },
      { id: 3, status: "open" as const, dueDate: "2025-06-01" },
      { id: 4, status: "in-progress" as const, dueDate: "2025-02-01" },
    ];
    assert.deepEqual(
      tasks.sort(compareFollowUps("2025-03-01")).map((t) => t.id),
      [4, 3, 2, 1],
    );
  });

  it("reminds once, within seven days of the deadline", () => {
    const task = { status: "open" as const, dueDate: "2025-03-10", reminderSentAt: null };
    assert.equal(reminderDue(task, "2025-03-02"), false);
    assert.equal(reminderDue(task, "2025-03-03"), true);
    assert.equal(reminderDue({ ...task, reminderSentAt: new Date() }, "2025-03-03"), false);
  });

  it("checks a task's input in Danish", () => {
    const base = {
      description: "Aftalen behandles",
      responsibleKind: "municipality" as const,
      municipality: "Aalborg",
      responsible: null,
      dueDate: "2025-03-01",
      status: "open" as const,
      notes: null,
    };
    assert.equal(followUpInputProblem(base), null);
    assert.equal(
      followUpInputProblem({ ...base, municipality: "Atlantis" }),
      "Vælg den kommune, opgaven ligger hos.",
    );
    assert.equal(
      followUpInputProblem({ ...base, dueDate: "1. marts" }),
      "Fristen skal være en dato (åååå-mm-dd).",
    );
  });

  it("never shows a closed item's tasks to the public", () => {
    assert.equal(
      mayShowFollowUps(PUBLIC_VIEWER, { bodyId: 1, closed: true, decisionPublished: true }),
      false,
    );
    assert.equal(
      mayShowFollowUps(PUBLIC_VIEWER, { bodyId: 1, closed: false, decisionPublished: false }),
      false,
    );
    assert.equal(
      mayShowFollowUps(PUBLIC_VIEWER, { bodyId: 1, closed: false, decisionPublished: true }),
      true,
    );
    const secretariat = { kind: "user" as const, memberOf: [], secretariatOf: [1] };
    assert.equal(mayShowFollowUps(secretariat, { bodyId: 1, closed: true, decisionPublished: false }), true);
  });
});
