/**
 * The meeting as its readers use it, over the five seeds: annex packs under meetings of their own with
 * their documents' real titles, whether the page shows the agenda or the minutes, and the meeting as a
 * calendar event (RFC 5545).
 */
import assert from "node:assert/strict";
import { before, it } from "node:test";
import { getMeetingPage, releaseWithheld } from "../../../src/store/index.js";
import { createApp } from "../../../src/web/app.js";
import { forEachBackend } from "../../support/stores.js";
import { importDemoAndSeeds } from "../oparl/oparl-fixture.js";

forEachBackend("meeting page, whole", (store) => {
  const get = async (path: string) => {
    const res = await createApp({ db: store().db }).request(path);
    return { status: res.status, text: await res.text(), headers: res.headers };
  };
  const meetingOf = async (body: string, date?: string) => {
    let query = store()
      .db.selectFrom("meeting")
      .innerJoin("body", "body.id", "meeting.body_id")
      .select(["meeting.id", "meeting.date", "body.id as bodyId"])
      .where("body.name", "=", body);
    if (date) query = query.where("meeting.date", "=", date);
    return query.orderBy("meeting.date").executeTakeFirstOrThrow();
  };
  before(async () => {
    await importDemoAndSeeds(store().db);
  });

  it("gives KKR Midtjylland's 2020 pack a meeting of its own, its date marked as estimated", async () => {
    const meeting = await meetingOf("KKR Midtjylland");
    const body = await get(`/organ/${meeting.bodyId}`);
    assert.doesNotMatch(body.text, /ingen møder endnu/);
    assert.match(body.text, /<h3>2020<\/h3>/);
    assert.match(body.text, new RegExp(`href="/moede/${meeting.id}">ca\\. \\d+\\. \\w+ 2020</a>`));
    assert.match(body.text, /dato anslået ud fra bilagene/);
    assert.doesNotMatch(body.text, /Andre dokumenter/);
  });

  it("shows the pack under its meeting; the public sees its annexes once a record says which are open", async () => {
    const meeting = await meetingOf("KKR Midtjylland");
    const { status, text } = await get(`/moede/${meeting.id}`);
    assert.equal(status, 200);
    assert.match(text, /Bilagspakke til mødet ca\. \d+\. \w+ 2020<\/h3>/);
    // A guessed date could put the pack under the wrong meeting: nothing says which of its items are
    // closed, so its annexes stay withheld from the public until an agenda or minutes (or a release).
    assert.match(text, /Bilagene i pakken offentliggøres, når mødets dagsorden eller referat foreligger/);
    assert.doesNotMatch(text, /KL CO2-reduktion i kommunerne/);
    assert.doesNotMatch(text, /003_|543010fa29d1b32e|\.txt/);
  });

  it("shows the secretariat the pack under its meeting with its documents' own titles, no internal names", async () => {
    const meeting = await meetingOf("KKR Midtjylland");
    const data = await getMeetingPage(store().db, meeting.id, { kind: "administrator" });
    assert.deepEqual(
      data?.packs[0]?.documents
        .slice(0, 2)
        .map((d) => [d.itemNumber, d.annexNumber, d.title, d.pageStart, d.pageEnd]),
      [
        ["3.1", 1, "KL CO2-reduktion i kommunerne", 1, 15],
        ["3.1", 2, "KL Klimatilpasning", 16, 27],
      ],
    );
  });

  it("shows the pack's documents by title once it is public (released), without internal names", async () => {
    const meeting = await meetingOf("KKR Midtjylland");
    // The secretariat releases each annex and the pack file (the withheld list's "Frigiv").
    const files = await store()
      .db.selectFrom("file")
      .select("id")
      .where("meeting_id", "=", meeting.id)
      .where("withheld", "is not", null)
      .execute();
    for (const f of files) await releaseWithheld(store().db, { kind: "file", id: f.id });
    const { text } = await get(`/moede/${meeting.id}`);
    assert.match(text, /Bilagspakke til mødet ca\. \d+\. \w+ 2020<\/h3>/);
    assert.match(text, /<dt>Dato<\/dt><dd>ca\. [^<]+ 2020 <span class="meeting-list__meta">\(anslået/);
    assert.match(
      text,
      /">3\.1 Bilag 1: KL CO2-reduktion i kommunerne<\/a><span class="meeting-list__meta">side 1-15</,
    );
    assert.match(
      text,
      /3\.6 Bilag 1: Aftale om sårbare borgere der ringer 112 med sociale problemstillinger/,
    );
    assert.match(text, /Hent bilagspakken<\/a><span class="meeting-list__meta">TXT, \d+ sider/);
    // Neither the imported file's name nor its hash reaches a reader.
    assert.doesNotMatch(text, /003_|543010fa29d1b32e|\.txt/);
    // An annex's own page says the meeting's date is estimated, as the meeting page does.
    const annex = /href="\/bilag\/(\d+)"/.exec(text)?.[1];
    assert.ok(annex, "an annex link");
    const annexPage = await get(`/bilag/${annex}`);
    assert.match(annexPage.text, /Møde ca\. \d+\. \w+ 2020/);
  });

  it("says the minutes' meeting page shows the minutes, with time and a calendar link", async () => {
    const meeting = await meetingOf("KKR Nordjylland", "2024-09-20");
    const { text } = await get(`/moede/${meeting.id}`);
    assert.match(text, /<dt>Tidspunkt<\/dt><dd>kl\. 10\.00-12\.00<\/dd>/);
    assert.match(text, /<dt>Siden viser<\/dt><dd>Referat<\/dd>/);
    assert.match(text, /<h2 id="dagsorden">Referat<\/h2>/);
    assert.match(text, new RegExp(`href="/moede/${meeting.id}/kalender.ics"[^>]*>Tilføj til kalender</a>`));
    assert.match(text, /Hent referatet/);
    assert.doesNotMatch(text, /004_|5f8a3532f4c6e49a/);
  });

  it("serves the meeting as an RFC 5545 event: CRLF, folded at 75 octets, Danish time, stable UID", async () => {
    const meeting = await meetingOf("KKR Nordjylland", "2024-09-20");
    const first = await get(`/moede/${meeting.id}/kalender.ics`);
    assert.equal(first.status, 200);
    assert.match(first.headers.get("content-type") ?? "", /^text\/calendar/);
    const raw = first.text;
    assert.ok(raw.endsWith("\r\n"), "ends with CRLF");
    assert.doesNotMatch(raw.replace(/\r\n/g, ""), /[\r\n]/, "every line ends with CRLF");
    for (const line of raw.split("\r\n")) {
      assert.ok(Buffer.byteLength(line) <= 75, `line over 75 octets: ${line}`);
    }
    // Unfolded (RFC 5545 3.1), the event's properties by name.
    const lines = raw.replace(/\r\n[ \t]/g, "").split("\r\n");
    const event = lines.slice(lines.indexOf("BEGIN:VEVENT"));
    const prop = (name: string) => event.find((l) => l.startsWith(`${name}:`) || l.startsWith(`${name};`));
    assert.equal(lines[0], "BEGIN:VCALENDAR");
    assert.equal(prop("DTSTART"), "DTSTART;TZID=Europe/Copenhagen:20240920T100000");
    assert.equal(prop("DTEND"), "DTEND;TZID=Europe/Copenhagen:20240920T120000");
    assert.equal(prop("SUMMARY"), "SUMMARY:KKR Nordjylland møde");
    assert.match(prop("URL") ?? "", new RegExp(`^URL:https?://[^/]+/moede/${meeting.id}$`));
    assert.ok(lines.includes("BEGIN:VTIMEZONE") && lines.includes("TZID:Europe/Copenhagen"));
    const uid = prop("UID");
    assert.match(uid ?? "", new RegExp(`^UID:moede-${meeting.id}@`));
    assert.equal((await get(`/moede/${meeting.id}/kalender.ics`)).text.includes(uid ?? "?"), true);
  });

  it("makes an estimated meeting's event a tentative whole day", async () => {
    const meeting = await meetingOf("KKR Midtjylland");
    const lines = (await get(`/moede/${meeting.id}/kalender.ics`)).text
      .replace(/\r\n[ \t]/g, "")
      .split("\r\n");
    assert.ok(lines.includes(`DTSTART;VALUE=DATE:${meeting.date.replace(/-/g, "")}`));
    assert.ok(lines.includes("STATUS:TENTATIVE"));
    assert.ok(lines.includes("SUMMARY:KKR Midtjylland møde (dato anslået)"));
  });
});
