/**
 * @module Attendance in the forms other publishers print, on lines quoted from ../shared/real-world (file
 * named per case) and ../shared/real-pdf: lists under headings, on one line, with a status per name,
 * substitutes in brackets, dashes and sentences, member rosters; and name lists that are not attendance.
 */
import assert from "node:assert/strict";
import { describe, test } from "node:test";
import type { ParsedAttendance } from "../../../src/domain/index.js";
import { recogniseAttendance } from "../../../src/ingest/recognise/attendance.js";
import { readEntry } from "../../../src/ingest/recognise/attendance-entry.js";
import { buildLineView } from "../../../src/ingest/recognise/line-view.js";
import { toLines } from "../../support/source-lines.js";

function attendanceOf(lines: readonly string[]): ParsedAttendance {
  return recogniseAttendance(buildLineView(toLines(lines))).attendance;
}
const names = (list: ParsedAttendance["present"]) => list.map((a) => a.name);
const pairs = (list: ParsedAttendance["present"]) =>
  list.filter((a) => a.substituteFor).map((a) => [a.name, a.substituteFor]);

describe("lists under a heading", () => {
  test("'Deltagere:' with 'Name, (Party)' (04)", () => {
    const result = attendanceOf([
      "Deltagere:",
      "Erling Larsen, (A)",
      "Ken Kristensen, (V)",
      "Torben Haack, (F)",
      "1.   Godkendelse af dagsorden",
    ]);
    assert.deepEqual(names(result.present), ["Erling Larsen", "Ken Kristensen", "Torben Haack"]);
  });

  test("bulleted 'Name, Party' roster with an 'Afbud' list: the absent leave the present (12)", () => {
    const result = attendanceOf([
      "Deltagere",
      " • Poul-Erik Svendsen, A",
      " • Pierre Topaz, A",
      " • Pia Tørving, A",
      "",
      " • Afbud",
      " • Pierre Topaz, A",
      "",
      " • Luk alle punkter Referat",
    ]);
    assert.deepEqual(names(result.present), ["Poul-Erik Svendsen", "Pia Tørving"]);
    assert.deepEqual(names(result.absent), ["Pierre Topaz"]);
    assert.equal(result.present[0]?.party, "A");
  });

  test("'X, F - Y stedfortræder' under Afbud, 'løsgænger' as a party (13)", () => {
    const result = attendanceOf([
      "Deltagere",
      " • Stephanie Lose, V",
      " • Villy Søvndal, F",
      " • Marianne Mørk Mathiesen, løsgænger",
      " • Afbud",
      " • Villy Søvndal, F - Tine Hundahl Jensen stedfortræder",
      " •  ",
    ]);
    assert.deepEqual(names(result.present), [
      "Stephanie Lose",
      "Marianne Mørk Mathiesen",
      "Tine Hundahl Jensen",
    ]);
    assert.deepEqual(names(result.absent), ["Villy Søvndal"]);
    assert.deepEqual(pairs(result.present), [["Tine Hundahl Jensen", "Villy Søvndal"]]);
  });

  test("a status after the party: '(A)- afbud' absent, '- deltog ikke i behandlingen af punkt' present (14)", () => {
    const view = buildLineView(
      toLines([
        "Deltagere:",
        "Per Nørhave (O)",
        "Lars Hoppe Søe (B)- deltog ikke i behandlingen af punkt: 6, 8, 9",
        "Nicolai Nicolaisen (A)- afbud",
        "1. Godkendelse af dagsorden",
      ]),
    );
    const result = recogniseAttendance(view);
    assert.deepEqual(names(result.attendance.present), ["Per Nørhave", "Lars Hoppe Søe"]);
    assert.deepEqual(names(result.attendance.absent), ["Nicolai Nicolaisen"]);
    assert.deepEqual(result.partial, [{ name: "Lars Hoppe Søe", items: ["6", "8", "9"] }]);
  });

  test("'Name: Deltog' / 'Name: Afbud' under Medlemmer (22)", () => {
    const result = attendanceOf([
      "Medlemmer",
      " • Susanne Due Kristensen: Deltog",
      " • Stine Roldgaard: Deltog",
      " • Bergur Løkke Rasmussen: Afbud",
      "1. Beslutningssag: Valg af formand og næstformand",
    ]);
    assert.deepEqual(names(result.present), ["Susanne Due Kristensen", "Stine Roldgaard"]);
    assert.deepEqual(names(result.absent), ["Bergur Løkke Rasmussen"]);
  });

  test("grouped 'I mødet deltog:' with '(for X)', officials left out, 'Følgende havde meldt afbud:' (09)", () => {
    const result = attendanceOf([
      "I mødet deltog:",
      "Borgerrepræsentanter:",
      "Rikke Lauritzen, Caroline Stage, Christopher Røhl Andersen og Sofie Seidenfaden.",
      "Fra det frivillige folkeoplysende foreningsområde:",
      "Anders Berner, Asger Gaard, Kirsten Del Campo (for Caroline Møller Jensen), Flemming Jensen og Viggo Brøndegaard.",
      "Fra forvaltningen:",
      "Mads Kamp Hansen, Thomas Bach, Marianne Kruckow og Lars Eisenhardt.",
      "Følgende havde meldt afbud:",
      "Badar Shah, Mara Frej, John Kalo, Caroline Møller Jensen, Martin Duus og Søren Hemmingshøj. ",
      "Folkeoplysningsudvalgets beslutning på mødet den 5. april 2019:",
      "Ole Sørensen ønskede dagsordenens punkt 15 gjort til A-sag.",
      "Med denne ændring blev dagsordenen godkendt.",
    ]);
    assert.equal(result.present.length, 9);
    assert.ok(!names(result.present).includes("Mads Kamp Hansen"));
    assert.deepEqual(pairs(result.present), [["Kirsten Del Campo", "Caroline Møller Jensen"]]);
    assert.equal(result.absent.length, 6);
  });

  test("'Fraværende:' repeated under each decision is one absence (06)", () => {
    const result = attendanceOf([
      "31Godkendelse af dagsorden",
      "Beslutning",
      "Godkendt.",
      "Fraværende:",
      "Søren Weimann (B)",
      "32Orientering om sag vedr. kontraktforlængelse (Lukket punkt)",
      "Åben beslutning",
      "Taget til efterretning med de faldne bemærkninger.",
      "Fraværende:",
      "Søren Weimann (B)",
    ]);
    assert.deepEqual(names(result.absent), ["Søren Weimann"]);
    assert.deepEqual(result.present, []);
  });

  test("an empty 'Fraværende' heading makes the Medlemmer list the present (23)", () => {
    const result = attendanceOf([
      "Medlemmer",
      "Birgitte Glifberg (A)",
      "Peter Mikkelsen (Ø)",
      "Fraværende",
      "Sager 162 - 177",
      "Meddelelser",
    ]);
    assert.deepEqual(names(result.present), ["Birgitte Glifberg", "Peter Mikkelsen"]);
    assert.deepEqual(result.absent, []);
  });
});

