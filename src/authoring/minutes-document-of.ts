/**
 * @module The minutes as the renderer takes them (MinutesDocument), from the secretariat's record of the
 * meeting (MeetingRecord, store/read/meeting-record-queries.ts): attendance grouped as the minutes print
 * it, items in their sections with their fields and what the meeting made of them. Pure: the record
 * comes in. The edition is the renderer's business (a closed item is cut there), so both editions come
 * from one document.
 */
import {
  type AgendaEdition,
  type AgendaItemFields,
  type AgendaParticipant,
  type MeetingRecord,
  type MinutesDocument,
  type MinutesItemDocument,
  type MinutesSectionDocument,
  minutesItemRecordOf,
  type RecordItem,
  type RecordPerson,
} from "../domain/index.js";

function participant(person: RecordPerson): AgendaParticipant {
  return { name: person.name, party: person.party, municipality: person.municipality };
}

function fieldsOf(item: RecordItem): AgendaItemFields {
  const fields: { -readonly [K in keyof AgendaItemFields]: string } = {};
  for (const key of ["resume", "baggrund", "indstilling", "sagsfremstilling"] as const) {
    const text = item.fields[key]?.trim();
    if (text) fields[key] = text;
  }
  return fields;
}

function minutesItem(item: RecordItem): MinutesItemDocument {
  return {
    number: item.number,
    title: item.title,
    closed: item.closed,
    caseNumber: item.caseNumber,
    caseInitials: [],
    fields: fieldsOf(item),
    annexes: [],
    record: minutesItemRecordOf(item),
  };
}

/** The items grouped by section, in the record's order; an item without a section gets its number's. */
function sectionsOf(items: readonly RecordItem[]): MinutesSectionDocument[] {
  const sections: { number: string; title: string; items: MinutesItemDocument[] }[] = [];
  for (const item of items) {
    const number = item.sectionNumber ?? item.number.split(".")[0] ?? item.number;
    let section = sections.find((s) => s.number === number);
    if (!section) {
      section = { number, title: item.sectionTitle ?? `Punkt ${number}`, items: [] };
      sections.push(section);
    }
    // A section that is its own item ("5. Eventuelt", published as item "5") prints as the section
    // alone, as the agenda prints it, unless something was recorded under it.
    if (item.number === number && !item.decision?.text && item.protocolRemarks.length === 0) continue;
    section.items.push(minutesItem(item));
  }
  return sections;
}

/**
 * The minutes of a meeting in the given edition.
 * @example minutesDocumentOf(record, "public").substitutes[0]?.substituteFor // "Birgit Hansen"
 */
export function minutesDocumentOf(record: MeetingRecord, edition: AgendaEdition): MinutesDocument {
  const { meeting, attendance } = record;
  return {
    body: meeting.bodyName,
    meeting: {
      date: meeting.date,
      startTime: meeting.startTime,
      endTime: meeting.endTime,
      location: meeting.location,
    },
    edition,
    present: attendance.present.map((a) => participant(a.person)),
    substitutes: attendance.substitutes.map((s) => ({
      ...participant(s.person),
      substituteFor: s.substituteFor.name,
    })),
    absences: attendance.absent.map((a) => participant(a.person)),
    guests: [...attendance.guests, ...attendance.officials].map((a) => ({
      name: a.person.name,
      role: a.note,
    })),
    sections: sectionsOf(record.items),
  };
}
