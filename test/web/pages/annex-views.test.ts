/** A long annex is shown twenty pages at a time; links to a page reach the run that holds it. */
import assert from "node:assert/strict";
import { before, it } from "node:test";
import type { ParsedDocument } from "../../../src/domain/index.js";
import { importDocument } from "../../../src/store/index.js";
import { createApp } from "../../../src/web/app.js";
import { buildMinutes } from "../../support/documents.js";
import { forEachBackend } from "../../support/stores.js";

const PAGES = 45;

function longAnnexPack(): ParsedDocument {
  const pageTexts = Array.from({ length: PAGES }, (_, i) => ({
    page: i + 1,
    lineStart: i * 2 + 1,
    lineEnd: i * 2 + 2,
    text: i + 1 === PAGES ? "Sidste side om vindmøller." : `Tekst på side ${i + 1}.`,
  }));
  const base = buildMinutes({ body: "KKR Langt Bilag" });
  return {
    ...base,
    source: { ...base.source, file: "bilag.txt", sha256: "f".repeat(64), pages: PAGES },
    kind: "annex-pack",
    attendance: { present: [], absent: [] },
    items: [],
    documents: [
      {
        itemNumber: null,
        annexNumber: 1,
        title: "Et langt bilag",
        source: { pageStart: 1, pageEnd: PAGES, lineStart: 1, lineEnd: PAGES * 2 },
      },
    ],
    text: pageTexts.map((p) => p.text).join("\n"),
    pageTexts,
  };
}

forEachBackend("annex views", (store) => {
  let path = "";
  const get = async (url: string) => (await createApp({ db: store().db }).request(url)).text();
  before(async () => {
    const { db } = store();
    await importDocument(db, longAnnexPack());
    const file = await db
      .selectFrom("file")
      .select("id")
      .where("title", "=", "Et langt bilag")
      .executeTakeFirstOrThrow();
    path = `/bilag/${file.id}`;
  });

  it("shows the first twenty pages and links to the next ones", async () => {
    const html = await get(path);
    assert.match(html, /id="side-1"/);
    assert.match(html, /id="side-20"/);
    assert.doesNotMatch(html, /id="side-21"/);
    assert.match(html, /Viser side 1-20 \(20 af 45 sider\)/);
    assert.match(html, new RegExp(`href="${path}\\?side=21" rel="next">Næste sider`));
  });

  it("shows the run that holds the page a link names", async () => {
    const html = await get(`${path}?side=33`);
    assert.match(html, /id="side-33"/);
    assert.doesNotMatch(html, /id="side-1"/);
    assert.match(html, new RegExp(`href="${path}\\?side=1" rel="prev">Forrige sider`));
    assert.match(html, new RegExp(`href="${path}\\?side=41" rel="next">Næste sider`));
  });

  it("links a find-in-annex hit on another run to that run", async () => {
    const html = await get(`${path}?q=vindm%C3%B8ller`);
    assert.match(html, new RegExp(`<a href="${path}\\?side=45&amp;q=vindm%C3%B8ller#side-45">Side 45</a>`));
  });
});
