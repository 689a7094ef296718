/**
 * The closed-item cases of the visibility policy (issue 12, point 1), as data: each scenario imports a
 * meeting's minutes and annex pack in some order (and sometimes a corrected version of the minutes), each
 * in its own body, with words that belong only to the closed item 1.2 and to its annex. closed-items.test.ts
 * runs every scenario on every surface, on both backends, and checks what a user sees there.
 */
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import type { ParsedDocument, ParsedItem } from "../../src/domain/index.js";
import { buildItem, buildMinutes, meetingOn } from "../support/documents.js";
import { seedPath } from "../support/seeds.js";

export const MEETING_DATE = "2026-03-20";

/** What the minutes say of item 1.2 in a document of the scenario. */
type ItemTwo = "closed" | "open" | "absent";

/** One step of a scenario: a document to import. */
export type Step =
  | { readonly kind: "minutes"; readonly version: 1 | 2; readonly itemTwo: ItemTwo }
  | { readonly kind: "pack"; readonly dated: "text" | "file-name" | "none" };

export interface Scenario {
  /** A short key: it names the body and suffixes the scenario's words. */
  readonly key: string;
  readonly title: string;
  readonly steps: readonly Step[];
  /** After the steps: is item 1.2 on the agenda (removed: deleted by the corrected minutes)? */
  readonly itemTwoListed: boolean;
  /** Can the pack be linked to the meeting (then item 1.1's annex is public)? */
  readonly packLinked: boolean;
}

const minutes = (itemTwo: ItemTwo, version: 1 | 2 = 1): Step => ({ kind: "minutes", version, itemTwo });
const pack = (dated: "text" | "file-name" | "none" = "text"): Step => ({ kind: "pack", dated });

export const SCENARIOS: readonly Scenario[] = [
  {
    key: "a",
    title: "minutes first",
    steps: [minutes("closed"), pack()],
    itemTwoListed: true,
    packLinked: true,
  },
  {
    key: "b",
    title: "pack first",
    steps: [pack(), minutes("closed")],
    itemTwoListed: true,
    packLinked: true,
  },
  {
    key: "c",
    title: "pack first, dated only by its file name",
    steps: [pack("file-name"), minutes("closed")],
    itemTwoListed: true,
    packLinked: true,
  },
  {
    key: "d",
    title: "minutes first, pack dated only by its file name",
    steps: [minutes("closed"), pack("file-name")],
    itemTwoListed: true,
    packLinked: true,
  },
  {
    key: "e",
    title: "minutes, pack, then corrected minutes without the closed item",
    steps: [minutes("closed"), pack(), minutes("absent", 2)],
    itemTwoListed: false,
    packLinked: true,
  },
  {
    key: "f",
    title: "pack, minutes, then corrected minutes without the closed item",
    steps: [pack(), minutes("closed"), minutes("absent", 2)],
    itemTwoListed: false,
    packLinked: true,
  },
  {
    key: "g",
    title: "minutes, pack, then corrected minutes that reopen the item",
    steps: [minutes("closed"), pack(), minutes("open", 2)],
    itemTwoListed: true,
    packLinked: true,
  },
  {
    key: "u",
    title: "an annex pack that names no meeting",
    steps: [minutes("closed"), pack("none")],
    itemTwoListed: true,
    packLinked: false,
  },
];

/**
 * The scenario's words: letters only, so the "Mente du" list would take them if it saw them, and the
 * scenario's key in front, where the Danish stemmer leaves it ("samarbejdsaftalea" stems like the rest).
 */
export function wordsOf(s: Scenario) {
  return {
    body: `KKR Synlighed ${s.key.toUpperCase()}`,
    /** Only in the closed item 1.2's title and fields. */
    closedItem: `kkr${s.key}personalesagsnavn`,
    /** Only in the annex of item 1.2. */
    closedAnnex: `kkr${s.key}ansaettelsesvilkaar`,
    /** In the closed item and in the open item 1.1: found once, counted once. */
    shared: `kkr${s.key}samarbejdsaftale`,
    /** Only in the annex of the open item 1.1. */
    openAnnex: `kkr${s.key}klimaregnskab`,
  };
}

/** The words the public must never meet for this scenario. */
export function secretsOf(s: Scenario): string[] {
  const w = wordsOf(s);
  return [w.closedItem, w.closedAnnex, "Bilag til personalesagen"];
}

