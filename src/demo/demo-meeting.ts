/**
 * @module A fictional but realistic KKR meeting, so a newcomer sees the product on first start: minutes
 * with items carrying all four fields, attendance with an absence and a substitute, a closed item, and
 * an annex pack with one document. Names and figures are invented; the body is marked as an example.
 */
import { createHash } from "node:crypto";
import type { ParsedDocument, ParsedItem } from "../domain/index.js";

export const DEMO_BODY = "KKR Eksempelregion";
const DATE = "2026-09-18";

interface DemoFile {
  readonly parsed: ParsedDocument;
  readonly content: Uint8Array;
}

const ITEMS: readonly (Omit<ParsedItem, "source"> & { lines: readonly string[] })[] = [
  {
    number: "1.1",
    title: "Godkendelse af dagsorden",
    section: "1",
    caseNumber: "SAG-2026-01001",
    caseInitials: ["mekr"],
    fields: {
      baggrund: "Dagsordenen er udsendt otte dage før mødet.",
      indstilling: "Det indstilles, at KKR Eksempelregion godkender dagsordenen.",
      sagsfremstilling: "Mødet holdes på Rådhuset i Eksempelby kl. 10.00-12.00.",
      beslutning: "Dagsordenen blev godkendt.",
    },
    notes: null,
    annexMarkers: 0,
    lines: [],
  },
  {
    number: "2.1",
    title: "Fælles klimaplan og biokul i landbruget",
    section: "2",
    caseNumber: "SAG-2026-01002",
    caseInitials: ["mekr", "jola"],
    fields: {
      baggrund:
        "Kommunerne i regionen har vedtaget klimaplaner, der skal nedbringe CO2-udledningen med 70 procent i 2030. Et fælles projekt om biokul kan binde kulstof i landbrugsjorden.",
      indstilling:
        "Det indstilles, at KKR Eksempelregion godkender, at kommunerne går sammen om et forprojekt om biokul med en ramme på 1,5 mio. kr.",
      sagsfremstilling:
        "Forprojektet skal afdække, hvor meget restbiomasse der er til rådighed, og hvilke anlæg der kan producere biokul. Udviklingsgruppen for klima har udarbejdet et oplæg, der er vedlagt som bilag.",
      beslutning:
        "KKR Eksempelregion godkendte forprojektet. Sekretariatet vender tilbage med en status på mødet i december.",
    },
    notes: "Der var enighed om, at landbrugets organisationer skal inddrages tidligt.",
    annexMarkers: 1,
    lines: [],
  },
  {
    number: "2.2",
    title: "Fordeling af praktikpladser på social- og sundhedsuddannelserne",
    section: "2",
    caseNumber: "SAG-2026-01003",
    caseInitials: ["pehe"],
    fields: {
      baggrund: "Staten fastsætter hvert år dimensioneringen af SOSU-uddannelserne.",
      indstilling:
        "Det indstilles, at KKR Eksempelregion godkender fordelingen af lærepladser mellem kommunerne.",
      sagsfremstilling:
        "Fordelingen følger kommunernes andel af de ansatte i ældreplejen. Eksempelby Kommune får 112 pladser, Fjordkøbing Kommune 64 pladser.",
      beslutning: "Fordelingen blev godkendt.",
    },
    notes: null,
    annexMarkers: 0,
    lines: [],
  },
  {
    number: "2.3",
    title: "Udpegning til bestyrelse",
    section: "2",
    caseNumber: "SAG-2026-01004",
    caseInitials: ["mekr"],
    fields: {
      baggrund: "Punktet indeholder oplysninger om enkeltpersoner.",
      indstilling: "Det indstilles, at KKR Eksempelregion udpeger et medlem.",
      sagsfremstilling: "Fortroligt.",
      beslutning: "Udpegningen blev godkendt.",
    },
    notes: null,
    annexMarkers: 0,
    closed: true,
    lines: [],
  },
  {
    number: "3",
    title: "Eventuelt",
    section: "3",
    caseNumber: null,
    caseInitials: [],
    fields: {},
    notes: "Intet.",
    annexMarkers: 0,
    lines: [],
  },
];

/** The minutes and the annex pack of the demo meeting, as the importer would have parsed them. */
export function demoFiles(): readonly DemoFile[] {
  return [minutes(), annexPack()];
}

