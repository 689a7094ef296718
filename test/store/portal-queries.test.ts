/** The portal's read models: closed items presented as "Lukket punkt", whitelisted persons, public files. */
import assert from "node:assert/strict";
import { createHash } from "node:crypto";
import { before, it } from "node:test";
import type { ParsedDocument, ParsedItem } from "../../src/domain/index.js";
import {
  announcedMeetings,
  CLOSED_ITEM_TITLE,
  getAnnexPage,
  getFrontPage,
  getItemPage,
  getMeetingPage,
  getPersonPage,
  importDocument,
  presentItem,
} from "../../src/store/index.js";
import { forEachBackend } from "../support/stores.js";

const BODY = "KKR Testregion";
const DATE = "2025-03-14";

function doc(name: string, kind: ParsedDocument["kind"], extra: Partial<ParsedDocument>): ParsedDocument {
  const text = `${name} ${JSON.stringify(extra)}`;
  return {
    source: { file: name, sha256: createHash("sha256").update(text).digest("hex"), format: "text", pages: 1 },
    kind,
    body: BODY,
    meeting: {
      date: DATE,
      startTime: "09:00",
      endTime: null,
      location: "Byrådssalen",
      previousMeetingDate: null,
      nextMeetingDate: null,
    },
    attendance: { present: [], absent: [] },
    sections: [{ number: "2", title: "Sager" }],
    items: [],
    toc: [],
    documents: [],
    amounts: [],
    warnings: [],
    text,
    pageTexts: [{ page: 1, lineStart: 1, lineEnd: 1, text }],
    ...extra,
  };
}

function item(number: string, title: string, closed: boolean): ParsedItem {
  return {
    number,
    title,
    section: "2",
    caseNumber: "SAG-2025-00001",
    caseInitials: ["abc"],
    fields: { indstilling: `Indstilling til ${title}`, beslutning: `Beslutning om ${title}` },
    notes: null,
    annexMarkers: 1,
    source: { page: 1, lineStart: 1, lineEnd: 1 },
    ...(closed ? { closed: true } : {}),
  };
}

it("presents a closed item as its place on the agenda and the title 'Lukket punkt', with no other field", () => {
  const view = presentItem({
    id: 7,
    meeting_id: 3,
    number: "2.3",
    position: 4,
    section_number: "2",
    section_title: "Sager",
    title: "Udpegning",
    visible: false,
    withheld: "closed-item",
    resume: "r",
    baggrund: "b",
    indstilling: "i",
    sagsforloeb: "s",
    sagsfremstilling: "f",
    beslutning: "d",
    notes: "n",
    blocks: {
      sagsfremstilling: [{ type: "table", header: ["Kommune", "Pladser"], rows: [["Aalborg", "12"]] }],
    },
  });
  assert.deepEqual(view, {
    id: 7,
    meetingId: 3,
    number: "2.3",
    sectionNumber: "2",
    sectionTitle: "Sager",
    closed: true,
    title: CLOSED_ITEM_TITLE,
  });
});

