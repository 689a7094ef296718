/** The numbers of an agenda's items (issue 13): "2.1, 2.2…" per section, Eventuelt alone as "5". */
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { moveInAgenda, type NumberedSection, numberAgenda } from "../../src/domain/index.js";

const KKR: NumberedSection<string>[] = [
  { purpose: "regular", items: ["dagsorden", "referat"] },
  { purpose: "regular", items: ["klima", "social"] },
  { purpose: "regular", items: [] },
  { purpose: "next-meeting", items: ["næste"] },
  { purpose: "other", items: ["eventuelt"] },
];

const numbers = (sections: readonly NumberedSection<string>[]) =>
  Object.fromEntries(numberAgenda(sections).map((n) => [n.id, n.number]));

describe("numberAgenda", () => {
  it("numbers section by section, an empty section keeping its number, Eventuelt alone as its section", () => {
    assert.deepEqual(numbers(KKR), {
      dagsorden: "1.1",
      referat: "1.2",
      klima: "2.1",
      social: "2.2",
      næste: "4.1",
      eventuelt: "5",
    });
  });

  it("numbers Eventuelt's items 5.1, 5.2 when it holds more than one", () => {
    const more = [...KKR.slice(0, 4), { purpose: "other" as const, items: ["a", "b"] }];
    assert.equal(numbers(more).b, "5.2");
  });
});

describe("moveInAgenda", () => {
  it("moves within a section and renumbers", () => {
    const moved = moveInAgenda(KKR, "social", 1, 0);
    assert.equal(numbers(moved).social, "2.1");
    assert.equal(numbers(moved).klima, "2.2");
  });

  it("moves between sections, clamping the place to the section's end", () => {
    const moved = moveInAgenda(KKR, "klima", 2, 99);
    assert.deepEqual(moved[1]?.items, ["social"]);
    assert.deepEqual(moved[2]?.items, ["klima"]);
    assert.equal(numbers(moved).social, "2.1");
    assert.equal(numbers(moved).klima, "3.1");
    assert.deepEqual(KKR[1]?.items, ["klima", "social"], "the input is untouched");
  });
});
