/** @module Open data: a cached SHA-512 of each source file's bytes, which OParl File objects carry (sha512Checksum). */
import type { Kysely } from "kysely";
import { runStatements } from "./run-statements.js";

// biome-ignore lint/suspicious/noExplicitAny: migration code is written against an untyped database.
type AnyDb = Kysely<any>;

/**
 * Files imported before this migration get their checksum here, from the same bytes a download serves:
 * the original content, or the stored text as UTF-8 when no bytes were kept.
 */
export async function up(db: AnyDb): Promise<void> {
  await runStatements(
    db,
    `
    alter table source_file add column sha512 text;
    update source_file set sha512 = encode(sha512(coalesce(content, convert_to(text, 'UTF8'))), 'hex');
  `,
  );
}
