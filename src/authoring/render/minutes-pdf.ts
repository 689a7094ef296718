/**
 * @module The minutes as PDF: a MinutesDocument in, PDF bytes out, through the Typst template in
 * minutes-template.ts. The agenda's helpers write the participants, items and fields (agenda-pdf.ts), so
 * both documents say the same of an item; here the attendance gains its substitutes ("Suppl. for") and
 * guests, and each item its decision, protocol remarks and discussion. In the public edition a closed
 * item is its number and "Lukket punkt" and nothing else: no decision, no remark, no note.
 */
import {
  AGENDA_FIELD_HEADINGS,
  decisionParagraphs,
  formatDanishDate,
  type MinutesDocument,
  type MinutesGuest,
  type MinutesItemDocument,
  type MinutesSubstitute,
  parseRichText,
  protocolRemarkLine,
  type RichBlock,
} from "../../domain/index.js";
import { attendeeLine, caseLine, timeText, visibleItem } from "./agenda-pdf.js";
import { headerDate } from "./header-date.js";
import { MINUTES_TEMPLATE } from "./minutes-template.js";
import { compileTypstPdf } from "./typst-compiler.js";

/** The data the template reads (`d` in minutes-template.ts). */
interface MinutesTemplateData {
  readonly title: string;
  readonly body: string;
  readonly dateLong: string;
  readonly dateShort: string;
  readonly time: string | null;
  readonly location: string | null;
  readonly editionNote: string | null;
  readonly participants: readonly string[];
  readonly absences: readonly string[];
  readonly guests: readonly string[];
  readonly sections: readonly {
    readonly number: string;
    readonly title: string;
    readonly items: readonly MinutesTemplateItem[];
  }[];
}

interface MinutesTemplateItem {
  readonly number: string;
  readonly title: string;
  readonly caseLine: string | null;
  readonly annexes: readonly string[];
  readonly fields: readonly { readonly heading: string; readonly blocks: readonly RichBlock[] }[];
  readonly decision: readonly string[];
  readonly remarks: readonly string[];
  readonly discussion: readonly RichBlock[];
}

/**
 * Renders the minutes as a tagged PDF (PDF/UA-1, language da, the document title set).
 *
 * @example
 * const pdf = renderMinutesPdf(minutes); // Uint8Array, "%PDF-1.7 ..."
 */
export function renderMinutesPdf(minutes: MinutesDocument): Uint8Array {
  return compileTypstPdf(MINUTES_TEMPLATE, minutesTemplateData(minutes));
}

/**
 * A substitute as the KKR minutes write them (seeds/004 line 55).
 * @example substituteLine({ name: "Peter E. Nielsen", party: "A", municipality: "Frederikshavn", substituteFor: "Birgit Hansen" })
 * // "Peter E. Nielsen (A) Frederikshavn Kommune, Suppl. for Birgit Hansen"
 */
export function substituteLine(person: MinutesSubstitute): string {
  return `${attendeeLine(person)}, Suppl. for ${person.substituteFor}`;
}

/** @example guestLine({ name: "Jens Olsen", role: "direktør, KL" }) // "Jens Olsen, direktør, KL" */
export function guestLine(guest: MinutesGuest): string {
  return guest.role ? `${guest.name}, ${guest.role}` : guest.name;
}

/**
 * What the minutes show of an item in the given edition: a closed item in the public edition keeps its
 * number and "Lukket punkt" and loses its record too.
 */
export function visibleMinutesItem(
  item: MinutesItemDocument,
  edition: MinutesDocument["edition"],
): MinutesItemDocument {
  const shown = visibleItem(item, edition);
  if (item.closed && edition === "public") {
    return {
      ...shown,
      record: { decision: "", discussion: null, vote: null, recusals: [], protocolRemarks: [] },
    };
  }
  return { ...shown, record: item.record };
}

function minutesTemplateData(minutes: MinutesDocument): MinutesTemplateData {
  const dateLong = formatDanishDate(minutes.meeting.date);
  return {
    title: `Referat, ${minutes.body}, ${dateLong}`,
    body: minutes.body,
    dateLong,
    dateShort: headerDate(minutes.meeting.date),
    time: timeText(minutes.meeting.startTime, minutes.meeting.endTime),
    location: minutes.meeting.location,
    editionNote:
      minutes.edition === "internal" && minutes.sections.some((s) => s.items.some((i) => i.closed))
        ? "Udgave til medlemmerne: indeholder lukkede punkter, som ikke må videregives."
        : null,
    participants: [...minutes.present.map(attendeeLine), ...minutes.substitutes.map(substituteLine)],
    absences: minutes.absences.map(attendeeLine),
    guests: minutes.guests.map(guestLine),
    sections: minutes.sections.map((section) => ({
      number: section.number,
      title: section.title,
      items: section.items.map((original) => templateItem(visibleMinutesItem(original, minutes.edition))),
    })),
  };
}

function templateItem(item: MinutesItemDocument): MinutesTemplateItem {
  return {
    number: item.number,
    title: item.title,
    caseLine: caseLine(item),
    annexes: item.annexes.map((annex) => `./. Bilag ${annex.annexNumber}: ${annex.title}`),
    fields: AGENDA_FIELD_HEADINGS.flatMap(({ key, heading }) => {
      const blocks = parseRichText(item.fields[key] ?? "");
      return blocks.length > 0 ? [{ heading, blocks }] : [];
    }),
    decision: decisionParagraphs(item.record),
    remarks: item.record.protocolRemarks.map(protocolRemarkLine),
    discussion: parseRichText(item.record.discussion ?? ""),
  };
}
