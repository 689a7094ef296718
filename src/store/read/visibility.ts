/**
 * @module The one store-side visibility function: the policy of domain/visibility.ts as SQL predicates
 * over the sticky `withheld` marks (migration 0012). Every read model (portal pages, JSON API, OParl,
 * feeds, ICS, exports, original downloads) asks these, and the search index's `visible` column is the
 * same rule for the public. For the public each predicate is a plain `withheld is null`, so statements
 * stay as cheap, and as cacheable, as before.
 */
import { type RawBuilder, sql } from "kysely";
import { bodiesCleared, privateNotesBodies, type Viewer, WITHHOLDING_REASONS } from "../../domain/index.js";

/**
 * True where `viewer` may see a row whose mark is `withheld` and whose body is `bodyId`.
 * @example shown(viewer, sql.ref("a.withheld"), sql`m.body_id`)
 */
export function shown(
  viewer: Viewer,
  withheld: RawBuilder<unknown>,
  bodyId: RawBuilder<unknown>,
): RawBuilder<boolean> {
  if (viewer.kind === "administrator") return sql<boolean>`true`;
  const clauses: RawBuilder<unknown>[] = [sql`${withheld} is null`];
  if (viewer.kind !== "public") {
    for (const reason of WITHHOLDING_REASONS) {
      const cleared = bodiesCleared(viewer, reason);
      if (cleared !== "all" && cleared.length === 0) continue;
      clauses.push(sql`(${withheld} = ${reason} and ${bodyId} = any(${sql.val([...cleared])}::int[]))`);
    }
  }
  return sql<boolean>`(${sql.join(clauses, sql` or `)})`;
}

const bodyOfMeeting = (meetingId: string) =>
  sql`(select vm.body_id from meeting vm where vm.id = ${sql.ref(meetingId)})`;

/**
 * An agenda item's content (title, fields, case, annexes) is visible: otherwise it shows as its number
 * and "Lukket punkt". `item` is the table or alias of agenda_item in the statement.
 * @example db.selectFrom("agenda_item").select(itemVisible(viewer).as("public"))
 */
export function itemVisible(viewer: Viewer, item = "agenda_item"): RawBuilder<boolean> {
  return shown(viewer, sql.ref(`${item}.withheld`), bodyOfMeeting(`${item}.meeting_id`));
}

/** A file (annex or original) is there at all: not deleted and not withheld from `viewer`. */
export function fileVisible(viewer: Viewer, file = "file"): RawBuilder<boolean> {
  return sql<boolean>`(not ${sql.ref(`${file}.deleted`)} and ${fileNotWithheld(viewer, file)})`;
}

/** A file is not withheld from `viewer`, deleted or not (OParl lists deleted objects as such). */
export function fileNotWithheld(viewer: Viewer, file = "file"): RawBuilder<boolean> {
  return shown(viewer, sql.ref(`${file}.withheld`), bodyOfMeeting(`${file}.meeting_id`));
}

/**
 * The imported file a file was cut from may be downloaded: its original (the whole pack, minutes or
 * agenda) is not withheld. An annex of an open item inside a pack that also holds a closed item's annex
 * is visible, but its original download is not.
 */
export function originalVisible(viewer: Viewer, file = "file"): RawBuilder<boolean> {
  return sql<boolean>`not exists (select 1 from file vo
    where vo.source_file_id = ${sql.ref(`${file}.source_file_id`)} and vo.role = 'original'
      and not ${shown(viewer, sql.ref("vo.withheld"), bodyOfMeeting("vo.meeting_id"))})`;
}

/**
 * An annex may be served as its own part (its pages cut from the pack, or its own lines of a text pack)
 * even where the whole pack may not: none of its own pages is withheld, and no withheld document of the
 * same pack shares a page with it (a cut page would carry that document's text too).
 */
export function ownPartVisible(viewer: Viewer, file = "file"): RawBuilder<boolean> {
  const f = (column: string) => sql.ref(`${file}.${column}`);
  return sql<boolean>`(${f("role")} = 'annex' and ${f("source_file_id")} is not null
    and not exists (select 1 from file_page wp where wp.file_id = ${f("id")}
      and not ${shown(viewer, sql.ref("wp.withheld"), bodyOfMeeting(`${file}.meeting_id`))})
    and not exists (select 1 from file ws where ws.source_file_id = ${f("source_file_id")}
      and ws.id <> ${f("id")} and ws.role = 'annex' and not ws.deleted
      and not ${shown(viewer, sql.ref("ws.withheld"), bodyOfMeeting("ws.meeting_id"))}
      and ws.page_start <= ${f("page_end")} and ws.page_end >= ${f("page_start")}))`;
}

/** One page of an annex may be shown (the privacy gate withholds pages with a CPR number). */
export function pageVisible(viewer: Viewer, page = "file_page", file = "file"): RawBuilder<boolean> {
  return shown(viewer, sql.ref(`${page}.withheld`), bodyOfMeeting(`${file}.meeting_id`));
}

/**
 * A person's private notes may be shown to `viewer` (domain's maySeePrivateNotes): an administrator, or
 * the secretariat of a body the person is a member of or attended a meeting of. `person` is the alias.
 */
export function privateNotesVisible(viewer: Viewer, person = "person"): RawBuilder<boolean> {
  const bodies = privateNotesBodies(viewer);
  if (bodies === "all") return sql<boolean>`true`;
  if (bodies.length === 0) return sql<boolean>`false`;
  const id = sql.ref(`${person}.id`);
  const cleared = sql`any(${sql.val([...bodies])}::int[])`;
  return sql<boolean>`(exists (select 1 from membership pm join organization po on po.id = pm.organization_id
      where pm.person_id = ${id} and not pm.deleted and po.body_id = ${cleared})
    or exists (select 1 from attendance pa join meeting pmt on pmt.id = pa.meeting_id
      where pa.person_id = ${id} and not pa.deleted and not pmt.deleted and pmt.body_id = ${cleared}))`;
}
