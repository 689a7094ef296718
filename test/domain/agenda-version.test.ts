/** What changed between two sendings of an agenda (issue 13): the note of a "Tillæg til dagsorden". */
import assert from "node:assert/strict";
import { it } from "node:test";
import { agendaChanges, agendaVersionTitle, type SentItem } from "../../src/domain/index.js";

const item = (id: number, number: string, title: string, digest = "x", open = true): SentItem => ({
  id,
  number,
  title,
  public: open,
  digest,
});

it("names items added, changed, renumbered and withdrawn, and a closed item only by its number", () => {
  const before = {
    items: [item(1, "2.1", "Klima"), item(2, "2.2", "Social"), item(3, "2.3", "Personale", "x", false)],
  };
  const after = {
    items: [item(4, "2.1", "Lærepladser"), item(1, "2.2", "Klima"), item(3, "2.3", "Personale", "y", false)],
  };
  assert.deepEqual(agendaChanges(before, after), [
    "Punkt 2.1 Lærepladser er tilføjet.",
    "Punkt 2.1 er nu punkt 2.2.",
    "Punkt 2.3 (lukket punkt) er ændret.",
    "Punkt 2.2 Social er udgået.",
  ]);
  assert.deepEqual(agendaChanges(after, after), []);
  assert.equal(agendaVersionTitle(1), "Dagsorden");
  assert.equal(agendaVersionTitle(2), "Tillæg til dagsorden");
});
