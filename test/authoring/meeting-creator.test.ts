/**
 * meetingCreator on both backends (issue 13): one meeting or a year plan, planned; refused for a member,
 * another body's secretariat and a date the body already meets on (nothing half made); audited.
 */
import assert from "node:assert/strict";
import { it } from "node:test";
import { AgendaRefused } from "../../src/authoring/agenda-refusal.js";
import { meetingCreator } from "../../src/authoring/meeting-creator.js";
import { listAuditEntries } from "../../src/store/index.js";
import { forEachBackend } from "../support/stores.js";
import { agendaWorld, CLI, T0 } from "./agenda-support.js";

forEachBackend("meetingCreator", (store) => {
  it("makes a year plan of planned meetings, each audited", async () => {
    const { db } = store();
    const world = await agendaWorld(db);
    const dates = ["2025-02-07", "2025-04-04", "2025-06-20", "2025-09-19", "2025-11-21"];
    const { meetingIds } = await meetingCreator({
      db,
      viewer: world.secretariat,
      actor: CLI,
      bodyId: world.bodyId,
      meetings: dates.map((date) => ({ date, startTime: "10:00", endTime: "12:00", location: "Aalborg" })),
      now: T0,
    });
    assert.equal(meetingIds.length, 5);
    const rows = await db
      .selectFrom("meeting")
      .select(["date", "state"])
      .where("id", "in", meetingIds)
      .orderBy("date")
      .execute();
    assert.deepEqual(
      rows.map((r) => r.date),
      dates,
    );
    assert.ok(rows.every((r) => r.state === "planned"));
    const audit = await listAuditEntries(db, {});
    assert.equal(audit.filter((e) => e.action === "meeting-create").length, 5);
  });

  it("refuses a member, another body's secretariat, a taken date and a bad time, changing nothing", async () => {
    const { db } = store();
    const world = await agendaWorld(db);
    const one = (viewer = world.secretariat, meeting = { date: "2026-01-09", startTime: "10:00" }) =>
      meetingCreator({ db, viewer, actor: CLI, bodyId: world.bodyId, meetings: [meeting], now: T0 });
    for (const viewer of [world.member, world.otherSecretariat, { kind: "public" } as const]) {
      await assert.rejects(one(viewer), (e: unknown) => e instanceof AgendaRefused && e.status === 403);
    }
    await one();
    await assert.rejects(
      meetingCreator({
        db,
        viewer: { kind: "administrator" },
        actor: CLI,
        bodyId: world.bodyId,
        meetings: [{ date: "2026-02-06" }, { date: "2026-01-09" }],
      }),
      (e: unknown) =>
        e instanceof AgendaRefused && e.status === 409 && /allerede et møde den 2026-01-09/.test(e.message),
    );
    await assert.rejects(
      one(world.secretariat, { date: "2026-02-06", startTime: "25:00" }),
      /ikke et klokkeslæt/,
    );
    await assert.rejects(one(world.secretariat, { date: "2026-02-30", startTime: "10:00" }), /ikke en dato/);
    const count = await db
      .selectFrom("meeting")
      .select((eb) => eb.fn.countAll<string>().as("n"))
      .where("date", ">=", "2026-01-01")
      .executeTakeFirstOrThrow();
    assert.equal(Number(count.n), 1);
  });
});
