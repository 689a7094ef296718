/**
 * agendaDrafter and templateEditor on both backends (issue 13): a KKR body's agenda starts from the
 * seeded template (1.1 Godkendelse af dagsorden, 1.2 Godkendelse af referat, Punkter til næste møde,
 * Eventuelt); an edited template is what the next draft gets; the last minutes' "Punkter til næste møde"
 * (seed 004) and items marked to be taken up again are offered, and an accepted offer becomes an item.
 */
import assert from "node:assert/strict";
import { it } from "node:test";
import { agendaDrafter, agendaOffers } from "../../src/authoring/agenda-drafter.js";
import { agendaItemCreator } from "../../src/authoring/agenda-item-creator.js";
import { agendaItemEditor } from "../../src/authoring/agenda-item-editor.js";
import { AgendaRefused } from "../../src/authoring/agenda-refusal.js";
import { meetingCreator } from "../../src/authoring/meeting-creator.js";
import { templateEditor } from "../../src/authoring/template-editor.js";
import { agendaTemplateOf, listAuditEntries } from "../../src/store/index.js";
import { forEachBackend } from "../support/stores.js";
import { agendaWorld, CLI, draftedMeeting, importSeed004, sectionOf, T0 } from "./agenda-support.js";

const numbered = (draft: Awaited<ReturnType<typeof draftedMeeting>>) =>
  draft.sections.flatMap((s) => s.items.map((i) => `${i.number} ${i.title}`));

forEachBackend("agendaDrafter", (store) => {
  it("drafts a KKR agenda from the seeded template, numbered, not public, audited", async () => {
    const { db } = store();
    const world = await agendaWorld(db);
    const draft = await draftedMeeting(db, world, "2025-02-07");
    assert.equal(draft.meeting.phase, "agenda-draft");
    assert.deepEqual(
      draft.sections.map((s) => `${s.number}. ${s.title}`),
      [
        "1. Godkendelse af referat",
        "2. Regionalpolitiske sager",
        "3. Siden sidst",
        "4. Punkter til næste møde",
        "5. Eventuelt",
      ],
    );
    assert.deepEqual(numbered(draft), [
      "1.1 Godkendelse af dagsorden",
      "1.2 Godkendelse af referat",
      "4.1 Punkter til næste møde",
      "5 Eventuelt",
    ]);
    assert.equal(
      sectionOf(draft, "Godkendelse af referat").items[1]?.fields.indstilling,
      "Det indstilles, at KKR Nordjylland godkender referatet.",
    );
    const published = await db
      .selectFrom("agenda_item")
      .select("id")
      .where("meeting_id", "=", draft.meeting.id)
      .execute();
    assert.deepEqual(published, [], "a draft reaches no public table");
    const audit = await listAuditEntries(db, { targetKind: "meeting", targetId: String(draft.meeting.id) });
    assert.ok(audit.some((e) => e.action === "agenda-draft"));
    await assert.rejects(
      agendaDrafter({ db, viewer: world.secretariat, actor: CLI, meetingId: draft.meeting.id }),
      (e: unknown) => e instanceof AgendaRefused && e.status === 409,
      "a second draft is refused",
    );
  });

  it("lets the body's secretariat edit the template, which the next draft follows; refuses others", async () => {
    const { db } = store();
    const world = await agendaWorld(db);
    const template = {
      sections: [
        {
          title: "Godkendelse",
          purpose: "regular" as const,
          items: [{ title: "Godkendelse af dagsorden", indstilling: null }],
        },
        { title: "Sager til beslutning", purpose: "regular" as const, items: [] },
        { title: "Eventuelt", purpose: "other" as const, items: [{ title: "Eventuelt", indstilling: null }] },
      ],
    };
    for (const viewer of [world.member, world.otherSecretariat]) {
      await assert.rejects(
        templateEditor({ db, viewer, actor: CLI, bodyId: world.bodyId, template }),
        (e: unknown) => e instanceof AgendaRefused && e.status === 403,
      );
    }
    await assert.rejects(
      templateEditor({
        db,
        viewer: world.secretariat,
        actor: CLI,
        bodyId: world.bodyId,
        template: { sections: [] },
      }),
      /mindst ét afsnit/,
    );
    await templateEditor({
      db,
      viewer: world.secretariat,
      actor: CLI,
      bodyId: world.bodyId,
      template,
      now: T0,
    });
    const stored = await agendaTemplateOf(db, world.bodyId);
    assert.equal(stored?.stored, true);
    assert.deepEqual(stored?.template, template);
    const draft = await draftedMeeting(db, world, "2025-03-07");
    assert.deepEqual(numbered(draft), ["1.1 Godkendelse af dagsorden", "3 Eventuelt"]);
    const audit = await listAuditEntries(db, { targetKind: "body" });
    const entry = audit.find((e) => e.action === "agenda-template-update");
    assert.deepEqual(entry?.after, template);
    assert.equal((entry?.before as { stored: boolean } | undefined)?.stored, false);
  });
});

