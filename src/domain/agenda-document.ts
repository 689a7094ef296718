/**
 * @module The input of the documents Rådsinfo writes: an agenda (`AgendaDocument`) and an annex pack
 * (`AnnexPackInput`). Plain readonly data, no database: authoring builds them from the store, the renderers
 * in `authoring/render` turn them into PDF bytes, and ingest reads those bytes back.
 */

/**
 * Which reader an agenda is for. Public: closed items show only their number and "Lukket punkt".
 * @example AGENDA_EDITIONS.includes("internal") // true
 */
export const AGENDA_EDITIONS = ["public", "internal"] as const;
export type AgendaEdition = (typeof AGENDA_EDITIONS)[number];

/**
 * @example isAgendaEdition("public") // true
 */
export function isAgendaEdition(value: unknown): value is AgendaEdition {
  return typeof value === "string" && (AGENDA_EDITIONS as readonly string[]).includes(value);
}

/** A participant or an absence on the front page. */
export interface AgendaParticipant {
  readonly name: string;
  /** Municipality without "Kommune": "Aalborg". */
  readonly municipality: string | null;
  /** Party letter as written: "A", "V", "Ø". */
  readonly party: string | null;
}

/** One annex of an item, as the agenda lists it ("Bilag 1: ..."). */
export interface AgendaAnnexRef {
  /** 1-based within the item. */
  readonly annexNumber: number;
  readonly title: string;
}

/**
 * The headed fields of an item, each as rich text source (see rich-text.ts); an absent or blank field is
 * not printed. Keys are ParsedDocument's field keys, so what the parser reads back compares key by key.
 */
export interface AgendaItemFields {
  readonly resume?: string;
  readonly baggrund?: string;
  readonly indstilling?: string;
  readonly sagsfremstilling?: string;
}

/**
 * The order the fields are printed in, with their Danish headings.
 * @example AGENDA_FIELD_HEADINGS.map((f) => f.heading) // ["Resume", "Baggrund", "Indstilling", "Sagsfremstilling"]
 */
export const AGENDA_FIELD_HEADINGS: readonly {
  readonly key: keyof AgendaItemFields;
  readonly heading: string;
}[] = [
  { key: "resume", heading: "Resume" },
  { key: "baggrund", heading: "Baggrund" },
  { key: "indstilling", heading: "Indstilling" },
  { key: "sagsfremstilling", heading: "Sagsfremstilling" },
];

export interface AgendaItemDocument {
  /** "2.3" */
  readonly number: string;
  readonly title: string;
  /** Lukket punkt: in the public edition only number and "Lukket punkt" are printed. */
  readonly closed: boolean;
  /** "SAG-2024-03326" or null. */
  readonly caseNumber: string | null;
  /** Case officer initials: ["hlth"]. */
  readonly caseInitials: readonly string[];
  readonly fields: AgendaItemFields;
  /** The item's annexes in order. */
  readonly annexes: readonly AgendaAnnexRef[];
}

export interface AgendaSectionDocument {
  /** "2" */
  readonly number: string;
  /** "Regionalpolitiske sager" */
  readonly title: string;
  readonly items: readonly AgendaItemDocument[];
}

export interface AgendaMeetingInfo {
  /** ISO date, "2024-09-20". */
  readonly date: string;
  /** "HH:MM" */
  readonly startTime: string | null;
  readonly endTime: string | null;
  readonly location: string | null;
}

/**
 * Everything the agenda PDF shows.
 *
 * @example
 * const agenda: AgendaDocument = {
 *   body: "KKR Nordjylland",
 *   meeting: { date: "2024-09-20", startTime: "10:00", endTime: "12:00", location: "Aalborg Rådhus" },
 *   participants: [{ name: "Mogens Gade", municipality: "Jammerbugt", party: "V" }],
 *   absences: [],
 *   edition: "public",
 *   version: 1,
 *   changeNote: null,
 *   sections: [{ number: "1", title: "Godkendelse", items: [{ number: "1.1", title: "Godkendelse af dagsorden",
 *     closed: false, caseNumber: null, caseInitials: [], fields: { indstilling: "Det indstilles, at ..." },
 *     annexes: [] }] }],
 * };
 */
export interface AgendaDocument {
  /** "KKR Nordjylland" */
  readonly body: string;
  readonly meeting: AgendaMeetingInfo;
  readonly participants: readonly AgendaParticipant[];
  readonly absences: readonly AgendaParticipant[];
  readonly edition: AgendaEdition;
  /** 1 for the agenda as first sent; each change after sending adds one. */
  readonly version: number;
  /** For version > 1: what changed, printed under "Tillæg til dagsorden". Null when none. */
  readonly changeNote: string | null;
  readonly sections: readonly AgendaSectionDocument[];
}

/** One annex of a pack: where it belongs and its PDF bytes. */
export interface AnnexPackEntry {
  /** "2.3" */
  readonly itemNumber: string;
  /**
   * The item's title, for the pack's contents page ("2.3 Status fra KlimaNord"); without it the contents
   * page says "2.3 Punkt 2.3". Leave it out for a closed item in a pack that may go to the public.
   */
  readonly itemTitle?: string;
  /** 1-based within the item. */
  readonly annexNumber: number;
  readonly title: string;
  /** The annex as PDF (a DOCX is converted first, see authoring/render/docx-to-pdf.ts). */
  readonly pdf: Uint8Array;
}

/**
 * Everything the annex pack PDF is built from; annexes in agenda order.
 *
 * @example
 * const pack: AnnexPackInput = {
 *   body: "KKR Nordjylland",
 *   meetingDate: "2024-09-20",
 *   annexes: [{ itemNumber: "2.3", itemTitle: "Biokul", annexNumber: 1, title: "Notat om biokul", pdf: bytes }],
 * };
 */
export interface AnnexPackInput {
  readonly body: string;
  /** ISO date. */
  readonly meetingDate: string;
  readonly annexes: readonly AnnexPackEntry[];
}
