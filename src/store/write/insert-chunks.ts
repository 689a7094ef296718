/** @module Multi-row statements split to fit PostgreSQL's limit on parameters in one statement. */

/** PostgreSQL takes at most 65,535 parameters in one statement; stay well below. */
const MAX_PARAMETERS = 30_000;

/**
 * `rows` in runs small enough for one multi-row statement each, given the columns of a row.
 * @example for (const chunk of parameterChunks(rows)) await tx.insertInto("file_page").values(chunk).execute();
 */
export function parameterChunks<T extends object>(rows: readonly T[]): T[][] {
  if (rows.length === 0) return [];
  const columns = Object.keys(rows[0] as object).length;
  const size = Math.max(1, Math.floor(MAX_PARAMETERS / Math.max(1, columns)));
  const chunks: T[][] = [];
  for (let i = 0; i < rows.length; i += size) chunks.push(rows.slice(i, i + size));
  return chunks;
}
