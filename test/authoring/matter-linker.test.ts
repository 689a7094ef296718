/**
 * Matters across meetings on both backends (issue 14), on the imported seeds and a 2025 meeting of the
 * same body: Rådsinfo suggests that "Socialtilsyn Nords budget for 2025" (20 September 2024) and "… for
 * 2026" (2025) are one matter and not the annual report beside it under the same case number; the
 * secretariat links them through the command, and the matter's timeline shows the item of 2024 and the
 * one of 2025. A closed item in a matter never reaches the public; who may link is the secretariat of a
 * body of the items; every write is audited; a dismissed pair is not suggested again.
 */
import assert from "node:assert/strict";
import { it } from "node:test";
import { AgendaRefused } from "../../src/authoring/agenda-refusal.js";
import {
  matterCreator,
  matterItemLinker,
  matterItemUnlinker,
  matterPairLinker,
  matterSuggestionDismisser,
} from "../../src/authoring/matter-linker.js";
import { PUBLIC_VIEWER } from "../../src/domain/index.js";
import { getMatter, listAuditEntries, listMatterSuggestions, mattersOfItem } from "../../src/store/index.js";
import { forEachBackend } from "../support/stores.js";
import { CLI, type MatterWorld, matterWorld } from "./matter-support.js";

const refused = (status: number) => (e: unknown) => e instanceof AgendaRefused && e.status === status;

