/**
 * @module Meeting facts from a document's own head, on lines quoted from ../shared/real-world (file
 * named per case) and ../shared/real-pdf: body, date, times and place as each publisher prints them, and
 * dates that are not the meeting's (a treatment history, an earlier decision, an item's text).
 */
import assert from "node:assert/strict";
import { readFile } from "node:fs/promises";
import { describe, test } from "node:test";
import { loadIngestOptions, parseSource, readSourceFile } from "../../../src/ingest/index.js";
import { parseExtracted } from "../../../src/ingest/parse.js";
import { buildLineView } from "../../../src/ingest/recognise/line-view.js";
import { recogniseMeeting } from "../../../src/ingest/recognise/meeting.js";
import { readMeetingHead } from "../../../src/ingest/recognise/meeting-head.js";
import { letterWordOptions, toDocument, toLines } from "../../support/source-lines.js";

const SHARED = new URL("../../../../shared/", import.meta.url);

describe("labels in the head", () => {
  test("labels without a colon before their value (real-pdf Aarhus, page 1)", () => {
    const head = readMeetingHead([
      "REFERAT Aarhus Byråd d. 27-08-2025",
      "Mødedato Onsdag d. 27. august 2025 kl. 16:00",
      "Mødested Byrådssalen",
    ]);
    assert.equal(head.body, "Aarhus Byråd");
    assert.equal(head.date, "2025-08-27");
    assert.equal(head.startTime, "16:00");
    assert.equal(head.location, "Byrådssalen");
  });

  test("upper-case labels over their values, seconds dropped from the times (01)", () => {
    const head = readMeetingHead([
      "UDVALG",
      "Udvalget for Ældre og Sundhed",
      "MØDE",
      "Referat",
      "STED",
      "Kanalstræde 2, mødelokale 0.21",
      "STARTTIDSPUNKT",
      "04-06-2020 09:00:00",
      "SLUTTIDSPUNKT",
      "04-06-2020 11:00:00",
    ]);
    assert.deepEqual(
      [head.body, head.date, head.startTime, head.endTime, head.location],
      ["Udvalget for Ældre og Sundhed", "2020-06-04", "09:00", "11:00", "Kanalstræde 2, mødelokale 0.21"],
    );
  });

  test("labels with icon captions, a date label under a time label, 'Tid:' with a span (22)", () => {
    const head = readMeetingHead([
      "Møde i udvalget for fastholdelse og rekruttering i sundhedsvæsenet d. 10 februar 2022",
      "Udvalg Ikon",
      "Udvalget for fastholdelse og rekruttering i sundhedsvæsenet",
      "Tidspunkt Ikon",
      "Dato: 10-02-2022",
      "Tid: 15:00 - 17:00",
      "Sted",
      "Regionsgården, mødelokale H2",
    ]);
    assert.equal(head.body, "Udvalget for fastholdelse og rekruttering i sundhedsvæsenet");
    assert.deepEqual([head.date, head.startTime, head.endTime], ["2022-02-10", "15:00", "17:00"]);
    assert.equal(head.location, "Regionsgården, mødelokale H2");
  });

  test("labels stacked over their values (15) and a header set as a pipe table (24)", () => {
    const stacked = readMeetingHead([
      "Dato:",
      "Sted:",
      "23-02-2015 kl. 10:00",
      "Uddannelsescenteret, indgang 50, Bispebjerg",
    ]);
    assert.deepEqual(
      [stacked.date, stacked.startTime, stacked.location],
      ["2015-02-23", "10:00", "Uddannelsescenteret, indgang 50, Bispebjerg"],
    );
    const piped = readMeetingHead([
      "Referat",
      "Dato: |",
      "22-06-2022 17:30:00 |",
      "---|---|",
      "Udvalg: |",
      "Byrådet |",
      "Sted: |",
      "Byrådssalen |",
      "Deltagere: |",
      "Ikke registreret |",
    ]);
    assert.deepEqual(
      [piped.body, piped.date, piped.startTime, piped.location],
      ["Byrådet", "2022-06-22", "17:30", "Byrådssalen"],
    );
  });

  test("labels inside one long line, a place cut where the text runs on (16, 17)", () => {
    const fredericia = readMeetingHead([
      "1 Referat fra mødet i Kultur- og Idrætsudvalget (Indeholder åbne dagsordenspunkter) Mødedato: Onsdag den 29. april 2015 Mødested: Den historiske Miniby, Vestre Ringvej 98C Mødetidspunkt: Kl. 12:00-15:00 Medlemmer: Formand: Lars Ejby Pedersen (A) Næstformand: Kurt Halling (O) Bente Ankersen (A) Christian Jørgensen (V) Lasse Strüwing Hansen (A) Nicolaj Wyke (V) Turan Savas (A) Side 1",
    ]);
    assert.equal(fredericia.body, "Kultur- og Idrætsudvalget");
    assert.deepEqual(
      [fredericia.date, fredericia.startTime, fredericia.endTime, fredericia.location],
      ["2015-04-29", "12:00", "15:00", "Den historiske Miniby, Vestre Ringvej 98C"],
    );
    const gentofte = readMeetingHead([
      "GENTOFTE KOMMUNE Referat af møde i Kommunalbestyrelsen Mødetidspunkt 31-08-2015 18:00 Mødeafholdelse Rådssalen Protokollen blev læst og mødet hævet kl.: 20.35 Tilstede: Hans Toft, Søren B. Heisel, Pia Nyring, Lisbeth Winther, Karen Riis Kjølbye, Michael Fenger, Bente Frimodt-Møller, Jesper Kamp Nielsen",
    ]);
    assert.equal(gentofte.body, "Kommunalbestyrelsen");
    assert.deepEqual([gentofte.date, gentofte.startTime], ["2015-08-31", "18:00"]);
    assert.equal(gentofte.location, null);
  });
});

