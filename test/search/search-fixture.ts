/**
 * @module Hand-built documents for the search tests: minutes of two meetings (one closed item among
 * them) and an annex pack with a long annex, written so each search rule has a case that proves it.
 */
import type { Kysely } from "kysely";
import type { ParsedDocument, ParsedItem } from "../../src/domain/index.js";
import { type Database, importDocument } from "../../src/store/index.js";
import { meetingOn } from "../support/documents.js";

/** A word that occurs only in the closed item: searching it must find nothing for the public. */
export const CLOSED_WORD = "fortrolighedsaftalen";
export const CLOSED_TITLE = "Personsag om direktørens fratrædelse";

function item(
  number: string,
  title: string,
  fields: ParsedItem["fields"],
  lineStart: number,
  extra: Partial<ParsedItem> = {},
): ParsedItem {
  return {
    number,
    title,
    section: number.split(".")[0] ?? null,
    caseNumber: null,
    caseInitials: [],
    fields,
    notes: null,
    annexMarkers: 0,
    source: { page: 1, lineStart, lineEnd: lineStart + 9 },
    ...extra,
  };
}

function minutes(file: string, date: string, items: readonly ParsedItem[]): ParsedDocument {
  return {
    source: { file, sha256: `sha-${file}`, format: "text", pages: 2 },
    kind: "minutes",
    body: "KKR Testjylland",
    meeting: {
      date,
      startTime: "10:00",
      endTime: "12:00",
      location: null,
      previousMeetingDate: null,
      nextMeetingDate: null,
    },
    attendance: {
      present: [{ name: "Mette Mogensen", party: "A", municipality: "Aalborg" }],
      absent: [],
    },
    sections: [{ number: "2", title: "Regionalpolitiske sager" }],
    items,
    toc: [],
    documents: [],
    amounts: [],
    warnings: [],
    text: items.map((i) => i.title).join("\n"),
  };
}

const september = minutes("minutes-2024.txt", "2024-09-20", [
  item(
    "2.1",
    "Status fra KlimaNord",
    {
      baggrund:
        "KKR er politisk udviklingsgruppe for KlimaNord. Projektet om biokul i landbruget skal binde kulstof.",
      indstilling: "Det indstilles, at KKR tager orienteringen til efterretning.",
      beslutning: "KKR tog orienteringen til efterretning.",
    },
    10,
  ),
  item(
    "2.2",
    "Fordeling af lærepladser på SOSU-uddannelserne",
    {
      baggrund: "Staten fastsætter dimensioneringen af lærepladserne hvert år.",
      indstilling: "Det indstilles, at KKR godkender fordelingen mellem Aalborg og Hjørring Kommune.",
      beslutning: "Fordelingen blev godkendt.",
    },
    30,
  ),
  item(
    "2.3",
    "Klimaplanerne i kommunerne",
    {
      sagsfremstilling: "Alle kommuner har vedtaget en klimaplan med mål for 2030.",
      beslutning: "Taget til efterretning.",
    },
    50,
  ),
  item(
    "2.4",
    CLOSED_TITLE,
    {
      baggrund: `Sagen behandles for lukkede døre. ${CLOSED_WORD} er underskrevet. Der nævnes også biokul her.`,
      beslutning: "Godkendt.",
    },
    70,
    { closed: true },
  ),
]);

const march = minutes("minutes-2023.txt", "2023-03-10", [
  item(
    "3.1",
    "Klima i den kommunale planlægning",
    {
      baggrund: "Klima skal tænkes ind i al planlægning i Frederikshavn.",
      indstilling: "Det indstilles, at KKR drøfter klima og planlægning.",
    },
    5,
  ),
  item(
    "3.2",
    "Socialtilsyn Nords årsberetning 2022",
    { baggrund: "Årsberetningen beskriver tilsynets arbejde. Passagerrådet er ikke omtalt." },
    25,
  ),
]);

/** An annex pack whose one long annex mentions "busdrift" on five pages; pages 1-6, lines 10 per page. */
function pack(): ParsedDocument {
  const pages = [
    "Trafikplan for Nordjylland. Indledning om busdrift og kollektiv trafik.",
    "Busdrift i landdistrikterne er dyr. Busdrift skal planlægges sammen med skolerne.",
    "Økonomi: busdrift koster 12 mio. kr. om året.",
    "Passagerrådet mødes fire gange om året. Busdrift drøftes løbende.",
    "Bilag om <script>alert(1)</script>, 5 < 7 & andre tegn. Busdrift nævnes igen.",
    "Afslutning uden det ord.",
  ].map((text, i) => ({ page: i + 1, lineStart: i * 10 + 1, lineEnd: i * 10 + 10, text }));
  return {
    source: { file: "pack-2024.txt", sha256: "sha-pack-2024", format: "text", pages: 6 },
    kind: "annex-pack",
    body: "KKR Testjylland",
    meeting: meetingOn("2024-09-20"),
    attendance: { present: [], absent: [] },
    sections: [],
    items: [],
    toc: [],
    documents: [
      {
        itemNumber: "2.1",
        annexNumber: 1,
        title: "Trafikplan for Nordjylland",
        source: { pageStart: 1, pageEnd: 6, lineStart: 1, lineEnd: 60 },
      },
    ],
    amounts: [],
    warnings: [],
    text: pages.map((p) => p.text).join("\n"),
    pageTexts: pages,
  };
}

/** An annex of the closed item 2.4: as closed as the item itself. */
function closedAnnex(): ParsedDocument {
  const text = `Bilag til personsagen. ${CLOSED_WORD} med bilag.`;
  return {
    ...pack(),
    source: { file: "closed-annex.txt", sha256: "sha-closed-annex", format: "text", pages: 1 },
    documents: [
      {
        itemNumber: "2.4",
        annexNumber: 1,
        title: "Bilag til personsag",
        source: { pageStart: 1, pageEnd: 1, lineStart: 1, lineEnd: 3 },
      },
    ],
    text,
    pageTexts: [{ page: 1, lineStart: 1, lineEnd: 3, text }],
  };
}

/** Imports every fixture document into the store. */
export async function importSearchFixture(db: Kysely<Database>): Promise<void> {
  for (const doc of [september, march, pack(), closedAnnex()]) await importDocument(db, doc);
}
