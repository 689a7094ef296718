/**
 * @module The input of the minutes PDF (`MinutesDocument`): the agenda's items with what the meeting
 * made of them (decision, vote, members who did not take part, protocol remarks, discussion notes), and
 * the attendance (present, substitutes "Suppl. for", absences, guests and officials). Plain readonly
 * data: authoring builds it from the meeting record, authoring/render/minutes-pdf.ts sets it, ingest
 * reads it back. The texts the minutes print under "Beslutning" are written here once, so the PDF and
 * the published agenda_item.beslutning say the same.
 */
import type {
  AgendaEdition,
  AgendaItemDocument,
  AgendaMeetingInfo,
  AgendaParticipant,
} from "./agenda-document.js";
import { type RecordItem, type RecordPerson, voteLine } from "./meeting-record.js";

/** A member who came in another's place: printed "Name (A) Aalborg Kommune, Suppl. for Other Name". */
export interface MinutesSubstitute extends AgendaParticipant {
  /** The name of the absent member substituted for. */
  readonly substituteFor: string;
}

/** A guest or an official at the meeting: "Name, role". */
export interface MinutesGuest {
  readonly name: string;
  /** "direktør, KL" or "Aalborg Kommune"; null when none is given. */
  readonly role: string | null;
}

/** A protocol remark by a member ("Protokolbemærkning fra Anna Aaen (Ø): ..."). */
export interface MinutesProtocolRemark {
  /** As attendeeLine writes a person without municipality: "Anna Aaen (Ø)". */
  readonly member: string;
  readonly text: string;
}

/** What the meeting made of one item. */
export interface MinutesItemRecord {
  /** The decision as plain text (several paragraphs split by a blank line); "" before one is recorded. */
  readonly decision: string;
  /** The minute-taker's notes of the discussion, apart from the decision; null when none. */
  readonly discussion: string | null;
  /**
   * The vote as the minutes print it under the decision, one line (meeting-record.ts's voteLine: "For
   * stemte: A, V (2). Imod stemte: Ø (1). Hverken for eller imod: ingen (0)."); null when none was taken.
   */
  readonly vote: string | null;
  /** Members who did not take part ("deltog ikke i behandlingen af punktet"), as "Name (A)". */
  readonly recusals: readonly string[];
  readonly protocolRemarks: readonly MinutesProtocolRemark[];
}

export interface MinutesItemDocument extends AgendaItemDocument {
  readonly record: MinutesItemRecord;
}

export interface MinutesSectionDocument {
  readonly number: string;
  readonly title: string;
  readonly items: readonly MinutesItemDocument[];
}

/**
 * Everything the minutes PDF shows.
 *
 * @example
 * const minutes: MinutesDocument = {
 *   body: "KKR Nordjylland", edition: "public",
 *   meeting: { date: "2024-09-20", startTime: "10:00", endTime: "12:00", location: "Aalborg Rådhus" },
 *   present: [{ name: "Mogens Gade", municipality: "Jammerbugt", party: "V" }], substitutes: [],
 *   absences: [], guests: [], sections: [],
 * };
 */
export interface MinutesDocument {
  readonly body: string;
  readonly meeting: AgendaMeetingInfo;
  readonly edition: AgendaEdition;
  readonly present: readonly AgendaParticipant[];
  readonly substitutes: readonly MinutesSubstitute[];
  readonly absences: readonly AgendaParticipant[];
  readonly guests: readonly MinutesGuest[];
  readonly sections: readonly MinutesSectionDocument[];
}

/** The heading the discussion notes stand under, after the decision (the parser reads them as notes). */
export const MINUTES_DISCUSSION_HEADING = "Drøftelse";
/** The mark of a protocol remark, as the minutes write it. */
export const PROTOCOL_REMARK_HEADING = "Protokolbemærkning";

/**
 * One recusal as the minutes write it.
 * @example recusalLine("Jes Lunde (B)") // "Jes Lunde (B) deltog ikke i behandlingen af punktet."
 */
export function recusalLine(member: string): string {
  return `${member} deltog ikke i behandlingen af punktet.`;
}

/**
 * The paragraphs printed under "Beslutning": the decision, the vote, then who did not take part. The
 * parser reads these back as the item's decision; protocol remarks and discussion follow apart.
 *
 * @example
 * decisionParagraphs({ decision: "Godkendt.", discussion: null, vote: null, recusals: [], protocolRemarks: [] }); // ["Godkendt."]
 */
export function decisionParagraphs(record: MinutesItemRecord): string[] {
  const paragraphs = record.decision
    .split(/\n\s*\n/)
    .map((part) => part.replace(/\s+/g, " ").trim())
    .filter((part) => part !== "");
  if (record.vote) paragraphs.push(record.vote.replace(/\s+/g, " ").trim());
  for (const member of record.recusals) paragraphs.push(recusalLine(member));
  return paragraphs;
}

/**
 * One protocol remark's paragraph, after the heading "Protokolbemærkning".
 * @example protocolRemarkLine({ member: "Anna Aaen (Ø)", text: "Ø stemmer imod." }) // "Anna Aaen (Ø): Ø stemmer imod."
 */
export function protocolRemarkLine(remark: MinutesProtocolRemark): string {
  return `${remark.member}: ${remark.text.replace(/\s+/g, " ").trim()}`;
}

/**
 * The decision as published in agenda_item.beslutning: the paragraphs under "Beslutning", then each
 * protocol remark marked as such, as the minutes print them; "" when nothing is recorded.
 *
 * @example
 * publishedDecision({ decision: "Godkendt.", discussion: null, vote: null, recusals: [],
 *   protocolRemarks: [{ member: "Anna Aaen (Ø)", text: "Imod." }] });
 * // "Godkendt.\n\nProtokolbemærkning\n\nAnna Aaen (Ø): Imod."
 */
export function publishedDecision(record: MinutesItemRecord): string {
  const parts = decisionParagraphs(record);
  if (record.protocolRemarks.length > 0) {
    parts.push(PROTOCOL_REMARK_HEADING);
    for (const remark of record.protocolRemarks) parts.push(protocolRemarkLine(remark));
  }
  return parts.join("\n\n");
}

/**
 * "Anna Aaen (Ø)": a member as a remark or a recusal names them.
 * @example memberLabel({ personId: 1, name: "Anna Aaen", party: "Ø", municipality: "Aalborg" }) // "Anna Aaen (Ø)"
 */
export function memberLabel(person: RecordPerson): string {
  return person.party ? `${person.name} (${person.party})` : person.name;
}

/**
 * What the meeting made of an item, from the secretariat's record (meeting-record.ts): the one mapping
 * both the minutes PDF and the published decision are written from.
 */
export function minutesItemRecordOf(item: RecordItem): MinutesItemRecord {
  return {
    decision: item.decision?.text ?? "",
    discussion: item.decision?.discussion?.trim() || null,
    vote: item.decision?.vote ? voteLine(item.decision.vote) : null,
    recusals: item.recusals.map((recusal) => memberLabel(recusal.person)),
    protocolRemarks: item.protocolRemarks.map((remark) => ({
      member: memberLabel(remark.person),
      text: remark.text,
    })),
  };
}
