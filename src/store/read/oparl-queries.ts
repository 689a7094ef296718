/**
 * @module Reads for the OParl 1.1 API: filtered, paginated id lists per object type and body, and batch
 * loads of the rows behind them. Closed items' content, files that carry it and personal data are never
 * selected here; the web mappers only choose which of the selected fields to show.
 *
 * Raw SQL (through Kysely's `sql`) keeps the "effective modified" expressions identical in the list
 * filters and in the loaded rows: OParl 1.1 §2.8 asks that changing or deleting an embedded object
 * updates `modified` of the object it is embedded in, so a meeting is as new as its newest item.
 */
import { type RawBuilder, sql } from "kysely";
import { PUBLIC_VIEWER } from "../../domain/index.js";
import { type Audit, byIds, type Db, idList } from "./oparl-common.js";
import { loadFilesWhere, type OparlFileRow, oparlFileShown } from "./oparl-file-queries.js";
import { itemVisible } from "./visibility.js";

/** The four OParl list filters (§2.5 "Filter"), already parsed. */
export interface OparlFilter {
  readonly createdSince?: Date | undefined;
  readonly createdUntil?: Date | undefined;
  readonly modifiedSince?: Date | undefined;
  readonly modifiedUntil?: Date | undefined;
}

export interface OparlPageRequest {
  readonly offset: number;
  readonly limit: number;
}

export interface OparlIdPage {
  readonly total: number;
  readonly ids: readonly number[];
}

export type OparlListKind =
  | "body"
  | "organization"
  | "person"
  | "membership"
  | "meeting"
  | "agendaItem"
  | "paper"
  | "consultation"
  | "file"
  | "legislativeTerm"
  | "location";

/** Which objects a list holds: all bodies of the system, or the objects of one body or organization. */
export type OparlScope =
  | { readonly kind: "system" }
  | { readonly kind: "body"; readonly id: number }
  | { readonly kind: "organization"; readonly id: number };

export interface OparlLegislativeTermRow extends Audit {
  readonly id: number;
  readonly bodyId: number;
  readonly name: string;
  readonly startDate: string | null;
  readonly endDate: string | null;
}

export interface OparlBodyRow extends Audit {
  readonly id: number;
  readonly name: string;
  readonly shortName: string | null;
  readonly website: string | null;
  readonly classification: string;
  readonly legislativeTerms: readonly OparlLegislativeTermRow[];
}

export interface OparlOrganizationRow extends Audit {
  readonly id: number;
  readonly bodyId: number;
  readonly name: string;
  readonly classification: string;
  readonly membershipIds: readonly number[];
}

export interface OparlMembershipRow extends Audit {
  readonly id: number;
  readonly personId: number;
  readonly organizationId: number;
  readonly role: string;
  readonly startDate: string | null;
  readonly endDate: string | null;
}

export interface OparlPersonRow extends Audit {
  readonly id: number;
  readonly name: string;
  readonly bodyId: number | null;
  readonly memberships: readonly OparlMembershipRow[];
}

export interface OparlAgendaItemRow extends Audit {
  readonly id: number;
  readonly meetingId: number;
  readonly number: string;
  readonly position: number;
  readonly title: string;
  readonly public: boolean;
  readonly caseId: number | null;
  readonly decision: string | null;
  readonly files: readonly OparlFileRow[];
}

export interface OparlMeetingRow extends Audit {
  readonly id: number;
  readonly bodyId: number;
  readonly organizationId: number | null;
  readonly name: string;
  readonly date: string;
  readonly startTime: string | null;
  readonly endTime: string | null;
  readonly location: string | null;
  readonly state: string;
  readonly participantIds: readonly number[];
  readonly items: readonly OparlAgendaItemRow[];
  /** Public files of the meeting that belong to no item: the originals and unassigned annexes. */
  readonly files: readonly OparlFileRow[];
}

export interface OparlConsultationRow extends Audit {
  /** The agenda item's id: one consultation per public item that treats a case. */
  readonly id: number;
  readonly paperId: number;
  readonly agendaItemId: number;
  readonly meetingId: number;
  readonly organizationId: number | null;
  readonly decided: boolean;
}

export interface OparlPaperRow extends Audit {
  readonly id: number;
  readonly bodyId: number | null;
  readonly reference: string;
  readonly title: string | null;
  /**
   * Title of the one public item that treats the case, the paper's name when the case has no title. A
   * case number shared by many items (a meeting-wide number, as in seed 004) names itself instead.
   */
  readonly firstItemTitle: string | null;
  readonly date: string | null;
  readonly consultations: readonly OparlConsultationRow[];
  /** Public files of the case's public items. */
  readonly files: readonly OparlFileRow[];
}

