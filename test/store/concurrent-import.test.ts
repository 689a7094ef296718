/**
 * importDocument from several workers at once (issue 17): two connection pools on one PostgreSQL server,
 * as two `raadsinfo worker` processes have, write documents at the same moment. Shared new bodies,
 * persons and cases end as one row each with nothing lost; a meeting's minutes and annex pack written
 * together still withhold the annex of a closed item; and the minutes outrank the agenda in whichever
 * order they arrive. Runs on the server only (PGlite has one connection) and never skips.
 */
import assert from "node:assert/strict";
import { createHash } from "node:crypto";
import { after, before, describe, it } from "node:test";
import { type Kysely, sql } from "kysely";
import type { Attendee, ParsedDocument, ParsedItem } from "../../src/domain/index.js";
import { type Database, importDocument, type Store } from "../../src/store/index.js";
import { buildAnnexPack, buildItem, buildMinutes, meetingOn } from "../support/documents.js";
import { openServerStores } from "../support/stores.js";

const ROUNDS = 12;

/** A document with its sha256 made from its content and name, so every variant is a new file. */
function named(file: string, doc: Omit<ParsedDocument, "source">): ParsedDocument {
  const sha256 = createHash("sha256")
    .update(`${file}\n${JSON.stringify(doc)}`)
    .digest("hex");
  return { ...doc, source: { file, sha256, format: "text", pages: doc.pageTexts?.length ?? 1 } };
}

const person = (name: string, municipality: string, party = "A"): Attendee & { substituteFor: null } => ({
  name,
  party,
  municipality,
  substituteFor: null,
});

/** Minutes of `body` on `date` whose items name the shared cases, each with this document's initials. */
function sharedMinutes(body: string, date: string, initials: string, cases: readonly string[]) {
  const { source: _source, ...minutes } = buildMinutes({
    body,
    meeting: { ...meetingOn(date), startTime: "10:00", endTime: "12:00" },
    attendance: {
      present: [
        person("Asta Concurrent", "Aalborg"),
        person("Bent Concurrent", "Thisted", "V"),
        person("Carla Concurrent", "Hjørring"),
      ],
      absent: [person("Dorte Concurrent", "Brønderslev")],
    },
    items: cases.map((caseNumber, i) => buildItem(`1.${i + 1}`, { caseNumber, caseInitials: [initials] })),
  });
  return named(`referat-${date}-${initials}.txt`, minutes);
}

/** The meeting's agenda: times of its own, item 1.2 still open, and an item 1.4 the minutes lack. */
function agendaOf(body: string, date: string): ParsedDocument {
  const { source: _source, ...agenda } = buildMinutes({
    kind: "agenda",
    body,
    meeting: { ...meetingOn(date), startTime: "09:00", endTime: "11:00", location: "Rådhuset" },
    attendance: { present: [], absent: [] },
    items: ["1.1", "1.2", "1.3", "1.4"].map((n) =>
      buildItem(n, {
        caseNumber: `SAG-2029-0000${n.at(-1)}`,
        fields: { indstilling: `Det indstilles, at punkt ${n} drøftes.` },
      }),
    ),
  });
  return named(`dagsorden-${date}.txt`, agenda);
}

/** The minutes: item 1.2 closed (a personnel matter), decisions in every item. */
function minutesOf(body: string, date: string): ParsedDocument {
  const { source: _source, ...minutes } = buildMinutes({
    body,
    meeting: { ...meetingOn(date), startTime: "10:00", endTime: "12:00" },
    items: ["1.1", "1.2", "1.3"].map(
      (n): ParsedItem =>
        buildItem(n, {
          caseNumber: `SAG-2029-0000${n.at(-1)}`,
          closed: n === "1.2",
          title: n === "1.2" ? "Personalesag" : `Punkt ${n}`,
        }),
    ),
  });
  return named(`referat-${date}.txt`, minutes);
}

/** The annex pack: one annex for item 1.1 (open) and one for item 1.2 (closed in the minutes). */
function packOf(body: string, date: string): ParsedDocument {
  return buildAnnexPack({
    file: `bilag-${date}.txt`,
    body,
    date,
    annexes: [
      {
        itemNumber: "1.1",
        title: "Notat om trafikken",
        pages: ["1.1 Bilag 1: Notat om trafikken\nTrafikken er steget."],
      },
      {
        itemNumber: "1.2",
        title: "Fortroligt notat",
        pages: ["1.2 Bilag 1: Fortroligt notat\nOplysninger om en medarbejder."],
      },
    ],
  });
}

