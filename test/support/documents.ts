/** @module Builders for ParsedDocuments in tests: a valid minimal document with overrides. */
import { createHash } from "node:crypto";
import type { ParsedDocument, ParsedItem } from "../../src/domain/index.js";

/** An item with all four fields; override what the test is about. */
export function buildItem(number: string, overrides: Partial<ParsedItem> = {}): ParsedItem {
  return {
    number,
    title: `Punkt ${number}`,
    section: number.split(".")[0] ?? null,
    caseNumber: "SAG-2026-00001",
    caseInitials: ["abcd"],
    fields: {
      baggrund: `Baggrund for ${number}.`,
      indstilling: `Det indstilles, at punkt ${number} godkendes.`,
      sagsfremstilling: `Sagsfremstilling for ${number}.`,
      beslutning: `Punkt ${number} blev godkendt.`,
    },
    notes: null,
    annexMarkers: 0,
    source: { page: 1, lineStart: 1, lineEnd: 2 },
    ...overrides,
  };
}

/** Minutes of one meeting; the sha256 follows the content so changed documents get a new hash. */
export function buildMinutes(overrides: Partial<ParsedDocument> = {}): ParsedDocument {
  const base: Omit<ParsedDocument, "source"> = {
    kind: "minutes",
    body: "KKR Testregion",
    meeting: {
      date: "2026-03-20",
      startTime: "10:00",
      endTime: "12:00",
      location: null,
      previousMeetingDate: null,
      nextMeetingDate: null,
    },
    attendance: {
      present: [
        { name: "Anne Berg", party: "A", municipality: "Aalborg", substituteFor: null },
        { name: "Bo Dahl", party: "V", municipality: "Thisted", substituteFor: "Birgit Hansen" },
      ],
      absent: [{ name: "Birgit Stenbak Hansen", party: "A", municipality: "Frederikshavn" }],
    },
    sections: [{ number: "1", title: "Sager" }],
    items: [buildItem("1.1"), buildItem("1.2"), buildItem("1.3")],
    toc: [],
    documents: [],
    amounts: [],
    warnings: [],
    text: "Referat",
    ...overrides,
  };
  const sha256 = createHash("sha256").update(JSON.stringify(base)).digest("hex");
  return { source: { file: "referat.txt", sha256, format: "text", pages: 1 }, ...base, ...overrides };
}

/** A meeting known only by its date, as an annex pack names it. */
export function meetingOn(date: string): NonNullable<ParsedDocument["meeting"]> {
  return {
    date,
    startTime: null,
    endTime: null,
    location: null,
    previousMeetingDate: null,
    nextMeetingDate: null,
  };
}

/** One annex of a pack: the item it belongs to, its title, and its pages' text (a page an entry). */
export interface PackAnnex {
  readonly itemNumber: string;
  readonly title: string;
  readonly pages: readonly string[];
}

/**
 * An annex pack of `body`'s meeting on `date`: each annex numbered 1 under its item, its pages one after
 * another, two lines a page; the sha256 follows the file name and the text.
 * @example buildAnnexPack({ file: "bilag.txt", body: "KKR Testregion", date: "2026-03-20", annexes: [...] })
 */
export function buildAnnexPack(pack: {
  readonly file: string;
  readonly body: string;
  readonly date: string;
  readonly annexes: readonly PackAnnex[];
  readonly warnings?: ParsedDocument["warnings"];
}): ParsedDocument {
  const pages = pack.annexes.flatMap((a) => a.pages);
  const pageTexts = pages.map((text, i) => ({ page: i + 1, lineStart: i * 2 + 1, lineEnd: i * 2 + 2, text }));
  let next = 1;
  const documents = pack.annexes.map((a) => {
    const [pageStart, pageEnd] = [next, next + a.pages.length - 1];
    next += a.pages.length;
    return {
      itemNumber: a.itemNumber,
      annexNumber: 1,
      title: a.title,
      source: { pageStart, pageEnd, lineStart: pageStart * 2 - 1, lineEnd: pageEnd * 2 },
    };
  });
  const text = pages.join("\n");
  return {
    source: {
      file: pack.file,
      sha256: createHash("sha256").update(`${pack.file}\n${text}`).digest("hex"),
      format: "text",
      pages: pages.length,
    },
    kind: "annex-pack",
    body: pack.body,
    meeting: meetingOn(pack.date),
    attendance: { present: [], absent: [] },
    sections: [],
    items: [],
    toc: [],
    documents,
    amounts: [],
    warnings: pack.warnings ?? [],
    text,
    pageTexts,
  };
}
