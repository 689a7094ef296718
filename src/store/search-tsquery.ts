/**
 * @module The tsquery of a search's to_tsquery text, as every search statement writes it: stemmed by the
 * 'danish' configuration, with the prefix mark dropped from stems too short to carry one.
 */
import { type RawBuilder, sql } from "kysely";

/**
 * Shortest stem that keeps its prefix mark. ts-query.ts marks words of four letters or more, but the
 * Danish stemmer cuts endings first: "kommer" became 'kom':*, which matched every "kommune", and "samme"
 * 'sam':*, 146,000 of 176,000 rows at 100k items (and cost a GIN scan of all of them). A shorter stem is
 * matched as a whole word.
 */
const MIN_PREFIX_STEM = 4;
const SHORT_PREFIX = `'([^']{1,${MIN_PREFIX_STEM - 1}})':\\*`;

/**
 * The tsquery of a to_tsquery text, stemmed by the 'danish' configuration, with the prefix mark dropped
 * from stems shorter than MIN_PREFIX_STEM. Words are letters and digits only (ts-query.ts), so a quote
 * in the query's text always delimits a lexeme.
 * @example sql`select ${tsQuery("'biokul':*")}` // regexp_replace(to_tsquery('danish', $1)::text, ...)::tsquery
 */
export function tsQuery(text: string): RawBuilder<unknown> {
  return sql`regexp_replace(to_tsquery('danish', ${text})::text, ${SHORT_PREFIX}, ${"'\\1'"}, 'g')::tsquery`;
}
