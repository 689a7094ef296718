/**
 * agendaReviewSender and agendaSender on both backends (issue 13): a review copy to chosen members; then
 * "Udsend dagsorden": the meeting becomes "Dagsorden udsendt", version 1 is recorded, every member is
 * mailed with a link, and the public portal and JSON API show the agenda with the closed item as "Lukket
 * punkt" and its annex absent. A change after sending stays out of the public record until sent again as
 * "Tillæg til dagsorden" with its note; a later import of the minutes keeps what the secretariat wrote.
 */
import assert from "node:assert/strict";
import { it } from "node:test";
import { agendaItemEditor } from "../../src/authoring/agenda-item-editor.js";
import type { ItemInput } from "../../src/authoring/agenda-item-input.js";
import { AgendaRefused } from "../../src/authoring/agenda-refusal.js";
import { agendaReviewSender, agendaSender } from "../../src/authoring/agenda-sender.js";
import { annexUploader } from "../../src/authoring/annex-uploader.js";
import { agendaVersions, importDocument, listAuditEntries, reviewCopies } from "../../src/store/index.js";
import { createApp } from "../../src/web/app.js";
import { buildItem, buildMinutes } from "../support/documents.js";
import { makeDocx } from "../support/make-files.js";
import { forEachBackend } from "../support/stores.js";
import { makeUser } from "../web/accounts/support.js";
import {
  agendaWorld,
  CLI,
  draftedMeeting,
  itemAdder,
  realPdf,
  sectionOf,
  testOutbox,
} from "./agenda-support.js";

const BASE = "http://localhost:3000";