/** What a meeting holds, without ids and times: equal for equal content whatever the order of writes. */
async function snapshot(db: Kysely<Database>, body: string, date: string) {
  const meeting = await db
    .selectFrom("meeting")
    .innerJoin("body", "body.id", "meeting.body_id")
    .leftJoin("source_file", "source_file.id", "meeting.source_file_id")
    .select([
      "meeting.id",
      "meeting.state",
      "meeting.start_time",
      "meeting.end_time",
      "meeting.location",
      "source_file.kind as sourceKind",
    ])
    .where("body.name", "=", body)
    .where("meeting.date", "=", date)
    .executeTakeFirstOrThrow();
  const items = await db
    .selectFrom("agenda_item")
    .leftJoin("source_file", "source_file.id", "agenda_item.source_file_id")
    .leftJoin("case_file", "case_file.id", "agenda_item.case_id")
    .select([
      "agenda_item.number",
      "agenda_item.title",
      "agenda_item.public",
      "agenda_item.withheld",
      "agenda_item.indstilling",
      "agenda_item.beslutning",
      "agenda_item.deleted",
      "case_file.number as caseNumber",
      "source_file.kind as sourceKind",
    ])
    .where("agenda_item.meeting_id", "=", meeting.id)
    .orderBy("agenda_item.number")
    .execute();
  const files = await db
    .selectFrom("file")
    .innerJoin("source_file", "source_file.id", "file.source_file_id")
    .select(["source_file.kind", "file.role", "file.item_number", "file.withheld", "file.agenda_item_id"])
    .where("file.meeting_id", "=", meeting.id)
    .orderBy("source_file.kind")
    .orderBy("file.position")
    .execute();
  const { id: _id, ...rest } = meeting;
  return {
    meeting: rest,
    items,
    files: files.map((f) => ({ ...f, agenda_item_id: f.agenda_item_id !== null })),
  };
}

