/** A body's feeds over the demo: RSS 2.0, Atom and an iCalendar of its meetings. */
import assert from "node:assert/strict";
import { before, it } from "node:test";
import { createApp } from "../../../src/web/app.js";
import { foldLine, icsText, renderIcs } from "../../../src/web/feeds/ics.js";
import { xmlEscape } from "../../../src/web/feeds/xml-escape.js";
import { forEachBackend } from "../../support/stores.js";
import { type DemoIds, demoIds } from "../pages/portal-support.js";

it("escapes XML text and drops control characters XML 1.0 forbids", () => {
  assert.equal(xmlEscape(`a<b>&"c'\u0001`), "a&lt;b&gt;&amp;&quot;c&apos;");
});

it("escapes iCalendar text and folds long lines at 75 octets without splitting a character", () => {
  assert.equal(icsText("a,b;c\\d\ne"), "a\\,b\\;c\\\\d\\ne");
  const folded = foldLine(`DESCRIPTION:${"æ".repeat(100)}`);
  for (const line of folded.split("\r\n")) assert.ok(new TextEncoder().encode(line).length <= 75, line);
  assert.equal(folded.replace(/\r\n /g, ""), `DESCRIPTION:${"æ".repeat(100)}`);
});

it("adds a meeting the minutes announce but the store lacks as a tentative whole-day event", () => {
  const ics = renderIcs(
    {
      id: 4,
      name: "KKR Nordjylland",
      meetings: [],
      decisions: [],
      announced: [{ bodyId: 4, bodyName: "KKR Nordjylland", date: "2024-11-22", announcedBy: 9 }],
    },
    "https://raadsinfo.example.dk",
    new Date("2024-10-01T08:00:00Z"),
  );
  assert.match(
    ics,
    /BEGIN:VEVENT\r\nUID:varslet-4-2024-11-22@raadsinfo\.example\.dk\r\nDTSTAMP:20241001T080000Z\r\nDTSTART;VALUE=DATE:20241122\r\nDTEND;VALUE=DATE:20241123\r\nSUMMARY:Møde i KKR Nordjylland \(planlagt\)\r\nSTATUS:TENTATIVE\r\n/,
  );
});

forEachBackend("body feeds", (store) => {
  let ids: DemoIds;
  const get = (path: string) =>
    createApp({ db: store().db, settings: { publicBaseUrl: "https://raadsinfo.example.dk" } }).request(path);
  before(async () => {
    ids = await demoIds(store().db);
  });

  it("RSS lists the meeting and the decisions with absolute links", async () => {
    const res = await get(`/organ/${ids.body}/feed.rss`);
    assert.equal(res.status, 200);
    assert.equal(res.headers.get("content-type"), "application/rss+xml; charset=utf-8");
    const xml = await res.text();
    assert.match(xml, /^<\?xml version="1.0" encoding="utf-8"\?>\n<rss version="2.0"/);
    assert.match(xml, /<title>KKR Eksempelregion: møder og beslutninger<\/title>/);
    assert.match(xml, /<title>Møde i KKR Eksempelregion 18\. september 2026<\/title>/);
    assert.match(xml, new RegExp(`<link>https://raadsinfo.example.dk/moede/${ids.meeting}</link>`));
    assert.match(xml, /<title>Beslutning: 2\.1 Fælles klimaplan og biokul i landbruget<\/title>/);
    assert.match(xml, /<pubDate>Fri, 18 Sep 2026 12:00:00 GMT<\/pubDate>/);
    assert.match(
      xml,
      new RegExp(`<atom:link href="https://raadsinfo.example.dk/organ/${ids.body}/feed.rss" rel="self"`),
    );
  });

  it("Atom has an id, updated times and alternate links for each entry", async () => {
    const res = await get(`/organ/${ids.body}/feed.atom`);
    assert.equal(res.headers.get("content-type"), "application/atom+xml; charset=utf-8");
    const xml = await res.text();
    assert.match(xml, /<feed xmlns="http:\/\/www.w3.org\/2005\/Atom" xml:lang="da">/);
    const entries = xml.split("<entry>").slice(1);
    assert.equal(
      entries.length,
      1 + 3,
      "the meeting and the decisions of 1.1, 2.1 and 2.2 (2.3 is closed, 3 has none)",
    );
    for (const entry of entries) {
      assert.match(entry, /<id>https:\/\/raadsinfo\.example\.dk\/(moede|punkt)\/\d+<\/id>/);
      assert.match(entry, /<updated>\d{4}-\d{2}-\d{2}T[\d:.]+Z<\/updated>/);
    }
  });

  it("ICS has one event per meeting in Danish time with the agenda, and the announced next meeting", async () => {
    const res = await get(`/organ/${ids.body}/moeder.ics`);
    assert.equal(res.headers.get("content-type"), "text/calendar; charset=utf-8");
    const ics = await res.text();
    assert.ok(ics.endsWith("END:VCALENDAR\r\n"));
    assert.doesNotMatch(ics.replace(/\r\n/g, ""), /\n/, "every line ends in CRLF");
    const unfolded = ics.replace(/\r\n /g, "");
    assert.match(unfolded, /BEGIN:VTIMEZONE\r\nTZID:Europe\/Copenhagen/);
    assert.match(unfolded, new RegExp(`UID:moede-${ids.meeting}@raadsinfo.example.dk`));
    assert.match(unfolded, /DTSTART;TZID=Europe\/Copenhagen:20260918T100000/);
    assert.match(unfolded, /DTEND;TZID=Europe\/Copenhagen:20260918T120000/);
    assert.match(unfolded, /LOCATION:Rådhuset\\, Eksempelby/);
    assert.match(unfolded, /DESCRIPTION:Dagsorden:\\n1\.1 Godkendelse af dagsorden\\n2\.1 Fælles klimaplan/);
    // The held meeting, and the next one its minutes announce (4 December 2026) as tentative.
    assert.equal(unfolded.match(/BEGIN:VEVENT/g)?.length, 2);
    assert.equal(unfolded.match(/STATUS:TENTATIVE/g)?.length, 1);
    assert.match(unfolded, /DTSTART;VALUE=DATE:20261204/);
  });

  it("answers an unknown body with 404", async () => {
    for (const feed of ["feed.rss", "feed.atom", "moeder.ics"]) {
      assert.equal((await get(`/organ/999999/${feed}`)).status, 404);
    }
  });
});