export interface OparlLocationRow extends Audit {
  /** The meeting's id: a location here is the place of one meeting. */
  readonly id: number;
  readonly bodyId: number;
  readonly description: string;
}

// ---- shared SQL fragments ---------------------------------------------------------------------------

/** An item's content is published (OParl is the public's: no viewer signs in to it). */
const itemShown = itemVisible(PUBLIC_VIEWER, "a");

const meetingModified = sql`greatest(m.modified,
  (select max(a.modified) from agenda_item a where a.meeting_id = m.id),
  (select max(f.modified) from file f where f.meeting_id = m.id),
  (select max(t.modified) from attendance t where t.meeting_id = m.id))`;
const itemModified = sql`greatest(a.modified, (select max(f.modified) from file f where f.agenda_item_id = a.id))`;
const personModified = sql`greatest(p.modified, (select max(ms.modified) from membership ms where ms.person_id = p.id))`;
const organizationModified = sql`greatest(o.modified,
  (select max(ms.modified) from membership ms where ms.organization_id = o.id))`;
const bodyModified = sql`greatest(b.modified, (select max(lt.modified) from legislative_term lt where lt.body_id = b.id))`;
const paperModified = sql`greatest(cf.modified,
  (select max(a.modified) from agenda_item a where a.case_id = cf.id and ${itemShown}))`;
/** A case is gone when it is deleted or no public item treats it any more. */
const paperDeleted = sql`(cf.deleted or not exists (select 1 from agenda_item a where a.case_id = cf.id and ${itemShown} and not a.deleted))`;

/** Candidates of a list: id, created, effective modified and deleted of every object in scope. */
function candidates(kind: OparlListKind, scope: OparlScope): RawBuilder<unknown> {
  const bodyId = scope.kind === "body" ? scope.id : null;
  const orgId = scope.kind === "organization" ? scope.id : null;
  switch (kind) {
    case "body":
      return sql`select b.id, b.created, ${bodyModified} as modified, b.deleted from body b`;
    case "organization":
      return sql`select o.id, o.created, ${organizationModified} as modified, o.deleted
        from organization o where o.body_id = ${bodyId}`;
    case "person":
      return sql`select p.id, p.created, ${personModified} as modified, p.deleted from person p
        where p.id in (
          select ms.person_id from membership ms join organization o on o.id = ms.organization_id
          where o.body_id = ${bodyId}
          union
          select t.person_id from attendance t join meeting m on m.id = t.meeting_id where m.body_id = ${bodyId})`;
    case "membership":
      return sql`select ms.id, ms.created, ms.modified, ms.deleted
        from membership ms join organization o on o.id = ms.organization_id where o.body_id = ${bodyId}`;
    case "meeting":
      return orgId !== null
        ? sql`select m.id, m.created, ${meetingModified} as modified, m.deleted
            from meeting m where m.organization_id = ${orgId}`
        : sql`select m.id, m.created, ${meetingModified} as modified, m.deleted
            from meeting m where m.body_id = ${bodyId}`;
    case "agendaItem":
      return sql`select a.id, a.created, ${itemModified} as modified, a.deleted
        from agenda_item a join meeting m on m.id = a.meeting_id where m.body_id = ${bodyId}`;
    case "consultation":
      return sql`select a.id, a.created, a.modified, a.deleted
        from agenda_item a join meeting m on m.id = a.meeting_id
        where a.case_id is not null and ${itemShown}
          and ${orgId !== null ? sql`m.organization_id = ${orgId}` : sql`m.body_id = ${bodyId}`}`;
    case "paper":
      return sql`select cf.id, cf.created, ${paperModified} as modified, ${paperDeleted} as deleted
        from case_file cf where exists (
          select 1 from agenda_item a join meeting m on m.id = a.meeting_id
          where a.case_id = cf.id and ${itemShown} and m.body_id = ${bodyId})`;
    case "file":
      return sql`select f.id, f.created, f.modified, f.deleted
        from file f left join meeting m on m.id = f.meeting_id
        left join source_file sf on sf.id = f.source_file_id
        where (m.body_id = ${bodyId}
            or (f.meeting_id is null and sf.body_name = (select b.name from body b where b.id = ${bodyId})))
          and ${oparlFileShown}`;
    case "legislativeTerm":
      return sql`select lt.id, lt.created, lt.modified, lt.deleted
        from legislative_term lt where lt.body_id = ${bodyId}`;
    case "location":
      return sql`select m.id, m.created, m.modified, m.deleted
        from meeting m where m.body_id = ${bodyId} and m.location is not null`;
  }
}

