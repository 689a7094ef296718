/** The legislative term a meeting date falls in: four years from 1 January after each November election. */
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { legislativeTermOf } from "../../src/domain/legislative-term.js";

describe("legislativeTermOf", () => {
  it("puts a date of the seeds' years in the term 2022-2025", () => {
    assert.deepEqual(legislativeTermOf("2024-03-12"), {
      name: "Valgperiode 2022-2025",
      startDate: "2022-01-01",
      endDate: "2025-12-31",
    });
  });

  it("starts a term on 1 January after an election and ends it on 31 December four years on", () => {
    assert.equal(legislativeTermOf("2022-01-01").name, "Valgperiode 2022-2025");
    assert.equal(legislativeTermOf("2025-12-31").name, "Valgperiode 2022-2025");
    assert.equal(legislativeTermOf("2026-01-01").name, "Valgperiode 2026-2029");
  });

  it("counts back to earlier terms too", () => {
    assert.deepEqual(legislativeTermOf("2021-11-16"), {
      name: "Valgperiode 2018-2021",
      startDate: "2018-01-01",
      endDate: "2021-12-31",
    });
  });
});
