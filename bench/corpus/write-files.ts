/**
 * @module Writes the synthetic corpus to a folder: each meeting's minutes and annex pack as text files in
 * the seeds' layout (for `raadsinfo import`), and with `--json` the ParsedDocument of each beside it.
 * `node --import tsx bench/corpus/write-files.ts --items 2000 --out /tmp/corpus [--json] [--seed S]`
 */
import { mkdir, writeFile } from "node:fs/promises";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { progress } from "../progress.js";
import { DEFAULT_SEED, generateCorpus } from "./generate.js";
import { seedWordModel } from "./model.js";

const { values } = parseArgs({
  options: {
    items: { type: "string", default: "2000" },
    out: { type: "string" },
    json: { type: "boolean", default: false },
    seed: { type: "string", default: DEFAULT_SEED },
  },
});
if (!values.out) {
  console.error("write-files: --out DIR is required");
  process.exit(2);
}
const items = Number(values.items);
const out = resolve(values.out);
await mkdir(out, { recursive: true });
const seedsDir = resolve(dirname(fileURLToPath(import.meta.url)), "..", "..", "..", "shared", "seeds");
const model = seedWordModel(seedsDir);
const p = progress(`write ${items.toLocaleString("en")} items`, items);
let files = 0;
for (const meeting of generateCorpus({ model, items, seed: values.seed })) {
  for (const file of meeting.annexPack ? [meeting.minutes, meeting.annexPack] : [meeting.minutes]) {
    await writeFile(join(out, file.fileName), file.fileText);
    if (values.json)
      await writeFile(join(out, file.fileName.replace(/\.txt$/, ".json")), JSON.stringify(file.parsed));
    files++;
  }
  p.update(meeting.itemsSoFar);
}
p.done();
console.log(`${files} files in ${out}`);