/**
 * One page of ids of a list, in id order (OParl 1.1 §2.5 asks for a stable order). Deleted objects are
 * included only when `modifiedSince` is given, as the README of the shared schemas and §2.8 require.
 * @example const { total, ids } = await oparlListIds(db, "meeting", { kind: "body", id: 1 }, {}, { offset: 0, limit: 50 });
 */
export async function oparlListIds(
  db: Db,
  kind: OparlListKind,
  scope: OparlScope,
  filter: OparlFilter,
  page: OparlPageRequest,
): Promise<OparlIdPage> {
  const conditions: RawBuilder<unknown>[] = [sql`true`];
  if (filter.createdSince) conditions.push(sql`c.created >= ${filter.createdSince}`);
  if (filter.createdUntil) conditions.push(sql`c.created <= ${filter.createdUntil}`);
  if (filter.modifiedSince) conditions.push(sql`c.modified >= ${filter.modifiedSince}`);
  else conditions.push(sql`not c.deleted`);
  if (filter.modifiedUntil) conditions.push(sql`c.modified <= ${filter.modifiedUntil}`);
  const where = sql.join(conditions, sql` and `);
  const from = candidates(kind, scope);
  const [count, rows] = await Promise.all([
    sql<{ n: number }>`select count(*)::int as n from (${from}) c where ${where}`.execute(db),
    sql<{ id: number }>`select c.id from (${from}) c where ${where}
      order by c.id limit ${page.limit} offset ${page.offset}`.execute(db),
  ]);
  return { total: Number(count.rows[0]?.n ?? 0), ids: rows.rows.map((r) => r.id) };
}

/** True when a body with this id exists (deleted or not): list URLs under it answer. */
export async function oparlBodyExists(db: Db, id: number): Promise<boolean> {
  const row = await db.selectFrom("body").select("id").where("id", "=", id).executeTakeFirst();
  return row !== undefined;
}

export async function oparlOrganizationExists(db: Db, id: number): Promise<boolean> {
  const row = await db.selectFrom("organization").select("id").where("id", "=", id).executeTakeFirst();
  return row !== undefined;
}

// ---- loads ------------------------------------------------------------------------------------------

function groupBy<T, K>(rows: readonly T[], key: (row: T) => K): Map<K, T[]> {
  const map = new Map<K, T[]>();
  for (const row of rows) {
    const k = key(row);
    const list = map.get(k);
    if (list) list.push(row);
    else map.set(k, [row]);
  }
  return map;
}

async function loadLegislativeTermsWhere(
  db: Db,
  where: RawBuilder<unknown>,
): Promise<OparlLegislativeTermRow[]> {
  const result = await sql<OparlLegislativeTermRow>`select lt.id, lt.body_id as "bodyId", lt.name,
      lt.start_date as "startDate", lt.end_date as "endDate", lt.created, lt.modified, lt.deleted
    from legislative_term lt where ${where} order by lt.id`.execute(db);
  return result.rows;
}

export async function oparlLegislativeTerms(
  db: Db,
  ids: readonly number[],
): Promise<OparlLegislativeTermRow[]> {
  if (ids.length === 0) return [];
  return byIds(await loadLegislativeTermsWhere(db, sql`lt.id in (${idList(ids)})`), ids);
}

export async function oparlBodies(db: Db, ids: readonly number[]): Promise<OparlBodyRow[]> {
  if (ids.length === 0) return [];
  const result = await sql<Omit<OparlBodyRow, "legislativeTerms">>`select b.id, b.name,
      b.short_name as "shortName", b.website, b.classification, b.created, ${bodyModified} as modified, b.deleted
    from body b where b.id in (${idList(ids)})`.execute(db);
  const terms = groupBy(
    await loadLegislativeTermsWhere(db, sql`lt.body_id in (${idList(ids)}) and not lt.deleted`),
    (t) => t.bodyId,
  );
  return byIds(
    result.rows.map((b) => ({ ...b, legislativeTerms: terms.get(b.id) ?? [] })),
    ids,
  );
}

export async function oparlOrganizations(db: Db, ids: readonly number[]): Promise<OparlOrganizationRow[]> {
  if (ids.length === 0) return [];
  const result = await sql<Omit<OparlOrganizationRow, "membershipIds">>`select o.id, o.body_id as "bodyId",
      o.name, o.classification, o.created, ${organizationModified} as modified, o.deleted
    from organization o where o.id in (${idList(ids)})`.execute(db);
  const memberships = await sql<{ id: number; organizationId: number }>`select ms.id,
      ms.organization_id as "organizationId"
    from membership ms where ms.organization_id in (${idList(ids)}) and not ms.deleted order by ms.id`.execute(
    db,
  );
  const byOrg = groupBy(memberships.rows, (m) => m.organizationId);
  return byIds(
    result.rows.map((o) => ({ ...o, membershipIds: (byOrg.get(o.id) ?? []).map((m) => m.id) })),
    ids,
  );
}

