/**
 * annexEditor and annexRemover on both backends (issue 13): an item's uploaded annexes are retitled,
 * reordered and removed, staying numbered Bilag 1, 2, …; a member is refused; each change audited.
 */
import assert from "node:assert/strict";
import { it } from "node:test";
import { AgendaRefused } from "../../src/authoring/agenda-refusal.js";
import { annexEditor, annexRemover } from "../../src/authoring/annex-editor.js";
import { annexUploader } from "../../src/authoring/annex-uploader.js";
import { authoredItemOf, listAuditEntries } from "../../src/store/index.js";
import { makeDocx } from "../support/make-files.js";
import { forEachBackend } from "../support/stores.js";
import { CLI, standingItem } from "./agenda-support.js";

forEachBackend("annexEditor", (store) => {
  it("retitles, reorders and removes annexes, renumbering them, audited", async () => {
    const { db } = store();
    const { world, item } = await standingItem(db, "2025-02-07", 1);
    const upload = (name: string) =>
      annexUploader({
        db,
        viewer: world.secretariat,
        actor: CLI,
        itemId: item.id,
        upload: { fileName: `${name}.docx`, bytes: makeDocx([`Bilaget ${name}`]) },
      });
    const a = await upload("a");
    const b = await upload("b");
    const c = await upload("c");
    const order = async () =>
      (await authoredItemOf(db, item.id))?.annexes.map((x) => `${x.position} ${x.title}`) ?? [];
    assert.deepEqual(await order(), ["1 a", "2 b", "3 c"]);
    await annexEditor({
      db,
      viewer: world.secretariat,
      actor: CLI,
      annexId: c.id,
      position: 1,
      title: "Budget",
    });
    assert.deepEqual(await order(), ["1 Budget", "2 a", "3 b"]);
    await annexRemover({ db, viewer: world.secretariat, actor: CLI, annexId: a.id });
    assert.deepEqual(await order(), ["1 Budget", "2 b"]);
    await assert.rejects(
      annexRemover({ db, viewer: world.member, actor: CLI, annexId: b.id }),
      (e: unknown) => e instanceof AgendaRefused && e.status === 403,
    );
    await assert.rejects(
      annexEditor({ db, viewer: world.secretariat, actor: CLI, annexId: b.id, title: " " }),
      (e: unknown) => e instanceof AgendaRefused && e.status === 422,
    );
    const actions = (await listAuditEntries(db, { targetKind: "authored-annex" })).map((e) => e.action);
    assert.ok(actions.includes("annex-update") && actions.includes("annex-remove"));
  });
});