describe("titles in the head", () => {
  test("body and date as titles print them", () => {
    const cases: readonly (readonly [string, readonly string[], string, string])[] = [
      ["02", ["Børne- og Ungeudvalget – Referat – 2. maj 2023"], "Børne- og Ungeudvalget", "2023-05-02"],
      ["07", ["Børn & Læringsudvalget - 03-10-2022", "Referat"], "Børn & Læringsudvalget", "2022-10-03"],
      ["12", ["Sundhedsudvalget - Referat - 25. oktober 2016"], "Sundhedsudvalget", "2016-10-25"],
      [
        "19",
        ["Social- og Sundhedsudvalget - Referat fra mødet den 17-01-2019"],
        "Social- og Sundhedsudvalget",
        "2019-01-17",
      ],
      ["25", ["Vælg", "Referat Magistraten 27-01-2020"], "Magistraten", "2020-01-27"],
      [
        "04",
        [
          "Referat af møde i Klima- og Planudvalget",
          "Den 09.01.2020 kl. 13:00 i Tapperiet, Sdr. Badevej 1, 4600 Køge",
        ],
        "Klima- og Planudvalget",
        "2020-01-09",
      ],
      [
        "05",
        [
          "Sbsys dagsorden preview",
          "Referat til mødet i Udvalget for Teknik og Miljø den 22. juni 2020 kl. 17:30 i Arden Rådhus, Østergade 22, Arden - Mødelokale Skoven",
        ],
        "Udvalget for Teknik og Miljø",
        "2020-06-22",
      ],
      [
        "06",
        [
          "Frederikssund Kommunes logo",
          "Unge, fritid og idræts møde den 02. april 2024",
          "Mødelokale F7 kl. 15.00",
        ],
        "Unge, fritid og idræt",
        "2024-04-02",
      ],
      [
        "10",
        [
          "Abonnér",
          "Dagsorden",
          "til",
          "mødet i Udvalg for regional udvikling",
          "den 1. februar 2023 kl. 09:00",
          "i Herning Kommune, Torvet 5, 7400 Herning",
        ],
        "Udvalg for regional udvikling",
        "2023-02-01",
      ],
      [
        "11",
        [
          "Dagsordener og referater fra midlertidigt udvalg vedrørende digital sundhed",
          "til",
          "mødet i",
          "den 18. august 2020 kl. 11:00",
        ],
        "midlertidigt udvalg vedrørende digital sundhed",
        "2020-08-18",
      ],
      [
        "21",
        ["Dagsorden", "Erhvervs- og Beskæftigelsesudvalget onsdag den 17. september 2025 kl. 19.00"],
        "Erhvervs- og Beskæftigelsesudvalget",
        "2025-09-17",
      ],
      ["23", ["Økonomiudvalget", "18-09-2024", "Medlemmer"], "Økonomiudvalget", "2024-09-18"],
      [
        "03",
        ["You are here", "Referat", "Dato: Torsdag, Marts 3, 2016 - 08:00", "Sted: Rådhuset, mødelokale 2A"],
        "",
        "2016-03-03",
      ],
    ];
    for (const [file, lines, body, date] of cases) {
      const head = readMeetingHead(lines);
      assert.equal(head.body ?? "", body, `body of ${file}`);
      assert.equal(head.date, date, `date of ${file}`);
    }
  });

  test("time and place from the title's tail or the line under the date (04, 06, 10, 14)", () => {
    const koege = readMeetingHead([
      "Referat af møde i Klima- og Planudvalget",
      "Den 09.01.2020 kl. 13:00 i Tapperiet, Sdr. Badevej 1, 4600 Køge",
    ]);
    assert.deepEqual([koege.startTime, koege.location], ["13:00", "Tapperiet, Sdr. Badevej 1, 4600 Køge"]);
    const frederikssund = readMeetingHead([
      "Unge, fritid og idræts møde den 02. april 2024",
      "Mødelokale F7 kl. 15.00",
    ]);
    assert.deepEqual([frederikssund.startTime, frederikssund.location], [null, "Mødelokale F7"]);
    const region = readMeetingHead([
      "Dagsorden",
      "til",
      "mødet i Udvalg for regional udvikling",
      "den 1. februar 2023 kl. 09:00",
      "i Herning Kommune, Torvet 5, 7400 Herning",
    ]);
    assert.deepEqual(
      [region.startTime, region.location],
      ["09:00", "Herning Kommune, Torvet 5, 7400 Herning"],
    );
    const sjaelland = readMeetingHead([
      "Referat",
      "Møde i Udvalget for sundhed for alle",
      "onsdag den 28. august 2019 kl. 08:00",
      "Mødelokale 20",
    ]);
    assert.deepEqual(
      [sjaelland.body, sjaelland.date, sjaelland.startTime, sjaelland.location],
      ["Udvalget for sundhed for alle", "2019-08-28", "08:00", "Mødelokale 20"],
    );
  });
});

