/**
 * The item commands on both backends (issue 13): add, edit, move within and between sections, remove,
 * with numbers renumbered; a stale save gets 409 with the other's change; members and other bodies are
 * refused; every write audited with before and after.
 */
import assert from "node:assert/strict";
import { it } from "node:test";
import { agendaItemCreator } from "../../src/authoring/agenda-item-creator.js";
import { agendaItemEditor } from "../../src/authoring/agenda-item-editor.js";
import type { ItemInput } from "../../src/authoring/agenda-item-input.js";
import { agendaItemMover } from "../../src/authoring/agenda-item-mover.js";
import { agendaItemRemover } from "../../src/authoring/agenda-item-remover.js";
import { AgendaRefused } from "../../src/authoring/agenda-refusal.js";
import type { Viewer } from "../../src/domain/index.js";
import { agendaDraft, listAuditEntries } from "../../src/store/index.js";
import { forEachBackend } from "../support/stores.js";
import { agendaWorld, CLI, draftedMeeting, itemAdder, sectionOf } from "./agenda-support.js";

forEachBackend("agenda items", (store) => {
  it("adds, edits, moves and removes items, renumbering 2.1, 2.2… each time, all audited", async () => {
    const { db } = store();
    const world = await agendaWorld(db);
    const draft = await draftedMeeting(db, world, "2025-02-07");
    const meetingId = draft.meeting.id;
    const regional = sectionOf(draft, "Regionalpolitiske sager");
    const since = sectionOf(draft, "Siden sidst");
    const adder = itemAdder(db, world, meetingId, regional.id);
    const add = (title: string, extra: ItemInput = {}) => adder({ title, ...extra });
    const klima = await add("Status fra KlimaNord", {
      caseNumber: "SAG-2024-03326",
      initials: ["HLTH"],
      fields: {
        baggrund: "KlimaNord er ...",
        indstilling: "Det indstilles, at KKR Nordjylland tager orienteringen til efterretning.",
      },
    });
    const social = await add("Socialtilsyn Nords budget for 2025");
    const personale = await add("Personalesag", { public: false });
    assert.deepEqual([klima.number, social.number, personale.number], ["2.1", "2.2", "2.3"]);
    assert.deepEqual(klima.initials, ["hlth"]);
    assert.equal(personale.public, false);

    const first = await adder({ title: "Aftale om Grønt Danmark" }, { position: 0 });
    assert.equal(first.number, "2.1");
    const numbers = async () =>
      Object.fromEntries(
        (await agendaDraft(db, meetingId))?.sections.flatMap((s) =>
          s.items.map((i) => [i.title, i.number]),
        ) ?? [],
      );
    assert.equal((await numbers())["Status fra KlimaNord"], "2.2");

    // Within the section: Personalesag first.
    const moved = await agendaItemMover({
      db,
      viewer: world.secretariat,
      actor: CLI,
      itemId: personale.id,
      sectionId: regional.id,
      position: 0,
    });
    assert.equal(moved.item.number, "2.1");
    assert.ok(moved.renumbered.length >= 3);
    // Between sections: KlimaNord to "Siden sidst".
    await agendaItemMover({
      db,
      viewer: world.secretariat,
      actor: CLI,
      itemId: klima.id,
      sectionId: since.id,
      position: 5,
    });
    assert.deepEqual(await numbers(), {
      "Godkendelse af dagsorden": "1.1",
      "Godkendelse af referat": "1.2",
      Personalesag: "2.1",
      "Aftale om Grønt Danmark": "2.2",
      "Socialtilsyn Nords budget for 2025": "2.3",
      "Status fra KlimaNord": "3.1",
      "Punkter til næste møde": "4.1",
      Eventuelt: "5",
    });

    const edited = await agendaItemEditor({
      db,
      viewer: world.secretariat,
      actor: CLI,
      itemId: social.id,
      revision: social.revision,
      changes: {
        title: "Socialtilsyn Nords budget 2025",
        fields: { sagsfremstilling: "## Budget\n\n- Takster\n- Ydelser" },
      },
    });
    assert.equal(edited.revision, social.revision + 1);
    assert.equal(edited.fields.sagsfremstilling, "## Budget\n\n- Takster\n- Ydelser");

    await agendaItemRemover({ db, viewer: world.secretariat, actor: CLI, itemId: first.id });
    assert.equal((await numbers())["Socialtilsyn Nords budget 2025"], "2.2");
    assert.equal((await numbers())["Aftale om Grønt Danmark"], undefined);

    const actions = (await listAuditEntries(db, { targetKind: "authored-item" })).map((e) => e.action);
    for (const action of [
      "agenda-item-create",
      "agenda-item-update",
      "agenda-item-move",
      "agenda-item-remove",
    ]) {
      assert.ok(actions.includes(action), action);
    }
    const update = (
      await listAuditEntries(db, { targetKind: "authored-item", targetId: String(social.id) })
    ).find((e) => e.action === "agenda-item-update");
    assert.equal(
      (update?.before as { title: string } | undefined)?.title,
      "Socialtilsyn Nords budget for 2025",
    );
    assert.equal((update?.after as { title: string } | undefined)?.title, "Socialtilsyn Nords budget 2025");
  });

  it("answers a stale save with 409 and the other's change, and keeps that change", async () => {
    const { db } = store();
    const world = await agendaWorld(db);
    const draft = await draftedMeeting(db, world, "2025-04-04");
    const item = sectionOf(draft, "Godkendelse af referat").items[0];
    assert.ok(item);
    const anna = await agendaItemEditor({
      db,
      viewer: world.secretariat,
      actor: CLI,
      itemId: item.id,
      revision: item.revision,
      changes: { fields: { baggrund: "Annas baggrund." } },
    });
    const error = await agendaItemEditor({
      db,
      viewer: { kind: "administrator" },
      actor: CLI,
      itemId: item.id,
      revision: item.revision,
      changes: { fields: { baggrund: "Bos baggrund." } },
    }).then(
      () => null,
      (e: unknown) => e,
    );
    assert.ok(error instanceof AgendaRefused);
    assert.equal(error.status, 409);
    assert.equal(error.code, "stale-revision");
    assert.match(error.message, /ændret af en anden/);
    assert.equal(error.current?.fields.baggrund, "Annas baggrund.");
    assert.equal(error.current?.revision, anna.revision);
    const after = (await agendaDraft(db, draft.meeting.id))?.sections[0]?.items[0];
    assert.equal(after?.fields.baggrund, "Annas baggrund.", "nothing lost");
  });

  it("refuses members, another body's secretariat and the public on every item command", async () => {
    const { db } = store();
    const world = await agendaWorld(db);
    const draft = await draftedMeeting(db, world, "2025-06-20");
    const section = sectionOf(draft, "Regionalpolitiske sager");
    const item = sectionOf(draft, "Godkendelse af referat").items[0];
    assert.ok(item);
    const refused = (e: unknown) => e instanceof AgendaRefused && e.status === 403;
    const viewers: Viewer[] = [world.member, world.otherSecretariat, { kind: "public" }];
    for (const viewer of viewers) {
      const props = { db, viewer, actor: CLI };
      await assert.rejects(
        agendaItemCreator({
          ...props,
          meetingId: draft.meeting.id,
          sectionId: section.id,
          item: { title: "x" },
        }),
        refused,
      );
      await assert.rejects(
        agendaItemEditor({ ...props, itemId: item.id, revision: item.revision, changes: { title: "x" } }),
        refused,
      );
      await assert.rejects(
        agendaItemMover({ ...props, itemId: item.id, sectionId: section.id, position: 0 }),
        refused,
      );
      await assert.rejects(agendaItemRemover({ ...props, itemId: item.id }), refused);
    }
    const add = itemAdder(db, world, draft.meeting.id, section.id);
    await assert.rejects(
      add({ title: " " }),
      (e: unknown) => e instanceof AgendaRefused && e.status === 422 && /mangler en titel/.test(e.message),
    );
    await assert.rejects(add({ title: "Sag", caseNumber: "drop table" }), /ikke et sagsnummer/);
  });
});
