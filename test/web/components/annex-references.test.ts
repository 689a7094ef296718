/** The rule for annex references in field text: "./." and the whole words bilag, bilaget, bilagene. */
import assert from "node:assert/strict";
import { it } from "node:test";
import { annexReferenceSegments, mentionsAnnex } from "../../../src/web/components/annex-references.js";

const references = (text: string) =>
  annexReferenceSegments(text)
    .filter((segment) => segment.kind !== "text")
    .map((segment) => segment.text);

it("finds the margin marker ./. and the word bilag in its inflections, in any case", () => {
  assert.deepEqual(references("./. Programmet er vedlagt (bilag)."), ["./.", "bilag"]);
  assert.deepEqual(references("Bilag 2 og bilaget, jf. bilagene."), ["Bilag", "bilaget", "bilagene"]);
});

it("leaves compounds, paths and ellipses alone", () => {
  assert.deepEqual(references("Et tillægsbilag og bilagsmaterialet, se ../. og ./.. her."), []);
  assert.equal(mentionsAnnex("Punktet er en orientering."), false);
});

it("keeps every character of the text, in order", () => {
  const text = "Se ./. og (bilag), bilagene – ikke tillægsbilag.";
  assert.equal(
    annexReferenceSegments(text)
      .map((segment) => segment.text)
      .join(""),
    text,
  );
});