const SEED_LINES = readFileSync(seedPath("004"), "utf8")
  .split("\n")
  .map((l) => l.trim())
  .filter((l) => l.length > 60)
  .slice(0, 6);

function itemTwo(s: Scenario, state: ItemTwo): ParsedItem[] {
  if (state === "absent") return [];
  const w = wordsOf(s);
  return [
    buildItem("1.2", {
      title: `Personalesag ${w.closedItem}`,
      caseNumber: "SAG-2026-00412",
      fields: {
        baggrund: `Sagen om ${w.closedItem} og ${w.shared}.`,
        indstilling: `Det indstilles, at ${w.closedItem} godkendes.`,
        beslutning: `${w.closedItem} blev godkendt.`,
      },
      annexMarkers: 1,
      source: { page: 1, lineStart: 5, lineEnd: 8 },
      ...(state === "closed" ? { closed: true } : {}),
    }),
  ];
}

/** The minutes of the scenario's meeting; version 2 is a corrected file of the same name. */
export function minutesOf(s: Scenario, step: Extract<Step, { kind: "minutes" }>): ParsedDocument {
  const w = wordsOf(s);
  const doc = buildMinutes({
    body: w.body,
    items: [
      buildItem("1.1", {
        title: `Klimasamarbejde ${w.shared}`,
        caseNumber: "SAG-2026-00411",
        fields: {
          baggrund: SEED_LINES[0] ?? "",
          beslutning: `Punktet om ${w.shared} blev taget til efterretning.`,
        },
        annexMarkers: 1,
      }),
      ...itemTwo(s, step.itemTwo),
      buildItem("1.3", { caseNumber: null }),
    ],
    text: `Referat v${step.version}`,
  });
  return { ...doc, source: { ...doc.source, file: `referat-${s.key}.txt` } };
}

/** The annex pack: item 1.1's annex on page 1, item 1.2's on page 2, stamped and in the contents page. */
export function packOf(
  s: Scenario,
  step: Extract<Step, { kind: "pack" }>,
): { parsed: ParsedDocument; content: Uint8Array } {
  const w = wordsOf(s);
  const page1 = ["1.1 Bilag 1: Klimaregnskab", ...SEED_LINES.slice(1, 4), `Bilaget om ${w.openAnnex}.`];
  const page2 = [
    "1.2 Bilag 1: Bilag til personalesagen",
    ...SEED_LINES.slice(4, 6),
    `Oplysninger om ${w.closedAnnex}.`,
  ];
  const text = [...page1, ...page2].join("\n");
  const file = step.dated === "file-name" ? `bilag-${s.key}-${MEETING_DATE}.txt` : `bilag-${s.key}.txt`;
  const l1 = page1.length;
  const l2 = l1 + page2.length;
  return {
    content: new TextEncoder().encode(text),
    parsed: {
      source: {
        file,
        sha256: createHash("sha256").update(`${file}\n${text}`).digest("hex"),
        format: "text",
        pages: 2,
      },
      kind: "annex-pack",
      body: w.body,
      meeting: step.dated === "text" ? meetingOn(MEETING_DATE) : null,
      attendance: { present: [], absent: [] },
      sections: [],
      items: [],
      toc: [
        { itemNumber: "1.1", annexNumber: 1, title: "Klimaregnskab", page: 1, level: "annex" },
        { itemNumber: "1.2", annexNumber: 1, title: "Bilag til personalesagen", page: 2, level: "annex" },
      ],
      documents: [
        {
          itemNumber: "1.1",
          annexNumber: 1,
          title: "Klimaregnskab",
          source: { pageStart: 1, pageEnd: 1, lineStart: 1, lineEnd: l1 },
        },
        {
          itemNumber: "1.2",
          annexNumber: 1,
          title: "Bilag til personalesagen",
          source: { pageStart: 2, pageEnd: 2, lineStart: l1 + 1, lineEnd: l2 },
        },
      ],
      amounts: [],
      warnings: [],
      text,
      pageTexts: [
        { page: 1, lineStart: 1, lineEnd: l1, text: page1.join("\n") },
        { page: 2, lineStart: l1 + 1, lineEnd: l2, text: page2.join("\n") },
      ],
    },
  };
}
