/** @module The start of the synthetic corpus written as text files in a temporary folder, with the truth beside it. */
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { ParsedDocument } from "../src/domain/index.js";
import { generateCorpus } from "./corpus/generate.js";
import { seedWordModel } from "./corpus/model.js";

export interface SyntheticFiles {
  readonly paths: readonly string[];
  /** What the generator wrote into each file, in the same order. */
  readonly truth: readonly ParsedDocument[];
  readonly bytes: number;
  dispose(): Promise<void>;
}

export async function writeSyntheticFiles(seedsDir: string, items: number): Promise<SyntheticFiles> {
  const dir = await mkdtemp(join(tmpdir(), "raadsinfo-synthetic-"));
  const paths: string[] = [];
  const truth: ParsedDocument[] = [];
  let bytes = 0;
  for (const meeting of generateCorpus({ model: seedWordModel(seedsDir), items })) {
    for (const file of meeting.annexPack ? [meeting.minutes, meeting.annexPack] : [meeting.minutes]) {
      const path = join(dir, file.fileName);
      await writeFile(path, file.fileText);
      paths.push(path);
      truth.push(file.parsed);
      bytes += Buffer.byteLength(file.fileText);
    }
  }
  return { paths, truth, bytes, dispose: () => rm(dir, { recursive: true, force: true }) };
}
