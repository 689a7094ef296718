/**
 * Structure inside fields on the public item page: seeds/004's item 2.8 imported, its distribution of
 * training places served as a real table (column groups, column headers, each KKR as a row header), its
 * sub-headings as headings under Sagsfremstilling; and a re-import of the same file changes nothing.
 */
import assert from "node:assert/strict";
import { before, it } from "node:test";
import { loadIngestOptions, parseSource, readSourceFile } from "../../../src/ingest/index.js";
import { importDocument } from "../../../src/store/index.js";
import { createApp } from "../../../src/web/app.js";
import { seedPath } from "../../support/seeds.js";
import { forEachBackend } from "../../support/stores.js";

forEachBackend("item page with field blocks", (store) => {
  let itemId: number;

  const importSeed = async () => {
    const source = await readSourceFile(seedPath("004"));
    const doc = await parseSource(source, await loadIngestOptions());
    await importDocument(store().db, doc, { content: source.bytes });
  };
  const item28 = () =>
    store()
      .db.selectFrom("agenda_item")
      .select(["id", "modified", "blocks"])
      .where("number", "=", "2.8")
      .executeTakeFirstOrThrow();

  before(async () => {
    await importSeed();
    itemId = (await item28()).id;
  });

  it("shows item 2.8's distribution of training places as a table with headers", async () => {
    const res = await createApp({ db: store().db }).request(`/punkt/${itemId}`);
    assert.equal(res.status, 200);
    const html = await res.text();
    const table = html.slice(html.indexOf("<table"), html.indexOf("</table>"));
    assert.match(table, /<th scope="colgroup" colspan="2">Social- og sundhedshjælpere<\/th>/);
    assert.match(table, /<th scope="col">Dimensionering 2025<\/th>/);
    assert.match(
      table,
      /<tr><th scope="row">KKR Nordjylland<\/th><td>313<\/td><td>313<\/td><td>634<\/td><td>634<\/td><\/tr>/,
    );
    assert.match(table, /<th scope="row">Hele landet<\/th><td>3\.000<\/td>/);
    // The numbers are no longer a run of text in a paragraph.
    assert.doesNotMatch(html, /<p>[^<]*KKR Hovedstaden 851 851/);
    assert.match(
      html,
      /<h2>Sagsfremstilling<\/h2><h3>Fordeling af lærepladser mellem de fem KKR i 2025<\/h3>/,
    );
  });

  it("keeps the item unchanged when the same file is imported again", async () => {
    const before = await item28();
    await importSeed();
    const after = await item28();
    assert.equal(after.modified.getTime(), before.modified.getTime());
    assert.deepEqual(after.blocks, before.blocks);
  });
});