async function loadMembershipsWhere(db: Db, where: RawBuilder<unknown>): Promise<OparlMembershipRow[]> {
  const result = await sql<OparlMembershipRow>`select ms.id, ms.person_id as "personId",
      ms.organization_id as "organizationId", ms.role, ms.start_date as "startDate", ms.end_date as "endDate",
      ms.created, ms.modified, ms.deleted
    from membership ms where ${where} order by ms.id`.execute(db);
  return result.rows;
}

export async function oparlMemberships(db: Db, ids: readonly number[]): Promise<OparlMembershipRow[]> {
  if (ids.length === 0) return [];
  return byIds(await loadMembershipsWhere(db, sql`ms.id in (${idList(ids)})`), ids);
}

/** Persons by id. Only public columns are selected: person.private_note never leaves the store. */
export async function oparlPersons(db: Db, ids: readonly number[]): Promise<OparlPersonRow[]> {
  if (ids.length === 0) return [];
  const result = await sql<Omit<OparlPersonRow, "memberships">>`select p.id, p.name,
      coalesce(
        (select min(o.body_id) from membership ms join organization o on o.id = ms.organization_id
          where ms.person_id = p.id),
        (select min(m.body_id) from attendance t join meeting m on m.id = t.meeting_id where t.person_id = p.id)
      ) as "bodyId",
      p.created, ${personModified} as modified, p.deleted
    from person p where p.id in (${idList(ids)})`.execute(db);
  const memberships = groupBy(
    await loadMembershipsWhere(db, sql`ms.person_id in (${idList(ids)}) and not ms.deleted`),
    (m) => m.personId,
  );
  return byIds(
    result.rows.map((p) => ({ ...p, memberships: memberships.get(p.id) ?? [] })),
    ids,
  );
}
async function loadItemsWhere(db: Db, where: RawBuilder<unknown>): Promise<OparlAgendaItemRow[]> {
  const result = await sql<Omit<OparlAgendaItemRow, "files">>`select a.id, a.meeting_id as "meetingId",
      a.number, a.position, a.title, ${itemShown} as public, a.case_id as "caseId", a.beslutning as decision,
      a.created, ${itemModified} as modified, a.deleted
    from agenda_item a where ${where} order by a.meeting_id, a.position, a.id`.execute(db);
  const ids = result.rows.filter((r) => r.public).map((r) => r.id);
  const files =
    ids.length === 0
      ? new Map<number | null, OparlFileRow[]>()
      : groupBy(
          await loadFilesWhere(db, sql`f.agenda_item_id in (${idList(ids)}) and not f.deleted`),
          (f) => f.agendaItemId,
        );
  return result.rows.map((r) => ({ ...r, files: r.public ? (files.get(r.id) ?? []) : [] }));
}

export async function oparlAgendaItems(db: Db, ids: readonly number[]): Promise<OparlAgendaItemRow[]> {
  if (ids.length === 0) return [];
  return byIds(await loadItemsWhere(db, sql`a.id in (${idList(ids)})`), ids);
}

export async function oparlMeetings(db: Db, ids: readonly number[]): Promise<OparlMeetingRow[]> {
  if (ids.length === 0) return [];
  const list = idList(ids);
  const result = await sql<Omit<OparlMeetingRow, "participantIds" | "items" | "files">>`select m.id,
      m.body_id as "bodyId", m.organization_id as "organizationId", m.name, m.date, m.start_time as "startTime",
      m.end_time as "endTime", m.location, m.state, m.created,
      ${meetingModified} as modified, m.deleted
    from meeting m where m.id in (${list})`.execute(db);
  const [participants, items, files] = await Promise.all([
    sql<{ meetingId: number; personId: number }>`select t.meeting_id as "meetingId", t.person_id as "personId"
      from attendance t where t.meeting_id in (${list}) and t.status = 'present' and not t.deleted
      order by t.id`.execute(db),
    loadItemsWhere(db, sql`a.meeting_id in (${list}) and not a.deleted`),
    // Every file of the meeting, its items' annexes too: clients that reach files only through meetings
    // (written for OParl 1.0) find them all here.
    loadFilesWhere(db, sql`f.meeting_id in (${list}) and not f.deleted`),
  ]);
  const participantsBy = groupBy(participants.rows, (p) => p.meetingId);
  const itemsBy = groupBy(items, (i) => i.meetingId);
  const filesBy = groupBy(files, (f) => f.meetingId);
  return byIds(
    result.rows.map((m) => ({
      ...m,
      participantIds: (participantsBy.get(m.id) ?? []).map((p) => p.personId),
      items: itemsBy.get(m.id) ?? [],
      files: filesBy.get(m.id) ?? [],
    })),
    ids,
  );
}