forEachBackend("agendaSender", (store) => {
  it("sends a review copy, then the agenda: state, version, mails, public pages with 'Lukket punkt'", async () => {
    const { db } = store();
    const world = await agendaWorld(db);
    const anna = await makeUser(db, "medlem", "Anna Aaen");
    const bo = await makeUser(db, "medlem", "Bo Dahl");
    const outbox = testOutbox();
    const draft = await draftedMeeting(db, world, "2025-02-07");
    const meetingId = draft.meeting.id;
    const regional = sectionOf(draft, "Regionalpolitiske sager");
    const adder = itemAdder(db, world, meetingId, regional.id);
    const add = (title: string, extra: ItemInput = {}) => adder({ title, ...extra });
    const open = await add("Status fra KlimaNord", {
      fields: {
        indstilling: "Det indstilles, at KKR Nordjylland tager orienteringen om biokul til efterretning.",
      },
    });
    const closed = await add("Personalesag om løntrin", {
      public: false,
      fields: { baggrund: "Fortroligt: løntrin." },
    });
    const openAnnex = await annexUploader({
      db,
      viewer: world.secretariat,
      actor: CLI,
      itemId: open.id,
      upload: realPdf(),
      title: "KlimaNord status",
    });
    await annexUploader({
      db,
      viewer: world.secretariat,
      actor: CLI,
      itemId: closed.id,
      upload: { fileName: "loen.docx", bytes: makeDocx(["Lønindplacering for medarbejderen"]) },
      title: "Lønindplacering",
    });

    const mailing = { mailer: outbox.mailer, baseUrl: BASE };
    await assert.rejects(
      agendaReviewSender({ db, viewer: world.member, actor: CLI, meetingId, userIds: [anna.id], ...mailing }),
      (e: unknown) => e instanceof AgendaRefused && e.status === 403,
    );
    const review = await agendaReviewSender({
      db,
      viewer: world.secretariat,
      actor: CLI,
      meetingId,
      userIds: [anna.id],
      ...mailing,
    });
    assert.equal(review.mailed, 1);
    assert.deepEqual(
      (await reviewCopies(db, meetingId)).map((r) => r.name),
      ["Anna Aaen"],
    );
    let mails = await outbox.mails();
    assert.equal(mails.length, 1);
    assert.match(
      mails[0]?.subject ?? "",
      /^Til gennemlæsning: dagsorden for KKR Nordjylland 7\. februar 2025$/,
    );
    assert.match(mails[0]?.text ?? "", /2\.2 Personalesag om løntrin \(lukket punkt\)/);
    const app = createApp({ db });
    const before = await app.request(`/moede/${meetingId}`);
    assert.doesNotMatch(await before.text(), /Status fra KlimaNord/, "a draft is not public");

    await assert.rejects(
      agendaSender({ db, viewer: world.otherSecretariat, actor: CLI, meetingId, ...mailing }),
      (e: unknown) => e instanceof AgendaRefused && e.status === 403,
    );
    const sent = await agendaSender({ db, viewer: world.secretariat, actor: CLI, meetingId, ...mailing });
    assert.deepEqual(
      [sent.versionNumber, sent.title, sent.state, sent.changeNote],
      [1, "Dagsorden", "agenda-published", null],
    );
    assert.equal(sent.mailed, 2);
    mails = (await outbox.mails()).slice(1);
    assert.deepEqual(mails.map((m) => m.to).sort(), [anna.email, bo.email].sort());
    assert.equal(mails[0]?.subject, "Dagsorden: KKR Nordjylland 7. februar 2025");
    assert.match(mails[0]?.text ?? "", new RegExp(`${BASE}/moede/${meetingId}`));
    const meeting = await db
      .selectFrom("meeting")
      .select("state")
      .where("id", "=", meetingId)
      .executeTakeFirstOrThrow();
    assert.equal(meeting.state, "agenda-published");
    assert.equal((await agendaVersions(db, meetingId)).length, 1);

    // The public portal: the agenda, the closed item as "Lukket punkt", its annex nowhere.
    const page = await (await app.request(`/moede/${meetingId}`)).text();
    assert.match(page, /Status fra KlimaNord/);
    assert.match(page, /KlimaNord status/);
    assert.match(page, /2\.2<\/span> Lukket punkt/);
    assert.doesNotMatch(page, /Personalesag|løntrin|Lønindplacering/);
    const api = await (await app.request(`/api/meetings/${meetingId}`)).text();
    assert.match(api, /Status fra KlimaNord/);
    assert.doesNotMatch(api, /Personalesag|løntrin|Lønindplacering/);
    const closedRow = await db
      .selectFrom("agenda_item")
      .select(["id", "withheld", "source"])
      .where("meeting_id", "=", meetingId)
      .where("number", "=", "2.2")
      .executeTakeFirstOrThrow();
    assert.deepEqual([closedRow.withheld, closedRow.source], ["closed-item", "authored"]);
    assert.equal((await app.request(`/punkt/${closedRow.id}`)).status === 200, true);
    assert.doesNotMatch(
      await (await app.request(`/punkt/${closedRow.id}`)).text(),
      /løntrin|Lønindplacering/,
    );
    const closedFile = await db
      .selectFrom("file")
      .select(["id", "withheld"])
      .where("title", "=", "Lønindplacering")
      .executeTakeFirstOrThrow();
    assert.equal(closedFile.withheld, "closed-item");
    assert.equal((await app.request(`/bilag/${closedFile.id}`)).status, 404);
    const openFile = await db
      .selectFrom("file")
      .select(["id", "withheld"])
      .where("title", "=", "KlimaNord status")
      .executeTakeFirstOrThrow();
    assert.equal(openFile.withheld, null);
    assert.equal((await app.request(`/bilag/${openFile.id}`)).status, 200);
    const original = await app.request(`/bilag/${openFile.id}/original`);
    assert.equal(original.status, 200);
    assert.equal(new Uint8Array(await original.arrayBuffer()).byteLength, realPdf().bytes.byteLength);
    assert.equal(openAnnex.position, 1);
    const search = await (await app.request("/api/search?q=biokul")).text();
    assert.match(search, /Status fra KlimaNord/, "the sent item is searchable");
    const pending = (await db.selectFrom("search_word_pending").select("words").execute()).flatMap(
      (r) => r.words,
    );
    assert.ok(pending.includes("biokul"), "the open item's words go to the 'Mente du' list");
    assert.ok(!pending.includes("løntrin"), "the closed item's do not");

    // A change after sending: not public until sent as "Tillæg til dagsorden".
    const now = (
      await db
        .selectFrom("authored_item")
        .select("revision")
        .where("id", "=", open.id)
        .executeTakeFirstOrThrow()
    ).revision;
    await agendaItemEditor({
      db,
      viewer: world.secretariat,
      actor: CLI,
      itemId: open.id,
      revision: now,
      changes: { title: "Status fra KlimaNord og biokul" },
    });
    assert.doesNotMatch(
      await (await app.request(`/moede/${meetingId}`)).text(),
      /og biokul/,
      "never a silent edit",
    );
    const addendum = await agendaSender({
      db,
      viewer: world.secretariat,
      actor: CLI,
      meetingId,
      ...mailing,
      changeNote: "Punkt 2.1 har fået ny titel.",
    });
    assert.deepEqual(
      [addendum.versionNumber, addendum.title, addendum.changeNote],
      [2, "Tillæg til dagsorden", "Tillæg til dagsorden: Punkt 2.1 har fået ny titel."],
    );
    assert.match(await (await app.request(`/moede/${meetingId}`)).text(), /Status fra KlimaNord og biokul/);
    const addendumMail = (await outbox.mails()).at(-1);
    assert.equal(addendumMail?.subject, "Tillæg til dagsorden: KKR Nordjylland 7. februar 2025");
    assert.match(addendumMail?.text ?? "", /Punkt 2\.1 har fået ny titel\./);
    await assert.rejects(
      agendaSender({ db, viewer: world.secretariat, actor: CLI, meetingId, ...mailing }),
      (e: unknown) => e instanceof AgendaRefused && e.status === 409 && /ikke ændret/.test(e.message),
    );
    // Without a note, the note says what changed.
    await add("Fordeling af lærepladser");
    const third = await agendaSender({ db, viewer: world.secretariat, actor: CLI, meetingId, ...mailing });
    assert.equal(third.changeNote, "Tillæg til dagsorden: Punkt 2.3 Fordeling af lærepladser er tilføjet.");
    const versions = await agendaVersions(db, meetingId);
    assert.deepEqual(
      versions.map((v) => v.number),
      [1, 2, 3],
    );
    const audit = await listAuditEntries(db, { targetKind: "meeting", targetId: String(meetingId) });
    assert.equal(audit.filter((e) => e.action === "agenda-send").length, 3);
    assert.equal(audit.filter((e) => e.action === "agenda-review-send").length, 1);
  });

  it("keeps what the secretariat wrote when the minutes are imported later, taking their Beslutning", async () => {
    const { db } = store();
    const world = await agendaWorld(db);
    const draft = await draftedMeeting(db, world, "2025-04-04");
    const meetingId = draft.meeting.id;
    const regional = sectionOf(draft, "Regionalpolitiske sager");
    await itemAdder(
      db,
      world,
      meetingId,
      regional.id,
    )({
      title: "Aftale om Grønt Danmark",
      fields: { indstilling: "Sekretariatets indstilling." },
    });
    await agendaSender({
      db,
      viewer: world.secretariat,
      actor: CLI,
      meetingId,
      mailer: testOutbox().mailer,
      baseUrl: BASE,
    });
    await importDocument(
      db,
      buildMinutes({
        body: "KKR Nordjylland",
        meeting: {
          date: "2025-04-04",
          startTime: "10:00",
          endTime: "12:00",
          location: null,
          previousMeetingDate: null,
          nextMeetingDate: null,
        },
        sections: [{ number: "2", title: "Regionalpolitiske sager" }],
        items: [
          buildItem("2.1", {
            title: "Grønt Danmark (fra referatet)",
            fields: {
              indstilling: "Referatets indstilling.",
              beslutning: "KKR Nordjylland godkendte aftalen.",
            },
          }),
        ],
      }),
    );
    const rows = await db
      .selectFrom("agenda_item")
      .select(["number", "title", "indstilling", "beslutning", "deleted", "source"])
      .where("meeting_id", "=", meetingId)
      .where("number", "=", "2.1")
      .execute();
    assert.deepEqual(rows, [
      {
        number: "2.1",
        title: "Aftale om Grønt Danmark",
        indstilling: "Sekretariatets indstilling.",
        beslutning: "KKR Nordjylland godkendte aftalen.",
        deleted: false,
        source: "authored",
      },
    ]);
    const standing = await db
      .selectFrom("agenda_item")
      .select("deleted")
      .where("meeting_id", "=", meetingId)
      .where("number", "=", "1.1")
      .executeTakeFirstOrThrow();
    assert.equal(standing.deleted, false, "an import does not remove an authored item");
  });
});
