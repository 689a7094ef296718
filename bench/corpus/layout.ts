/**
 * @module Lays a planned meeting out as two text files in the seeds' layout (minutes as seed 004, annex
 * pack as seed 003) and turns each into the ParsedDocument the importer would read from it.
 */
import { createHash } from "node:crypto";
import type {
  Attendee,
  LineRange,
  ParsedAmount,
  ParsedAnnexDocument,
  ParsedDocument,
  ParsedItem,
  TocEntry,
} from "../../src/domain/index.js";
import { formatDanishDate as danishDate } from "../../src/domain/index.js";
import { PageWriter } from "./page-writer.js";
import type { PlannedMeeting } from "./plan.js";

export interface LaidOutFile {
  /** File name, unique in the corpus: "kkr-nordjylland-2024-09-20-referat.txt". */
  readonly fileName: string;
  /** The file's text in the seeds' layout. */
  readonly fileText: string;
  readonly parsed: ParsedDocument;
}

const FIELD_HEADINGS = [
  ["baggrund", "Baggrund"],
  ["indstilling", "Indstilling"],
  ["sagsfremstilling", "Sagsfremstilling"],
  ["beslutning", "Beslutning"],
] as const;

function slug(text: string): string {
  return text
    .toLowerCase()
    .replace(/æ/g, "ae")
    .replace(/ø/g, "oe")
    .replace(/å/g, "aa")
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-|-$/g, "");
}

function sha256(text: string): string {
  return createHash("sha256").update(text).digest("hex");
}

const AMOUNT = /(\d+(?:,\d+)?) (mio|mia)\. kr\./g;

/** The amounts the generator wrote ("1,5 mio. kr."), with their 1-based line. */
function amountsIn(lines: readonly string[]): ParsedAmount[] {
  const amounts: ParsedAmount[] = [];
  lines.forEach((line, index) => {
    for (const m of line.matchAll(AMOUNT)) {
      const value = Number(m[1]!.replace(",", ".")) * (m[2] === "mio" ? 1e6 : 1e9);
      amounts.push({ text: m[0], valueDKK: Math.round(value), source: { line: index + 1 } });
    }
  });
  return amounts;
}

function attendeeLine(a: Attendee): string {
  const sub = a.substituteFor ? `, Suppl. for ${a.substituteFor}` : "";
  return `${a.name} (${a.party}) ${a.municipality} Kommune${sub}`;
}

/** The minutes (referat) of a meeting, as seed 004 lays them out. */
export function layOutMinutes(plan: PlannedMeeting): LaidOutFile {
  const w = new PageWriter();
  w.line(plan.body.name);
  w.line("Referat");
  w.blank();
  w.line(
    `Mødedato: ${danishDate(plan.date)}, kl. ${plan.startTime.replace(":", ".")}-${plan.endTime.replace(":", ".")}`,
  );
  w.line(`Mødested: ${plan.location}`);
  w.newPage();
  w.line("Deltagerfortegnelse");
  w.blank();
  w.line("Deltagere");
  for (const a of plan.present) w.line(attendeeLine(a));
  w.blank();
  w.line("Afbud");
  for (const a of plan.absent) w.line(attendeeLine(a));

  const items: ParsedItem[] = [];
  for (const section of plan.sections) {
    w.newPage();
    w.line(`${section.number}. ${section.title}`);
    w.blank();
    for (const item of plan.items.filter((i) => i.section === section.number)) {
      if (item.number === section.number) continue;
      w.blank();
      const start: LineRange = { page: w.page, lineStart: w.nextLine, lineEnd: w.nextLine };
      w.line(`${item.number}. ${item.closed ? "Lukket punkt" : item.title}`);
      if (item.caseNumber) w.line(`${item.caseNumber} ${item.caseInitials.join("/")}`);
      if (!item.closed) {
        for (const [key, heading] of FIELD_HEADINGS) {
          const text = item.fields[key];
          if (text === undefined) continue;
          w.blank();
          w.line(heading);
          w.paragraphs(text);
        }
      }
      items.push(toParsedItem(item, { ...start, lineEnd: w.lines.length }));
    }
    // A section-level item ("5. Eventuelt") is its own heading, as in seed 004 line 2132.
    const own = plan.items.find((i) => i.number === section.number);
    if (own) {
      const start: LineRange = { page: w.page, lineStart: w.nextLine - 2, lineEnd: w.nextLine - 2 };
      w.line("-");
      items.push(toParsedItem(own, { ...start, lineEnd: w.lines.length }));
    }
  }
  const fileName = `${slug(plan.body.name)}-${plan.date}-referat.txt`;
  const fileText = w.fileText();
  const parsed: ParsedDocument = {
    source: { file: fileName, sha256: sha256(fileText), format: "text", pages: w.pages.length },
    kind: "minutes",
    body: plan.body.name,
    meeting: {
      date: plan.date,
      startTime: plan.startTime,
      endTime: plan.endTime,
      location: plan.location,
      previousMeetingDate: plan.previousMeetingDate,
      nextMeetingDate: plan.nextMeetingDate,
    },
    attendance: { present: plan.present, absent: plan.absent },
    sections: plan.sections,
    items,
    toc: [],
    documents: [],
    amounts: amountsIn(w.lines),
    warnings: [],
    text: w.cleanText(),
    pageTexts: w.pageTexts(),
  };
  return { fileName, fileText, parsed };
}

