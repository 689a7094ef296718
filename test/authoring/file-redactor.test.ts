/**
 * fileRedactor on both backends (issue 12, point 9): a redacted copy replaces an annex's bytes and pages
 * (same id, item and meeting; the page count follows the copy) and clears its CPR marks, audited with
 * hashes and page counts; a copy that still names a CPR number, an unreadable one, an original, or a
 * caller from another body is refused and nothing changes.
 */
import assert from "node:assert/strict";
import { createHash } from "node:crypto";
import { it } from "node:test";
import type { Kysely } from "kysely";
import { fileRedactor } from "../../src/authoring/file-redactor.js";
import { type Database, getAnnexPage, getOriginalDownload, listAuditEntries } from "../../src/store/index.js";
import { CPR_OPEN, importRedaction, redactedCopyText, redactionWords } from "../support/redaction.js";
import { forEachBackend } from "../support/stores.js";

const ADMIN = { kind: "administrator" } as const;
const CLI = { userId: null, tokenId: null };
const encode = (text: string) => new TextEncoder().encode(text);

async function snapshot(db: Kysely<Database>, fileId: number) {
  const file = await db.selectFrom("file").selectAll().where("id", "=", fileId).executeTakeFirstOrThrow();
  const pages = await db
    .selectFrom("file_page")
    .select(["page", "text", "withheld"])
    .where("file_id", "=", fileId)
    .orderBy("page")
    .execute();
  return { ...file, modified: undefined, pages };
}

forEachBackend("fileRedactor", (store) => {
  it("replaces an annex with a clean copy: bytes, pages and search text, CPR marks cleared, audited", async () => {
    const { db } = store();
    const w = redactionWords("a");
    const { openAnnex } = await importRedaction(db, "a");
    assert.deepEqual(
      (await getAnnexPage(db, openAnnex.id))?.pages.map((p) => p.page),
      [2],
      "before: the public reads page 2 only",
    );
    const copy = encode(redactedCopyText("a"));
    const result = await fileRedactor({
      db,
      viewer: ADMIN,
      actor: CLI,
      fileId: openAnnex.id,
      copy: { fileName: "henvendelse-anonymiseret.txt", bytes: copy },
    });
    assert.equal(result.unchanged, false);
    const sha256 = createHash("sha256").update(copy).digest("hex");
    assert.deepEqual(result.replaced?.before, {
      fileName: openAnnex.file_name,
      sha256: openAnnex.sha256,
      byteSize: openAnnex.byte_size,
      pages: 2,
      withheld: null,
      cprPages: [1],
    });
    assert.deepEqual(result.replaced?.after, {
      fileName: "henvendelse-anonymiseret.txt",
      sha256,
      byteSize: copy.byteLength,
      pages: 3,
      withheld: null,
    });

    const after = await snapshot(db, openAnnex.id);
    assert.equal(after.agenda_item_id, openAnnex.agenda_item_id, "same item");
    assert.equal(after.meeting_id, openAnnex.meeting_id, "same meeting");
    assert.equal(after.title, openAnnex.title);
    assert.deepEqual([after.page_start, after.page_end], [1, 3]);
    assert.deepEqual(
      after.pages.map((p) => p.withheld),
      [null, null, null],
    );
    const page = await getAnnexPage(db, openAnnex.id);
    assert.deepEqual(
      page?.pages.map((p) => p.page),
      [1, 2, 3],
      "the public reads every page of the copy",
    );
    assert.match(page?.pages[0]?.text ?? "", new RegExp(w.redacted));
    assert.doesNotMatch(JSON.stringify(page), new RegExp(CPR_OPEN));
    const download = await getOriginalDownload(db, openAnnex.id);
    assert.equal(download?.fileName, "henvendelse-anonymiseret.txt", "the annex downloads the copy");
    assert.deepEqual(download && new Uint8Array(download.content), copy);

    const [entry] = await listAuditEntries(db, { limit: 1 });
    assert.equal(entry?.action, "file-replace-redacted");
    assert.equal(entry?.targetId, String(openAnnex.id));
    assert.deepEqual(entry?.after, result.replaced?.after);

    const again = await fileRedactor({
      db,
      viewer: ADMIN,
      actor: CLI,
      fileId: openAnnex.id,
      copy: { fileName: "henvendelse-anonymiseret.txt", bytes: copy },
    });
    assert.equal(again.unchanged, true, "the same copy twice changes nothing");
  });

  it("refuses a copy that still names a CPR number, naming the file and page, and changes nothing", async () => {
    const { db } = store();
    const { openAnnex } = await importRedaction(db, "b");
    const before = await snapshot(db, openAnnex.id);
    const audits = (await listAuditEntries(db)).length;
    await assert.rejects(
      fileRedactor({
        db,
        viewer: ADMIN,
        actor: CLI,
        fileId: openAnnex.id,
        copy: { fileName: "stadig-cpr.txt", bytes: encode(redactedCopyText("b", true)) },
      }),
      (error: Error & { code?: string; status?: number }) => {
        assert.equal(error.code, "cpr-number");
        assert.equal(error.status, 422);
        assert.equal(
          error.message,
          'Filen "stadig-cpr.txt" indeholder stadig et CPR-nummer på side 1, så den erstatter ikke bilaget "Borgerens henvendelse". Intet er ændret.',
        );
        assert.doesNotMatch(error.message, new RegExp(CPR_OPEN), "the number is not repeated");
        return true;
      },
    );
    assert.deepEqual(await snapshot(db, openAnnex.id), before);
    assert.equal((await listAuditEntries(db)).length, audits);
    assert.equal(
      (await db.selectFrom("source_file").select("id").where("file_name", "=", "stadig-cpr.txt").execute())
        .length,
      0,
    );
  });

  it("refuses an unreadable copy, an original, and another body's secretariat", async () => {
    const { db } = store();
    const { openAnnex, closedAnnex, bodyId } = await importRedaction(db, "c");
    const copy = { fileName: "kopi.pdf", bytes: encode(redactedCopyText("c")) };
    await assert.rejects(fileRedactor({ db, viewer: ADMIN, actor: CLI, fileId: openAnnex.id, copy }), {
      code: "unreadable",
      message:
        'Filen "kopi.pdf" kan ikke læses som PDF, DOCX eller tekst (the file is named .pdf but is not a PDF). Intet er ændret.',
    });
    const original = await db
      .selectFrom("file")
      .select("id")
      .where("source_file_id", "=", openAnnex.source_file_id)
      .where("role", "=", "original")
      .executeTakeFirstOrThrow();
    const text = { fileName: "kopi.txt", bytes: encode(redactedCopyText("c")) };
    await assert.rejects(fileRedactor({ db, viewer: ADMIN, actor: CLI, fileId: original.id, copy: text }), {
      code: "not-an-annex",
    });
    const stranger = {
      kind: "user",
      memberOf: [bodyId],
      secretariatOf: [bodyId + 1000],
    } as const;
    await assert.rejects(
      fileRedactor({ db, viewer: stranger, actor: CLI, fileId: openAnnex.id, copy: text }),
      {
        code: "forbidden",
        status: 403,
      },
    );
    // A closed item's annex: the copy replaces it, the closed mark stays until the item is released.
    const result = await fileRedactor({ db, viewer: ADMIN, actor: CLI, fileId: closedAnnex.id, copy: text });
    assert.equal(result.replaced?.after.withheld, "closed-item");
    assert.equal(await getAnnexPage(db, closedAnnex.id), null);
  });
});
