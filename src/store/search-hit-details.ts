/**
 * @module The details of one page of search results: titles, provenance, snippets (ts_headline is costly,
 * so only for these few, and for an annex only its best page), an annex's matching pages best first, and
 * whether the public may see each hit.
 */
import { type Kysely, sql } from "kysely";
import type { Viewer, WithholdingReason } from "../domain/index.js";
import { fileVisible, itemVisible, pageVisible } from "./read/visibility.js";
import type { Database } from "./schema.js";
import type { SearchIndexHit } from "./search-index-types.js";
import { executeSearchStatement } from "./search-prepared.js";
import { type PageRow, rankScore } from "./search-ranking.js";
import type { SearchScope } from "./search-scope.js";
import { headline, snippetSegments } from "./search-snippet.js";
import { tsQuery } from "./search-tsquery.js";

interface DetailRow {
  key: string;
  title: string;
  item_number: string | null;
  meeting_id: number | null;
  meeting_date: string | null;
  meeting_date_estimated: boolean | null;
  body_name: string | null;
  file_name: string | null;
  sha256: string | null;
  page: number | null;
  line_start: number | null;
  line_end: number | null;
  snippet: string | null;
  matching_pages: number[] | null;
  withheld: WithholdingReason | null;
}

/** The to_tsquery texts of a search: what matches (prefixes too), and the exact words (for the ranking). */
export interface DetailQuery {
  readonly match: string;
  readonly exact: string;
}

/** The statement reading the details of `rows` for `viewer`. */
function detailStatement(viewer: Viewer, scope: SearchScope, query: DetailQuery, rows: readonly PageRow[]) {
  const itemIds = rows.filter((r) => r.file_id === null).map((r) => r.item_id ?? 0);
  const pages = rows.filter((r) => r.file_id !== null);
  const fileIds = pages.map((r) => r.file_id ?? 0);
  const pageNumbers = pages.map((r) => r.page ?? 0);
  return sql<DetailRow>`
    with q as not materialized (select ${tsQuery(query.match)} as mq, ${tsQuery(query.exact)} as eq)
    select 'i' || ai.id as key, ai.title, ai.number as item_number, m.id as meeting_id, m.date as meeting_date,
           m.date_estimated as meeting_date_estimated, b.name as body_name, sf.file_name, sf.sha256, ai.page,
           ai.line_start, ai.line_end,
           ${headline(
             sql`concat_ws(E'\n', ai.indstilling, ai.beslutning, ai.resume, ai.baggrund, ai.sagsforloeb,
                       ai.sagsfremstilling, ai.notes, ai.title)`,
             sql`q.mq`,
           )} as snippet,
           null::int[] as matching_pages, ai.withheld
    from q, agenda_item ai
      join meeting m on m.id = ai.meeting_id
      join body b on b.id = m.body_id
      left join source_file sf on sf.id = ai.source_file_id
    where ai.id = any(${sql.val(itemIds)}::int[]) and ${itemVisible(viewer, "ai")} and not ai.deleted
    union all
    select 'f' || f.id || ':' || fp.page, f.title, f.item_number, m.id, m.date, m.date_estimated, b.name,
           f.file_name, f.sha256,
           fp.page, fp.line_start, fp.line_end,
           ${headline(sql`fp.text`, sql`q.mq`)},
           -- The annex's matching pages: the result's own (best) page first, then by the ranking's score.
           -- Each checked: "offset 0" keeps the planner from taking the match to the GIN index, or
           -- "visible" to a partial index, each of which read the whole corpus's hits or rows per annex
           -- (37,000 for a common word, 27 ms), where the annex has a few pages.
           array(select o.page from (select s.page, s.vector, s.visible from ${scope.docs} s
                                     where s.file_id = f.id offset 0) o
                 where ${scope.seen("o")} and o.vector @@ q.mq
                 order by o.page = fp.page desc, ${rankScore(sql`o.vector`, sql`q.eq`, sql`q.mq`)} desc, o.page),
           coalesce(f.withheld, fp.withheld)
    from q, unnest(${sql.val(fileIds)}::int[], ${sql.val(pageNumbers)}::int[]) as wanted(file_id, page)
      join file f on f.id = wanted.file_id
      join file_page fp on fp.file_id = f.id and fp.page = wanted.page
      left join meeting m on m.id = f.meeting_id
      left join body b on b.id = m.body_id
    -- The scope names only rows the viewer may see; the rows it names are checked again all the same.
    where ${fileVisible(viewer, "f")} and ${pageVisible(viewer, "fp", "f")}
  `;
}

/**
 * Titles, provenance and snippets for one page of results, in the order of `rows`.
 * @example await hitDetails(db, viewer, scope, { match: "'biokul':*", exact: "'biokul'" }, pageRows)
 */
export async function hitDetails(
  db: Kysely<Database>,
  viewer: Viewer,
  scope: SearchScope,
  query: DetailQuery,
  rows: readonly PageRow[],
): Promise<SearchIndexHit[]> {
  if (rows.length === 0) return [];
  // The public's statement is the same text for every page of results: prepared once per connection.
  const details = await executeSearchStatement(
    db,
    detailStatement(viewer, scope, query, rows),
    viewer.kind === "public",
  );
  const byKey = new Map(details.rows.map((d) => [d.key, d]));
  const hits: SearchIndexHit[] = [];
  for (const row of rows) {
    const key = row.file_id === null ? `i${row.item_id}` : `f${row.file_id}:${row.page}`;
    const d = byKey.get(key);
    if (!d) continue;
    hits.push({
      kind: row.kind,
      score: row.score,
      itemId: row.file_id === null ? row.item_id : null,
      fileId: row.file_id,
      title: d.title,
      itemNumber: d.item_number,
      meetingId: d.meeting_id,
      meetingDate: d.meeting_date,
      meetingDateEstimated: d.meeting_date_estimated === true,
      bodyName: d.body_name,
      fileName: d.file_name,
      sha256: d.sha256,
      page: d.page,
      lineStart: d.line_start,
      lineEnd: d.line_end,
      snippet: snippetSegments(d.snippet ?? ""),
      pages: row.file_id === null ? [] : (d.matching_pages ?? []),
      withheld: d.withheld,
    });
  }
  return hits;
}
