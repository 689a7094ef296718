/**
 * @module An annex's File object describes the annex alone (export/annex-part.ts): its own file name,
 * size, SHA-512 and text, as its accessUrl serves them. Cuts are remembered by the pack's hash and the
 * annex's place, so a list of files cuts each pack once per process, not once per request. A per-process
 * memory is right here even with several web processes (issue 17): the key names the pack's bytes
 * (sha256) and the cut, so what is remembered can never go stale nor differ between processes.
 */
import type { Kysely } from "kysely";
import { type AnnexPart, cutAnnex } from "../../export/annex-part.js";
import {
  type Database,
  type OparlFileContent,
  type OparlFilePart,
  type OparlFileRow,
  oparlSourceContents,
} from "../../store/index.js";

type PartFacts = Pick<AnnexPart, "fileName" | "mime" | "sha512" | "text"> & { readonly byteSize: number };

const MAX_REMEMBERED = 5000;
const remembered = new Map<string, PartFacts | null>();

function keyOf(title: string, part: OparlFilePart): string {
  return [
    part.sourceSha256,
    part.pageStart,
    part.pageEnd,
    part.lineStart,
    part.lineEnd,
    part.itemNumber,
    part.annexNumber,
    title,
  ].join("\u0000");
}

function remember(key: string, facts: PartFacts | null): void {
  if (remembered.size >= MAX_REMEMBERED) remembered.delete(remembered.keys().next().value as string);
  remembered.set(key, facts);
}

/**
 * The rows with each annex's facts replaced by those of its own part; other rows as they are.
 * @example const files = await withAnnexParts(db, rows);
 */
export async function withAnnexParts(
  db: Kysely<Database>,
  rows: readonly OparlFileRow[],
): Promise<Map<number, OparlFileRow>> {
  const missing = rows.filter((r) => r.part && !r.deleted && !remembered.has(keyOf(r.title, r.part)));
  const sourceIds = [...new Set(missing.map((r) => (r.part as OparlFilePart).sourceFileId))];
  const sources = new Map((await oparlSourceContents(db, sourceIds)).map((s) => [s.id, s]));
  for (const row of missing) {
    const part = row.part as OparlFilePart;
    const source = sources.get(part.sourceFileId);
    const cut = source ? await cutAnnex(source, { title: row.title, ...part }) : null;
    remember(
      keyOf(row.title, part),
      cut
        ? {
            fileName: cut.fileName,
            mime: cut.mime,
            sha512: cut.sha512,
            text: cut.text,
            byteSize: cut.bytes.byteLength,
          }
        : null,
    );
  }
  const result = new Map<number, OparlFileRow>();
  for (const row of rows) {
    const facts = row.part && !row.deleted ? remembered.get(keyOf(row.title, row.part)) : null;
    result.set(
      row.id,
      facts
        ? {
            ...row,
            fileName: facts.fileName,
            mime: facts.mime,
            byteSize: facts.byteSize,
            sha512: facts.sha512,
            text: facts.text ?? row.text,
          }
        : row,
    );
  }
  return result;
}

/** The bytes an annex's accessUrl serves: its own part where it has one, else the imported file. */
export async function annexContent(
  db: Kysely<Database>,
  content: OparlFileContent,
): Promise<Pick<OparlFileContent, "fileName" | "mime" | "bytes">> {
  if (!content.part || content.deleted) return content;
  const [source] = await oparlSourceContents(db, [content.part.sourceFileId]);
  const cut = source ? await cutAnnex(source, { title: content.title, ...content.part }) : null;
  return cut ? { fileName: cut.fileName, mime: cut.mime, bytes: cut.bytes } : content;
}
