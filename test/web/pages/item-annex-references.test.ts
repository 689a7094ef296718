/**
 * What a reader of the item page meets where the text refers to annexes ("./.", "(bilag)"): a link to the
 * one annex, or to the item's annex list when there are several, and an honest line where none is
 * public; and a source line that names the page and the kind of document, not the imported file's hash
 * name, linked to where that page can be read (a PDF at #page=N, served inline; an annex page in the
 * annex viewer).
 */
import assert from "node:assert/strict";
import { before, it } from "node:test";
import type { ParsedDocument } from "../../../src/domain/index.js";
import { importDocument } from "../../../src/store/index.js";
import { createApp } from "../../../src/web/app.js";
import { buildItem, buildMinutes, meetingOn } from "../../support/documents.js";
import { makeMeetingPdf } from "../../support/make-files.js";
import { forEachBackend } from "../../support/stores.js";

const DATE = "2026-03-20";
const MINUTES_FILE = "000_3519f531f00fe676.txt";

/** Text minutes under a hash name, as the seeds are: one item per annex situation. */
function minutes(): ParsedDocument {
  const base = buildMinutes({
    body: "KKR Bilagsregion",
    items: [
      buildItem("1.1", {
        title: "Tilskud til klimaprojekter",
        fields: {
          sagsfremstilling: "Oversigten over tilskuddene er vedlagt (bilag).\n\n./. Notat om tilskud",
          beslutning: "Godkendt.",
        },
        source: { page: 2, lineStart: 40, lineEnd: 60 },
      }),
      buildItem("1.2", {
        title: "Klimapolitisk dialogforum",
        fields: {
          sagsfremstilling: "Program og deltagerliste er vedlagt som bilag.",
          beslutning: "Taget til efterretning.",
        },
        blocks: {
          sagsfremstilling: [
            { type: "paragraph", text: "Program og deltagerliste er vedlagt som bilag." },
            { type: "list", ordered: false, items: ["./. Program for dagen", "./. Deltagerliste"] },
          ],
        },
      }),
      buildItem("1.3", {
        title: "Rapport om lærepladser",
        fields: {
          sagsfremstilling: "Rapporten er vedlagt som bilag. Et tillægsbilag følger.",
          beslutning: "Godkendt.",
        },
      }),
      buildItem("1.4", {
        title: "Eventuelt",
        fields: { beslutning: "Intet." },
      }),
    ],
    pageTexts: [
      { page: 1, lineStart: 1, lineEnd: 39, text: "Side et" },
      { page: 2, lineStart: 40, lineEnd: 80, text: "Side to" },
    ],
  });
  return { ...base, source: { ...base.source, file: MINUTES_FILE, sha256: "a".repeat(64), pages: 2 } };
}

/** The annex pack of the same meeting: one annex for 1.1, two for 1.2, none for 1.3. */
function pack(): ParsedDocument {
  const pageTexts = [1, 2, 3].map((page) => ({
    page,
    lineStart: page * 10 - 9,
    lineEnd: page * 10,
    text: `Bilagstekst på side ${page}.`,
  }));
  const document = (itemNumber: string, annexNumber: number, title: string, page: number) => ({
    itemNumber,
    annexNumber,
    title,
    source: { pageStart: page, pageEnd: page, lineStart: page * 10 - 9, lineEnd: page * 10 },
  });
  const base = buildMinutes({ body: "KKR Bilagsregion" });
  return {
    ...base,
    source: { ...base.source, file: "001_6eb6d353ed8cd2b8.txt", sha256: "b".repeat(64), pages: 3 },
    kind: "annex-pack",
    meeting: meetingOn(DATE),
    attendance: { present: [], absent: [] },
    items: [],
    documents: [
      document("1.1", 1, "Notat om tilskud", 1),
      document("1.2", 1, "Program for dagen", 2),
      document("1.2", 2, "Deltagerliste", 3),
    ],
    text: pageTexts.map((p) => p.text).join("\n"),
    pageTexts,
  };
}

/** PDF minutes of another meeting: the item stands on page 2 of the PDF. */
function pdfMinutes(): ParsedDocument {
  const base = buildMinutes({
    body: "KKR Pdfregion",
    items: [buildItem("2", { title: "Lærepladser", source: { page: 2, lineStart: 1, lineEnd: 2 } })],
    pageTexts: [
      { page: 1, lineStart: 1, lineEnd: 1, text: "Referat" },
      { page: 2, lineStart: 2, lineEnd: 2, text: "Punkt 2 om lærepladser" },
    ],
  });
  return {
    ...base,
    source: { file: "002_5f8a3532f4c6e49a.pdf", sha256: "c".repeat(64), format: "pdf", pages: 2 },
  };
}

/** A text agenda with its annex bound in behind it; an item recognised on the annex's page. */
function agendaWithAnnex(): ParsedDocument {
  const base = buildMinutes({
    body: "KKR Dagsordenregion",
    kind: "agenda",
    items: [
      buildItem("1", { title: "Indledning", source: { page: 1, lineStart: 1, lineEnd: 5 } }),
      buildItem("2", { title: "Budgetopfølgning", source: { page: 3, lineStart: 21, lineEnd: 30 } }),
    ],
    documents: [
      {
        itemNumber: "1",
        annexNumber: 1,
        title: "Budgetoversigt",
        source: { pageStart: 2, pageEnd: 3, lineStart: 11, lineEnd: 30 },
      },
    ],
    pageTexts: [1, 2, 3].map((page) => ({
      page,
      lineStart: page * 10 - 9,
      lineEnd: page * 10,
      text: `Dagsordenstekst på side ${page}.`,
    })),
  });
  return {
    ...base,
    source: { ...base.source, file: "003_543010fa29d1b32e.txt", sha256: "d".repeat(64), pages: 3 },
  };
}

