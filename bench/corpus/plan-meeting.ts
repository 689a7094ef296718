/**
 * @module Plans one synthetic meeting: date and time, members present and absent with substitutes, the
 * sections and items with all four fields, case numbers, closed items and annexes. Every random choice is
 * drawn from a generator seeded by the corpus seed, body and date, so a meeting is the same in any corpus.
 */
import type { Attendee, ParsedSection } from "../../src/domain/index.js";
import type { CorpusBody } from "./bodies.js";
import { NBSP } from "./page-writer.js";
import { politician } from "./people.js";
import type { PlannedAnnex, PlannedItem, PlannedMeeting } from "./plan.js";
import { createRng, type Rng } from "./prng.js";
import type { WordModel } from "./word-model.js";

const KKR_MONTHS = [2, 3, 5, 6, 9, 11] as const;
const COMMITTEE_MONTHS = [1, 2, 3, 4, 5, 6, 8, 9, 10, 11] as const;
const INITIALS = ["hlth", "hast", "mabj", "lkn", "jsk", "anpe", "cbr", "tove", "kimo", "sfj", "lmr"] as const;
const LOCATIONS = [
  "Rådhuset, mødelokale 1",
  "Byrådssalen",
  "KL, Weidekampsgade 10",
  "Kommunens administrationsbygning",
];
const DECISIONS = [
  "tog orienteringen til efterretning.",
  "godkendte indstillingen.",
  "drøftede sagen og tiltrådte indstillingen.",
  "godkendte indstillingen med de bemærkninger, der fremkom på mødet.",
  "besluttede at udsætte sagen til næste møde.",
] as const;
const RECOMMENDS = [
  "tager orienteringen til efterretning",
  "godkender",
  "drøfter",
  "tiltræder",
  "anbefaler",
] as const;

