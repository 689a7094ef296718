/**
 * @module A meeting for the privacy gate's release and redaction tests: minutes with an open item 1.1
 * (its text names a CPR number) and a closed item 1.2, and an annex pack whose item 1.1 annex has a page
 * with a CPR number and whose item 1.2 annex has one page plain and one with a CPR number. Every word a
 * test looks for is unique to its key.
 */
import type { Kysely } from "kysely";
import type { ParsedDocument } from "../../src/domain/index.js";
import { type Database, importDocument } from "../../src/store/index.js";
import { buildAnnexPack, buildItem, buildMinutes, meetingOn } from "./documents.js";

export const REDACTION_DATE = "2026-04-17";

export function redactionWords(key: string) {
  return {
    body: `KKR Redaktion ${key.toUpperCase()}`,
    /** Item 1.1's annex, page 1 (with the CPR number), and the redacted copy's own word. */
    openCprPage: `kkr${key}borgerklagesag`,
    redacted: `kkr${key}anonymiseretbilag`,
    /** Item 1.1's annex, page 2: plain. */
    openPage: `kkr${key}klimaregnskab`,
    /** Item 1.2's annex, page 3: plain; page 4 has a CPR number. */
    closedPage: `kkr${key}ansaettelsesvilkaar`,
    closedCprPage: `kkr${key}laegeerklaering`,
  };
}

/** The CPR numbers the fixture holds (valid dates, named "cpr."). */
export const CPR_OPEN = "120390-1234";
export const CPR_CLOSED = "010203-4567";

export function redactionMinutes(key: string): ParsedDocument {
  const w = redactionWords(key);
  const doc = buildMinutes({
    body: w.body,
    meeting: { ...meetingOn(REDACTION_DATE), startTime: "10:00", endTime: "12:00" },
    items: [
      buildItem("1.1", {
        title: "Borgerhenvendelse",
        annexMarkers: 1,
        source: { page: 1, lineStart: 1, lineEnd: 2 },
      }),
      buildItem("1.2", {
        title: "Personalesag",
        closed: true,
        annexMarkers: 1,
        source: { page: 1, lineStart: 5, lineEnd: 8 },
      }),
    ],
    // Line 1, inside item 1.1: its text names a CPR number.
    warnings: [{ code: "cpr-number", message: "CPR number", source: { lineStart: 1, lineEnd: 1 } }],
    text: `Referat ${key}`,
  });
  return { ...doc, source: { ...doc.source, file: `referat-redaktion-${key}.txt` } };
}

/** The pack: item 1.1's annex on pages 1-2, item 1.2's on pages 3-4; pages 1 and 4 name a CPR number. */
export function redactionPack(key: string): { parsed: ParsedDocument; content: Uint8Array } {
  const w = redactionWords(key);
  const pages = [
    ["1.1 Bilag 1: Borgerens henvendelse", `Borger med cpr. ${CPR_OPEN} skriver om ${w.openCprPage}.`],
    ["Henvendelsen fortsat", `Kommunen svarer om ${w.openPage}.`],
    ["1.2 Bilag 1: Bilag til personalesagen", `Oplysninger om ${w.closedPage}.`],
    ["Personalesagen fortsat", `Medarbejder cpr. ${CPR_CLOSED} har sendt ${w.closedCprPage}.`],
  ];
  const parsed = buildAnnexPack({
    file: `bilag-redaktion-${key}.txt`,
    body: w.body,
    date: REDACTION_DATE,
    annexes: [
      {
        itemNumber: "1.1",
        title: "Borgerens henvendelse",
        pages: pages.slice(0, 2).map((p) => p.join("\n")),
      },
      {
        itemNumber: "1.2",
        title: "Bilag til personalesagen",
        pages: pages.slice(2).map((p) => p.join("\n")),
      },
    ],
    warnings: [
      { code: "cpr-number", message: "CPR number", source: { lineStart: 2, lineEnd: 2 } },
      { code: "cpr-number", message: "CPR number", source: { lineStart: 8, lineEnd: 8 } },
    ],
  });
  return { content: new TextEncoder().encode(parsed.text), parsed };
}

/** A redacted copy of item 1.1's annex as a text file: three pages (form feeds), no CPR number. */
export function redactedCopyText(key: string, withCpr = false): string {
  const w = redactionWords(key);
  return [
    `Borgerens henvendelse\nBorger med cpr. ${withCpr ? CPR_OPEN : "XXXXXX-XXXX"} skriver om ${w.redacted}.`,
    `Henvendelsen fortsat\nKommunen svarer om ${w.openPage}.`,
    "Bilag slut\nIntet videre.",
  ].join("\n\f");
}

/**
 * Imports the minutes and the pack of `key` and returns the body, the two items and the two annexes as
 * stored (item 1.1 and its annex "open", item 1.2 and its annex "closed").
 */
export async function importRedaction(db: Kysely<Database>, key: string) {
  await importDocument(db, redactionMinutes(key));
  const { parsed, content } = redactionPack(key);
  await importDocument(db, parsed, { content });
  const body = await db
    .selectFrom("body")
    .select("id")
    .where("name", "=", redactionWords(key).body)
    .executeTakeFirstOrThrow();
  const item = (number: string) =>
    db
      .selectFrom("agenda_item")
      .innerJoin("meeting", "meeting.id", "agenda_item.meeting_id")
      .selectAll("agenda_item")
      .where("meeting.body_id", "=", body.id)
      .where("agenda_item.number", "=", number)
      .executeTakeFirstOrThrow();
  const annex = (title: string) =>
    db
      .selectFrom("file")
      .innerJoin("meeting", "meeting.id", "file.meeting_id")
      .selectAll("file")
      .where("meeting.body_id", "=", body.id)
      .where("file.title", "=", title)
      .where("file.deleted", "=", false)
      .executeTakeFirstOrThrow();
  return {
    bodyId: body.id,
    openItem: await item("1.1"),
    closedItem: await item("1.2"),
    openAnnex: await annex("Borgerens henvendelse"),
    closedAnnex: await annex("Bilag til personalesagen"),
  };
}