describe("lists in columns", () => {
  test("two names on a line set apart by a wide gap", () => {
    const result = attendanceOf([
      "Deltagere",
      "Jens Hansen        Mette Bro",
      "Ole Lund",
      "Afbud",
      "Anna Aaen",
    ]);
    assert.deepEqual(names(result.present), ["Jens Hansen", "Mette Bro", "Ole Lund"]);
    assert.deepEqual(names(result.absent), ["Anna Aaen"]);
  });
});

describe("lists on one line", () => {
  test("'Tilstede:' and 'Fraværende: X (stedfortræder: Y)' in one flattened PDF line (17)", () => {
    const result = attendanceOf([
      "GENTOFTE KOMMUNE Referat af møde i Kommunalbestyrelsen Mødetidspunkt 31-08-2015 18:00 Mødeafholdelse Rådssalen Protokollen blev læst og mødet hævet kl.: 20.35 Tilstede: Hans Toft, Søren B. Heisel, Poul V. Jensen, Jeanne Toxværd, Per B. Andersen og Gitte H. Terndrup Fraværende: Marianne Zangenberg (stedfortræder: Per B. Andersen) og Anne Hjorth (stedfortræder: Gitte H. Terndrup) Indholdsfortegnelse Kommunalbestyrelsen 31-08-2015 18:00 1 (Åben) Meddelelser fra formanden ....4",
    ]);
    assert.deepEqual(names(result.present), [
      "Hans Toft",
      "Søren B. Heisel",
      "Poul V. Jensen",
      "Jeanne Toxværd",
      "Per B. Andersen",
      "Gitte H. Terndrup",
    ]);
    assert.deepEqual(names(result.absent), ["Marianne Zangenberg", "Anne Hjorth"]);
    assert.deepEqual(pairs(result.present), [
      ["Per B. Andersen", "Marianne Zangenberg"],
      ["Gitte H. Terndrup", "Anne Hjorth"],
    ]);
  });

  test("'Medlemmer: A, B, C' and 'Bemærkninger: Afbud: C': the roster without the absent (20)", () => {
    const result = attendanceOf([
      "Medlemmer: Arne Leyh Petersen, Kurt Andresen, Thomas Juhl, Egon Madsen",
      "Bemærkninger: Afbud: Thomas Juhl",
    ]);
    assert.deepEqual(names(result.present), ["Arne Leyh Petersen", "Kurt Andresen", "Egon Madsen"]);
    assert.deepEqual(names(result.absent), ["Thomas Juhl"]);
  });

  test("'Fraværende med afbud: A (Løsgænger) og B (A)' and unpaired 'Stedfortrædere:' (24)", () => {
    const result = attendanceOf([
      "Fraværende med afbud: Frederik Germann (Løsgænger) og Matilde Ørsted (A)",
      "Stedfortrædere: Bitten Jørgensen (V) og Jannik H. Jørgensen (A)",
    ]);
    assert.deepEqual(names(result.absent), ["Frederik Germann", "Matilde Ørsted"]);
    assert.deepEqual(names(result.present), ["Bitten Jørgensen", "Jannik H. Jørgensen"]);
    assert.deepEqual(pairs(result.present), []);
    assert.equal(result.absent[0]?.party, "Løsgænger");
  });

  test("'Fraværende: Name (O).' inside a decision (03)", () => {
    const result = attendanceOf(["Drøftet.", "Fraværende: Merete Dea Larsen (O)."]);
    assert.deepEqual(names(result.absent), ["Merete Dea Larsen"]);
  });
});