const bytesOf = (text: string) => new TextEncoder().encode(text);

forEachBackend("item page: annex references and source line", (store) => {
  const idOf = async (table: "agenda_item" | "file", column: "title", value: string) =>
    (
      await store()
        .db.selectFrom(table)
        .select("id")
        .where(column, "=", value)
        .where("deleted", "=", false)
        .executeTakeFirstOrThrow()
    ).id;
  const request = (path: string) => createApp({ db: store().db }).request(path);
  const itemPage = async (title: string) => {
    const res = await request(`/punkt/${await idOf("agenda_item", "title", title)}`);
    assert.equal(res.status, 200);
    const html = await res.text();
    return html.slice(html.indexOf("<main"), html.indexOf("</main>"));
  };
  const sourceLine = (html: string) => /<p class="item-source">.*?<\/p>/.exec(html)?.[0] ?? "";

  before(async () => {
    const { db } = store();
    await importDocument(db, minutes(), { content: bytesOf("referat") });
    await importDocument(db, pack(), { content: bytesOf("bilag") });
    await importDocument(db, pdfMinutes(), { content: await makeMeetingPdf() });
    await importDocument(db, agendaWithAnnex(), { content: bytesOf("dagsorden") });
  });

  it("links '(bilag)' and './.' to the item's only annex, the marker named by the annex", async () => {
    const html = await itemPage("Tilskud til klimaprojekter");
    const annex = await idOf("file", "title", "Notat om tilskud");
    assert.match(html, new RegExp(`er vedlagt \\(<a href="/bilag/${annex}">bilag</a>\\)\\.`));
    assert.match(
      html,
      new RegExp(
        `<p><a href="/bilag/${annex}" aria-label="Bilag: Notat om tilskud" title="Bilag: Notat om tilskud">\\./\\.</a> Notat om tilskud</p>`,
      ),
    );
  });

  it("links references of an item with two annexes to its annex list, in paragraphs and list items", async () => {
    const html = await itemPage("Klimapolitisk dialogforum");
    assert.match(html, /vedlagt som <a href="#punkt-bilag">bilag<\/a>\./);
    assert.match(
      html,
      /<li><a href="#punkt-bilag" aria-label="Se punktets bilag" title="Se punktets bilag">\.\/\.<\/a> Program for dagen<\/li>/,
    );
    assert.match(
      html,
      /<section aria-labelledby="punkt-bilag"><h2 id="punkt-bilag">Bilag<\/h2><ul class="annex-list">/,
    );
    assert.match(html, />1\.2 Bilag 2: Deltagerliste<\/a>/);
  });

  it("says that the annexes the text names are not published, and links no word, where the item has none", async () => {
    const html = await itemPage("Rapport om lærepladser");
    assert.match(html, /Rapporten er vedlagt som bilag\. Et tillægsbilag følger\./);
    assert.doesNotMatch(html, /Punktet har ingen bilag/);
    assert.match(
      html,
      /<h2 id="punkt-bilag">Bilag<\/h2><p>Teksten henviser til bilag, men de er ikke offentliggjort her\.<\/p>/,
    );
    // An item whose text names no annex keeps the plain statement.
    assert.match(await itemPage("Eventuelt"), /<p>Punktet har ingen bilag\.<\/p>/);
  });

  it("names the page of the minutes in the source line, never the file's hash name or lines", async () => {
    const html = await itemPage("Tilskud til klimaprojekter");
    const line = sourceLine(html);
    const original = (
      await store()
        .db.selectFrom("file")
        .select("id")
        .where("file_name", "=", MINUTES_FILE)
        .where("role", "=", "original")
        .executeTakeFirstOrThrow()
    ).id;
    assert.equal(
      line,
      `<p class="item-source">Kilde: <a href="/bilag/${original}/original">side 2 i referatet</a></p>`,
    );
    assert.doesNotMatch(html, /3519f531f00fe676|\.txt|linje/);
  });

  it("links the source line of a PDF to its page, and the PDF opens in the browser", async () => {
    const html = await itemPage("Lærepladser");
    const match = /<a href="(\/bilag\/\d+\/original)#page=2">side 2 i referatet \(PDF\)<\/a>/.exec(
      sourceLine(html),
    );
    assert.ok(match, sourceLine(html));
    assert.doesNotMatch(html, /\.pdf/);
    const res = await request(match[1] ?? "");
    assert.equal(res.status, 200);
    assert.equal(res.headers.get("content-type"), "application/pdf");
    assert.match(
      res.headers.get("content-disposition") ?? "",
      /^inline; filename="002_5f8a3532f4c6e49a\.pdf"/,
    );
  });

  it("links a source page inside an annex of a text file to that page in the annex viewer", async () => {
    const annex = await idOf("file", "title", "Budgetoversigt");
    const line = sourceLine(await itemPage("Budgetopfølgning"));
    assert.equal(
      line,
      `<p class="item-source">Kilde: <a href="/bilag/${annex}?side=3#side-3">side 3 i dagsordenen</a></p>`,
    );
    const viewer = await (await request(`/bilag/${annex}?side=3`)).text();
    assert.match(viewer, /id="side-3"/);
  });
});
