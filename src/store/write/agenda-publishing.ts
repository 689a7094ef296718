/**
 * @module Publishing a meeting's agenda (issue 13): the secretariat's working copy is written into the
 * tables the importer fills (agenda_item with source 'authored', case_file, source_file, file, file_page),
 * which every public surface reads, and a version is recorded. A closed item is withheld as 'closed-item'
 * with its annexes, a page with a CPR number as 'cpr-number' (sticky, as import marks them); an item or
 * annex taken off the agenda is marked deleted. Runs inside the sender's transaction.
 */
import { createHash } from "node:crypto";
import { type Kysely, type Selectable, sql } from "kysely";
// domain/index.ts re-exports no CPR rule; ingest and authoring import it the same way.
import { findCprNumbers } from "../../domain/cpr-number.js";
import type { AgendaSnapshot, MeetingState, WithholdingReason } from "../../domain/index.js";
import type { AgendaDraft } from "../read/agenda-draft-queries.js";
import type { AuthoredAnnexTable, Database } from "../schema.js";
import { collectWords, municipalitiesIn } from "../search-text.js";
import { queueSearchWords } from "../search-words.js";
import { settleWithholding } from "./withholding.js";

type Db = Kysely<Database>;

/** The published agenda: the snapshot a version keeps, and the rows written. */
export interface PublishedAgenda {
  readonly snapshot: AgendaSnapshot;
  readonly itemIds: readonly number[];
  readonly fileIds: readonly number[];
}

/**
 * Writes the working copy of `meetingId` into the public record and sets the meeting's state.
 * @example await publishAgenda(tx, { meetingId: 7, state: "agenda-published", now });
 */
