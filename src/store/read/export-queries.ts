/**
 * @module Reads for the exports (`raadsinfo export`, /organ/{id}/eksport.*): items with their decisions,
 * attendance per meeting, and persons. A closed item's content is never selected; persons only with
 * public columns (person.private_note never leaves the store).
 */
import { type Kysely, sql } from "kysely";
import { PUBLIC_VIEWER, type Viewer } from "../../domain/index.js";
import type { Database } from "../schema.js";
import { itemVisible } from "./visibility.js";

export interface ExportItemRow {
  readonly bodyId: number;
  readonly bodyName: string;
  readonly meetingId: number;
  readonly meetingDate: string;
  readonly itemId: number;
  readonly number: string;
  /** The exporting viewer may see the item's content (a member exports the body's closed items in full). */
  readonly visible: boolean;
  /** The public may see it: nothing withholds it. */
  readonly public: boolean;
  /** Null for a closed item the viewer may not see. */
  readonly title: string | null;
  readonly sectionTitle: string | null;
  readonly caseNumber: string | null;
  readonly indstilling: string | null;
  readonly beslutning: string | null;
}

export interface ExportAttendanceRow {
  readonly bodyId: number;
  readonly bodyName: string;
  readonly meetingId: number;
  readonly meetingDate: string;
  readonly personId: number;
  readonly name: string;
  readonly party: string | null;
  readonly municipality: string | null;
  readonly status: string;
  readonly substituteFor: string | null;
}

export interface ExportPersonRow {
  readonly personId: number;
  readonly name: string;
  readonly party: string | null;
  readonly municipality: string | null;
  readonly present: number;
  readonly absent: number;
}

export interface ExportBodyRow {
  readonly id: number;
  readonly name: string;
}

export interface ExportRows {
  readonly bodies: readonly ExportBodyRow[];
  readonly items: readonly ExportItemRow[];
  readonly attendance: readonly ExportAttendanceRow[];
  readonly persons: readonly ExportPersonRow[];
}

/**
 * Everything the exports hold, of one body or of all. Rows come in a stable order (body, date, item
 * position) so two exports of the same store are byte for byte the same.
 * @example const rows = await exportRows(db, { bodyId: 1 });
 */
export async function exportRows(
  db: Kysely<Database>,
  options: { readonly bodyId?: number | undefined; readonly viewer?: Viewer } = {},
): Promise<ExportRows> {
  const bodyId = options.bodyId ?? null;
  // The one visibility function decides what of an item leaves; `visible` says whether it did.
  const shown = itemVisible(options.viewer ?? PUBLIC_VIEWER, "a");
  const inBody = bodyId === null ? sql`true` : sql`b.id = ${bodyId}`;
  const [bodies, items, attendance, persons] = await Promise.all([
    sql<ExportBodyRow>`select b.id, b.name from body b where not b.deleted and ${inBody} order by b.name, b.id`.execute(
      db,
    ),
    sql<ExportItemRow>`select b.id as "bodyId", b.name as "bodyName", m.id as "meetingId", m.date as "meetingDate",
        a.id as "itemId", a.number, ${shown} as visible, a.withheld is null as public,
        case when ${shown} then a.title end as title,
        case when ${shown} then a.section_title end as "sectionTitle",
        case when ${shown} then cf.number end as "caseNumber",
        case when ${shown} then a.indstilling end as indstilling,
        case when ${shown} then a.beslutning end as beslutning
      from agenda_item a join meeting m on m.id = a.meeting_id join body b on b.id = m.body_id
      left join case_file cf on cf.id = a.case_id
      where not a.deleted and not m.deleted and not b.deleted and ${inBody}
      order by b.name, m.date, a.position, a.id`.execute(db),
    sql<ExportAttendanceRow>`select b.id as "bodyId", b.name as "bodyName", m.id as "meetingId",
        m.date as "meetingDate", p.id as "personId", p.name, p.party, p.municipality, t.status,
        t.substitute_for_name as "substituteFor"
      from attendance t join meeting m on m.id = t.meeting_id join body b on b.id = m.body_id
      join person p on p.id = t.person_id
      where not t.deleted and not m.deleted and not b.deleted and not p.deleted and ${inBody}
      order by b.name, m.date, t.status desc, p.name, p.id`.execute(db),
    sql<ExportPersonRow>`select p.id as "personId", p.name, p.party, p.municipality,
        count(*) filter (where t.status = 'present')::int as present,
        count(*) filter (where t.status = 'absent')::int as absent
      from person p join attendance t on t.person_id = p.id and not t.deleted
      join meeting m on m.id = t.meeting_id and not m.deleted join body b on b.id = m.body_id
      where not p.deleted and ${inBody}
      group by p.id, p.name, p.party, p.municipality
      order by p.name, p.id`.execute(db),
  ]);
  return {
    bodies: bodies.rows,
    items: items.rows,
    attendance: attendance.rows,
    persons: persons.rows.map((p) => ({ ...p, present: Number(p.present), absent: Number(p.absent) })),
  };
}