function toParsedItem(item: PlannedMeeting["items"][number], source: LineRange): ParsedItem {
  const fields = item.closed ? {} : { ...item.fields };
  return {
    number: item.number,
    title: item.title,
    section: item.section,
    caseNumber: item.caseNumber,
    caseInitials: item.caseInitials,
    fields,
    notes: null,
    annexMarkers: item.annexes.length,
    ...(item.closed ? { closed: true } : {}),
    source,
  };
}

/** The annex pack (bilagspakke) of a meeting, as seed 003 lays it out; null when no item has annexes. */
export function layOutAnnexPack(plan: PlannedMeeting): LaidOutFile | null {
  const withAnnexes = plan.items.filter((i) => i.annexes.length > 0 && !i.closed);
  if (withAnnexes.length === 0) return null;
  // Page numbers of the contents page: page 1 is the contents, each annex starts on a new page.
  const toc: TocEntry[] = [];
  let page = 2;
  for (const item of withAnnexes) {
    toc.push({ itemNumber: item.number, annexNumber: null, title: item.title, page, level: "item" });
    item.annexes.forEach((annex, index) => {
      toc.push({ itemNumber: item.number, annexNumber: index + 1, title: annex.title, page, level: "annex" });
      page += annex.pages.length;
    });
  }
  const w = new PageWriter(60);
  w.line("Indholdsfortegnelse - Bilag");
  w.blank();
  for (const entry of toc) {
    const label =
      entry.level === "item"
        ? `${entry.itemNumber} ${entry.title}`
        : `Bilag ${entry.annexNumber}: ${entry.title}`;
    if (entry.level === "item") w.blank();
    w.line(`${label} ${".".repeat(Math.max(3, 90 - label.length))}${entry.page}`);
  }
  const documents: ParsedAnnexDocument[] = [];
  for (const item of withAnnexes) {
    item.annexes.forEach((annex, index) => {
      const lineStart = w.nextLine;
      const pageStart = w.pages.length + 1;
      annex.pages.forEach((text, p) => {
        w.newPage();
        if (p === 0) {
          w.line(`${item.number} ${item.title}`);
          w.blank();
          w.line(annex.title);
          w.blank();
        }
        w.paragraphs(text);
      });
      documents.push({
        itemNumber: item.number,
        annexNumber: index + 1,
        title: annex.title,
        source: { pageStart, pageEnd: w.pages.length, lineStart, lineEnd: w.lines.length },
      });
    });
  }
  const fileName = `${slug(plan.body.name)}-${plan.date}-bilag.txt`;
  const fileText = w.fileText();
  const parsed: ParsedDocument = {
    source: { file: fileName, sha256: sha256(fileText), format: "text", pages: w.pages.length },
    kind: "annex-pack",
    body: plan.body.name,
    meeting: {
      date: plan.date,
      startTime: null,
      endTime: null,
      location: null,
      previousMeetingDate: null,
      nextMeetingDate: null,
    },
    attendance: { present: [], absent: [] },
    sections: [],
    items: [],
    toc,
    documents,
    amounts: amountsIn(w.lines),
    warnings: [],
    text: w.cleanText(),
    pageTexts: w.pageTexts(),
  };
  return { fileName, fileText, parsed };
}