forEachBackend("matter linker", (store) => {
  let world: MatterWorld;

  it("suggests the budget of 2024 and of 2025 as one matter, never the annual report or standing items", async () => {
    const { db } = store();
    world = await matterWorld(db);
    const budget2024 = await world.item("2024", "2.5");
    const budget2025 = await world.item("2025", "2.5");
    const report2024 = await world.item("2024", "2.4");
    const suggestions = await listMatterSuggestions(db, world.secretariat);
    const pairs = suggestions.map(
      (s) => `${s.item.title} (${s.item.date}) | ${s.other.title} (${s.other.date})`,
    );
    assert.ok(
      pairs.includes(
        "Socialtilsyn Nords budget for 2025 (2024-09-20) | Socialtilsyn Nords budget for 2026 (2025-09-19)",
      ),
      pairs.join("\n"),
    );
    const budget = suggestions.find((s) => s.item.id === budget2024 && s.other.id === budget2025);
    assert.ok(budget && budget.score >= 0.9);
    // The annual report of 2023 goes with the one of 2024, never with a budget (all under one case number).
    const withReport = suggestions.filter((s) => s.item.id === report2024).map((s) => s.other.title);
    assert.deepEqual(withReport, ["Socialtilsyn Nords årsberetning 2024"]);
    assert.deepEqual(
      [...pairs].sort(),
      [
        "Andenbehandling af Nordjysk Socialaftale 2025-26 (2024-09-20) | Nordjysk Socialaftale 2027-28: proces og tidsplan (2025-09-19)",
        "Fordeling af lærepladser på SOSU-uddannelserne for 2025 (2024-09-20) | Fordeling af lærepladser på SOSU-uddannelserne for 2026 (2025-09-19)",
        "Socialtilsyn Nords budget for 2025 (2024-09-20) | Socialtilsyn Nords budget for 2026 (2025-09-19)",
        "Socialtilsyn Nords Årsberetning 2023 (2024-09-20) | Socialtilsyn Nords årsberetning 2024 (2025-09-19)",
      ],
      "precision on the seeds and the 2025 meeting: every suggestion a true pair",
    );
    assert.ok(!suggestions.some((s) => /Godkendelse|Eventuelt|Punkter til/.test(s.item.title)));
    // Every suggestion pairs items of different meetings, and none a closed item's title for another body.
    assert.ok(suggestions.every((s) => s.item.meetingId !== s.other.meetingId));
    assert.deepEqual(await listMatterSuggestions(db, PUBLIC_VIEWER), []);
    assert.deepEqual(await listMatterSuggestions(db, world.otherSecretariat), []);
  });

  it("links the pair through the command: one matter, the 2024 item and the 2025 item on its timeline", async () => {
    const { db } = store();
    const budget2024 = await world.item("2024", "2.5");
    const budget2025 = await world.item("2025", "2.5");
    await assert.rejects(
      matterPairLinker({ db, viewer: world.member, actor: CLI, itemId: budget2024, otherItemId: budget2025 }),
      refused(403),
    );
    const { matterId, created } = await matterPairLinker({
      db,
      viewer: world.secretariat,
      actor: CLI,
      itemId: budget2025,
      otherItemId: budget2024,
    });
    assert.equal(created, true);
    const matter = await getMatter(db, matterId, PUBLIC_VIEWER);
    assert.ok(matter);
    assert.equal(matter.title, "Socialtilsyn Nords budget");
    assert.deepEqual(
      matter.items.map((i) => [i.date, i.bodyName, i.number, i.title]),
      [
        ["2024-09-20", "KKR Nordjylland", "2.5", "Socialtilsyn Nords budget for 2025"],
        ["2025-09-19", "KKR Nordjylland", "2.5", "Socialtilsyn Nords budget for 2026"],
      ],
    );
    assert.equal(matter.items[1]?.decision, "Indstillingen blev tiltrådt.");
    assert.deepEqual(await mattersOfItem(db, budget2024), [
      { id: matterId, title: "Socialtilsyn Nords budget" },
    ]);
    const suggestions = await listMatterSuggestions(db, world.secretariat);
    assert.ok(
      !suggestions.some((s) => s.item.id === budget2024 && s.other.id === budget2025),
      "no longer suggested",
    );
    const audit = await listAuditEntries(db, { targetKind: "matter", targetId: matterId });
    const actions = audit.map((e) => e.action);
    assert.deepEqual([...actions].sort(), ["matter-create", "matter-link"]);
  });

  it("a closed item in the matter is there for the body's members, absent for the public", async () => {
    const { db } = store();
    const budget2024 = await world.item("2024", "2.5");
    const closed = await world.item("2025", "2.9");
    const [matterId] = (await mattersOfItem(db, budget2024)).map((m) => m.id);
    assert.ok(matterId);
    await assert.rejects(
      matterItemLinker({ db, viewer: world.otherSecretariat, actor: CLI, matterId, itemId: closed }),
      refused(403),
    );
    assert.deepEqual(
      await matterItemLinker({ db, viewer: world.secretariat, actor: CLI, matterId, itemId: closed }),
      { linked: true },
    );
    assert.deepEqual(
      await matterItemLinker({ db, viewer: world.secretariat, actor: CLI, matterId, itemId: closed }),
      { linked: false },
    );
    const pub = await getMatter(db, matterId, PUBLIC_VIEWER);
    assert.equal(pub?.items.length, 2);
    assert.ok(!JSON.stringify(pub).includes("løntrin"));
    assert.deepEqual(await mattersOfItem(db, closed, PUBLIC_VIEWER), []);
    const members = await getMatter(db, matterId, world.member);
    assert.equal(members?.items.length, 3);
    assert.equal(members?.items[2]?.title, "Personalesag om løntrin");
    // A matter of a closed item only: a title must be given, and the public does not find it.
    await assert.rejects(
      matterCreator({ db, viewer: world.secretariat, actor: CLI, itemId: closed }),
      (e: unknown) => e instanceof AgendaRefused && e.status === 422 && /titel/.test(e.message),
    );
    const own = await matterCreator({
      db,
      viewer: world.secretariat,
      actor: CLI,
      itemId: closed,
      title: "Personalesag",
    });
    assert.equal(await getMatter(db, own.matterId, PUBLIC_VIEWER), null);
    assert.equal((await getMatter(db, own.matterId, world.secretariat))?.items.length, 1);
  });

  it("unlinks an item; a matter left empty is gone; bad input is one Danish line", async () => {
    const { db } = store();
    const closed = await world.item("2025", "2.9");
    const [matterId] = (await mattersOfItem(db, await world.item("2024", "2.5"))).map((m) => m.id);
    assert.ok(matterId);
    await assert.rejects(
      matterItemUnlinker({ db, viewer: PUBLIC_VIEWER, actor: CLI, matterId, itemId: closed }),
      refused(403),
    );
    assert.deepEqual(
      await matterItemUnlinker({ db, viewer: world.secretariat, actor: CLI, matterId, itemId: closed }),
      { matterDeleted: false },
    );
    assert.equal((await getMatter(db, matterId, world.member))?.items.length, 2);
    await assert.rejects(
      matterItemUnlinker({ db, viewer: world.secretariat, actor: CLI, matterId, itemId: closed }),
      (e: unknown) =>
        e instanceof AgendaRefused &&
        e.status === 404 &&
        e.message === `Punkt ${closed} hører ikke til sag ${matterId}.`,
    );
    await assert.rejects(
      matterItemLinker({ db, viewer: world.secretariat, actor: CLI, matterId: 999_999, itemId: closed }),
      (e: unknown) => e instanceof AgendaRefused && e.message === "Sag 999999 findes ikke.",
    );
    const single = await matterCreator({
      db,
      viewer: world.secretariat,
      actor: CLI,
      itemId: await world.item("2024", "2.6"),
    });
    assert.equal(single.title, "Andenbehandling af Nordjysk Socialaftale");
    const { matterDeleted } = await matterItemUnlinker({
      db,
      viewer: world.secretariat,
      actor: CLI,
      matterId: single.matterId,
      itemId: await world.item("2024", "2.6"),
    });
    assert.equal(matterDeleted, true);
    assert.equal(await getMatter(db, single.matterId, world.secretariat), null);
  });

  it("a dismissed pair is not suggested again, and the dismissal is audited", async () => {
    const { db } = store();
    const before = await listMatterSuggestions(db, world.secretariat);
    const first = before[0];
    assert.ok(first, "a suggestion left to dismiss");
    await matterSuggestionDismisser({
      db,
      viewer: world.secretariat,
      actor: CLI,
      itemId: first.other.id,
      otherItemId: first.item.id,
    });
    const after = await listMatterSuggestions(db, world.secretariat);
    assert.equal(after.length, before.length - 1);
    assert.ok(!after.some((s) => s.item.id === first.item.id && s.other.id === first.other.id));
    const audit = await listAuditEntries(db, { targetKind: "agenda-item-pair" });
    assert.deepEqual(
      audit.map((e) => [e.action, e.targetId]),
      [
        [
          "matter-suggestion-dismiss",
          `${Math.min(first.item.id, first.other.id)}-${Math.max(first.item.id, first.other.id)}`,
        ],
      ],
    );
  });
});
