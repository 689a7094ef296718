/** A body's agenda template (issue 13): the KKR seed and what may be saved. */
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { indstillingPhrase, seedAgendaTemplate, templateProblem } from "../../src/domain/index.js";

describe("seedAgendaTemplate", () => {
  it("gives a KKR body the sections of its minutes, with 1.1 and 1.2 standing", () => {
    const t = seedAgendaTemplate("KKR Nordjylland");
    assert.deepEqual(
      t.sections.map((s) => s.title),
      [
        "Godkendelse af referat",
        "Regionalpolitiske sager",
        "Siden sidst",
        "Punkter til næste møde",
        "Eventuelt",
      ],
    );
    assert.deepEqual(
      t.sections[0]?.items.map((i) => i.title),
      ["Godkendelse af dagsorden", "Godkendelse af referat"],
    );
    assert.equal(t.sections[3]?.purpose, "next-meeting");
    assert.equal(t.sections[4]?.purpose, "other");
    assert.equal(
      t.sections[0]?.items[1]?.indstilling,
      "Det indstilles, at KKR Nordjylland godkender referatet.",
    );
    assert.equal(templateProblem(t), null);
  });

  it("gives another body a short template that is valid too", () => {
    assert.equal(templateProblem(seedAgendaTemplate("Aalborg Byråd")), null);
  });
});

describe("templateProblem", () => {
  it("refuses an empty template, an empty title and two Eventuelt sections, in Danish", () => {
    assert.equal(templateProblem({ sections: [] }), "Skabelonen skal have mindst ét afsnit.");
    assert.equal(
      templateProblem({ sections: [{ title: " ", purpose: "regular", items: [] }] }),
      "Afsnit 1 mangler en titel.",
    );
    const other = { title: "Eventuelt", purpose: "other" as const, items: [] };
    assert.match(templateProblem({ sections: [other, other] }) ?? "", /kun have ét afsnit "Eventuelt"/);
  });

  it("writes the standard Indstilling phrase", () => {
    assert.equal(
      indstillingPhrase("KKR Nordjylland"),
      "Det indstilles, at KKR Nordjylland tager orienteringen til efterretning.",
    );
  });
});
