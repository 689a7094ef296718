/** @module Meeting recognition: body, date, times and the neighbouring meetings, from the wordings KKR papers use. */
import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { findDates, findTimes } from "../../../src/ingest/recognise/dates.js";
import { buildLineView } from "../../../src/ingest/recognise/line-view.js";
import { recogniseMeeting } from "../../../src/ingest/recognise/meeting.js";
import { toLines } from "../../support/source-lines.js";

const meetingDocument = { meetingDocument: true };

describe("dates and times", () => {
  test("Danish long dates, numeric dates, and no date out of a time or an amount", () => {
    assert.deepEqual(
      findDates("den 20. september 2024, den 6.juni 2024 og 20-09-2024 samt 1.5 mio. og 31.02.2024").map(
        (d) => d.iso,
      ),
      ["2024-09-20", "2024-06-06", "2024-09-20"],
    );
  });

  test("time spans, not dates or decimals", () => {
    assert.deepEqual(
      findTimes("10.00-12.00 – KKR-møde, kl. 9:30 – 10:00, 20.09.2024, 1,52").map((t) => [t.start, t.end]),
      [
        ["10:00", "12:00"],
        ["09:30", "10:00"],
      ],
    );
  });
});

describe("recogniseMeeting", () => {
  test("header date, programme times, previous and next meeting (the shapes of seeds/004)", () => {
    const view = buildLineView(
      toLines([
        "Godkendelse af referat fra KKR Nordjyllands møde den 21. juni 2024",
        "9.30-10.00 – Ankomst og morgenmad",
        "10.00-12.00 – KKR-møde",
        "12.00-12.30 – Frokost",
        "KKR Nordjylland  | 20-09-2024",
        " SIDE  |  11",
        "Næste møde i KKR Nordjylland afholdes den 22. november",
        "2024.",
      ]),
    );
    const result = recogniseMeeting(view, meetingDocument);
    assert.equal(result.body, "KKR Nordjylland");
    assert.deepEqual(result.meeting, {
      date: "2024-09-20",
      startTime: "10:00",
      endTime: "12:00",
      location: null,
      previousMeetingDate: "2024-06-21",
      nextMeetingDate: "2024-11-22",
    });
  });

  test("a dated title and a labelled place", () => {
    const view = buildLineView(
      toLines([
        "Referat fra mødet i Kommunekontaktrådet Syddanmark den 3. marts 2025",
        "Sted: Comwell, Kolding",
        "Kl. 10.00-13.00",
      ]),
    );
    const result = recogniseMeeting(view, meetingDocument);
    assert.equal(result.body, "KKR Syddanmark");
    assert.equal(result.meeting.date, "2025-03-03");
    assert.equal(result.meeting.location, "Comwell, Kolding");
    assert.equal(result.meeting.startTime, "10:00");
    assert.equal(result.meeting.endTime, "13:00");
  });

  test("no date at all is a warning, not an error", () => {
    const result = recogniseMeeting(buildLineView(toLines(["Tekst uden dato."])), meetingDocument);
    assert.equal(result.meeting.date, null);
    assert.deepEqual(
      result.warnings.map((w) => w.code),
      ["no-meeting-date"],
    );
  });

  test("an annex pack is dated by its running header only", () => {
    const view = buildLineView(toLines(["Udgivet 1. januar 2020", "Dato: 5. maj 2020"]));
    assert.equal(recogniseMeeting(view, { meetingDocument: false }).meeting.date, null);
  });
});

describe("neighbouring meetings in other words", () => {
  test("'forrige møde' and 'kommende møde'", () => {
    const view = buildLineView(
      toLines([
        "Dato: 3. marts 2025",
        "Opfølgning fra forrige møde den 10. december 2024.",
        "Det kommende møde den 5. maj 2025 holdes i Vejle.",
      ]),
    );
    const meeting = recogniseMeeting(view, meetingDocument).meeting;
    assert.equal(meeting.previousMeetingDate, "2024-12-10");
    assert.equal(meeting.nextMeetingDate, "2025-05-05");
  });
});

describe("bodies other than a KKR", () => {
  test("the body named in the title", () => {
    for (const [title, body] of [
      ["Dagsorden for Økonomiudvalget", "Økonomiudvalget"],
      ["Referat - Byrådet den 3. marts 2025", "Byrådet"],
      ["Referat fra mødet i Social- og Sundhedsudvalget", "Social- og Sundhedsudvalget"],
    ] as const) {
      assert.equal(recogniseMeeting(buildLineView(toLines([title])), meetingDocument).body, body, title);
    }
  });
});