export async function publishAgenda(
  db: Db,
  props: { readonly meetingId: number; readonly state: MeetingState; readonly now: Date },
): Promise<PublishedAgenda> {
  const { meetingId, now } = props;
  // The trigger of migration 0015 keeps authored items against every other writer.
  await sql`select set_config('raadsinfo.authoring', 'on', true)`.execute(db);
  const meeting = await db
    .selectFrom("meeting")
    .innerJoin("body", "body.id", "meeting.body_id")
    .select(["meeting.id", "body.name as bodyName"])
    .where("meeting.id", "=", meetingId)
    .executeTakeFirstOrThrow();
  const items = await db
    .selectFrom("authored_item")
    .innerJoin("agenda_section", "agenda_section.id", "authored_item.section_id")
    .selectAll("authored_item")
    .select(["agenda_section.position as sectionPosition", "agenda_section.title as sectionTitle"])
    .where("authored_item.meeting_id", "=", meetingId)
    .orderBy("agenda_section.position")
    .orderBy("authored_item.position")
    .execute();
  const live = items.filter((i) => !i.deleted);
  const annexes =
    items.length === 0
      ? []
      : await db
          .selectFrom("authored_annex")
          .selectAll()
          .where(
            "authored_item_id",
            "in",
            items.map((i) => i.id),
          )
          .orderBy("position")
          .execute();
  const published = await db
    .selectFrom("agenda_item")
    .select(["id", "number", "withheld"])
    .where("meeting_id", "=", meetingId)
    .where("source", "=", "authored")
    .execute();
  const withheldOf = new Map(published.map((p) => [p.id, p.withheld]));
  // Numbers are unique per meeting: park the authored rows' numbers while they are dealt out anew.
  await sql`update agenda_item set number = '~' || id
    where meeting_id = ${meetingId} and source = 'authored'`.execute(db);

  const sectionNumber = new Map<number, string>();
  for (const i of live) {
    if (!sectionNumber.has(i.section_id)) sectionNumber.set(i.section_id, i.number.split(".")[0] ?? "");
  }
  const itemIds: number[] = [];
  const words = new Set<string>();
  const snapshot: AgendaSnapshot["items"][number][] = [];
  for (const [position, item] of live.entries()) {
    const own = annexes.filter((a) => a.authored_item_id === item.id && !a.deleted);
    const caseId = item.case_number ? await upsertCase(db, item.case_number, item.initials, now) : null;
    // The privacy gate on what the secretariat wrote, as import applies it to an item's lines.
    const texts = [
      item.title,
      item.resume,
      item.baggrund,
      item.indstilling,
      item.sagsforloeb,
      item.sagsfremstilling,
    ];
    const cpr = texts.some((t) => t !== null && findCprNumbers(t).length > 0);
    const closed: WithholdingReason | null = !item.public ? "closed-item" : cpr ? "cpr-number" : null;
    const values = {
      number: item.number,
      position,
      section_number: sectionNumber.get(item.section_id) ?? null,
      section_title: item.sectionTitle,
      title: item.title,
      public: item.public,
      case_id: caseId,
      resume: item.resume,
      baggrund: item.baggrund,
      indstilling: item.indstilling,
      sagsforloeb: item.sagsforloeb,
      sagsfremstilling: item.sagsfremstilling,
      annex_markers: own.length,
      // The search facet and the "Mente du" list, as import fills them (search-text.ts).
      search_municipalities: municipalitiesIn(...texts),
      modified: now,
      deleted: false,
    };
    if (closed === null) for (const text of texts) collectWords(text, words);
    let id = item.published_item_id;
    if (id !== null && withheldOf.has(id)) {
      // Sticky: an item once withheld stays so until released.
      await db
        .updateTable("agenda_item")
        .set({ ...values, withheld: withheldOf.get(id) ?? closed })
        .where("id", "=", id)
        .execute();
    } else {
      const row = await db
        .insertInto("agenda_item")
        .values({
          ...values,
          meeting_id: meetingId,
          beslutning: null,
          notes: null,
          withheld: closed,
          source: "authored",
          source_file_id: null,
          page: null,
          line_start: null,
          line_end: null,
        })
        .returning("id")
        .executeTakeFirstOrThrow();
      id = row.id;
      await db
        .updateTable("authored_item")
        .set({ published_item_id: id })
        .where("id", "=", item.id)
        .execute();
    }
    itemIds.push(id);
    snapshot.push({
      id: item.id,
      number: item.number,
      title: item.title,
      public: item.public,
      digest: digest([
        item.case_number,
        item.initials,
        item.resume,
        item.baggrund,
        item.indstilling,
        item.sagsforloeb,
        item.sagsfremstilling,
        own.map((a) => [a.title, a.sha256, a.position]),
      ]),
    });
  }
  // Taken off the agenda: deleted, under its old number when no live item has taken it.
  const liveNumbers = new Set(live.map((i) => i.number));
  for (const gone of items.filter((i) => i.deleted && i.published_item_id !== null)) {
    const old = published.find((p) => p.id === gone.published_item_id)?.number ?? gone.number;
    await db
      .updateTable("agenda_item")
      .set({
        deleted: true,
        modified: now,
        number: liveNumbers.has(old) ? `${old}~${gone.published_item_id}` : old,
      })
      .where("id", "=", gone.published_item_id as number)
      .execute();
  }

  const fileIds: number[] = [];
  const itemIdOf = new Map(live.map((i, n) => [i.id, itemIds[n] as number]));
  for (const annex of annexes) {
    const item = live.find((i) => i.id === annex.authored_item_id);
    if (annex.deleted || !item) {
      if (annex.published_file_id !== null) {
        await db
          .updateTable("file")
          .set({ deleted: true, modified: now })
          .where("id", "=", annex.published_file_id)
          .execute();
      }
      continue;
    }
    if (item.public) {
      for (const page of annex.pages)
        if (!annex.cpr_pages.includes(page.page)) collectWords(page.text, words);
    }
    const fileId = await publishAnnex(db, {
      annex,
      meetingId,
      bodyName: meeting.bodyName,
      agendaItemId: itemIdOf.get(item.id) ?? null,
      itemNumber: item.number,
      closed: !item.public,
      now,
    });
    fileIds.push(fileId);
  }
  await db
    .updateTable("meeting")
    .set({ state: props.state, modified: now })
    .where("id", "=", meetingId)
    .execute();
  await settleWithholding(db, { meetingIds: [meetingId], sourceFileIds: [] });
  await queueSearchWords(db, words);
  return { snapshot: { items: snapshot }, itemIds, fileIds };
}

function digest(value: unknown): string {
  return createHash("sha256").update(JSON.stringify(value)).digest("hex").slice(0, 16);
}

async function upsertCase(db: Db, number: string, initials: readonly string[], now: Date): Promise<number> {
  const found = await db
    .selectFrom("case_file")
    .select(["id", "initials"])
    .where("number", "=", number)
    .executeTakeFirst();
  if (found) {
    const merged = [...new Set([...found.initials, ...initials])];
    if (merged.length !== found.initials.length) {
      await db
        .updateTable("case_file")
        .set({ initials: JSON.stringify(merged), modified: now })
        .where("id", "=", found.id)
        .execute();
    }
    return found.id;
  }
  const row = await db
    .insertInto("case_file")
    .values({ number, initials: JSON.stringify([...initials]), title: null, modified: now })
    .returning("id")
    .executeTakeFirstOrThrow();
  return row.id;
}

