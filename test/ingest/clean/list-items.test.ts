import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { isListLine } from "../../../src/ingest/clean/list-items.js";
import { seedLine } from "../../support/seed-lines.js";

describe("isListLine", () => {
  it("knows en dash bullets (seeds/004 line 942) and annex markers (line 1124)", () => {
    assert.ok(isListLine(seedLine("004", 942)));
    assert.equal(seedLine("004", 1124), " ./. Socialtilsyn Nords Årsrapport 2023 er vedlagt. ");
    assert.ok(isListLine(seedLine("004", 1124)));
  });

  it("knows numbered entries (seeds/004 line 1502) and bullets after glyph cleaning", () => {
    assert.match(seedLine("004", 1502), /^1\. Bedre adgang til kapital/);
    assert.ok(isListLine(seedLine("004", 1502)));
    assert.ok(isListLine("• Regionalt knudepunkt"));
    assert.ok(isListLine("a) Der nedsættes en arbejdsgruppe"));
  });

  it("does not take a wrapped date or ordinary text for a list entry", () => {
    assert.equal(isListLine("20. september 2024 blev aftalen indgået"), false);
    assert.equal(isListLine(seedLine("004", 181)), false);
    assert.equal(isListLine("-ydelser"), false);
  });
});
