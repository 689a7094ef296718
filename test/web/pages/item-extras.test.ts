/**
 * The item page shows the field data of municipal and regional layouts once a real file is imported: the
 * extra fields under their headings in document order ("Økonomi" of a Roskilde item), a committee's dated
 * decision with body and date, the case's earlier treatments as a table (the Aarhus minutes), and none of
 * it for a closed item. Their text is found by search.
 */
import assert from "node:assert/strict";
import { readFile } from "node:fs/promises";
import { dirname, join, resolve } from "node:path";
import { before, it } from "node:test";
import { fileURLToPath } from "node:url";
import type { ParsedDocument } from "../../../src/domain/index.js";
import { loadIngestOptions, parseSource, readSourceFile } from "../../../src/ingest/index.js";
import { importDocument } from "../../../src/store/index.js";
import { createApp } from "../../../src/web/app.js";
import { forEachBackend } from "../../support/stores.js";

const shared = resolve(dirname(fileURLToPath(import.meta.url)), "..", "..", "..", "..", "shared");
const ROSKILDE = join(shared, "real-world", "03.txt");
const RODOVRE = join(shared, "real-world", "23.txt");
const FAXE = join(shared, "real-world", "07.txt");
const AARHUS = join(shared, "real-pdf", "aarhus-byraad-2025-08-27-referat.pdf");

/** Parsed once for both backends. */
const parsed = new Map<string, { doc: ParsedDocument; content: Uint8Array }>();

before(async () => {
  const options = await loadIngestOptions();
  for (const path of [ROSKILDE, RODOVRE, FAXE, AARHUS]) {
    const doc = await parseSource(await readSourceFile(path), options);
    parsed.set(path, { doc, content: new Uint8Array(await readFile(path)) });
  }
});

/** The parsed file, with the items whose titles start with `closeTitle` marked closed. */
function fileOf(path: string, closeTitle?: string): { doc: ParsedDocument; content: Uint8Array } {
  const file = parsed.get(path);
  assert.ok(file, `${path} was parsed`);
  if (!closeTitle) return file;
  const items = file.doc.items.map((item) =>
    item.title.startsWith(closeTitle) ? { ...item, closed: true } : item,
  );
  return { content: file.content, doc: { ...file.doc, items } };
}

forEachBackend("item page: extra fields, dated decisions and case history", (store) => {
  const itemIdByTitle = async (title: string) =>
    (
      await store()
        .db.selectFrom("agenda_item")
        .select("id")
        .where("title", "like", `${title}%`)
        .executeTakeFirstOrThrow()
    ).id;
  const page = async (title: string) => {
    const res = await createApp({ db: store().db }).request(`/punkt/${await itemIdByTitle(title)}`);
    assert.equal(res.status, 200);
    return res.text();
  };

  before(async () => {
    for (const [path, closed] of [
      [ROSKILDE, undefined],
      [RODOVRE, undefined],
      [FAXE, "Dialogmøde med Vestskolens bestyrelse"],
      [AARHUS, undefined],
    ] as const) {
      const { doc, content } = fileOf(path, closed);
      await importDocument(store().db, doc, { content });
    }
  });

  it("shows a Roskilde item's Økonomi and Beslutningskompetence under their headings in document order", async () => {
    const html = await page("Temadrøftelse om rehabiliteringsindsatsen");
    const competence = html.indexOf("<h2>Beslutningskompetence</h2>");
    const economy = html.indexOf("<h2>Økonomi</h2>");
    assert.ok(competence > 0, "Beslutningskompetence is shown");
    assert.ok(economy > competence, "Økonomi follows it, as in the file");
    assert.ok(html.includes("Sagen har ingen budgetmæssige konsekvenser i 2016."));
  });

  it("renders an extra field's numbered list as a list (Rødovre, Sagens kerne)", async () => {
    const html = await page("Meddelelser");
    const from = html.indexOf("<h2>Sagens kerne</h2>");
    assert.ok(from > 0, "Sagens kerne is shown");
    const core = html.slice(from, html.indexOf("</section>", from));
    assert.match(core, /<ol[^>]*>\s*<li>Status på Sammen om Rødovre/);
  });

  it("shows a committee's earlier decision with body and date beside the meeting's own", async () => {
    const html = await page("Lokalplan 154 Nord for Else Sørensens Vej");
    assert.ok(html.includes("Beslutning i Teknik- og Miljøudvalget, 10. september 2024"));
    assert.ok(html.includes("Anbefales."));
    assert.ok(html.includes("Indstilles godkendt."), "the meeting's own decision is shown");
  });

  it("shows the Aarhus case's earlier treatments as a table of Udvalg, Dato and Punkt", async () => {
    const html = await page("Svar på forslag fra DD");
    const table = html.slice(html.indexOf('id="sagens-behandlinger"'));
    assert.match(table, /<th scope="col">Udvalg<\/th><th scope="col">Dato<\/th><th scope="col">Punkt<\/th>/);
    assert.match(table, /<td>Aarhus Byråd<\/td><td>26\. marts 2025<\/td><td>21<\/td>/);
    assert.match(table, /<td>Magistraten<\/td><td>19\. august 2025<\/td><td>4<\/td>/);
  });

  it("shows nothing of a closed item's extra fields", async () => {
    const html = await page("Dialogmøde med Vestskolens bestyrelse");
    assert.ok(html.includes("Lukkede punkter offentliggøres ikke."));
    assert.ok(!html.includes("Ingen økonomiske konsekvenser."));
    assert.ok(!html.includes("Sagen afgøres af"));
  });

  it("gives the extra fields, dated decisions and earlier treatments in the JSON API too", async () => {
    const json = async (title: string) => {
      const res = await createApp({ db: store().db }).request(`/api/items/${await itemIdByTitle(title)}`);
      assert.equal(res.status, 200);
      return (await res.json()) as Record<string, unknown>;
    };
    const roskilde = await json("Temadrøftelse om rehabiliteringsindsatsen");
    const extras = roskilde.extraFields as { heading: string; text: string }[];
    assert.deepEqual(
      extras.map((field) => field.heading),
      ["Beslutningskompetence", "Økonomi"],
    );
    assert.ok(extras[1]?.text.includes("Sagen har ingen budgetmæssige konsekvenser i 2016."));
    const rodovre = await json("Lokalplan 154 Nord for Else Sørensens Vej");
    assert.deepEqual(
      (rodovre.decisions as { body: string; date: string }[]).map((d) => [d.body, d.date]),
      [["Teknik- og Miljøudvalget", "2024-09-10"]],
    );
    const aarhus = await json("Svar på forslag fra DD");
    const history = aarhus.caseHistory as { body: string; date: string; itemNumber: string }[];
    assert.ok(
      history.some((h) => h.body === "Magistraten" && h.date === "2025-08-19" && h.itemNumber === "4"),
    );
    const closed = await json("Dialogmøde med Vestskolens bestyrelse");
    assert.equal(closed.extraFields, undefined, "a closed item gives none");
  });

  it("finds an item by a word that stands only in an extra field", async () => {
    const res = await createApp({ db: store().db }).request("/soeg?q=budgetm%C3%A6ssige");
    const html = await res.text();
    assert.ok(html.includes("Temadrøftelse om rehabiliteringsindsatsen"), "the Roskilde item is found");
  });
});