forEachBackend("agenda offers", (store) => {
  it("offers the subjects of seed 004's 'Punkter til næste møde' and items marked to be taken up again", async () => {
    const { db } = store();
    await importSeed004(db);
    const world = await agendaWorld(db);
    const { meetingIds } = await meetingCreator({
      db,
      viewer: world.secretariat,
      actor: CLI,
      bodyId: world.bodyId,
      meetings: [{ date: "2024-11-22", startTime: "10:00" }],
    });
    const meetingId = meetingIds[0] as number;
    const offers = await agendaOffers({ db, viewer: world.secretariat, meetingId });
    assert.deepEqual(
      offers.map((o) => [o.kind, o.title, o.fromMeetingDate, o.fromItemNumber]),
      [
        [
          "next-meeting",
          "Opfølgning på KKR Nordjyllands beskæftigelsespolitiske fokuspunkter",
          "2024-09-20",
          "4.1",
        ],
        ["next-meeting", "Status for Vækst Via Viden – mundtligt oplæg", "2024-09-20", "4.1"],
        ["next-meeting", "En opdatering på sundhedsreform", "2024-09-20", "4.1"],
      ],
    );
    await assert.rejects(agendaOffers({ db, viewer: world.member, meetingId }), /sekretariat/);
    const { draft, offers: left } = await agendaDrafter({
      db,
      viewer: world.secretariat,
      actor: CLI,
      meetingId,
      accept: [offers[1]?.key as string],
    });
    assert.deepEqual(
      sectionOf(draft, "Regionalpolitiske sager").items.map((i) => `${i.number} ${i.title}`),
      ["2.1 Status for Vækst Via Viden – mundtligt oplæg"],
    );
    assert.equal(left.length, 2);

    // Marked to be taken up again, then offered to the body's next meeting.
    const item = sectionOf(draft, "Regionalpolitiske sager").items[0];
    assert.ok(item);
    await agendaItemEditor({
      db,
      viewer: world.secretariat,
      actor: CLI,
      itemId: item.id,
      revision: item.revision,
      changes: { takeUpAgain: true },
    });
    const next = await draftedMeeting(db, world, "2025-02-07");
    const nextOffers = await agendaOffers({ db, viewer: world.secretariat, meetingId: next.meeting.id });
    const again = nextOffers.find((o) => o.kind === "take-up-again");
    assert.equal(again?.title, "Status for Vækst Via Viden – mundtligt oplæg");
    assert.equal(again?.fromItemNumber, "2.1");
    const carried = await agendaItemCreator({
      db,
      viewer: world.secretariat,
      actor: CLI,
      meetingId: next.meeting.id,
      sectionId: sectionOf(next, "Regionalpolitiske sager").id,
      item: {},
      carriedFrom: again?.key ?? "",
    });
    assert.equal(carried.title, "Status for Vækst Via Viden – mundtligt oplæg");
    assert.equal(carried.number, "2.1");
    const after = await agendaOffers({ db, viewer: world.secretariat, meetingId: next.meeting.id });
    assert.equal(
      after.some((o) => o.key === again?.key),
      false,
      "a taken offer is offered no more",
    );
  });
});