describe("sentences", () => {
  test("'Alle var mødt, undtagen ...' with the members listed elsewhere (11)", () => {
    const result = attendanceOf([
      "Alle var mødt, undtagen John G. Christensen og Hanne Roed, som havde meldt afbud.",
      "Udvalget består af syv regionsrådsmedlemmer:",
      "- Niels Erik Iversen (A) (formand)",
      "- Birgit Marie Christensen (A)(næstformand)",
      "- John G. Christensen (A)",
      "- Hanne Roed (B)",
      "- Jørgen Winther (V).",
      "Fra administrationen deltager it-direktør Claus Wegener Kofoed og specialkonsulent Helene Bech Rosenbrandt, Sundhedsplanlægning.",
    ]);
    assert.deepEqual(names(result.absent), ["John G. Christensen", "Hanne Roed"]);
    assert.deepEqual(names(result.present), [
      "Niels Erik Iversen",
      "Birgit Marie Christensen",
      "Jørgen Winther",
    ]);
  });

  test("'Alle medlemmer var til stede' makes the roster the present", () => {
    const result = attendanceOf([
      "Medlemmer",
      "Birgitte Glifberg (A)",
      "Peter Mikkelsen (Ø)",
      "",
      "Alle medlemmer var til stede.",
    ]);
    assert.deepEqual(names(result.present), ["Birgitte Glifberg", "Peter Mikkelsen"]);
  });

  test("absentees with reasons and substitutes called in by long sentences (08)", () => {
    const result = attendanceOf([
      " Fraværende med afbud",
      "Laura Rosenvinge (Socialdemokratiet), ferie.",
      "Mikkel Skovgaard (Enhedslisten), sygdom.",
      "Annika Smith (SF), sygdom.",
      "Stedfortrædere",
      "Der forelå anmodning fra Enhedslisten om, at Klaus Goldschmidt Henriksen (Enhedslisten) i henhold til § 15, stk. 1, nr. 1, i lov om kommunernes styrelse (sygdom) blev indkaldt som stedfortræder for Mikkel Skovgaard (Enhedslisten).",
      "Der forelå anmodning fra SF om, at Yilmaz Yildiz (SF) i henhold til § 15, stk. 1, nr. 1, i lov om kommunernes styrelse (sygdom) blev indkaldt som stedfortræder for Anika Smith (SF).",
    ]);
    assert.deepEqual(names(result.absent), ["Laura Rosenvinge", "Mikkel Skovgaard", "Annika Smith"]);
    assert.deepEqual(pairs(result.present), [
      ["Klaus Goldschmidt Henriksen", "Mikkel Skovgaard"],
      ["Yilmaz Yildiz", "Anika Smith"],
    ]);
  });

  test("'X deltog for Y' and 'X deltog som stedfortræder for Y'", () => {
    const result = attendanceOf([
      "Afbud: Anna Aaen (Ø)",
      "Jens Hansen (Ø) deltog for Anna Aaen.",
      "Mette Bro deltog som stedfortræder for Ole Lund.",
    ]);
    assert.deepEqual(pairs(result.present), [
      ["Jens Hansen", "Anna Aaen"],
      ["Mette Bro", "Ole Lund"],
    ]);
    assert.deepEqual(names(result.absent), ["Anna Aaen", "Ole Lund"]);
  });
});

