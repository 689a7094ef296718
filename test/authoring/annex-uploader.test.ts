/**
 * annexUploader on both backends (issue 13): a real PDF from ../shared/real-pdf is read and numbered as
 * the item's annex; a program renamed or not, an empty and an oversize file get one Danish line and
 * change nothing; a DOCX naming a CPR number keeps its page marked, and once the agenda is sent that page
 * is withheld from the public and listed for the secretariat, as import does.
 */
import assert from "node:assert/strict";
import { it } from "node:test";
import { agendaItemCreator } from "../../src/authoring/agenda-item-creator.js";
import { AgendaRefused } from "../../src/authoring/agenda-refusal.js";
import { agendaSender } from "../../src/authoring/agenda-sender.js";
import { annexUploader } from "../../src/authoring/annex-uploader.js";
import { ANNEX_MAX_BYTES } from "../../src/domain/index.js";
import { agendaDraft, listAuditEntries, listWithheld } from "../../src/store/index.js";
import { makeDocx } from "../support/make-files.js";
import { forEachBackend } from "../support/stores.js";
import { CLI, realPdf, sectionOf, standingItem, testOutbox } from "./agenda-support.js";

forEachBackend("annexUploader", (store) => {
  it("takes a real PDF as Bilag 1 of the item, its pages read, audited", async () => {
    const { db } = store();
    const { world, item } = await standingItem(db, "2025-02-07", 1);
    const annex = await annexUploader({
      db,
      viewer: world.secretariat,
      actor: CLI,
      itemId: item.id,
      upload: realPdf(),
      title: "Referat fra sidste møde",
    });
    assert.equal(annex.position, 1);
    assert.equal(annex.format, "pdf");
    assert.equal(annex.title, "Referat fra sidste møde");
    assert.ok(annex.pageCount > 1, `pages: ${annex.pageCount}`);
    assert.deepEqual(annex.cprPages, []);
    const second = await annexUploader({
      db,
      viewer: world.secretariat,
      actor: CLI,
      itemId: item.id,
      upload: { fileName: "notat.docx", bytes: makeDocx(["Notat om sagen", "Intet personfølsomt her."]) },
    });
    assert.equal(second.position, 2);
    assert.equal(second.title, "notat");
    const audit = await listAuditEntries(db, { targetKind: "authored-annex" });
    assert.equal(audit.filter((e) => e.action === "annex-upload").length, 2);
  });

  it("refuses a program, an empty and an oversize file with one Danish line, and a member", async () => {
    const { db } = store();
    const { world, draft, item } = await standingItem(db, "2025-04-04", 0);
    const upload = (fileName: string, bytes: Uint8Array, viewer = world.secretariat) =>
      annexUploader({ db, viewer, actor: CLI, itemId: item.id, upload: { fileName, bytes } });
    const exe = new Uint8Array([0x4d, 0x5a, 0x90, 0x00, 0x03, 0x00]);
    const danish = /kan ikke bruges som bilag: upload en PDF- eller Word-fil \(\.docx\) på højst 50 MB\.$/;
    await assert.rejects(
      upload("setup.exe", exe),
      (e: unknown) => e instanceof AgendaRefused && e.status === 422 && danish.test(e.message),
    );
    await assert.rejects(
      upload("bilag.pdf", exe),
      (e: unknown) => e instanceof AgendaRefused && e.status === 422,
    );
    await assert.rejects(
      upload("tom.pdf", new Uint8Array()),
      (e: unknown) => e instanceof AgendaRefused && e.status === 422,
    );
    const huge = new Uint8Array(ANNEX_MAX_BYTES + 1);
    huge.set([0x25, 0x50, 0x44, 0x46, 0x2d]);
    await assert.rejects(
      upload("stor.pdf", huge),
      (e: unknown) => e instanceof AgendaRefused && e.status === 413 && danish.test(e.message),
    );
    await assert.rejects(
      upload("bilag.pdf", realPdf().bytes, world.member),
      (e: unknown) => e instanceof AgendaRefused && e.status === 403,
    );
    const after = await agendaDraft(db, draft.meeting.id);
    assert.deepEqual(after?.sections[0]?.items[0]?.annexes, []);
  });

  it("marks a page with a CPR number, withholds it once sent and lists it for the secretariat", async () => {
    const { db } = store();
    const { world, draft, item } = await standingItem(db, "2025-06-20", 0);
    const annex = await annexUploader({
      db,
      viewer: world.secretariat,
      actor: CLI,
      itemId: item.id,
      upload: {
        fileName: "henvendelse.docx",
        bytes: makeDocx(["Borgerens henvendelse", "Borger med cpr. 120390-1234 skriver om vejbump."]),
      },
    });
    assert.deepEqual(annex.cprPages, [1]);
    const audit = await listAuditEntries(db, { targetKind: "authored-annex", targetId: String(annex.id) });
    assert.doesNotMatch(JSON.stringify(audit), /120390/, "the number is never logged");
    // A CPR number typed into an item's field is held back the same way, the item as a whole.
    const typed = await agendaItemCreator({
      db,
      viewer: world.secretariat,
      actor: CLI,
      meetingId: draft.meeting.id,
      sectionId: sectionOf(draft, "Regionalpolitiske sager").id,
      item: { title: "Borgerhenvendelse", fields: { baggrund: "Borgeren (cpr. 120390-1234) har skrevet." } },
    });
    await agendaSender({
      db,
      viewer: world.secretariat,
      actor: CLI,
      meetingId: draft.meeting.id,
      mailer: testOutbox().mailer,
      baseUrl: "http://localhost:3000",
    });
    const typedRow = await db
      .selectFrom("agenda_item")
      .select(["id", "withheld"])
      .where("meeting_id", "=", draft.meeting.id)
      .where("number", "=", typed.number)
      .executeTakeFirstOrThrow();
    assert.equal(typedRow.withheld, "cpr-number");
    const file = await db
      .selectFrom("file")
      .select(["id", "withheld"])
      .where("meeting_id", "=", draft.meeting.id)
      .where("title", "=", "henvendelse")
      .executeTakeFirstOrThrow();
    const page = await db
      .selectFrom("file_page")
      .select("withheld")
      .where("file_id", "=", file.id)
      .executeTakeFirstOrThrow();
    assert.equal(page.withheld, "cpr-number");
    const listed = await listWithheld(db, { bodyId: world.bodyId });
    assert.ok(
      listed.some((e) => e.reason === "cpr-number" && e.thing.kind === "page" && e.thing.fileId === file.id),
      JSON.stringify(listed),
    );
    assert.ok(
      listed.some((e) => e.reason === "cpr-number" && e.thing.kind === "item" && e.thing.id === typedRow.id),
    );
  });
});
