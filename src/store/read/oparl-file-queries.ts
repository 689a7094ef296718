/**
 * @module OParl's files: which files it may publish (oparlFileShown), their rows with an annex's place in
 * the imported file it was cut from, and the bytes a File's accessUrl and downloadUrl serve.
 */
import { type RawBuilder, sql } from "kysely";
import { PUBLIC_VIEWER } from "../../domain/index.js";
import { type Audit, byIds, type Db, idList } from "./oparl-common.js";
import { fileNotWithheld, originalVisible, ownPartVisible } from "./visibility.js";

export interface OparlFileRow extends Audit {
  readonly id: number;
  readonly title: string;
  readonly fileName: string;
  readonly mime: string;
  readonly byteSize: number;
  readonly sha512: string | null;
  readonly text: string;
  readonly role: string;
  /** Kind of the imported document the file comes from: "minutes", "agenda", "annex-pack", ... */
  readonly sourceKind: string | null;
  readonly meetingId: number | null;
  readonly meetingDate: string | null;
  readonly agendaItemId: number | null;
  /** Where an annex sits in the imported file it was cut from (null for an original or an upload). */
  readonly part: OparlFilePart | null;
}

/** An annex's place in its imported file: its accessUrl serves these pages or lines alone. */
export interface OparlFilePart {
  readonly sourceFileId: number;
  readonly sourceFormat: string;
  readonly sourceSha256: string;
  readonly itemNumber: string | null;
  readonly annexNumber: number | null;
  readonly pageStart: number | null;
  readonly pageEnd: number | null;
  readonly lineStart: number | null;
  readonly lineEnd: number | null;
}

/** An imported file's bytes and text, from which annexes are cut. */
export interface OparlSourceContent {
  readonly id: number;
  readonly format: string;
  readonly mime: string;
  readonly content: Uint8Array | null;
  readonly text: string;
}

export interface OparlFileContent {
  readonly fileName: string;
  readonly mime: string;
  readonly bytes: Uint8Array;
  readonly deleted: boolean;
  readonly title: string;
  /** Set for an annex cut from an imported file: the bytes above are then the whole file's. */
  readonly part: OparlFilePart | null;
}

export /**
 * True for a file (alias f) that OParl may publish: not withheld (store/read/visibility.ts), and either
 * the imported file it was cut from is not withheld either, or (an annex, whose download serves its own
 * part only) its own part is clean.
 */
const oparlFileShown = sql`(${fileNotWithheld(PUBLIC_VIEWER, "f")}
  and (${originalVisible(PUBLIC_VIEWER, "f")} or ${ownPartVisible(PUBLIC_VIEWER, "f")}))`;

type FileRowColumns = Omit<OparlFileRow, "part"> & PartColumns;
interface PartColumns {
  partSourceFileId: number | null;
  partFormat: string | null;
  partSha256: string | null;
  itemNumber: string | null;
  annexNumber: number | null;
  pageStart: number | null;
  pageEnd: number | null;
  lineStart: number | null;
  lineEnd: number | null;
}

/** Columns of an annex's place in its imported file (PartColumns), for toPart. */
const PART_COLUMNS = sql`case when f.role = 'annex' then sf.id end as "partSourceFileId",
  sf.format as "partFormat", sf.sha256 as "partSha256", f.item_number as "itemNumber",
  f.annex_number as "annexNumber", f.page_start as "pageStart", f.page_end as "pageEnd",
  f.line_start as "lineStart", f.line_end as "lineEnd"`;

function toPart(r: PartColumns): OparlFilePart | null {
  if (r.partSourceFileId === null || r.partFormat === null || r.partSha256 === null) return null;
  return {
    sourceFileId: r.partSourceFileId,
    sourceFormat: r.partFormat,
    sourceSha256: r.partSha256,
    itemNumber: r.itemNumber,
    annexNumber: r.annexNumber,
    pageStart: r.pageStart,
    pageEnd: r.pageEnd,
    lineStart: r.lineStart,
    lineEnd: r.lineEnd,
  };
}

export async function loadFilesWhere(db: Db, where: RawBuilder<unknown>): Promise<OparlFileRow[]> {
  const result = await sql<FileRowColumns>`select f.id, f.title, f.file_name as "fileName",
      coalesce(sf.mime, f.mime) as mime,
      coalesce(octet_length(sf.content), sf.byte_size, f.byte_size) as "byteSize",
      sf.sha512, case when f.role = 'original' then coalesce(sf.text, f.text) else f.text end as text, f.role, sf.kind as "sourceKind", f.meeting_id as "meetingId", m.date as "meetingDate",
      f.agenda_item_id as "agendaItemId", f.created, f.modified, f.deleted, ${PART_COLUMNS}
    from file f left join source_file sf on sf.id = f.source_file_id left join meeting m on m.id = f.meeting_id
    where ${where} and ${oparlFileShown} order by f.position, f.id`.execute(db);
  return result.rows.map((r) => ({
    id: r.id,
    title: r.title,
    fileName: r.fileName,
    mime: r.mime,
    byteSize: Number(r.byteSize),
    sha512: r.sha512,
    text: r.text,
    role: r.role,
    sourceKind: r.sourceKind,
    meetingId: r.meetingId,
    meetingDate: r.meetingDate,
    agendaItemId: r.agendaItemId,
    created: r.created,
    modified: r.modified,
    deleted: r.deleted,
    part: toPart(r),
  }));
}

/** The imported files annexes are cut from, by id (their bytes, or their text where none were kept). */
export async function oparlSourceContents(db: Db, ids: readonly number[]): Promise<OparlSourceContent[]> {
  if (ids.length === 0) return [];
  const result = await sql<OparlSourceContent>`select sf.id, sf.format, sf.mime, sf.content, sf.text
    from source_file sf where sf.id in (${idList(ids)})`.execute(db);
  return result.rows.map((r) => ({ ...r, content: r.content ? new Uint8Array(r.content) : null }));
}

/** Files by id; a withheld file (see oparlFileShown) is simply not found. */
export async function oparlFiles(db: Db, ids: readonly number[]): Promise<OparlFileRow[]> {
  if (ids.length === 0) return [];
  return byIds(await loadFilesWhere(db, sql`f.id in (${idList(ids)})`), ids);
}

/** The bytes a File's accessUrl and downloadUrl serve: the imported file as it came (or its text). */
export async function oparlFileContent(db: Db, id: number): Promise<OparlFileContent | null> {
  const result = await sql<
    {
      fileName: string;
      mime: string;
      content: Uint8Array | null;
      text: string;
      deleted: boolean;
      title: string;
    } & PartColumns
  >`select coalesce(sf.file_name, f.file_name) as "fileName", coalesce(sf.mime, f.mime) as mime,
      sf.content, coalesce(sf.text, f.text) as text, f.deleted, f.title, ${PART_COLUMNS}
    from file f left join source_file sf on sf.id = f.source_file_id
    where f.id = ${id} and ${oparlFileShown}`.execute(db);
  const row = result.rows[0];
  if (!row) return null;
  return {
    fileName: row.fileName,
    mime: row.mime,
    bytes: row.content ? new Uint8Array(row.content) : new TextEncoder().encode(row.text),
    deleted: row.deleted,
    title: row.title,
    part: toPart(row),
  };
}
