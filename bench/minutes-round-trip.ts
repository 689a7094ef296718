/**
 * @module The minutes round trip (issue 14): of minutes Rådsinfo renders, the F1 of the attendance
 * (present, substitutes with whom they replaced, absences) and the share of items whose decision and
 * notes Rådsinfo's own parser reads back exactly under the item; plus the time to render minutes.
 */
import { renderMinutesPdf } from "../src/authoring/render/minutes-pdf.js";
import {
  expectedMinutesAttendance,
  expectedMinutesItems,
  f1Score,
  parsedMinutesAttendance,
  parsedMinutesItems,
  roundTripScore,
} from "../src/authoring/render/round-trip.js";
import type { MinutesDocument } from "../src/domain/index.js";
import { kkrMinutes, longMinutes, smallMinutes } from "../test/authoring/render/sample-minutes.js";
import { type BenchOptions, type Figure, notAvailable } from "./figure.js";
import { loadIngest } from "./pieces.js";
import { step } from "./progress.js";
import { median, round } from "./stats.js";

export async function run(options: BenchOptions): Promise<Figure[]> {
  const ingest = await loadIngest();
  if (!ingest.ok) {
    return [
      notAvailable("minutes round trip: attendance F1", "", ingest.reason, "1.0"),
      notAvailable("minutes round trip: decisions read back exactly", "%", ingest.reason, "100 %"),
    ];
  }
  const parser = ingest.value;
  const ingestOptions = await parser.loadIngestOptions();
  const all: MinutesDocument[] = [
    kkrMinutes("public"),
    kkrMinutes("internal"),
    smallMinutes(),
    longMinutes(options.quick ? 3 : 6, options.quick ? 4 : 8),
  ];
  let expectedPeople = 0;
  let recoveredPeople = 0;
  let parsedPeople = 0;
  let expectedItems = 0;
  let recoveredItems = 0;
  const misses: string[] = [];
  const renderTimes: number[] = [];
  for (const minutes of all) {
    step(`minutes round trip: ${minutes.body}, ${minutes.sections.length} sections, ${minutes.edition}`);
    const t0 = performance.now();
    const pdf = renderMinutesPdf(minutes);
    renderTimes.push(performance.now() - t0);
    const parsed = await parser.parseSource(
      { file: "referat.pdf", bytes: pdf, sha256: "referat" },
      ingestOptions,
    );
    const people = roundTripScore(expectedMinutesAttendance(minutes), parsedMinutesAttendance(parsed));
    expectedPeople += people.expected;
    recoveredPeople += people.recovered;
    parsedPeople += people.recovered + people.extra.length;
    const items = roundTripScore(expectedMinutesItems(minutes), parsedMinutesItems(parsed));
    expectedItems += items.expected;
    recoveredItems += items.recovered;
    misses.push(...items.missed.map((item) => item.number));
  }
  const f1 = f1Score({
    expected: expectedPeople,
    recovered: recoveredPeople,
    missed: [],
    extra: Array.from({ length: parsedPeople - recoveredPeople }),
  });
  return [
    {
      name: "minutes round trip: attendance F1",
      value: round(f1, 3),
      unit: "",
      target: ">= 1.0",
      note: `${recoveredPeople} of ${expectedPeople} attendees (${parsedPeople} read) in ${all.length} minutes`,
    },
    {
      name: "minutes round trip: decisions read back exactly",
      value: round((100 * recoveredItems) / Math.max(1, expectedItems), 1),
      unit: "%",
      target: ">= 100",
      note: `${recoveredItems} of ${expectedItems} items${misses.length > 0 ? `; missed ${misses.slice(0, 8).join(", ")}` : ""}`,
    },
    {
      name: "minutes PDF: render time (median)",
      value: round(median(renderTimes), 0),
      unit: "ms",
      note: `Typst, ${all.length} minutes`,
    },
  ];
}