async function loadConsultationsWhere(db: Db, where: RawBuilder<unknown>): Promise<OparlConsultationRow[]> {
  const result = await sql<OparlConsultationRow>`select a.id, a.case_id as "paperId", a.id as "agendaItemId",
      a.meeting_id as "meetingId", m.organization_id as "organizationId",
      (a.beslutning is not null) as decided, a.created, a.modified, a.deleted
    from agenda_item a join meeting m on m.id = a.meeting_id
    where a.case_id is not null and ${itemShown} and ${where} order by m.date, a.position, a.id`.execute(db);
  return result.rows;
}

/** Consultations by id (the item's id); a closed item has none. */
export async function oparlConsultations(db: Db, ids: readonly number[]): Promise<OparlConsultationRow[]> {
  if (ids.length === 0) return [];
  return byIds(await loadConsultationsWhere(db, sql`a.id in (${idList(ids)})`), ids);
}

/** Papers (cases) by id; a case that only closed items treat is not found. */
export async function oparlPapers(db: Db, ids: readonly number[]): Promise<OparlPaperRow[]> {
  if (ids.length === 0) return [];
  const list = idList(ids);
  const result = await sql<
    Omit<OparlPaperRow, "consultations">
  >`select cf.id, cf.number as reference, cf.title,
      case when (select count(*) from agenda_item a where a.case_id = cf.id and ${itemShown} and not a.deleted) = 1
        then (select a.title from agenda_item a where a.case_id = cf.id and ${itemShown} and not a.deleted)
      end as "firstItemTitle",
      (select min(m.body_id) from agenda_item a join meeting m on m.id = a.meeting_id
        where a.case_id = cf.id and ${itemShown}) as "bodyId",
      (select min(m.date) from agenda_item a join meeting m on m.id = a.meeting_id
        where a.case_id = cf.id and ${itemShown} and not a.deleted) as date,
      cf.created, ${paperModified} as modified, ${paperDeleted} as deleted
    from case_file cf
    where cf.id in (${list}) and exists (select 1 from agenda_item a where a.case_id = cf.id and ${itemShown})`.execute(
    db,
  );
  const [consultationRows, itemCases] = await Promise.all([
    loadConsultationsWhere(db, sql`a.case_id in (${list}) and not a.deleted`),
    sql<{ id: number; caseId: number }>`select a.id, a.case_id as "caseId" from agenda_item a
      where a.case_id in (${list}) and ${itemShown} and not a.deleted`.execute(db),
  ]);
  const consultations = groupBy(consultationRows, (c) => c.paperId);
  const caseOfItem = new Map(itemCases.rows.map((r) => [r.id, r.caseId]));
  const itemIds = [...caseOfItem.keys()];
  const files =
    itemIds.length === 0
      ? new Map<number | null, OparlFileRow[]>()
      : groupBy(
          await loadFilesWhere(db, sql`f.agenda_item_id in (${idList(itemIds)}) and not f.deleted`),
          (f) => (f.agendaItemId === null ? null : (caseOfItem.get(f.agendaItemId) ?? null)),
        );
  return byIds(
    result.rows.map((p) => ({
      ...p,
      consultations: consultations.get(p.id) ?? [],
      files: files.get(p.id) ?? [],
    })),
    ids,
  );
}

export async function oparlLocations(db: Db, ids: readonly number[]): Promise<OparlLocationRow[]> {
  if (ids.length === 0) return [];
  const result = await sql<OparlLocationRow>`select m.id, m.body_id as "bodyId", m.location as description,
      m.created, m.modified, m.deleted
    from meeting m where m.id in (${idList(ids)}) and m.location is not null`.execute(db);
  return byIds(result.rows, ids);
}

/** Dates of the System object, which has no row: as old as the first body, as new as the newest change. */
export async function oparlSystemDates(db: Db): Promise<{ created: Date; modified: Date } | null> {
  const result = await sql<{ created: Date | null; modified: Date | null }>`select min(b.created) as created,
      max(${bodyModified}) as modified from body b`.execute(db);
  const row = result.rows[0];
  return row?.created && row.modified ? { created: row.created, modified: row.modified } : null;
}
