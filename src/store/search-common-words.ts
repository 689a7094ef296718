/**
 * @module The hits of a word found in most documents, read newest first. A GIN bitmap lists every hit
 * before the first is read: for "erhver" (erhv:*, 147,000 of 176,000 search documents at 100k items)
 * that took 50 ms, where a scan of the date index that checks each document and stops at the cap takes
 * a few. For a rare word the same scan would read most of the table, so it is taken only for a word the
 * column statistics (pg_stats, kept by ANALYZE) show in at least COMMON_SHARE of the documents.
 */
import { type Kysely, sql, type Transaction } from "kysely";
import type { Database } from "./schema.js";
import type { SearchScope } from "./search-scope.js";

/** Share of search documents from which a word's hits are read by date. A scan reads cap / share rows. */
const COMMON_SHARE = 0.3;
/** Statistics change only with ANALYZE; they are read again after this long. */
const STATISTICS_TTL_MS = 5 * 60_000;

interface CachedShares {
  readonly until: number;
  readonly shares: Promise<ReadonlyMap<string, number>>;
}

const cache = new WeakMap<Kysely<Database>, CachedShares>();

/**
 * Share of search documents holding each of the most common lexemes (empty before any ANALYZE), kept per
 * store handle `db` and read through `tx`: PGlite's one connection is the open transaction's.
 */
function lexemeShares(db: Kysely<Database>, tx: Transaction<Database>): Promise<ReadonlyMap<string, number>> {
  const cached = cache.get(db);
  if (cached && cached.until > Date.now()) return cached.shares;
  const shares = sql<{ lexeme: string; share: number }>`
    select s.lexeme, s.share
    from pg_stats st,
      -- most_common_elem_freqs has three values more than most_common_elems (min, max, nulls): they pair
      -- with null lexemes and drop out.
      unnest(st.most_common_elems::text::text[], st.most_common_elem_freqs) as s(lexeme, share)
    where st.schemaname = current_schema() and st.tablename = 'search_doc' and st.attname = 'vector'
      and s.lexeme is not null`
    .execute(tx)
    .then((result) => new Map(result.rows.map((r) => [r.lexeme, Number(r.share)])));
  // A failed read is not kept: the next search asks again.
  shares.catch(() => cache.delete(db));
  cache.set(db, { until: Date.now() + STATISTICS_TTL_MS, shares });
  return shares;
}

/**
 * The stemmed tsquery text of a one-word search to read by date, or null. `exact` and `match` are the
 * word as written and with its compounds ('region', 'erhv':*); as in the search itself, a word common as
 * written is not widened to its compounds.
 * @example await commonTerm(db, tx, { exact: "'region'", match: "'region':*" }) // "'region'"
 */
export async function commonTerm(
  db: Kysely<Database>,
  tx: Transaction<Database>,
  stemmed: { readonly exact: string; readonly match: string },
): Promise<string | null> {
  const exact = /^'([^']+)'$/.exec(stemmed.exact)?.[1];
  if (exact === undefined) return null;
  const shares = await lexemeShares(db, tx);
  if (shares.size === 0) return null;
  if ((shares.get(exact) ?? 0) >= COMMON_SHARE) return stemmed.exact;
  const prefix = /^'([^']+)':\*$/.exec(stemmed.match)?.[1];
  if (prefix === undefined) return null;
  // The most frequent completion bounds the prefix's share from below.
  for (const [lexeme, share] of shares) {
    if (share >= COMMON_SHARE && lexeme.startsWith(prefix)) return stemmed.match;
  }
  return null;
}

/**
 * Ids of the newest documents in `scope` matching `term`, at most `limit`, read through the date index
 * with bitmap scans off for this one statement (the transaction's other statements keep their settings).
 */
export async function newestHits(
  tx: Transaction<Database>,
  scope: SearchScope,
  term: string,
  limit: number,
): Promise<number[]> {
  await sql`select set_config('enable_bitmapscan', 'off', true), set_config('enable_indexscan', 'on', true)`.execute(
    tx,
  );
  const rows = await sql<{ id: number }>`
    select d.id from ${scope.docs} d where ${scope.seen("d")} and d.vector @@ ${term}::tsquery
    -- Plain "desc" (nulls first) is the date index read backwards; "nulls last" would need a sort of all.
    order by d.date desc limit ${sql.lit(limit)}`.execute(tx);
  await sql`select set_config('enable_bitmapscan', 'on', true), set_config('enable_indexscan', 'off', true)`.execute(
    tx,
  );
  return rows.rows.map((r) => r.id);
}
