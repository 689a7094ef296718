/**
 * @module The export as plain data: items with decisions, attendance and persons, built field by field from
 * the store's rows. A closed item is listed as "Lukket punkt" with nothing of its content.
 */
import type { ExportRows } from "../store/index.js";

export const CLOSED_ITEM_TITLE = "Lukket punkt";

export interface ExportDocument {
  readonly generated: string;
  readonly bodies: readonly { readonly id: number; readonly name: string }[];
  readonly items: readonly {
    readonly body: string;
    readonly meetingId: number;
    readonly meetingDate: string;
    readonly itemId: number;
    readonly number: string;
    readonly title: string;
    readonly public: boolean;
    readonly section: string | null;
    readonly caseNumber: string | null;
    readonly indstilling: string | null;
    readonly beslutning: string | null;
  }[];
  readonly attendance: readonly {
    readonly body: string;
    readonly meetingId: number;
    readonly meetingDate: string;
    readonly personId: number;
    readonly name: string;
    readonly party: string | null;
    readonly municipality: string | null;
    readonly status: string;
    readonly substituteFor: string | null;
  }[];
  readonly persons: readonly {
    readonly personId: number;
    readonly name: string;
    readonly party: string | null;
    readonly municipality: string | null;
    readonly meetingsAttended: number;
    readonly meetingsMissed: number;
  }[];
}

export function buildExportDocument(rows: ExportRows, generated: Date): ExportDocument {
  return {
    generated: generated.toISOString(),
    bodies: rows.bodies.map((b) => ({ id: b.id, name: b.name })),
    items: rows.items.map((i) => ({
      body: i.bodyName,
      meetingId: i.meetingId,
      meetingDate: i.meetingDate,
      itemId: i.itemId,
      number: i.number,
      // `visible`: the exporting viewer may see it (a member exports the body's closed items in full);
      // `public`: the public may, which a member's export still says of each row.
      title: i.visible ? (i.title ?? "") : CLOSED_ITEM_TITLE,
      public: i.public,
      section: i.visible ? i.sectionTitle : null,
      caseNumber: i.visible ? i.caseNumber : null,
      indstilling: i.visible ? i.indstilling : null,
      beslutning: i.visible ? i.beslutning : null,
    })),
    attendance: rows.attendance.map((a) => ({
      body: a.bodyName,
      meetingId: a.meetingId,
      meetingDate: a.meetingDate,
      personId: a.personId,
      name: a.name,
      party: a.party,
      municipality: a.municipality,
      status: a.status,
      substituteFor: a.substituteFor,
    })),
    persons: rows.persons.map((p) => ({
      personId: p.personId,
      name: p.name,
      party: p.party,
      municipality: p.municipality,
      meetingsAttended: p.present,
      meetingsMissed: p.absent,
    })),
  };
}