type AnnexRow = Selectable<AuthoredAnnexTable>;

/** One annex into source_file (its bytes, for download), file and file_page; returns the file's id. */
async function publishAnnex(
  db: Db,
  props: {
    readonly annex: AnnexRow;
    readonly meetingId: number;
    readonly bodyName: string;
    readonly agendaItemId: number | null;
    readonly itemNumber: string;
    readonly closed: boolean;
    readonly now: Date;
  },
): Promise<number> {
  const { annex, now } = props;
  const cpr = new Set(annex.cpr_pages);
  let source = await db
    .selectFrom("source_file")
    .select("id")
    .where("sha256", "=", annex.sha256)
    .executeTakeFirst();
  if (!source) {
    source = await db
      .insertInto("source_file")
      .values({
        file_name: annex.file_name,
        sha256: annex.sha256,
        sha512: createHash("sha512").update(annex.content).digest("hex"),
        format: annex.format,
        mime: annex.mime,
        byte_size: annex.byte_size,
        pages: annex.pages.length,
        kind: "document",
        body_name: props.bodyName,
        content: annex.content,
        text: annex.text,
        warnings: JSON.stringify(
          annex.pages
            .filter((p) => cpr.has(p.page))
            .map((p) => ({
              code: "cpr-number",
              message: `CPR-nummer på side ${p.page}`,
              source: { page: p.page, lineStart: p.lineStart, lineEnd: p.lineEnd },
            })),
        ),
        parsed: JSON.stringify({ uploadedAnnex: annex.id }),
        modified: now,
      })
      .returning("id")
      .executeTakeFirstOrThrow();
  }
  const closed: WithholdingReason | null = props.closed ? "closed-item" : null;
  const values = {
    source_file_id: source.id,
    meeting_id: props.meetingId,
    agenda_item_id: props.agendaItemId,
    item_number: props.itemNumber,
    annex_number: annex.position,
    title: annex.title,
    file_name: annex.file_name,
    mime: annex.mime,
    sha256: annex.sha256,
    byte_size: annex.byte_size,
    page_start: 1,
    page_end: annex.pages.length,
    line_start: null,
    line_end: null,
    text: annex.text,
    position: annex.position,
    role: "annex",
    modified: now,
    deleted: false,
  };
  if (annex.published_file_id !== null) {
    const existing = await db
      .selectFrom("file")
      .select("withheld")
      .where("id", "=", annex.published_file_id)
      .executeTakeFirst();
    await db
      .updateTable("file")
      .set({ ...values, withheld: existing?.withheld ?? closed })
      .where("id", "=", annex.published_file_id)
      .execute();
    return annex.published_file_id;
  }
  const file = await db
    .insertInto("file")
    .values({ ...values, withheld: closed })
    .returning("id")
    .executeTakeFirstOrThrow();
  if (annex.pages.length > 0) {
    await db
      .insertInto("file_page")
      .values(
        annex.pages.map((p) => ({
          file_id: file.id,
          page: p.page,
          line_start: p.lineStart,
          line_end: p.lineEnd,
          text: p.text,
          withheld: cpr.has(p.page) ? ("cpr-number" as const) : null,
          search_municipalities: municipalitiesIn(p.text),
        })),
      )
      .execute();
  }
  await db
    .updateTable("authored_annex")
    .set({ published_file_id: file.id })
    .where("id", "=", annex.id)
    .execute();
  return file.id;
}

/** Records a version of the agenda as sent, with the working copy it sent (the public PDFs' source). */
export async function insertAgendaVersion(
  db: Db,
  props: {
    readonly meetingId: number;
    readonly number: number;
    readonly changeNote: string | null;
    readonly actor: { readonly userId: number | null; readonly tokenId: number | null };
    readonly recipients: number;
    readonly snapshot: AgendaSnapshot;
    readonly sent: AgendaDraft;
    readonly now: Date;
  },
): Promise<void> {
  await db
    .insertInto("agenda_version")
    .values({
      meeting_id: props.meetingId,
      number: props.number,
      change_note: props.changeNote,
      sent_at: props.now,
      sent_by_user_id: props.actor.userId,
      sent_by_token_id: props.actor.tokenId,
      recipients: props.recipients,
      snapshot: JSON.stringify({ ...props.snapshot, sent: props.sent }),
      pdf: null,
    })
    .execute();
}
