/**
 * Closed items (lukkede punkter) and personal data never reach a public surface: every page, feed and
 * download of the demo is fetched, and none holds a word of closed item 2.3, of an annex filed under it,
 * or of a person's private note. The closed item itself shows "Lukket punkt" and nothing else.
 */
import assert from "node:assert/strict";
import { createHash } from "node:crypto";
import { before, it } from "node:test";
import { DEMO_BODY } from "../../../src/demo/demo-meeting.js";
import type { ParsedDocument } from "../../../src/domain/index.js";
import { importDocument } from "../../../src/store/index.js";
import { createApp } from "../../../src/web/app.js";
import { meetingOn } from "../../support/documents.js";
import { forEachBackend } from "../../support/stores.js";
import { CLOSED_ITEM_WORDS, type DemoIds, demoIds } from "./portal-support.js";

const PRIVATE_NOTE = "karen.privat@example.dk, mobil 12 34 56 78";
const CLOSED_ANNEX_TEXT = "Indstilling om udpegning: Hemmelig kandidat";

/** An annex pack for the demo meeting whose only document belongs to the closed item 2.3. */
function closedAnnexPack(): { parsed: ParsedDocument; content: Uint8Array } {
  const text = `2.3 Bilag 1: ${CLOSED_ANNEX_TEXT}\nCV og vurdering af kandidaten.`;
  return {
    content: new TextEncoder().encode(text),
    parsed: {
      source: {
        file: "demo-lukket-bilag.txt",
        sha256: createHash("sha256").update(text).digest("hex"),
        format: "text",
        pages: 1,
      },
      kind: "annex-pack",
      body: DEMO_BODY,
      meeting: meetingOn("2026-09-18"),
      attendance: { present: [], absent: [] },
      sections: [],
      items: [],
      toc: [],
      documents: [
        {
          itemNumber: "2.3",
          annexNumber: 1,
          title: CLOSED_ANNEX_TEXT,
          source: { pageStart: 1, pageEnd: 1, lineStart: 1, lineEnd: 2 },
        },
      ],
      amounts: [],
      warnings: [],
      text,
      pageTexts: [{ page: 1, lineStart: 1, lineEnd: 2, text }],
    },
  };
}

forEachBackend("closed items and personal data", (store) => {
  let ids: DemoIds;
  let closedAnnexId: number;
  let closedPackOriginalId: number;
  const fetchText = async (path: string) => {
    const res = await createApp({ db: store().db }).request(path);
    return { status: res.status, text: await res.text() };
  };

  before(async () => {
    const { db } = store();
    ids = await demoIds(db);
    const pack = closedAnnexPack();
    await importDocument(db, pack.parsed, { content: pack.content, mime: "text/plain; charset=utf-8" });
    const files = await db
      .selectFrom("file")
      .select(["id", "role"])
      .where("file_name", "=", "demo-lukket-bilag.txt")
      .execute();
    closedAnnexId = files.find((f) => f.role === "annex")!.id;
    closedPackOriginalId = files.find((f) => f.role === "original")!.id;
    await db
      .updateTable("person")
      .set({ private_note: PRIVATE_NOTE })
      .where("name", "=", "Karen Holm")
      .execute();
    // A closed item that names a person must not show up among the items naming that person.
    await db
      .updateTable("agenda_item")
      .set({ notes: "Karen Holm blev foreslået." })
      .where("id", "=", ids.item("2.3"))
      .execute();
  });

  it("shows the closed item as 'Lukket punkt' and nothing else on its own page", async () => {
    const { status, text } = await fetchText(`/punkt/${ids.item("2.3")}`);
    assert.equal(status, 200);
    const main = text.slice(text.indexOf("<main"), text.indexOf("</main>"));
    assert.match(main, /Lukket punkt<\/h1>/);
    assert.doesNotMatch(main, /Sagsnummer|Kilde|Beslutning|Bilag|<section/);
    assert.doesNotMatch(text, /Senest opdateret/);
  });

  it("lists the closed item on the meeting page as 'Lukket punkt' without a link or decision", async () => {
    const { text } = await fetchText(`/moede/${ids.meeting}`);
    assert.match(
      text,
      /<li id="punkt-2.3" class="agenda__item agenda__item--closed"><span class="agenda__number">2.3<\/span> Lukket punkt<\/li>/,
    );
  });

  it("refuses the closed item's annex and every original file that holds closed text", async () => {
    assert.equal((await fetchText(`/bilag/${closedAnnexId}`)).status, 404);
    assert.equal((await fetchText(`/bilag/${closedAnnexId}/original`)).status, 404);
    assert.equal((await fetchText(`/bilag/${closedPackOriginalId}/original`)).status, 404);
    assert.equal((await fetchText(`/bilag/${ids.minutesOriginal}/original`)).status, 404);
    assert.equal((await fetchText(`/bilag/${ids.packOriginal}/original`)).status, 200);
  });

  it("keeps every word of the closed item, its annex and private notes off every page, feed and download", async () => {
    const { db } = store();
    const items = await db.selectFrom("agenda_item").select("id").execute();
    const persons = await db.selectFrom("person").select("id").execute();
    const files = await db.selectFrom("file").select("id").execute();
    const paths = [
      "/",
      `/organ/${ids.body}`,
      `/moede/${ids.meeting}`,
      `/organ/${ids.body}/feed.rss`,
      `/organ/${ids.body}/feed.atom`,
      `/organ/${ids.body}/moeder.ics`,
      ...items.map((i) => `/punkt/${i.id}`),
      ...persons.map((p) => `/person/${p.id}`),
      ...files.flatMap((f) => [`/bilag/${f.id}`, `/bilag/${f.id}/original`, `/bilag/${f.id}?q=kandidat`]),
    ];
    const forbidden = [
      ...CLOSED_ITEM_WORDS,
      CLOSED_ANNEX_TEXT,
      "Hemmelig kandidat",
      "foreslået",
      PRIVATE_NOTE,
      "example.dk",
    ];
    for (const path of paths) {
      const { text } = await fetchText(path);
      for (const word of forbidden) assert.ok(!text.includes(word), `${path} shows "${word}"`);
    }
  });

  it("names the closed item only as 'Lukket punkt' in the calendar and feeds, and never as a decision", async () => {
    const ics = (await fetchText(`/organ/${ids.body}/moeder.ics`)).text.replace(/\r\n /g, "");
    assert.match(ics, /\\n2\.3 Lukket punkt\\n/);
    const rss = (await fetchText(`/organ/${ids.body}/feed.rss`)).text;
    assert.match(rss, /2\.3 Lukket punkt/);
    assert.doesNotMatch(rss, /Beslutning: 2\.3/);
    assert.doesNotMatch(rss, new RegExp(`/punkt/${ids.item("2.3")}<`));
    const atom = (await fetchText(`/organ/${ids.body}/feed.atom`)).text;
    assert.doesNotMatch(atom, new RegExp(`/punkt/${ids.item("2.3")}"`));
  });
});