describe("the end of the meeting", () => {
  test("'Mødet sluttede kl. 21.05.' (08) gives the end time", () => {
    const result = recogniseMeeting(
      buildLineView(
        toLines([
          "Mødedato: 07.04.2022, kl. 17:30",
          "Mødested: Borgerrepræsentationens mødesal",
          "Dagsordenen blev herefter godkendt uden afstemning.",
          "Mødet sluttede kl. 21.05.",
        ]),
      ),
      { meetingDocument: true },
    );
    assert.deepEqual([result.meeting.startTime, result.meeting.endTime], ["17:30", "21:05"]);
  });
});

describe("dates that are not the meeting's", () => {
  test("a treatment history's 'Dato:' below the first item is not read (real-pdf Aarhus, pages 3-5)", () => {
    const lines = toLines([
      "Punkt 1: Godkendelse af dagsorden",
      "EMN-2023-009832",
      "Beslutninger",
      "Godkendt.",
      "Sagsforløb",
      "Udvalg: Aarhus Byråd",
      "Dato: 26-03-2025",
      "Punktnummer: 21",
    ]);
    const result = recogniseMeeting(buildLineView(lines), { meetingDocument: true, headEnd: 1 });
    assert.notEqual(result.meeting.date, "2025-03-26");
    assert.notEqual(result.body, "Aarhus Byråd");
  });

  test("a date in an item's text or an earlier decision is not the meeting date (23)", async () => {
    const text = await readFile(new URL("real-world/23.txt", SHARED), "utf8");
    const doc = parseExtracted(
      { file: "23.txt", sha256: "" },
      toDocument(text.split("\n")),
      letterWordOptions,
    );
    assert.equal(doc.meeting?.date, "2024-09-18");
    assert.equal(doc.body, "Økonomiudvalget");
  });

  test("body named only by the meeting's own decision headings (03, 08, 09)", () => {
    for (const [lines, body] of [
      [
        ["Pkt. 16", "Temadrøftelse", "Sundheds- og Omsorgsudvalget, 03-03-2016, pkt. 16", "Drøftet."],
        "Sundheds- og Omsorgsudvalget",
      ],
      [
        ["Beslutning", "Borgerrepræsentationens beslutning i mødet den 7. april 2022"],
        "Borgerrepræsentationen",
      ],
      [["Folkeoplysningsudvalgets beslutning på mødet den 5. april 2019:"], "Folkeoplysningsudvalget"],
    ] as const) {
      const result = recogniseMeeting(buildLineView(toLines(lines)), { meetingDocument: true, headEnd: 1 });
      assert.equal(result.body, body);
    }
  });
});

describe("the Aarhus minutes as a PDF", () => {
  test("27 August 2025 at 16:00 in Byrådssalen, body Aarhus Byråd, though Sagsforløb names other dates", async () => {
    const source = await readSourceFile(
      new URL("real-pdf/aarhus-byraad-2025-08-27-referat.pdf", SHARED).pathname,
    );
    const doc = await parseSource(source, await loadIngestOptions());
    assert.equal(doc.body, "Aarhus Byråd");
    assert.equal(doc.meeting?.date, "2025-08-27");
    assert.equal(doc.meeting?.startTime, "16:00");
    assert.equal(doc.meeting?.location, "Byrådssalen");
  });
});
