/**
 * @module Ingest accuracy against ../shared/gold: F1 of items and attendance (seed 004), of contents
 * entries and documents (seed 003), and the share of gold hyphen joins and amounts read right.
 */
import { readFileSync } from "node:fs";
import type { Attendee, ParsedDocument } from "../src/domain/index.js";
import { type BenchOptions, type Figure, notAvailable } from "./figure.js";
import {
  amountsRight,
  f1Score,
  firstWords,
  type GoldAmount,
  type GoldHyphenJoin,
  hyphenJoinRight,
  norm,
  type Score,
} from "./gold-compare.js";
import { type IngestPiece, loadIngest, parseFiles } from "./pieces.js";
import { byPrefix } from "./seeds.js";
import { round } from "./stats.js";
import { writeSyntheticFiles } from "./synthetic-files.js";

interface GoldItem {
  number: string;
  title: string;
  section: string | null;
  caseNumber: string | null;
  caseInitials: string[];
  fields: string[];
  beslutningStartsWith: string | null;
  indstillingStartsWith: string | null;
  annexMarkers: number;
}
interface GoldAttendee {
  name: string;
  party: string | null;
  municipality: string | null;
  substituteFor?: string | null;
}
interface GoldToc {
  itemNumber: string | null;
  annexNumber?: number | null;
  title: string;
  page: number | null;
  level: string;
}
interface GoldDocument {
  itemNumber: string | null;
  annexNumber: number | null;
  title: string;
  startLine: number;
}
interface Gold {
  meeting?: Record<string, string | null>;
  attendance?: { present: GoldAttendee[]; absent: GoldAttendee[] };
  items?: GoldItem[];
  toc?: GoldToc[];
  documents?: GoldDocument[];
  hyphenJoins: GoldHyphenJoin[];
  amounts: GoldAmount[];
}

const NAMES = [
  "items F1 (004)",
  "item details right (004)",
  "attendance F1 (004)",
  "meeting facts right (004)",
  "contents entries F1 (003)",
  "documents F1 (003)",
  "hyphen joins right (003, 004)",
  "amounts right (003, 004)",
] as const;

function scoreFigure(name: string, score: Score): Figure {
  const missing = score.missing.length > 0 ? `; missing ${score.missing.slice(0, 3).join(", ")}` : "";
  return {
    name,
    value: round(score.f1),
    unit: "F1",
    target: ">= 0.98",
    note: `${score.found} found, ${score.expected} expected${missing}`,
  };
}

const attendeeKey = (status: string, a: GoldAttendee | Attendee) =>
  [status, norm(a.name), a.party ?? "", a.municipality ?? "", norm(a.substituteFor ?? "")].join("|");

