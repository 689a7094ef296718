/**
 * @module The agenda as PDF: an AgendaDocument in, PDF bytes out, through the Typst template in
 * agenda-template.ts. Here the document is turned into the template's data: dates written out in Danish,
 * attendees written as the KKR lists write them, fields parsed as rich text, and in the public edition
 * every closed item reduced to its number and "Lukket punkt".
 */
import {
  AGENDA_FIELD_HEADINGS,
  type AgendaDocument,
  type AgendaItemDocument,
  type AgendaParticipant,
  formatDanishDate,
  parseRichText,
  type RichBlock,
} from "../../domain/index.js";
import { AGENDA_TEMPLATE } from "./agenda-template.js";
import { headerDate } from "./header-date.js";
import { compileTypstPdf } from "./typst-compiler.js";

/** The title a closed item has in the public edition. */
export const CLOSED_ITEM_TITLE = "Lukket punkt";

/** The data the template reads (`d` in agenda-template.ts). */
interface AgendaTemplateData {
  readonly title: string;
  readonly body: string;
  readonly dateLong: string;
  readonly dateShort: string;
  readonly time: string | null;
  readonly location: string | null;
  readonly version: number;
  readonly changeNote: string | null;
  readonly editionNote: string | null;
  readonly participants: readonly string[];
  readonly absences: readonly string[];
  readonly sections: readonly {
    readonly number: string;
    readonly title: string;
    readonly items: readonly {
      readonly number: string;
      readonly title: string;
      readonly caseLine: string | null;
      readonly annexes: readonly string[];
      readonly fields: readonly { readonly heading: string; readonly blocks: readonly RichBlock[] }[];
    }[];
  }[];
}

/**
 * Renders the agenda as a tagged PDF (PDF/UA-1, language da, the document title set).
 *
 * @example
 * const pdf = renderAgendaPdf(agenda); // Uint8Array, "%PDF-1.7 ..."
 */
export function renderAgendaPdf(agenda: AgendaDocument): Uint8Array {
  return compileTypstPdf(AGENDA_TEMPLATE, agendaTemplateData(agenda));
}

/**
 * What the agenda shows of an item in the given edition: in the public edition a closed item keeps only
 * its number and "Lukket punkt"; in the internal edition its title says "Lukket punkt:" first, the mark
 * the importer reads a closed item by (as FirstAgenda's "Lukket: Køb af ...").
 *
 * @example
 * visibleItem({ ...item, closed: true }, "public").title; // "Lukket punkt"
 */
export function visibleItem(
  item: AgendaItemDocument,
  edition: AgendaDocument["edition"],
): AgendaItemDocument {
  if (!item.closed) return item;
  if (edition === "public") {
    return { ...item, title: CLOSED_ITEM_TITLE, caseNumber: null, caseInitials: [], fields: {}, annexes: [] };
  }
  return { ...item, title: `${CLOSED_ITEM_TITLE}: ${item.title}` };
}

/**
 * One attendee as the KKR lists write them (seeds/004 lines 29-80).
 * @example attendeeLine({ name: "Peter E. Nielsen", party: "A", municipality: "Frederikshavn" }) // "Peter E. Nielsen (A) Frederikshavn Kommune"
 */
export function attendeeLine(person: AgendaParticipant): string {
  const party = person.party ? ` (${person.party})` : "";
  const municipality = person.municipality ? `${party ? " " : ", "}${person.municipality} Kommune` : "";
  return `${person.name}${party}${municipality}`;
}

/** "10:00" and "12:00" -> "kl. 10.00-12.00". */
export function timeText(start: string | null, end: string | null): string | null {
  if (!start) return null;
  const dotted = (time: string) => time.replace(":", ".");
  return end ? `kl. ${dotted(start)}-${dotted(end)}` : `kl. ${dotted(start)}`;
}

/** The case line under an item's title: "SAG-2024-03326 JL/MK"; null for an item with no case number. */
export function caseLine(item: Pick<AgendaItemDocument, "caseNumber" | "caseInitials">): string | null {
  return item.caseNumber ? [item.caseNumber, item.caseInitials.join("/")].join(" ").trim() : null;
}

function agendaTemplateData(agenda: AgendaDocument): AgendaTemplateData {
  const dateLong = formatDanishDate(agenda.meeting.date);
  return {
    title: `Dagsorden, ${agenda.body}, ${dateLong}`,
    body: agenda.body,
    dateLong,
    dateShort: headerDate(agenda.meeting.date),
    time: timeText(agenda.meeting.startTime, agenda.meeting.endTime),
    location: agenda.meeting.location,
    version: agenda.version,
    changeNote: agenda.version > 1 ? (agenda.changeNote ?? null) : null,
    editionNote:
      agenda.edition === "internal" && agenda.sections.some((s) => s.items.some((i) => i.closed))
        ? "Udgave til medlemmerne: indeholder lukkede punkter, som ikke må videregives."
        : null,
    participants: agenda.participants.map(attendeeLine),
    absences: agenda.absences.map(attendeeLine),
    sections: agenda.sections.map((section) => ({
      number: section.number,
      title: section.title,
      items: section.items.map((original) => {
        const item = visibleItem(original, agenda.edition);
        return {
          number: item.number,
          title: item.title,
          caseLine: caseLine(item),
          annexes: item.annexes.map((annex) => `./. Bilag ${annex.annexNumber}: ${annex.title}`),
          fields: AGENDA_FIELD_HEADINGS.flatMap(({ key, heading }) => {
            const blocks = parseRichText(item.fields[key] ?? "");
            return blocks.length > 0 ? [{ heading, blocks }] : [];
          }),
        };
      }),
    })),
  };
}