/** Meeting dates of a body in a year, in date order; the same for every corpus with the same seed. */
export function meetingDates(seed: string, body: CorpusBody, year: number): string[] {
  const rng = createRng(`${seed}/${body.name}/${year}/dates`);
  const months = body.kind === "kkr" ? KKR_MONTHS : COMMITTEE_MONTHS;
  return months.slice(0, body.meetingsPerYear).map((m) => {
    const day = rng.int(1, 27);
    return `${year}-${String(m).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
  });
}

/** How many items a meeting has, drawn without planning the rest (so a corpus can skip meetings fast). */
export function itemCount(seed: string, body: CorpusBody, date: string): number {
  const [min, max] = body.itemsPerMeeting;
  return createRng(`${seed}/${body.name}/${date}/count`).int(min, max);
}

/** Members in a legislative term (valgperiode, four years from 2006, 2010, ... 2022, 2026). */
const members = new Map<string, Attendee[]>();
function membersOf(seed: string, body: CorpusBody, year: number): Attendee[] {
  const term = 2006 + 4 * Math.floor((year - 2006) / 4);
  const key = `${seed}/${body.name}/${term}`;
  let list = members.get(key);
  if (!list) {
    const rng = createRng(`${key}/members`);
    list = [];
    for (let i = 0; list.length < body.seats; i++) {
      const municipality = body.municipalities[i % body.municipalities.length]!;
      const p = politician(rng, municipality);
      if (!list.some((m) => m.name === p.name && m.municipality === p.municipality)) list.push(p);
    }
    if (members.size > 5000) members.clear();
    members.set(key, list);
  }
  return list;
}

function paragraphs(model: WordModel, rng: Rng, count: number, sentences: [number, number]): string {
  const out: string[] = [];
  for (let p = 0; p < count; p++) {
    const n = rng.int(sentences[0], sentences[1]);
    const s: string[] = [];
    for (let i = 0; i < n; i++) s.push(model.sentence(rng));
    out.push(s.join(" "));
  }
  return out.join("\n\n");
}

function amount(rng: Rng): string {
  const unit = rng.chance(0.8) ? "mio" : "mia";
  const whole = rng.int(1, unit === "mio" ? 250 : 12);
  const decimals = rng.chance(0.5) ? `,${rng.int(1, 9)}` : "";
  return `${whole}${decimals}${NBSP}${unit}.${NBSP}kr.`;
}

function annex(model: WordModel, rng: Rng): PlannedAnnex {
  const pages: string[] = [];
  const count = rng.int(1, 4);
  for (let i = 0; i < count; i++) pages.push(paragraphs(model, rng, rng.int(2, 3), [3, 5]));
  return { title: model.title(rng, 7), pages };
}

function regularItem(
  model: WordModel,
  rng: Rng,
  body: CorpusBody,
  number: string,
  section: string,
  caseNumber: string,
  closed: boolean,
): PlannedItem {
  const annexes: PlannedAnnex[] = [];
  if (!closed && rng.chance(0.3)) {
    annexes.push(annex(model, rng));
    if (rng.chance(0.35)) annexes.push(annex(model, rng));
  }
  let sagsfremstilling = paragraphs(model, rng, rng.int(2, 5), [2, 5]);
  if (rng.chance(0.35)) {
    sagsfremstilling += `\n\nDer er afsat ${amount(rng)} til indsatsen i ${rng.int(2008, 2028)}.`;
  }
  if (annexes.length > 0) sagsfremstilling += `\n\n${annexes.map(() => "./.").join(" ")}`;
  return {
    number,
    title: model.title(rng),
    section,
    caseNumber,
    caseInitials: rng.chance(0.2) ? [rng.pick(INITIALS), rng.pick(INITIALS)] : [rng.pick(INITIALS)],
    fields: {
      baggrund: paragraphs(model, rng, 1, [1, 3]),
      indstilling: `Det indstilles, at ${body.name.split(",")[0]} ${rng.pick(RECOMMENDS)} ${model
        .title(rng, 10)
        .replace(/^\p{Lu}/u, (c) => c.toLowerCase())}.`,
      sagsfremstilling,
      beslutning: `${body.name.split(",")[0]} ${rng.pick(DECISIONS)}${rng.chance(0.3) ? ` ${model.sentence(rng)}` : ""}`,
    },
    closed,
    annexes,
  };
}

export interface MeetingSlot {
  readonly body: CorpusBody;
  readonly date: string;
  readonly items: number;
  readonly previousMeetingDate: string | null;
  readonly nextMeetingDate: string | null;
}

/** Plans the meeting in a slot, with exactly `slot.items` items. */
export function planMeeting(seed: string, model: WordModel, slot: MeetingSlot): PlannedMeeting {
  const { body, date } = slot;
  const rng = createRng(`${seed}/${body.name}/${date}/meeting`);
  const year = Number(date.slice(0, 4));
  const all = membersOf(seed, body, year);
  const present: Attendee[] = [];
  const absent: Attendee[] = [];
  for (const m of all) (rng.chance(0.12) ? absent : present).push(m);
  for (const a of absent) {
    if (rng.chance(0.4)) present.push({ ...politician(rng, a.municipality ?? ""), substituteFor: a.name });
  }
  const short = body.name.split(",")[0]!;
  const sections: ParsedSection[] =
    body.kind === "kkr"
      ? [
          { number: "1", title: "Godkendelse af referat" },
          { number: "2", title: "Regionalpolitiske sager" },
          { number: "3", title: "Siden sidst" },
          { number: "4", title: "Punkter til næste møde" },
          { number: "5", title: "Eventuelt" },
        ]
      : [
          { number: "1", title: "Godkendelse af dagsorden" },
          { number: "2", title: "Beslutningssager" },
          { number: "3", title: "Orienteringssager" },
          { number: "4", title: "Lukkede punkter" },
          { number: "5", title: "Eventuelt" },
        ];
  // Fixed items: approval of the agenda (1.1) and "Eventuelt" (5); the rest fill sections 2 to 4.
  const caseBase = `SAG-${year}-${String(rng.int(1, 99999)).padStart(5, "0")}`;
  const items: PlannedItem[] = [
    {
      number: "1.1",
      title: "Godkendelse af dagsorden",
      section: "1",
      caseNumber: caseBase,
      caseInitials: [rng.pick(INITIALS)],
      fields: {
        baggrund: `Godkendelse af ${short}s dagsorden.`,
        indstilling: `Det indstilles, at ${short} godkender dagsordenen.`,
        sagsfremstilling: `Dagsordenen er udsendt den ${Number(date.slice(8, 10))}. i måneden før mødet.`,
        beslutning: "Dagsordenen blev godkendt.",
      },
      closed: false,
      annexes: [],
    },
  ];
  const regular = Math.max(0, slot.items - 2);
  const counters = new Map<string, number>();
  for (let i = 0; i < regular; i++) {
    const closed = body.kind === "committee" && rng.chance(0.05);
    const section = closed ? "4" : i < regular * 0.7 ? "2" : "3";
    const n = (counters.get(section) ?? 0) + 1;
    counters.set(section, n);
    // Most items are their own case; some carry on a case of the same body from another meeting.
    const caseNumber = rng.chance(0.2)
      ? caseBase
      : `SAG-${year - (rng.chance(0.15) ? 1 : 0)}-${String(rng.int(1, 99999)).padStart(5, "0")}`;
    items.push(regularItem(model, rng, body, `${section}.${n}`, section, caseNumber, closed));
  }
  if (slot.items >= 2) {
    items.push({
      number: "5",
      title: "Eventuelt",
      section: "5",
      caseNumber: null,
      caseInitials: [],
      fields: {},
      closed: false,
      annexes: [],
    });
  }
  // An agenda numbers its sections without gaps: a section with no items this time is left out and the
  // later ones move up ("5. Eventuelt" becomes "4. Eventuelt"), as parsers of real agendas must expect.
  const kept = items.slice(0, Math.max(1, slot.items));
  const used = sections.filter((s) => kept.some((i) => i.section === s.number));
  const renumber = new Map(used.map((s, index) => [s.number, String(index + 1)]));
  const numbered = kept.map((i) => {
    const section = renumber.get(i.section)!;
    return {
      ...i,
      section,
      number: i.number === i.section ? section : `${section}.${i.number.split(".")[1]}`,
    };
  });
  const start = rng.pick(["09:00", "10:00", "13:00", "15:00"]);
  return {
    body,
    date,
    startTime: start,
    endTime: `${String(Number(start.slice(0, 2)) + 2).padStart(2, "0")}:00`,
    location: rng.pick(LOCATIONS),
    previousMeetingDate: slot.previousMeetingDate,
    nextMeetingDate: slot.nextMeetingDate,
    present,
    absent,
    sections: used.map((s) => ({ ...s, number: renumber.get(s.number)! })),
    items: numbered,
  };
}
