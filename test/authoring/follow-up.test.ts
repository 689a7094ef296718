/**
 * Follow-up tasks on both backends (issue 14): created and changed by the secretariat under a revision (a
 * stale save is refused with the other's change), overdue once the clock passes the deadline (the test's
 * clock, not the machine's), the lists overdue first, a closed item's tasks never public, and the
 * reminder mailed once by the follow-up-reminders job through the real queue.
 */
import assert from "node:assert/strict";
import { it } from "node:test";
import { followUpCreator } from "../../src/authoring/follow-up-creator.js";
import { FollowUpRefused } from "../../src/authoring/follow-up-refusal.js";
import { followUpUpdater } from "../../src/authoring/follow-up-updater.js";
import { copenhagenDay, isOverdue } from "../../src/domain/index.js";
import { enqueueJob, startWorker } from "../../src/jobs/index.js";
import { jobStatus, listAuditEntries, listFollowUps, publicFollowUps } from "../../src/store/index.js";
import { forEachBackend } from "../support/stores.js";
import { CLI, testOutbox } from "./agenda-support.js";
import { decisionWorld, taskFor } from "./decision-follow-up-support.js";

forEachBackend("follow-up", (store) => {
  it("creates and changes a task; a stale save is refused with the other's change", async () => {
    const { db } = store();
    const { world, openItemId } = await decisionWorld(db);
    const props = { db, viewer: world.secretariat, actor: CLI };
    const task = await followUpCreator({
      ...props,
      itemId: openItemId,
      task: taskFor("Aalborg", "2025-03-01"),
    });
    assert.equal(task.status, "open");
    assert.equal(task.dueDate, "2025-03-01");
    assert.equal(task.municipality, "Aalborg");
    const saved = await followUpUpdater({
      ...props,
      followUpId: task.id,
      revision: task.revision,
      task: {
        ...taskFor("Aalborg", "2025-03-01"),
        status: "in-progress",
        notes: "På byrådets møde 26. februar.",
      },
    });
    assert.equal(saved.status, "in-progress");
    await assert.rejects(
      followUpUpdater({
        ...props,
        followUpId: task.id,
        revision: task.revision,
        task: { ...taskFor("Aalborg", "2025-03-01"), status: "done" },
      }),
      (e: unknown) => {
        assert.ok(e instanceof FollowUpRefused);
        assert.equal(e.status, 409);
        assert.equal(e.current?.status, "in-progress");
        assert.equal(e.current?.notes, "På byrådets møde 26. februar.");
        return true;
      },
    );
    await assert.rejects(
      followUpCreator({ ...props, itemId: openItemId, task: { ...taskFor("Aalborg", "2025-02-30") } }),
      /Fristen skal være en dato/,
    );
    await assert.rejects(
      followUpCreator({
        ...props,
        viewer: world.member,
        itemId: openItemId,
        task: taskFor("Aalborg", "2025-03-01"),
      }),
      (e: unknown) => e instanceof FollowUpRefused && e.status === 403,
    );
    const audit = await listAuditEntries(db, { limit: 20 });
    assert.ok(audit.some((e) => e.action === "follow-up-create"));
    assert.ok(audit.some((e) => e.action === "follow-up-update"));
  });

  it("is overdue once the clock passes the deadline, listed first; a closed item's task is never public", async () => {
    const { db } = store();
    const { world, openItemId, closedItemId } = await decisionWorld(db);
    const props = { db, viewer: world.secretariat, actor: CLI };
    const later = await followUpCreator({
      ...props,
      itemId: openItemId,
      task: taskFor("Hjørring", "2031-06-01"),
    });
    const soon = await followUpCreator({
      ...props,
      itemId: openItemId,
      task: taskFor("Hjørring", "2031-05-01"),
    });
    const closed = await followUpCreator({
      ...props,
      itemId: closedItemId,
      task: taskFor("Hjørring", "2031-04-01"),
    });
    const before = copenhagenDay(new Date("2031-04-30T12:00:00Z"));
    assert.equal(isOverdue(soon, before), false);
    // 2 May 2031, 00:30 in Copenhagen: the day after the deadline there, still 1 May in UTC.
    const after = copenhagenDay(new Date("2031-05-01T22:30:00Z"));
    assert.equal(after, "2031-05-02");
    const list = await listFollowUps(db, { bodyIds: [world.bodyId], municipality: "Hjørring" }, after);
    assert.deepEqual(
      list.map((t) => [t.id, isOverdue(t, after)]),
      [
        [closed.id, true],
        [soon.id, true],
        [later.id, false],
      ],
    );
    const shown = await publicFollowUps(db, { municipality: "Hjørring" }, after);
    assert.deepEqual(
      shown.map((t) => t.id),
      [soon.id, later.id],
      "the closed item's task is not public",
    );
    assert.equal((await publicFollowUps(db, { itemId: closedItemId }, after)).length, 0);
  });

  it("mails the reminder once, seven days before the deadline, by the job on the injected clock", async () => {
    const { db } = store();
    const { world, otherItemId } = await decisionWorld(db);
    const task = await followUpCreator({
      db,
      viewer: world.secretariat,
      actor: CLI,
      itemId: otherItemId,
      task: taskFor("Brønderslev", "2032-01-15"),
    });
    const outbox = testOutbox();
    let clock = new Date("2032-01-01T09:00:00Z");
    const worker = startWorker({ db, services: { mailer: outbox.mailer, now: () => clock }, pollMs: 10 });
    const run = async () => {
      const id = await enqueueJob(db, "follow-up-reminders", {});
      for (let i = 0; i < 2000; i++) {
        const job = await jobStatus(db, id);
        if (job?.state === "done" || job?.state === "failed") return job;
        await new Promise((r) => setTimeout(r, 10));
      }
      throw new Error("the reminder job did not end");
    };
    const waitForMails = async (count: number) => {
      for (let i = 0; i < 500 && (await outbox.mails()).length < count; i++)
        await new Promise((r) => setTimeout(r, 10));
      return outbox.mails();
    };
    try {
      assert.deepEqual((await run())?.result, { reminded: 0 }, "14 days before: no reminder yet");
      clock = new Date("2032-01-08T09:00:00Z");
      assert.deepEqual((await run())?.result, { reminded: 1 });
      const mails = await waitForMails(1);
      assert.equal(mails.length, 1);
      assert.match(mails[0]?.to ?? "", /byraad@broenderslev\.example\.dk/);
      assert.match(mails[0]?.subject ?? "", /Påmindelse: frist 15\. januar 2032/);
      assert.match(mails[0]?.text ?? "", /Rammeaftalen behandles i Brønderslev Byråd/);
      clock = new Date("2032-01-10T09:00:00Z");
      assert.deepEqual((await run())?.result, { reminded: 0 }, "once only");
      await new Promise((r) => setTimeout(r, 200));
      assert.equal((await outbox.mails()).length, 1);
      const [row] = await listFollowUps(db, { bodyIds: "all", itemId: otherItemId }, "2032-01-10");
      assert.equal(row?.id, task.id);
      assert.ok(row?.reminderSentAt);
    } finally {
      await worker.stop();
    }
  });
});