forEachBackend("portal queries", (store) => {
  let meetingId: number;
  before(async () => {
    const { db } = store();
    // The pack arrives before the minutes: its annex for 2.2 is filed by number only (agenda_item_id null).
    await importDocument(
      db,
      doc("pakke.txt", "annex-pack", {
        documents: [
          {
            itemNumber: "2.1",
            annexNumber: 1,
            title: "Åbent bilag",
            source: { pageStart: 1, pageEnd: 1, lineStart: 1, lineEnd: 1 },
          },
          {
            itemNumber: "2.2",
            annexNumber: 1,
            title: "Lukket bilag",
            source: { pageStart: 1, pageEnd: 1, lineStart: 1, lineEnd: 1 },
          },
        ],
      }),
    );
    const result = await importDocument(
      db,
      doc("referat.txt", "minutes", {
        items: [item("2.1", "Åben sag", false), item("2.2", "Hemmelig sag", true)],
        attendance: {
          present: [{ name: "Test Person", party: "A", municipality: "Testby", substituteFor: null }],
          absent: [],
        },
      }),
    );
    meetingId = result.meetingId!;
    await db.updateTable("person").set({ private_note: "privat" }).execute();
  });

  it("meeting: closed items keep their place and lose everything else; their annexes are gone", async () => {
    const page = await getMeetingPage(store().db, meetingId);
    assert.ok(page);
    assert.deepEqual(
      page.items.map((i) => [i.number, i.title, i.closed]),
      [
        ["2.1", "Åben sag", false],
        ["2.2", CLOSED_ITEM_TITLE, true],
      ],
    );
    // The agenda carries the open item's decision and nothing of the closed one's.
    assert.deepEqual(
      page.items.map((i) => (i.closed ? "closed" : i.decision)),
      ["Beslutning om Åben sag", "closed"],
    );
    assert.deepEqual(
      page.annexes.map((a) => a.title),
      ["Åbent bilag"],
    );
    assert.ok(!JSON.stringify(page).includes("Hemmelig"));
    assert.ok(!JSON.stringify(page).includes("Lukket bilag"));
    // Both imported files hold closed text (the minutes the item, the pack its annex): neither is offered.
    assert.deepEqual(
      page.originals.map((o) => [o.fileName, o.downloadable]),
      [
        ["pakke.txt", false],
        ["referat.txt", false],
      ],
    );
  });

  it("item: a closed item comes back without case, annexes, source or fields", async () => {
    const { db } = store();
    const closed = await db
      .selectFrom("agenda_item")
      .select("id")
      .where("number", "=", "2.2")
      .executeTakeFirstOrThrow();
    const page = await getItemPage(db, closed.id);
    assert.ok(page);
    assert.equal(page.item.title, CLOSED_ITEM_TITLE);
    assert.equal(page.caseNumber, null);
    assert.deepEqual([page.annexes, page.sameCase, page.source], [[], [], null]);
    assert.ok(!("fields" in page.item));
  });

  it("annex: the closed item's annex, filed by number only, is not found", async () => {
    const { db } = store();
    const files = await db.selectFrom("file").select(["id", "title"]).where("role", "=", "annex").execute();
    const open = files.find((f) => f.title === "Åbent bilag")!;
    const closed = files.find((f) => f.title === "Lukket bilag")!;
    assert.equal((await getAnnexPage(db, open.id))?.item?.number, "2.1");
    assert.equal(await getAnnexPage(db, closed.id), null);
  });

  it("person: only public columns, never the private note", async () => {
    const { db } = store();
    const person = await db
      .selectFrom("person")
      .select("id")
      .where("name", "=", "Test Person")
      .executeTakeFirstOrThrow();
    const page = await getPersonPage(db, person.id);
    assert.ok(page);
    assert.equal(page.rate, 1);
    // The note leaves the store only for a viewer cleared for it (test/visibility/signed-in.test.ts).
    assert.equal(page.privateNote, null);
    assert.ok(!JSON.stringify(page).includes('"privat"'));
  });

  it("meeting: the stored meetings before and after in the same body, and the dates the documents name", async () => {
    const { db } = store();
    const later = await importDocument(
      db,
      doc("referat-juni.txt", "minutes", {
        meeting: {
          date: "2025-06-13",
          startTime: null,
          endTime: null,
          location: null,
          previousMeetingDate: DATE,
          nextMeetingDate: "2025-09-19",
        },
        items: [item("1.1", "Godkendelse af dagsorden", false)],
      }),
    );
    const first = await getMeetingPage(db, meetingId);
    const second = await getMeetingPage(db, later.meetingId!);
    assert.equal(first?.next?.date, "2025-06-13");
    assert.equal(first?.previous, null);
    assert.equal(second?.previous?.date, DATE);
    assert.equal(second?.next, null);
    assert.equal(second?.nextDate, "2025-09-19");
  });

  it("front page: meetings on or after today are upcoming, earlier ones latest", async () => {
    const before = await getFrontPage(store().db, { today: "2025-03-01" });
    assert.ok(before.upcoming.some((m) => m.date === DATE));
    const after = await getFrontPage(store().db, { today: "2025-04-01" });
    assert.ok(after.latest.some((m) => m.date === DATE));
    assert.ok(!after.latest.some((m) => m.date > "2025-04-01"));
    // The June minutes name 19 September as the next meeting, which is not stored: announced, once.
    const july = await getFrontPage(store().db, { today: "2025-07-01" });
    assert.deepEqual(
      july.announced.map((a) => [a.bodyName, a.date]),
      [[BODY, "2025-09-19"]],
    );
    assert.deepEqual(await announcedMeetings(store().db, { from: "2025-09-20" }), []);
    assert.ok(!after.decisions.some((d) => d.title.includes("Hemmelig")));
    // The June minutes' only item is the standing "Godkendelse af dagsorden": left out of the latest decisions.
    assert.deepEqual(
      july.decisions.map((d) => d.title),
      ["Åben sag"],
    );
  });
});
