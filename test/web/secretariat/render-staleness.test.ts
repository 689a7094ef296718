/**
 * The builder's PDF lines say when the rendered agenda and pack are out of date (issue 13): an annex
 * uploaded, retitled, moved or removed after the rendering marks them "ændret siden", as an item's edit
 * does; rendering again clears it. Through the builder's forms and the real worker, on both backends.
 */
import assert from "node:assert/strict";
import { it } from "node:test";
import { agendaDraft } from "../../../src/store/index.js";
import { forEachBackend } from "../../support/stores.js";
import {
  addItemThroughForm,
  draftedThroughForms,
  renderFromBuilder,
  uploadAnnexThroughForm,
} from "./agenda-support.js";

const STALE = /Dagsordenen er ændret siden; dan igen/;

forEachBackend("web: stale renderings after an annex change", (store) => {
  it("marks the PDFs out of date after each kind of annex change, and not after rendering again", async () => {
    const { db } = store();
    const drafted = await draftedThroughForms(db, 11);
    const { browser, csrf, meetingId, builder } = drafted;
    const itemId = await addItemThroughForm(
      db,
      drafted,
      "Regionalpolitiske sager",
      "Trafikplan for Nordjylland",
    );
    const upload = (title: string) => uploadAnnexThroughForm(drafted, itemId, title);
    await upload("Kort over ruterne");
    await upload("Budget");
    const annexIds = async () =>
      (await agendaDraft(db, meetingId))?.sections
        .flatMap((s) => s.items)
        .find((i) => i.id === itemId)
        ?.annexes.map((a) => a.id) ?? [];
    const [first, second] = await annexIds();
    assert.ok(first && second);
    const builderText = async () => (await browser.get(builder)).text();

    await renderFromBuilder(db, drafted);
    let page = await builderText();
    assert.match(page, /Dagsorden: dannet/);
    assert.match(page, /Bilagspakke: dannet/);
    assert.doesNotMatch(page, STALE);

    const changes: [string, () => Promise<void>][] = [
      [
        "retitled",
        async () => {
          const res = await browser.post(
            `/sekretariat/bilag/${first}`,
            { titel: "Kort over buslinjerne" },
            csrf,
          );
          assert.equal(res.status, 303);
        },
      ],
      [
        "moved",
        async () => {
          assert.equal(
            (await browser.post(`/sekretariat/bilag/${second}/flyt`, { nummer: "1" }, csrf)).status,
            303,
          );
        },
      ],
      [
        "removed",
        async () => {
          assert.equal((await browser.post(`/sekretariat/bilag/${first}/fjern`, {}, csrf)).status, 303);
        },
      ],
      ["uploaded", () => upload("Høringssvar")],
    ];
    for (const [what, change] of changes) {
      await change();
      page = await builderText();
      const lines = page.match(/<span class="render-line__text">[^<]*<\/span>/g) ?? [];
      assert.equal(lines.length, 2, what);
      for (const line of lines) assert.match(line, STALE, `an annex ${what}: ${line}`);
      await renderFromBuilder(db, drafted);
      assert.doesNotMatch(await builderText(), STALE, `rendered again after an annex ${what}`);
    }
  });
});
