/** Storing ParsedDocuments: one transaction, idempotent by sha256, re-import updates in place. */
import assert from "node:assert/strict";
import { it } from "node:test";
import { sql } from "kysely";
import { demoFiles } from "../../src/demo/demo-meeting.js";
import { apiMeetings, importDocument } from "../../src/store/index.js";
import { buildItem, buildMinutes, meetingOn } from "../support/documents.js";
import { forEachBackend } from "../support/stores.js";

forEachBackend("importDocument", (store) => {
  it("records the applied migrations in the database", async () => {
    const { rows } = await sql<{ name: string }>`select name from kysely_migration order by name`.execute(
      store().db,
    );
    assert.equal(rows[0]?.name, "0001-domain");
  });

  it("stores the demo meeting with items, attendance, a substitute and an annex", async () => {
    const { db } = store();
    for (const file of demoFiles()) await importDocument(db, file.parsed, { content: file.content });
    const [meeting] = (await apiMeetings(db, { limit: 1, offset: 0 })).rows;
    assert.equal(meeting?.bodyName, "KKR Eksempelregion");
    assert.equal(meeting?.date, "2026-09-18");
    assert.equal(meeting?.itemCount, 5);
    const substitute = await db
      .selectFrom("attendance")
      .innerJoin("person", "person.id", "attendance.person_id")
      .innerJoin("person as absent", "absent.id", "attendance.substitute_for_person_id")
      .select(["person.name as name", "absent.name as forName"])
      .executeTakeFirstOrThrow();
    assert.deepEqual(substitute, { name: "Ole Bak", forName: "Søren Dam" });
    const annex = await db
      .selectFrom("file")
      .innerJoin("agenda_item", "agenda_item.id", "file.agenda_item_id")
      .select(["file.title", "agenda_item.number"])
      .where("file.role", "=", "annex")
      .executeTakeFirstOrThrow();
    assert.deepEqual(annex, { title: "Oplæg fra udviklingsgruppen for klima", number: "2.1" });
    const closed = await db.selectFrom("agenda_item").select("number").where("public", "=", false).execute();
    assert.deepEqual(closed, [{ number: "2.3" }]);
    const dates = await db
      .selectFrom("meeting")
      .select(["previous_meeting_date", "next_meeting_date"])
      .executeTakeFirstOrThrow();
    // The annex pack, imported after the minutes, names no other meetings; the minutes' dates stay.
    assert.deepEqual(dates, { previous_meeting_date: "2026-06-19", next_meeting_date: "2026-12-04" });
  });

  it("stores items printed without numbers under their positions, again the same on a re-import", async () => {
    const { db } = store();
    const doc = buildMinutes({
      source: { file: "magistraten-referat.txt", sha256: "unnumbered-items", format: "text", pages: 1 },
      body: "Magistraten",
      meeting: meetingOn("2020-01-27"),
      items: [
        buildItem("1", { number: null, title: "Referat fra Magistratens møde den 20. januar 2020" }),
        buildItem("2", { number: null, title: "Indstilling om forslag om udbudsstrategi" }),
      ],
    });
    await importDocument(db, doc);
    const stored = async () =>
      db
        .selectFrom("agenda_item")
        .innerJoin("meeting", "meeting.id", "agenda_item.meeting_id")
        .select(["agenda_item.number", "agenda_item.title"])
        .where("meeting.date", "=", "2020-01-27")
        .orderBy("agenda_item.number")
        .execute();
    assert.deepEqual(await stored(), [
      { number: "1", title: "Referat fra Magistratens møde den 20. januar 2020" },
      { number: "2", title: "Indstilling om forslag om udbudsstrategi" },
    ]);
    assert.equal((await importDocument(db, doc)).status, "unchanged");
    assert.equal((await stored()).length, 2);
  });

  it("leaves the store as it was when the same file is imported again", async () => {
    const { db } = store();
    const doc = buildMinutes({ body: "KKR Idempotens" });
    const first = await importDocument(db, doc);
    const before = await snapshot(db);
    const second = await importDocument(db, doc);
    assert.equal(first.status, "created");
    assert.equal(second.status, "unchanged");
    assert.deepEqual(await snapshot(db), before);
  });

  it("replaces an earlier version of a file: same ids, removed items marked deleted", async () => {
    const { db } = store();
    const v1 = buildMinutes({ body: "KKR Versioner" });
    await importDocument(db, v1);
    const idsBefore = await itemIds(db, "KKR Versioner");
    const v2 = buildMinutes({
      body: "KKR Versioner",
      items: [buildItem("1.1", { title: "Ny titel" }), buildItem("1.2")],
    });
    const result = await importDocument(db, v2);
    assert.equal(result.status, "updated");
    assert.deepEqual(result.items, { created: 0, updated: 2, removed: 1 });
    const idsAfter = await itemIds(db, "KKR Versioner");
    assert.equal(idsAfter.get("1.1")?.id, idsBefore.get("1.1")?.id);
    assert.equal(idsAfter.get("1.1")?.title, "Ny titel");
    assert.equal(idsAfter.get("1.3")?.deleted, true);
    assert.equal(idsAfter.get("1.2")?.deleted, false);
  });

  it("ties a substitute to the absent member written with a shorter name", async () => {
    const { db } = store();
    await importDocument(db, buildMinutes({ body: "KKR Suppleanter" }));
    const sub = await db
      .selectFrom("attendance")
      .innerJoin("person", "person.id", "attendance.substitute_for_person_id")
      .select(["attendance.substitute_for_name", "person.name"])
      .where("attendance.substitute_for_name", "=", "Birgit Hansen")
      .executeTakeFirstOrThrow();
    // seeds/004 lines 55 and 73: "Suppl. for Birgit Hansen" while the absent list has Birgit Stenbak Hansen.
    assert.deepEqual(sub, { substitute_for_name: "Birgit Hansen", name: "Birgit Stenbak Hansen" });
  });

  it("imports into a body that an account's role or a meeting plan made before any of its documents", async () => {
    const { db } = store();
    const made = await db
      .insertInto("body")
      .values({ name: "KKR Forud", classification: "KKR" })
      .returning("id")
      .executeTakeFirstOrThrow();
    await importDocument(db, buildMinutes({ body: "KKR Forud" }));
    const bodies = await db.selectFrom("body").select("id").where("name", "=", "KKR Forud").execute();
    assert.deepEqual(bodies, [{ id: made.id }], "the minutes land in the body that was there");
    const meetings = await db
      .selectFrom("meeting")
      .select("body_id")
      .where("body_id", "=", made.id)
      .execute();
    assert.equal(meetings.length, 1);
  });

  it("links near-matching names and reports them instead of merging", async () => {
    const { db } = store();
    const attendance = (name: string) => ({
      present: [{ name, party: "V", municipality: "Vesthimmerlands", substituteFor: null }],
      absent: [],
    });
    await importDocument(db, buildMinutes({ body: "KKR Navne", attendance: attendance("Per Bach Laursen") }));
    const second = await importDocument(
      db,
      buildMinutes({
        body: "KKR Navne",
        meeting: meetingOn("2026-06-19"),
        attendance: attendance("Per Bach-Laursen"),
      }),
    );
    const warning = second.warnings.find((w) => w.code === "person-near-match");
    assert.match(warning?.message ?? "", /"Per Bach-Laursen" may be the same person as "Per Bach Laursen"/);
    const persons = await db.selectFrom("person").select("id").where("name", "like", "Per Bach%").execute();
    const links = await db.selectFrom("person_link").select(["person_id", "other_person_id"]).execute();
    assert.equal(persons.length, 2, "two persons, not merged");
    assert.equal(links.length, 1, "linked once");
  });

  it("writes nothing of a document whose write fails midway", async () => {
    const { db } = store();
    const doc = buildMinutes({ body: "KKR Afbrudt" });
    await assert.rejects(
      importDocument(db, doc, {
        onStep: (what) => {
          if (what === "items") throw new Error("disk full");
        },
      }),
      /disk full/,
    );
    const bodies = await db.selectFrom("body").select("id").where("name", "=", "KKR Afbrudt").execute();
    const files = await db
      .selectFrom("source_file")
      .select("id")
      .where("sha256", "=", doc.source.sha256)
      .execute();
    assert.deepEqual([bodies.length, files.length], [0, 0]);
  });
});

async function itemIds(db: ReturnType<typeof store>["db"], body: string) {
  const rows = await db
    .selectFrom("agenda_item")
    .innerJoin("meeting", "meeting.id", "agenda_item.meeting_id")
    .innerJoin("body", "body.id", "meeting.body_id")
    .select(["agenda_item.id", "agenda_item.number", "agenda_item.title", "agenda_item.deleted"])
    .where("body.name", "=", body)
    .execute();
  return new Map(rows.map((r) => [r.number, r]));
}

/** Every table's rows without timestamps, to compare the store before and after. */
async function snapshot(db: ReturnType<typeof store>["db"]) {
  const tables = [
    "body",
    "meeting",
    "agenda_item",
    "attendance",
    "person",
    "case_file",
    "file",
    "file_page",
  ] as const;
  const result: Record<string, unknown[]> = {};
  for (const table of tables) {
    const rows = await db.selectFrom(table).selectAll().orderBy("id").execute();
    result[table] = rows.map((row) => {
      const { created: _c, modified: _m, ...rest } = row as Record<string, unknown>;
      return rest;
    });
  }
  return result;
}

declare function store(): import("../../src/store/index.js").Store;
