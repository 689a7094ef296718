/** The visibility policy as plain rules: who sees what is withheld, and why. */
import assert from "node:assert/strict";
import { it } from "node:test";
import {
  annexWithholding,
  bodiesCleared,
  dateFromFileName,
  mayRelease,
  maySee,
  maySeePrivateNotes,
  PUBLIC_VIEWER,
  type Viewer,
  viewerOf,
} from "../../src/domain/index.js";

const member: Viewer = { kind: "user", memberOf: [1], secretariatOf: [] };
const secretariat: Viewer = { kind: "user", memberOf: [], secretariatOf: [1] };
const admin: Viewer = { kind: "administrator" };

it("builds the viewer from a user's roles", () => {
  assert.deepEqual(viewerOf([]), PUBLIC_VIEWER);
  assert.deepEqual(
    viewerOf([
      { role: "administrator", bodyId: null },
      { role: "medlem", bodyId: 2 },
    ]),
    admin,
  );
  assert.deepEqual(
    viewerOf([
      { role: "medlem", bodyId: 3 },
      { role: "sekretariat", bodyId: 1 },
      { role: "medlem", bodyId: 3 },
    ]),
    { kind: "user", memberOf: [3], secretariatOf: [1] },
  );
});

it("shows what is not withheld to everyone, and a closed item to its own body's members and secretariat", () => {
  for (const v of [PUBLIC_VIEWER, member, secretariat, admin])
    assert.ok(maySee(v, { withheld: null, bodyId: 1 }));
  const closed = { withheld: "closed-item", bodyId: 1 } as const;
  assert.deepEqual(
    [PUBLIC_VIEWER, member, secretariat, admin].map((v) => maySee(v, closed)),
    [false, true, true, true],
  );
  assert.equal(maySee(member, { withheld: "closed-item", bodyId: 2 }), false, "another body's member");
});

it("keeps CPR findings and unlinked annexes to the secretariat; an annex of no body to administrators", () => {
  assert.equal(maySee(member, { withheld: "cpr-number", bodyId: 1 }), false);
  assert.equal(maySee(secretariat, { withheld: "cpr-number", bodyId: 1 }), true);
  assert.equal(maySee(secretariat, { withheld: "unlinked-annex", bodyId: null }), false);
  assert.equal(maySee(admin, { withheld: "unlinked-annex", bodyId: null }), true);
  assert.deepEqual(bodiesCleared(member, "cpr-number"), []);
  assert.equal(bodiesCleared(admin, "closed-item"), "all");
});

it("lets the secretariat release and see private notes, the members not", () => {
  assert.deepEqual(
    [mayRelease(member, 1), mayRelease(secretariat, 1), mayRelease(secretariat, 2)],
    [false, true, false],
  );
  assert.equal(mayRelease(admin, null), true);
  assert.deepEqual(
    [PUBLIC_VIEWER, member, secretariat].map((v) => maySeePrivateNotes(v, [1])),
    [false, false, true],
  );
});

it("withholds an annex of a closed item, and an unlinked one that is part of a pack or names an item", () => {
  const annex = { ofClosedItem: false, linked: true, inPack: true, itemNumber: "1.1" };
  assert.equal(annexWithholding(annex), null);
  assert.equal(annexWithholding({ ...annex, ofClosedItem: true }), "closed-item");
  assert.equal(annexWithholding({ ...annex, linked: false }), "unlinked-annex");
  assert.equal(annexWithholding({ ...annex, linked: false, inPack: false, itemNumber: null }), null);
});

it("reads one meeting date from a file name", () => {
  assert.equal(dateFromFileName("bilag-2026-03-20.pdf"), "2026-03-20");
  assert.equal(dateFromFileName("KKR bilag 20.03.2026.pdf"), "2026-03-20");
  assert.equal(dateFromFileName("dagsorden_20032026.txt"), "2026-03-20");
  assert.equal(dateFromFileName("bilag-2026-02-30.pdf"), null, "no such day");
  assert.equal(dateFromFileName("SAG-2024-03326.pdf"), null);
  assert.equal(dateFromFileName("2026-03-20 og 2026-04-01.pdf"), null, "two dates");
});