function minutes(): DemoFile {
  const lines: string[] = [
    `${DEMO_BODY} | ${DATE.split("-").reverse().join("-")}`,
    "Referat",
    "Deltagere",
    "Karen Holm (A) Eksempelby Kommune",
    "Jens Lauridsen (V) Fjordkøbing Kommune",
    "Mette Skov (F) Eksempelby Kommune",
    "Ole Bak (V) Hedelund Kommune, suppl. for Søren Dam",
    "Afbud",
    "Søren Dam (C) Hedelund Kommune",
  ];
  const items: ParsedItem[] = [];
  for (const item of ITEMS) {
    const lineStart = lines.length + 1;
    lines.push(`${item.number} ${item.title}`);
    if (item.caseNumber) lines.push(`${item.caseNumber} ${item.caseInitials.join("/")}`);
    for (const [key, value] of Object.entries(item.fields)) lines.push(capitalize(key), value);
    if (item.notes) lines.push(item.notes);
    const { lines: _unused, ...rest } = item;
    items.push({ ...rest, source: { page: 1, lineStart, lineEnd: lines.length } });
  }
  const text = lines.join("\n");
  return {
    content: new TextEncoder().encode(text),
    parsed: {
      source: { file: "demo-referat-2026-09-18.txt", sha256: sha256(text), format: "text", pages: 1 },
      kind: "minutes",
      body: DEMO_BODY,
      meeting: {
        date: DATE,
        startTime: "10:00",
        endTime: "12:00",
        location: "Rådhuset, Eksempelby",
        previousMeetingDate: "2026-06-19",
        nextMeetingDate: "2026-12-04",
      },
      attendance: {
        present: [
          { name: "Karen Holm", party: "A", municipality: "Eksempelby", substituteFor: null },
          { name: "Jens Lauridsen", party: "V", municipality: "Fjordkøbing", substituteFor: null },
          { name: "Mette Skov", party: "F", municipality: "Eksempelby", substituteFor: null },
          { name: "Ole Bak", party: "V", municipality: "Hedelund", substituteFor: "Søren Dam" },
        ],
        absent: [{ name: "Søren Dam", party: "C", municipality: "Hedelund" }],
      },
      sections: [
        { number: "1", title: "Godkendelse af dagsorden" },
        { number: "2", title: "Regionalpolitiske sager" },
        { number: "3", title: "Eventuelt" },
      ],
      items,
      toc: [],
      documents: [],
      amounts: [{ text: "1,5 mio. kr.", valueDKK: 1_500_000, source: { line: 1 } }],
      warnings: [],
      text,
      pageTexts: [{ page: 1, lineStart: 1, lineEnd: lines.length, text }],
    },
  };
}

function annexPack(): DemoFile {
  const pages = [
    "2.1 Fælles klimaplan og biokul i landbruget\nBilag 1: Oplæg fra udviklingsgruppen for klima\n\nBiokul fremstilles ved pyrolyse af restbiomasse som halm og haveaffald. Kulstoffet bindes i jorden i hundreder af år.",
    "Økonomi\nForprojektet koster 1,5 mio. kr., som fordeles mellem kommunerne efter indbyggertal.\n\nTidsplan\nForprojektet afsluttes i juni 2027.",
  ];
  const text = pages.join("\n");
  const firstLines = pages[0]!.split("\n").length;
  const total = text.split("\n").length;
  return {
    content: new TextEncoder().encode(text),
    parsed: {
      source: { file: "demo-bilag-2026-09-18.txt", sha256: sha256(text), format: "text", pages: 2 },
      kind: "annex-pack",
      body: DEMO_BODY,
      meeting: {
        date: DATE,
        startTime: null,
        endTime: null,
        location: null,
        previousMeetingDate: null,
        nextMeetingDate: null,
      },
      attendance: { present: [], absent: [] },
      sections: [],
      items: [],
      toc: [
        {
          itemNumber: "2.1",
          annexNumber: 1,
          title: "Oplæg fra udviklingsgruppen for klima",
          page: 1,
          level: "annex",
        },
      ],
      documents: [
        {
          itemNumber: "2.1",
          annexNumber: 1,
          title: "Oplæg fra udviklingsgruppen for klima",
          source: { pageStart: 1, pageEnd: 2, lineStart: 1, lineEnd: total },
        },
      ],
      amounts: [],
      warnings: [],
      text,
      pageTexts: [
        { page: 1, lineStart: 1, lineEnd: firstLines, text: pages[0]! },
        { page: 2, lineStart: firstLines + 1, lineEnd: total, text: pages[1]! },
      ],
    },
  };
}

function capitalize(word: string): string {
  return word.charAt(0).toUpperCase() + word.slice(1);
}

function sha256(text: string): string {
  return createHash("sha256").update(text).digest("hex");
}