describe("what is not attendance", () => {
  test("a roster without any statement of who came is none (16, 11's Sagsfremstilling alone)", () => {
    assert.deepEqual(
      attendanceOf([
        "1 Referat fra mødet i Kultur- og Idrætsudvalget (Indeholder åbne dagsordenspunkter) Mødedato: Onsdag den 29. april 2015 Medlemmer: Formand: Lars Ejby Pedersen (A) Næstformand: Kurt Halling (O) Bente Ankersen (A) Christian Jørgensen (V) Side 1",
      ]),
      { present: [], absent: [] },
    );
    assert.deepEqual(
      attendanceOf([
        "Sagsfremstilling",
        "Udvalget består af syv regionsrådsmedlemmer:",
        "- Niels Erik Iversen (A) (formand)",
        "- Hanne Roed (B)",
      ]),
      { present: [], absent: [] },
    );
  });

  test("a 'Deltagere:' list in a Sagsfremstilling is the case's, not the meeting's", () => {
    assert.deepEqual(
      attendanceOf([
        "1. Temadrøftelse om rehabiliteringsindsatsen i Roskilde Kommune",
        "Sagsfremstilling",
        "Arbejdsgruppen har holdt tre møder.",
        "Deltagere:",
        "Mads Kamp Hansen, Thomas Bach og Marianne Kruckow.",
        "Fraværende: Lars Eisenhardt.",
        "Beslutning",
        "Drøftet.",
      ]),
      { present: [], absent: [] },
    );
  });

  test("but the decision after a Sagsfremstilling, headed by body, date and item, is read (03)", () => {
    const result = attendanceOf([
      "Sagsfremstilling",
      "Forvaltningen vil på mødet holde et kort oplæg om status for indsatsen.",
      "Sundheds- og Omsorgsudvalget, 03-03-2016, pkt. 16",
      "Drøftet.",
      "Fraværende: Merete Dea Larsen (O).",
    ]);
    assert.deepEqual(names(result.absent), ["Merete Dea Larsen"]);
  });

  test("per-item non-participation is no absence from the meeting (25, real-pdf Aarhus)", () => {
    assert.deepEqual(
      attendanceOf(["Beslutning", "Intet.", "Keld Hvalsø deltog ikke i sagens behandling.", "Sagens forløb"]),
      { present: [], absent: [] },
    );
  });

  test("a treatment history's absences belong to another meeting", () => {
    assert.deepEqual(
      attendanceOf([
        "Sagsforløb",
        "Udvalg: Magistraten",
        "Dato: 19-08-2025",
        "Fraværende: Jesper Kjeldsen (A)",
        "Bilag",
      ]),
      { present: [], absent: [] },
    );
  });

  test("staff taking part in an item is no attendance (02), running text is no entry", () => {
    assert.deepEqual(
      attendanceOf(["Økonomikonsulent Mathias Andersen deltog under oplysningen af punktet."]),
      {
        present: [],
        absent: [],
      },
    );
    assert.equal(
      readEntry("Der forelå anmodning fra Enhedslisten om, at Klaus Goldschmidt Henriksen", true),
      null,
    );
    assert.equal(readEntry("Luk alle punkter Referat", true), null);
    assert.equal(readEntry("Sager 162 - 177", true), null);
  });
});
