/** @module Attendance lists: entries as KKR minutes write them, and the lists' limits. */
import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { parseAttendee, recogniseAttendance } from "../../../src/ingest/recognise/attendance.js";
import { buildLineView } from "../../../src/ingest/recognise/line-view.js";
import { toLines } from "../../support/source-lines.js";

describe("parseAttendee", () => {
  test("name, party, municipality (seeds/004 line 29)", () => {
    assert.deepEqual(parseAttendee("Hans Ejner Bertelsen (V) Morsø Kommune "), {
      name: "Hans Ejner Bertelsen",
      party: "V",
      municipality: "Morsø",
      substituteFor: null,
    });
  });

  test("a substitute (seeds/004 line 55)", () => {
    assert.deepEqual(parseAttendee("Peter E. Nielsen (A) Frederikshavn Kommune, Suppl. for Birgit Hansen"), {
      name: "Peter E. Nielsen",
      party: "A",
      municipality: "Frederikshavn",
      substituteFor: "Birgit Hansen",
    });
    assert.equal(
      parseAttendee("Frank Østergaard (F) Jammerbugt Kommune (suppleant for Henning Jørgensen)")
        ?.substituteFor,
      "Henning Jørgensen",
    );
  });

  test("a comma after the party (seeds/004 line 79) and the municipality as written (line 67)", () => {
    assert.equal(parseAttendee("Brian Nielsen (D), Thisted Kommune")?.municipality, "Thisted");
    assert.equal(
      parseAttendee("Per Bach Laursen (V) Vesthimmerlands Kommune  ")?.municipality,
      "Vesthimmerlands",
    );
  });

  test("role words, bullets, the party written last, no party at all", () => {
    assert.deepEqual(parseAttendee("• Borgmester Mads Duedahl (V), Aalborg Kommune"), {
      name: "Mads Duedahl",
      party: "V",
      municipality: "Aalborg",
      substituteFor: null,
    });
    assert.equal(parseAttendee("Anna Aaen, Aalborg Kommune (Ø)")?.party, "Ø");
    assert.deepEqual(parseAttendee("Jens Hansen, Vejle Kommune"), {
      name: "Jens Hansen",
      party: null,
      municipality: "Vejle",
      substituteFor: null,
    });
  });

  test("a bare place is a municipality only when it is one; a region is none", () => {
    assert.equal(parseAttendee("Jes Lunde (B) Aalborg")?.municipality, "Aalborg");
    assert.equal(parseAttendee("Ulla Astman (A) Region Nordjylland")?.municipality, null);
  });

  test("running text is no entry", () => {
    assert.equal(
      parseAttendee("Formand for BRN (Business Region North Denmark), Per Bach-Laursen, gi-"),
      null,
    );
    assert.equal(parseAttendee("KKR Nordjylland tog orienteringen til efterretning."), null);
  });
});

describe("recogniseAttendance", () => {
  test("present and absent lists, the page title claimed with them", () => {
    const view = buildLineView(
      toLines([
        " Deltagerfortegnelse",
        "Deltagere",
        "Jes Lunde (B) Aalborg Kommune",
        "Jesper Greth (V) Rebild Kommune",
        "Afbud",
        "Anna Aaen (Ø) Aalborg Kommune",
        " 1. Godkendelse af referat",
      ]),
    );
    const result = recogniseAttendance(view);
    assert.deepEqual(
      result.attendance.present.map((a) => a.name),
      ["Jes Lunde", "Jesper Greth"],
    );
    assert.deepEqual(
      result.attendance.absent.map((a) => a.name),
      ["Anna Aaen"],
    );
    assert.deepEqual(result.claimed, [
      [1, 4],
      [5, 6],
    ]);
  });

  test("one unreadable line between entries is reported, two end the list", () => {
    const view = buildLineView(
      toLines([
        "Deltagere:",
        "Jes Lunde (B) Aalborg Kommune",
        "(ankom kl. 10.30)",
        "Jesper Greth (V) Rebild Kommune",
        "Tekst.",
        "Mere tekst.",
        "Ulla Vestergaard (A) Thisted Kommune",
      ]),
    );
    const result = recogniseAttendance(view);
    assert.equal(result.attendance.present.length, 2);
    assert.deepEqual(
      result.warnings.map((w) => [w.code, w.source?.lineStart]),
      [["attendance-unparsed", 3]],
    );
  });

  test("a list on one line", () => {
    const view = buildLineView(
      toLines(["Afbud: Anna Aaen (Ø) Aalborg Kommune, Brian Nielsen (D) Thisted Kommune"]),
    );
    assert.deepEqual(
      recogniseAttendance(view).attendance.absent.map((a) => [a.name, a.municipality]),
      [
        ["Anna Aaen", "Aalborg"],
        ["Brian Nielsen", "Thisted"],
      ],
    );
  });
});

describe("parseAttendee with a role between party and municipality", () => {
  test("the segment naming the municipality is taken", () => {
    assert.equal(parseAttendee("Mads Duedahl (V), borgmester, Aalborg Kommune")?.municipality, "Aalborg");
  });
});

describe("substitutes and the absent list", () => {
  test("a substitute's member written differently in the absent list is reported (seeds/004 lines 55/73)", () => {
    const view = buildLineView(
      toLines([
        "Deltagere",
        "Peter E. Nielsen (A) Frederikshavn Kommune, Suppl. for Birgit Hansen",
        "Afbud",
        "Birgit Stenbak Hansen (A) Frederikshavn Kommune",
      ]),
    );
    const warnings = recogniseAttendance(view).warnings;
    assert.deepEqual(
      warnings.map((w) => w.code),
      ["person-near-match"],
    );
    assert.match(warnings[0]?.message ?? "", /Birgit Stenbak Hansen/);
  });
});

describe("two-column lists", () => {
  test("two entries on one line are both read", () => {
    const view = buildLineView(
      toLines([
        "Deltagere",
        "Jes Lunde (B) Aalborg Kommune Jesper Greth (V) Rebild Kommune",
        "Afbud",
        "Anna Aaen (Ø) Aalborg Kommune",
      ]),
    );
    assert.deepEqual(
      recogniseAttendance(view).attendance.present.map((a) => [a.name, a.municipality]),
      [
        ["Jes Lunde", "Aalborg"],
        ["Jesper Greth", "Rebild"],
      ],
    );
  });
});
