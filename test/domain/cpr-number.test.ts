/** CPR numbers found in real lines of the seeds with a number put in, and look-alikes left alone. */
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { cprYear, findCprNumbers } from "../../src/domain/cpr-number.js";

/** Lines of seed 004 (lines 88, 93, 399) with a CPR number put into them. */
const WITH_CPR = [
  ["Godkendelse af KKR Nordjyllands dagsorden. Borgeren (120390-1234) deltog.", "120390-1234"],
  ["Det indstilles, at KKR Nordjylland godkender dagsordenen, jf. cpr.nr. 0101011234.", "0101011234"],
  ["Henvendelse fra 311299-4321 om det samlede budget på 1,52 mio. kr.", "311299-4321"],
  ["SAG-2024-03326 hlth vedrører borger med personnummer 290200-4011", "290200-4011"],
  ["Klager, 150687-2003, har bedt om aktindsigt.", "150687-2003"],
] as const;

const LOOK_ALIKES = [
  "SAG-2024-03326 hlth", // the seeds' case numbers
  "Sagsnr. 24/120390-1234 og j.nr. 1203901234",
  "SAG-2024-120390-1234",
  "Det samlede budget er 1203901234 kr., hvoraf omtrent 47 pct.",
  "Beløb: 1203901234",
  "Kontakt tlf. 1203901234 eller telefon 120390-1234",
  "Ring på +45 98 76 54 32",
  "Mødet holdes 20.09.2024 kl. 10.00-12.00",
  "Mødet 2024-09-20 10:00",
  "20092024-1000 er et mødenummer", // eight digits of a date, then a time
  "https://kommune.viborg.dk/Social-og-Sundhedsudvalget/2019/1/17012019201901171700",
  "EAN 5798000123456 og CVR 29189846",
  "320190-1234 er ikke en dato", // the 32nd
  "011390-1234 er ikke en dato", // month 13
  "290201-4011 er ikke en dato", // 29 February 2001
  "1,203,901,234.5",
  "12039012345 har elleve cifre",
];

describe("CPR numbers", () => {
  for (const [line, cpr] of WITH_CPR) {
    it(`finds ${cpr} in a line of the seeds`, () => {
      const found = findCprNumbers(line);
      assert.deepEqual(
        found.map((f) => f.text),
        [cpr],
      );
      assert.equal(line.slice(found[0]?.start, found[0]?.end), cpr, "its place in the line");
    });
  }

  for (const line of LOOK_ALIKES) {
    it(`leaves a look-alike alone: ${line}`, () => {
      assert.deepEqual(findCprNumbers(line), []);
    });
  }

  it("finds a number that the words before it name, even beside an amount word", () => {
    assert.equal(findCprNumbers("CPR-nr.: 120390-1234 kr").length, 1);
  });

  it("tells the century by the seventh digit, so 29 February is a date only in a leap year", () => {
    assert.equal(cprYear(0, 4), 2000);
    assert.equal(cprYear(58, 5), 1858);
    assert.equal(cprYear(37, 9), 1937);
    assert.equal(findCprNumbers("født 290200-4011").length, 1, "2000 is a leap year");
    assert.equal(
      findCprNumbers("født 290200-2011").length,
      0,
      "the seventh digit 2 makes it 1900, no leap year",
    );
  });
});
