/** The secretariat's steps through a meeting's life (issue 13) and who may take them. */
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import {
  agendaPhase,
  agendaStepRefusal,
  annexFormatOf,
  mayEditAgenda,
  mayReadAgendaDraft,
  PUBLIC_VIEWER,
  stateAfterSending,
} from "../../src/domain/index.js";

describe("meeting lifecycle", () => {
  it("has a draft phase between planned and sent that the stored state does not know", () => {
    assert.equal(agendaPhase("planned", false), "planned");
    assert.equal(agendaPhase("planned", true), "agenda-draft");
    assert.equal(agendaPhase("agenda-published", true), "agenda-sent");
    assert.equal(stateAfterSending("planned"), "agenda-published");
    assert.equal(stateAfterSending("held"), "held");
  });

  it("drafts only a planned meeting, edits and sends only a drafted or sent one", () => {
    assert.equal(agendaStepRefusal("draft", "planned"), null);
    assert.match(agendaStepRefusal("draft", "agenda-draft") ?? "", /allerede en dagsorden/);
    assert.equal(agendaStepRefusal("edit", "agenda-sent"), null);
    assert.notEqual(agendaStepRefusal("edit", "held"), null);
    assert.notEqual(agendaStepRefusal("send", "planned"), null);
  });
});

describe("mayEditAgenda", () => {
  it("allows the body's secretariat and administrators, not members, other bodies or the public", () => {
    assert.equal(mayEditAgenda({ kind: "administrator" }, 1), true);
    assert.equal(mayEditAgenda({ kind: "user", memberOf: [], secretariatOf: [1] }, 1), true);
    assert.equal(mayEditAgenda({ kind: "user", memberOf: [1], secretariatOf: [2] }, 1), false);
    assert.equal(mayEditAgenda(PUBLIC_VIEWER, 1), false);
  });
});

describe("annexFormatOf", () => {
  const pdf = new TextEncoder().encode("%PDF-1.7\n");
  it("takes a PDF and a DOCX by name and first bytes, refuses a renamed program and an empty file", () => {
    assert.equal(annexFormatOf("bilag.PDF", pdf), "pdf");
    assert.equal(annexFormatOf("bilag.docx", new Uint8Array([0x50, 0x4b, 3, 4, 0])), "docx");
    assert.equal(annexFormatOf("bilag.pdf", new Uint8Array([0x4d, 0x5a, 0x90, 0])), null);
    assert.equal(annexFormatOf("setup.exe", pdf), null);
    assert.equal(annexFormatOf("tom.pdf", new Uint8Array()), null);
  });
});

describe("mayReadAgendaDraft", () => {
  it("lets the secretariat and the members sent a review copy read a draft, no one else", () => {
    assert.equal(mayReadAgendaDraft({ mayEdit: true, memberOfBody: false, reviewCopyToViewer: false }), true);
    assert.equal(mayReadAgendaDraft({ mayEdit: false, memberOfBody: true, reviewCopyToViewer: true }), true);
    assert.equal(
      mayReadAgendaDraft({ mayEdit: false, memberOfBody: true, reviewCopyToViewer: false }),
      false,
    );
    assert.equal(
      mayReadAgendaDraft({ mayEdit: false, memberOfBody: false, reviewCopyToViewer: true }),
      false,
    );
  });
});
