/**
 * withheldReleaser on both backends (issue 12, points 1 and 9): releasing a closed item releases its
 * annexes withheld as closed, but not their pages withheld for a CPR number; releasing an item withheld
 * for a CPR number takes along its annexes' CPR pages; each release is audited with what went along.
 */
import assert from "node:assert/strict";
import { it } from "node:test";
import type { Kysely } from "kysely";
import { withheldReleaser } from "../../src/authoring/withheld-releaser.js";
import { type Database, getAnnexPage, listAuditEntries } from "../../src/store/index.js";
import { importRedaction, redactionWords } from "../support/redaction.js";
import { forEachBackend } from "../support/stores.js";

const ADMIN = { kind: "administrator" } as const;
const CLI = { userId: null, tokenId: null };

async function marks(db: Kysely<Database>, fileId: number) {
  const file = await db
    .selectFrom("file")
    .select("withheld")
    .where("id", "=", fileId)
    .executeTakeFirstOrThrow();
  const pages = await db
    .selectFrom("file_page")
    .select(["page", "withheld"])
    .where("file_id", "=", fileId)
    .orderBy("page")
    .execute();
  return { file: file.withheld, pages: pages.map((p) => `${p.page}:${p.withheld ?? "-"}`) };
}

forEachBackend("withheldReleaser", (store) => {
  it("releases a closed item with its closed annex, and leaves the annex's CPR page withheld", async () => {
    const { db } = store();
    const w = redactionWords("a");
    const { closedItem, closedAnnex } = await importRedaction(db, "a");
    assert.equal(closedItem.withheld, "closed-item");
    assert.deepEqual(await marks(db, closedAnnex.id), {
      file: "closed-item",
      pages: ["3:-", "4:cpr-number"],
    });
    assert.equal(await getAnnexPage(db, closedAnnex.id), null, "the public sees nothing of the annex");

    const result = await withheldReleaser({
      db,
      viewer: ADMIN,
      actor: CLI,
      thing: { kind: "item", id: closedItem.id },
    });
    assert.equal(result.released, true);
    assert.deepEqual(result.files, [closedAnnex.id]);
    assert.deepEqual(result.pages, [], "a CPR page is released on its own");
    assert.deepEqual(await marks(db, closedAnnex.id), { file: null, pages: ["3:-", "4:cpr-number"] });

    const page = await getAnnexPage(db, closedAnnex.id);
    assert.deepEqual(
      page?.pages.map((p) => p.page),
      [3],
      "the public reads page 3, not the page with the CPR number",
    );
    assert.match(page?.pages[0]?.text ?? "", new RegExp(w.closedPage));

    const [entry] = await listAuditEntries(db, { limit: 1 });
    assert.equal(entry?.action, "withheld-release");
    assert.deepEqual(entry?.after, { withheld: null, files: [closedAnnex.id] });
  });

  it("releases an item withheld for a CPR number with its annex's CPR pages, not another reason's", async () => {
    const { db } = store();
    const { openItem, openAnnex, closedAnnex } = await importRedaction(db, "b");
    assert.equal(openItem.withheld, "cpr-number");
    assert.equal(openAnnex.agenda_item_id, openItem.id);
    assert.deepEqual(await marks(db, openAnnex.id), { file: null, pages: ["1:cpr-number", "2:-"] });

    const result = await withheldReleaser({
      db,
      viewer: ADMIN,
      actor: CLI,
      thing: { kind: "item", id: openItem.id },
    });
    assert.deepEqual(result.files, []);
    assert.deepEqual(result.pages, [{ fileId: openAnnex.id, page: 1 }]);
    assert.deepEqual(await marks(db, openAnnex.id), { file: null, pages: ["1:-", "2:-"] });
    assert.deepEqual(
      await marks(db, closedAnnex.id),
      { file: "closed-item", pages: ["3:-", "4:cpr-number"] },
      "another item's annex is untouched",
    );
  });

  it("refuses another body's secretariat and releases nothing", async () => {
    const { db } = store();
    const { closedItem, closedAnnex } = await importRedaction(db, "c");
    const stranger = { kind: "user", memberOf: [], secretariatOf: [-1] } as const;
    await assert.rejects(
      withheldReleaser({ db, viewer: stranger, actor: CLI, thing: { kind: "item", id: closedItem.id } }),
      { name: "ReleaseRefused", code: "forbidden" },
    );
    assert.deepEqual(await marks(db, closedAnnex.id), {
      file: "closed-item",
      pages: ["3:-", "4:cpr-number"],
    });
  });
});