describe("importDocument from concurrent writers [postgres]", () => {
  let stores: readonly Store[] = [];
  let close = async () => {};
  before(async () => {
    ({ stores, close } = await openServerStores(2));
  });
  after(async () => close());
  const db = (i: number) => (stores[i % stores.length] as Store).db;

  it("makes a shared new body, its persons and its cases once, with every document's case initials", async () => {
    for (let round = 0; round < ROUNDS / 2; round++) {
      const body = `KKR Samtidig ${round}`;
      const cases = [`SAG-R${round}-001`, `SAG-R${round}-002`, `SAG-R${round}-003`];
      // Six meetings of one new body on two pools at once; the documents name the cases in other orders.
      const docs = ["aa", "bb", "cc", "dd", "ee", "ff"].map((initials, i) =>
        sharedMinutes(body, `2027-0${i + 1}-1${round}`, initials, i % 2 ? [...cases].reverse() : cases),
      );
      const results = await Promise.all(docs.map((doc, i) => importDocument(db(i), doc)));
      assert.ok(results.every((r) => r.status === "created"));
      const reader = db(0);
      const counts = await sql<Record<string, number>>`
        select (select count(*) from body where name = ${body})::int as bodies,
          (select count(*) from organization o join body b on b.id = o.body_id where b.name = ${body})::int
            as organizations,
          (select count(*) from legislative_term t join body b on b.id = t.body_id where b.name = ${body})::int
            as terms,
          (select count(*) from meeting m join body b on b.id = m.body_id where b.name = ${body})::int as meetings,
          (select count(*) from person where name like '% Concurrent')::int as persons,
          (select count(*) from membership ms join organization o on o.id = ms.organization_id
             join body b on b.id = o.body_id where b.name = ${body})::int as memberships`.execute(reader);
      // One body with one organisation and term, each person and membership once, six meetings.
      assert.deepEqual(counts.rows[0], {
        bodies: 1,
        organizations: 1,
        terms: 1,
        meetings: 6,
        persons: 4,
        memberships: 4,
      });
      const stored = await reader
        .selectFrom("case_file")
        .select(["number", "initials"])
        .where("number", "in", cases)
        .orderBy("number")
        .execute();
      assert.deepEqual(
        stored.map((c) => c.number),
        cases,
        "each case once",
      );
      for (const c of stored) {
        const initials = [...(c.initials ?? [])].sort();
        assert.deepEqual(initials, ["aa", "bb", "cc", "dd", "ee", "ff"], `no initials lost on ${c.number}`);
      }
    }
  });

  it("withholds the annex of an item the minutes close while the annex pack is written at the same moment", async () => {
    for (let round = 0; round < ROUNDS; round++) {
      const body = "KKR Samtidig Lukket";
      const date = `2028-01-${String(round + 1).padStart(2, "0")}`;
      // The agenda made the meeting and its items, all open; the minutes then close 1.2 as the pack arrives.
      await importDocument(db(0), agendaOf(body, date));
      const order = round % 2 === 0 ? [0, 1] : [1, 0];
      const docs = [minutesOf(body, date), packOf(body, date)];
      await Promise.all(order.map((which, pool) => importDocument(db(pool), docs[which] as ParsedDocument)));
      const annexes = await db(0)
        .selectFrom("file")
        .innerJoin("meeting", "meeting.id", "file.meeting_id")
        .leftJoin("agenda_item", "agenda_item.id", "file.agenda_item_id")
        .select(["file.id", "file.item_number", "file.withheld", "agenda_item.number as linkedTo"])
        .where("meeting.date", "=", date)
        .where("file.role", "=", "annex")
        .orderBy("file.item_number")
        .execute();
      assert.deepEqual(
        annexes.map(({ id: _id, ...a }) => a),
        [
          { item_number: "1.1", withheld: null, linkedTo: "1.1" },
          { item_number: "1.2", withheld: "closed-item", linkedTo: "1.2" },
        ],
        `round ${round}`,
      );
      // Read before the other's commit, the pack's view of the meeting must not undo the minutes'.
      const meeting = await db(1)
        .selectFrom("meeting")
        .select(["state", "start_time"])
        .where("date", "=", date)
        .executeTakeFirstOrThrow();
      assert.deepEqual(
        meeting,
        { state: "held", start_time: "10:00" },
        `round ${round}: the meeting is the minutes'`,
      );
      const closedAnnex = annexes[1]?.id as number;
      const visible = await sql<{ id: number }>`
        select id from search_doc where file_id = ${closedAnnex} and visible`.execute(db(1));
      assert.equal(visible.rows.length, 0, `round ${round}: the closed item's annex is not searchable`);
    }
  });

  it("ends the same whether the agenda comes before the minutes, after them, or at the same moment", async () => {
    const body = "KKR Samtidig Orden";
    const dates = { agendaFirst: "2029-02-01", minutesFirst: "2029-02-02", together: "2029-02-03" };
    const writeAll = async (date: string, how: "agendaFirst" | "minutesFirst" | "together") => {
      const [agenda, minutes, pack] = [agendaOf(body, date), minutesOf(body, date), packOf(body, date)];
      if (how === "agendaFirst") for (const doc of [agenda, minutes, pack]) await importDocument(db(0), doc);
      if (how === "minutesFirst") for (const doc of [minutes, pack, agenda]) await importDocument(db(1), doc);
      if (how === "together")
        await Promise.all([agenda, minutes, pack].map((doc, i) => importDocument(db(i), doc)));
    };
    for (const [how, date] of Object.entries(dates)) await writeAll(date, how as keyof typeof dates);
    const agendaFirst = await snapshot(db(0), body, dates.agendaFirst);
    // The minutes' word stands: their times, their decisions, their closed item, and the meeting is theirs.
    assert.equal(agendaFirst.meeting.sourceKind, "minutes");
    assert.equal(agendaFirst.meeting.start_time, "10:00");
    assert.equal(agendaFirst.meeting.location, "Rådhuset", "what the minutes do not say, the agenda does");
    const item = (n: string) => agendaFirst.items.find((i) => i.number === n);
    assert.equal(item("1.1")?.beslutning, "Punkt 1.1 blev godkendt.");
    assert.equal(item("1.1")?.sourceKind, "minutes");
    assert.equal(item("1.2")?.withheld, "closed-item");
    assert.equal(item("1.4")?.sourceKind, "agenda", "an item only the agenda has stays");
    // The agenda holds the closed item's text too: its own file is withheld as well.
    const agendaOriginal = agendaFirst.files.find((f) => f.kind === "agenda" && f.role === "original");
    assert.equal(agendaOriginal?.withheld, "closed-item");
    assert.deepEqual(await snapshot(db(1), body, dates.minutesFirst), agendaFirst);
    assert.deepEqual(await snapshot(db(0), body, dates.together), agendaFirst);
  });
});
