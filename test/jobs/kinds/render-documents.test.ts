/**
 * The render jobs' documents from a working copy: the public edition keeps a closed item's number for
 * "Lukket punkt" and leaves its annexes, and any annex with a CPR page, out of the pack; the internal
 * edition has everything.
 */
import assert from "node:assert/strict";
import { it } from "node:test";
import { agendaDocumentOf, annexPackInputOf, packAnnexes } from "../../../src/jobs/kinds/render-documents.js";
import type { AgendaDraft, DraftAnnex, DraftItem } from "../../../src/store/index.js";

function annex(id: number, itemId: number, cprPages: number[] = []): DraftAnnex {
  return {
    id,
    itemId,
    position: 1,
    title: `Bilag ${id}`,
    fileName: `b${id}.pdf`,
    format: "pdf",
    mime: "application/pdf",
    byteSize: 10,
    sha256: "x",
    pageCount: 1,
    cprPages,
  };
}

function item(id: number, number: string, open: boolean, annexes: DraftAnnex[]): DraftItem {
  return {
    id,
    meetingId: 1,
    sectionId: 1,
    position: 0,
    number,
    title: `Punkt ${id}`,
    public: open,
    caseNumber: null,
    initials: [],
    fields: { resume: null, baggrund: " Tekst ", indstilling: null, sagsforloeb: null, sagsfremstilling: "" },
    takeUpAgain: false,
    carriedFrom: null,
    revision: 1,
    publishedItemId: null,
    modified: new Date(0),
    annexes,
  };
}

const draft: AgendaDraft = {
  meeting: {
    id: 1,
    bodyId: 1,
    bodyName: "KKR Nordjylland",
    date: "2026-12-11",
    startTime: "10:00",
    endTime: "12:00",
    location: "Aalborg",
    state: "planned",
    phase: "agenda-draft",
    versions: 0,
  },
  sections: [
    {
      id: 1,
      position: 0,
      number: "2",
      title: "Regionalpolitiske sager",
      purpose: "regular",
      items: [
        item(1, "2.1", true, [annex(11, 1)]),
        item(2, "2.2", false, [annex(12, 2)]),
        item(3, "2.3", true, [annex(13, 3, [2])]),
      ],
    },
  ],
};

it("keeps closed and CPR-marked annexes out of the public pack", () => {
  assert.deepEqual(
    packAnnexes(draft, "public").map((a) => a.annex.id),
    [11],
  );
  assert.deepEqual(
    packAnnexes(draft, "internal").map((a) => a.annex.id),
    [11, 12, 13],
  );
  const pdfs = new Map([11, 12, 13].map((id) => [id, new Uint8Array([id])]));
  const internal = annexPackInputOf(draft, "internal", pdfs);
  assert.equal(internal.annexes[1]?.itemTitle, "Punkt 2");
  assert.equal(annexPackInputOf(draft, "public", pdfs).annexes.length, 1);
});

it("makes the agenda document with the fields given and the closed flag", () => {
  const doc = agendaDocumentOf(draft, "public", { version: 1, changeNote: null });
  const [first, second] = doc.sections[0]?.items ?? [];
  assert.deepEqual(first?.fields, { baggrund: "Tekst" });
  assert.equal(second?.closed, true);
  assert.deepEqual(first?.annexes, [{ annexNumber: 1, title: "Bilag 11" }]);
  assert.equal(doc.edition, "public");
});
