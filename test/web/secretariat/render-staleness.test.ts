/**
 * The builder's PDF lines say when the rendered agenda and pack are out of date (issue 13): an annex
 * uploaded, retitled, moved or removed after the rendering marks them "ændret siden", as an item's edit
 * does; rendering again clears it. Through the builder's forms and the real worker, on both backends.
 */
import assert from "node:assert/strict";
import { it } from "node:test";
import { agendaDraft } from "../../../src/store/index.js";
import { makeMeetingPdf } from "../../support/make-files.js";
import { forEachBackend } from "../../support/stores.js";
import { draftedThroughForms, renderFromBuilder } from "./agenda-support.js";

const STALE = /Dagsordenen er ændret siden; dan igen/;

forEachBackend("web: stale renderings after an annex change", (store) => {
  it("marks the PDFs out of date after each kind of annex change, and not after rendering again", async () => {
    const { db } = store();
    const drafted = await draftedThroughForms(db, 11);
    const { browser, csrf, meetingId, builder } = drafted;
    const section = (await agendaDraft(db, meetingId))?.sections.find(
      (s) => s.title === "Regionalpolitiske sager",
    );
    assert.ok(section);
    const added = await browser.post(
      `/sekretariat/moede/${meetingId}/punkter`,
      { afsnit: String(section.id), titel: "Trafikplan for Nordjylland" },
      csrf,
    );
    assert.equal(added.status, 303);
    const itemId = Number(/#punkt-(\d+)/.exec(added.headers.get("location") ?? "")?.[1]);
    const upload = async (title: string) => {
      const form = new FormData();
      form.set("_csrf", csrf);
      form.set("bilagstitel", title);
      form.set("fil", new File([await makeMeetingPdf()], "bilag.pdf", { type: "application/pdf" }));
      const res = await browser.request(`/sekretariat/punkt/${itemId}/bilag`, { method: "POST", body: form });
      assert.equal(res.status, 303);
    };
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
