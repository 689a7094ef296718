/** A text record as the public reads it: a closed item's lines become "N Lukket punkt", a withheld page's go. */
import assert from "node:assert/strict";
import { it } from "node:test";
import { publicRecordText } from "../../src/export/public-record-text.js";

const RECORD = [
  "Referat",
  "1.1 Godkendelse",
  "Godkendt.",
  "2.3 Udpegning",
  "Fortroligt.",
  "3 Eventuelt",
  "Intet.",
].join("\n");

it("keeps the text as it is when nothing is withheld", () => {
  assert.equal(publicRecordText(RECORD, [], "Lukket punkt"), RECORD);
});

it("replaces a closed item's lines with its number and 'Lukket punkt'", () => {
  assert.equal(
    publicRecordText(RECORD, [{ lineStart: 4, lineEnd: 5, itemNumber: "2.3" }], "Lukket punkt"),
    ["Referat", "1.1 Godkendelse", "Godkendt.", "2.3 Lukket punkt", "3 Eventuelt", "Intet."].join("\n"),
  );
});

it("leaves out a withheld page's lines without a trace; a closed item beside it still shows its number", () => {
  assert.equal(
    publicRecordText(
      RECORD,
      [
        { lineStart: 2, lineEnd: 3, itemNumber: null },
        { lineStart: 3, lineEnd: 5, itemNumber: "2.3" },
      ],
      "Lukket punkt",
    ),
    ["Referat", "2.3 Lukket punkt", "3 Eventuelt", "Intet."].join("\n"),
  );
});
