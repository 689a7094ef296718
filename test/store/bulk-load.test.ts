/** @module The bulk loader writes what importDocument writes for the same new files, on every backend. */
import assert from "node:assert/strict";
import { resolve } from "node:path";
import { after, before, it } from "node:test";
import { type Kysely, sql } from "kysely";
import { generateCorpus } from "../../bench/corpus/generate.js";
import { seedWordModel } from "../../bench/corpus/model.js";
import type { ParsedDocument } from "../../src/domain/index.js";
import { type Database, importDocument, openStore, type Store } from "../../src/store/index.js";
import { createBulkLoader } from "../../src/store/write/bulk-load.js";
import { forEachBackend } from "../support/stores.js";

const seedsDir = resolve(import.meta.dirname, "..", "..", "..", "shared", "seeds");
const docs: ParsedDocument[] = [];
for (const m of generateCorpus({ model: seedWordModel(seedsDir), items: 60 })) {
  docs.push(m.minutes.parsed);
  if (m.annexPack) docs.push(m.annexPack.parsed);
}

/**
 * What a reader sees, without ids or timestamps, in a stable order. Previous and next meeting dates are
 * left out: importDocument lets an annex pack imported after the minutes overwrite them with the pack's
 * nulls, where the bulk loader keeps the minutes' dates.
 */
async function snapshot(db: Kysely<Database>): Promise<unknown> {
  const rows = async (query: ReturnType<typeof sql>) => (await query.execute(db)).rows;
  return {
    meetings: await rows(sql`select b.name, m.date, m.state, m.start_time, m.location
      from meeting m join body b on b.id = m.body_id order by b.name, m.date`),
    items: await rows(sql`select m.date, b.name, i.number, i.title, i.public, i.beslutning, i.annex_markers,
      c.number as case_number, i.line_start from agenda_item i join meeting m on m.id = i.meeting_id
      join body b on b.id = m.body_id left join case_file c on c.id = i.case_id order by b.name, m.date, i.position`),
    attendance: await rows(sql`select m.date, p.name, p.municipality, a.status, a.substitute_for_name,
      s.name as substitute_for from attendance a join meeting m on m.id = a.meeting_id
      join person p on p.id = a.person_id left join person s on s.id = a.substitute_for_person_id
      order by m.date, p.name, p.municipality`),
    files:
      await rows(sql`select f.file_name, f.role, f.title, f.item_number, f.annex_number, i.number as item,
      f.page_start, f.page_end, (select count(*)::int from file_page p where p.file_id = f.id) as pages,
      length(f.text) as text_length from file f left join agenda_item i on i.id = f.agenda_item_id
      order by f.file_name, f.position`),
    memberships: await rows(sql`select count(*)::int as n from membership`),
    terms: await rows(sql`select count(*)::int as n from legislative_term`),
  };
}

let reference: Store;
let expected: unknown;
before(async () => {
  reference = await openStore({ dataDir: "memory://" });
  for (const doc of docs) await importDocument(reference.db, doc);
  expected = await snapshot(reference.db);
});
after(async () => {
  await reference.close();
});

forEachBackend("bulk load", (store) => {
  it("writes the rows importDocument writes, in batches that split a meeting's files", async () => {
    const loader = createBulkLoader(store().db);
    // Batches of three documents put some annex packs in a later batch than their minutes.
    let items = 0;
    for (let i = 0; i < docs.length; i += 3) items += (await loader.load(docs.slice(i, i + 3))).items;
    assert.equal(
      items,
      docs.reduce((n, d) => n + d.items.length, 0),
    );
    const actual = (await snapshot(store().db)) as Record<string, unknown[]>;
    for (const [key, rows] of Object.entries(expected as Record<string, unknown[]>)) {
      const differs = rows.findIndex((row, i) => JSON.stringify(row) !== JSON.stringify(actual[key]?.[i]));
      assert.equal(
        differs,
        -1,
        `${key}: ${JSON.stringify(actual[key]?.[differs])} instead of ${JSON.stringify(rows[differs])}`,
      );
      assert.equal(actual[key]?.length, rows.length, key);
    }
  });
});
