/**
 * @module The data the OParl and API tests read: the demo meeting plus the five shared seeds, parsed
 * once per process (parsing is the slow part) and imported into each backend's fresh store.
 */
import { readdirSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import type { Kysely } from "kysely";
import { demoFiles } from "../../../src/demo/demo-meeting.js";
import type { ParsedDocument } from "../../../src/domain/index.js";
import { loadIngestOptions, parseSource, readSourceFile } from "../../../src/ingest/index.js";
import { type Database, importDocument } from "../../../src/store/index.js";

const seedDir = resolve(dirname(fileURLToPath(import.meta.url)), "../../../../shared/seeds");

interface Prepared {
  readonly parsed: ParsedDocument;
  readonly content: Uint8Array;
  readonly mime: string;
}

const MIME = {
  text: "text/plain; charset=utf-8",
  pdf: "application/pdf",
  docx: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
  html: "text/plain",
} as const;

let seeds: Promise<Prepared[]> | undefined;

/** The five seeds, parsed by the real ingest pipeline; cached for the process. */
export function parsedSeeds(): Promise<Prepared[]> {
  seeds ??= (async () => {
    const options = await loadIngestOptions();
    const files = readdirSync(seedDir)
      .filter((f) => /\.(txt|pdf|docx)$/.test(f))
      .sort();
    const out: Prepared[] = [];
    for (const file of files) {
      const source = await readSourceFile(join(seedDir, file));
      const parsed = await parseSource(source, options);
      out.push({ parsed, content: source.bytes, mime: MIME[parsed.source.format] });
    }
    return out;
  })();
  return seeds;
}

/** Imports the demo meeting and the five seeds; returns the seeds' parsed documents. */
export async function importDemoAndSeeds(db: Kysely<Database>): Promise<ParsedDocument[]> {
  for (const file of demoFiles()) {
    await importDocument(db, file.parsed, { content: file.content, mime: "text/plain; charset=utf-8" });
  }
  const prepared = await parsedSeeds();
  for (const seed of prepared)
    await importDocument(db, seed.parsed, { content: seed.content, mime: seed.mime });
  return prepared.map((p) => p.parsed);
}
