/**
 * Sections of a draft agenda (issue 13), on both backends: a section added goes after the ordinary ones
 * (before "Punkter til næste møde" and "Eventuelt") or at the place given, and the items after it are
 * renumbered; a section renamed; an empty one removed with the numbers closing up; a section with items
 * and "Punkter til næste møde" kept; a member refused; every change in the audit log.
 */
import assert from "node:assert/strict";
import { it } from "node:test";
import { AgendaRefused } from "../../src/authoring/agenda-refusal.js";
import {
  agendaSectionCreator,
  agendaSectionEditor,
  agendaSectionRemover,
} from "../../src/authoring/agenda-section-editor.js";
import { agendaSender } from "../../src/authoring/agenda-sender.js";
import { agendaDraft, listAuditEntries } from "../../src/store/index.js";
import { forEachBackend } from "../support/stores.js";
import { agendaWorld, CLI, draftedMeeting, itemAdder, sectionOf, testOutbox } from "./agenda-support.js";

forEachBackend("authoring: sections of a draft agenda", (store) => {
  it("adds, renames and removes sections, renumbering the items", async () => {
    const { db } = store();
    const world = await agendaWorld(db);
    const draft = await draftedMeeting(db, world, "2025-03-14");
    const meetingId = draft.meeting.id;
    const props = { db, viewer: world.secretariat, actor: CLI };
    await itemAdder(db, world, meetingId, sectionOf(draft, "Siden sidst").id)({ title: "Nyt fra KL" });

    const made = await agendaSectionCreator({ ...props, meetingId, title: "  Temadrøftelse:   klima " });
    assert.equal(made.number, "4");
    assert.deepEqual(
      made.renumbered.map((r) => `${r.from}→${r.to}`),
      ["4.1→5.1", "5→6"],
    );
    const outline = async () => {
      const now = await agendaDraft(db, meetingId);
      return (now?.sections ?? []).map(
        (s) => `${s.number}. ${s.title}: ${s.items.map((i) => i.number).join(" ")}`,
      );
    };
    assert.deepEqual(await outline(), [
      "1. Godkendelse af referat: 1.1 1.2",
      "2. Regionalpolitiske sager: ",
      "3. Siden sidst: 3.1",
      "4. Temadrøftelse: klima: ",
      "5. Punkter til næste møde: 5.1",
      "6. Eventuelt: 6",
    ]);

    const first = await agendaSectionCreator({ ...props, meetingId, title: "Orientering", place: 0 });
    assert.equal(first.number, "1");
    assert.equal((await outline())[1], "2. Godkendelse af referat: 2.1 2.2");

    await agendaSectionEditor({ ...props, sectionId: made.id, title: "Temadrøftelse om klima" });
    assert.equal((await outline())[4], "5. Temadrøftelse om klima: ");

    const removed = await agendaSectionRemover({ ...props, sectionId: first.id });
    assert.ok(removed.renumbered.some((r) => r.from === "2.1" && r.to === "1.1"));
    assert.deepEqual((await outline()).slice(0, 2), [
      "1. Godkendelse af referat: 1.1 1.2",
      "2. Regionalpolitiske sager: ",
    ]);

    const refusedWith = (status: number, text: RegExp) => (e: unknown) =>
      e instanceof AgendaRefused && e.status === status && text.test(e.message);
    const now = await agendaDraft(db, meetingId);
    assert.ok(now);
    await assert.rejects(
      agendaSectionRemover({ ...props, sectionId: sectionOf(now, "Siden sidst").id }),
      refusedWith(422, /har punkter; flyt eller fjern dem/),
    );
    await assert.rejects(
      agendaSectionRemover({ ...props, sectionId: sectionOf(now, "Punkter til næste møde").id }),
      refusedWith(422, /næste dagsorden får sine forslag herfra/),
    );
    await assert.rejects(
      agendaSectionCreator({ ...props, meetingId, title: "   " }),
      refusedWith(422, /Afsnittet mangler en titel/),
    );
    await assert.rejects(
      agendaSectionEditor({ ...props, viewer: world.member, sectionId: made.id, title: "Medlemmets titel" }),
      refusedWith(403, /sekretariat/),
    );
    assert.deepEqual(await outline(), [
      "1. Godkendelse af referat: 1.1 1.2",
      "2. Regionalpolitiske sager: ",
      "3. Siden sidst: 3.1",
      "4. Temadrøftelse om klima: ",
      "5. Punkter til næste møde: 5.1",
      "6. Eventuelt: 6",
    ]);

    const audit = await listAuditEntries(db, { targetKind: "agenda-section", targetId: String(made.id) });
    assert.deepEqual(audit.map((e) => e.action).sort(), ["agenda-section-create", "agenda-section-rename"]);
    const rename = audit.find((e) => e.action === "agenda-section-rename");
    assert.deepEqual(rename?.before, { title: "Temadrøftelse: klima" });
    assert.deepEqual(rename?.after, { title: "Temadrøftelse om klima" });
  });

  it("sends a renamed or added section as an addendum, naming it in the change note", async () => {
    const { db } = store();
    const world = await agendaWorld(db);
    const draft = await draftedMeeting(db, world, "2025-04-11");
    const meetingId = draft.meeting.id;
    const props = { db, viewer: world.secretariat, actor: CLI };
    const outbox = testOutbox();
    const send = () =>
      agendaSender({ ...props, meetingId, mailer: outbox.mailer, baseUrl: "https://raadsinfo.example.dk" });
    await itemAdder(db, world, meetingId, sectionOf(draft, "Siden sidst").id)({ title: "Nyt fra KL" });
    assert.equal((await send()).versionNumber, 1);

    await agendaSectionEditor({
      ...props,
      sectionId: sectionOf(draft, "Siden sidst").id,
      title: "Orientering",
    });
    const renamed = await send();
    assert.equal(renamed.versionNumber, 2);
    assert.equal(renamed.changeNote, "Tillæg til dagsorden: Afsnit 3 hedder nu Orientering.");

    await agendaSectionCreator({ ...props, meetingId, title: "Temadrøftelse" });
    const added = await send();
    assert.match(added.changeNote ?? "", /Afsnit 4 Temadrøftelse er tilføjet\./);
    assert.match(added.changeNote ?? "", /Punkt 4\.1 er nu punkt 5\.1\./);
    await assert.rejects(send(), (e: unknown) => e instanceof AgendaRefused && e.code === "nothing-to-send");
  });
});