export async function run(options: BenchOptions): Promise<Figure[]> {
  const ingest = await loadIngest();
  const seed004 = byPrefix(options.seedsDir, "004");
  const seed003 = byPrefix(options.seedsDir, "003");
  const gold004 = byPrefix(options.goldDir, "004");
  const gold003 = byPrefix(options.goldDir, "003");
  if (!ingest.ok) return NAMES.map((n) => notAvailable(n, "", ingest.reason));
  if (!seed004 || !seed003 || !gold004 || !gold003) {
    return NAMES.map((n) => notAvailable(n, "", "seed or gold file 003/004 missing"));
  }
  const { docs } = await parseFiles(ingest.value, [seed004, seed003]);
  const [doc004, doc003] = docs as [ParsedDocument, ParsedDocument];
  const g004 = JSON.parse(readFileSync(gold004, "utf8")) as Gold;
  const g003 = JSON.parse(readFileSync(gold003, "utf8")) as Gold;
  const figures: Figure[] = [];

  const goldItems = g004.items ?? [];
  figures.push(
    scoreFigure(
      NAMES[0],
      f1Score(
        goldItems.map((i) => `${i.number} ${norm(i.title)}`),
        doc004.items.map((i) => `${i.number} ${norm(i.title)}`),
      ),
    ),
  );
  // Every detail of an item the gold file lists must match for the item to count as right.
  const wrongDetails: string[] = [];
  for (const g of goldItems) {
    const p = doc004.items.find((i) => i.number === g.number);
    const ok =
      p !== undefined &&
      p.section === g.section &&
      p.caseNumber === g.caseNumber &&
      p.caseInitials.join("/") === g.caseInitials.join("/") &&
      Object.keys(p.fields).sort().join() === [...g.fields].sort().join() &&
      p.annexMarkers === g.annexMarkers &&
      firstWords(p.fields.beslutning) === g.beslutningStartsWith &&
      firstWords(p.fields.indstilling) === g.indstillingStartsWith;
    if (!ok) wrongDetails.push(g.number);
  }
  figures.push({
    name: NAMES[1],
    value: round(goldItems.length ? (goldItems.length - wrongDetails.length) / goldItems.length : 0),
    unit: "share",
    target: ">= 0.98",
    note: `section, case, initials, fields, annex markers, decision and recommendation openings${wrongDetails.length ? `; wrong: ${wrongDetails.join(", ")}` : ""}`,
  });

  const att = g004.attendance ?? { present: [], absent: [] };
  figures.push(
    scoreFigure(
      NAMES[2],
      f1Score(
        [
          ...att.present.map((a) => attendeeKey("present", a)),
          ...att.absent.map((a) => attendeeKey("absent", a)),
        ],
        [
          ...doc004.attendance.present.map((a) => attendeeKey("present", a)),
          ...doc004.attendance.absent.map((a) => attendeeKey("absent", a)),
        ],
      ),
    ),
  );

  const facts = Object.entries(g004.meeting ?? {});
  const meeting = (doc004.meeting ?? {}) as unknown as Record<string, string | null>;
  const rightFacts = facts.filter(([k, v]) => meeting[k] === v).length;
  figures.push({
    name: NAMES[3],
    value: round(facts.length ? rightFacts / facts.length : 0),
    unit: "share",
    target: ">= 0.98",
    note: facts.map(([k]) => k).join(", "),
  });

  const tocKey = (t: GoldToc) =>
    [t.level, t.itemNumber ?? "", t.annexNumber ?? "", norm(t.title), t.page ?? ""].join("|");
  figures.push(scoreFigure(NAMES[4], f1Score((g003.toc ?? []).map(tocKey), doc003.toc.map(tocKey))));
  const docKey = (
    d: { itemNumber: string | null; annexNumber: number | null; title: string },
    line: number,
  ) => [d.itemNumber ?? "", d.annexNumber ?? "", norm(d.title), line].join("|");
  figures.push(
    scoreFigure(
      NAMES[5],
      f1Score(
        (g003.documents ?? []).map((d) => docKey(d, d.startLine)),
        doc003.documents.map((d) => docKey(d, d.source.lineStart)),
      ),
    ),
  );

  let joins = 0;
  let joinsRight = 0;
  let amounts = 0;
  let amountsOk = 0;
  for (const [gold, doc, path] of [
    [g004, doc004, seed004],
    [g003, doc003, seed003],
  ] as const) {
    const lines = readFileSync(path, "utf8").split(/\r?\n/);
    joins += gold.hyphenJoins.length;
    joinsRight += gold.hyphenJoins.filter((j) => hyphenJoinRight(lines, j, doc.text)).length;
    amounts += gold.amounts.length;
    amountsOk += amountsRight(gold.amounts, doc.amounts);
  }
  figures.push({
    name: NAMES[6],
    value: round(joins ? joinsRight / joins : 0),
    unit: "share",
    target: ">= 0.98",
    note: `${joinsRight} of ${joins}`,
  });
  figures.push({
    name: NAMES[7],
    value: round(amounts ? amountsOk / amounts : 0),
    unit: "share",
    target: ">= 0.98",
    note: `${amountsOk} of ${amounts}, same value within two lines`,
  });
  figures.push(...(await syntheticAccuracy(options, ingest.value)));
  return figures;
}

/**
 * The parser on files it was not written against: the synthetic corpus's text files, scored against
 * what the generator put in them (items by number and title, attendance, annex documents).
 */
async function syntheticAccuracy(options: BenchOptions, ingest: IngestPiece): Promise<Figure[]> {
  const files = await writeSyntheticFiles(options.seedsDir, options.quick ? 200 : 1_000);
  try {
    const { docs } = await parseFiles(ingest, files.paths);
    const items: [string[], string[]] = [[], []];
    const people: [string[], string[]] = [[], []];
    const annexes: [string[], string[]] = [[], []];
    docs.forEach((doc, i) => {
      const truth = files.truth[i]!;
      const f = truth.source.file;
      items[0].push(
        ...truth.items.map((it) => `${f}|${it.number}|${norm(it.closed ? "Lukket punkt" : it.title)}`),
      );
      items[1].push(...doc.items.map((it) => `${f}|${it.number}|${norm(it.title)}`));
      for (const [k, d] of [
        [0, truth],
        [1, doc],
      ] as const) {
        people[k].push(
          ...d.attendance.present.map((a) => `${f}|${attendeeKey("present", a)}`),
          ...d.attendance.absent.map((a) => `${f}|${attendeeKey("absent", a)}`),
        );
        annexes[k].push(...d.documents.map((x) => `${f}|${x.itemNumber}|${x.annexNumber}|${norm(x.title)}`));
      }
    });
    const figure = (name: string, score: Score): Figure => {
      const f = scoreFigure(name, score);
      return { ...f, note: `${files.paths.length} synthetic files; ${f.note}` };
    };
    return [
      figure("items F1, synthetic minutes", f1Score(...items)),
      figure("attendance F1, synthetic minutes", f1Score(...people)),
      figure("annex documents F1, synthetic packs", f1Score(...annexes)),
    ];
  } finally {
    await files.dispose();
  }
}
