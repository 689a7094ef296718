/**
 * @module A store in a schema of its own on a database whose public schema already holds a migrated
 * store (the test suites' schemas on a `test` database someone once served from, say). The new schema
 * must get its own tables and keep its rows: once, the "already migrated?" look found public's
 * migration table through the search path, left the schema empty, and every write went to public,
 * where other suites' rows made them fail.
 */
import assert from "node:assert/strict";
import { after, before, it } from "node:test";
import { sql } from "kysely";
import { openStore, type Store } from "../../src/store/index.js";
import { describeOnServer, serverDatabase } from "../support/stores.js";

describeOnServer("a store in its own schema beside a migrated public schema", () => {
  let database: Awaited<ReturnType<typeof serverDatabase>> | undefined;
  let inPublic: Store | undefined;
  let inSchema: Store | undefined;
  before(async () => {
    database = await serverDatabase();
    inPublic = await openStore({ databaseUrl: database.url });
    inSchema = await openStore({ databaseUrl: database.url, schema: "beside_public" });
  });
  after(async () => {
    await inSchema?.close();
    await inPublic?.close();
    await database?.drop();
  });

  it("gets its own tables, and its rows stay in its schema", async () => {
    const db = inSchema?.db;
    assert.ok(db);
    const tables = await sql<{ n: number }>`
      select count(*)::int as n from information_schema.tables where table_schema = 'beside_public'`.execute(
      db,
    );
    assert.ok((tables.rows[0]?.n ?? 0) > 40, `tables in the schema: ${tables.rows[0]?.n}`);

    await db.insertInto("body").values({ name: "KKR Nordjylland", classification: "KKR" }).execute();
    const publicBodies = await inPublic?.db.selectFrom("body").select("name").execute();
    assert.deepEqual(publicBodies, [], "public's store sees none of the schema's rows");
    const own = await db.selectFrom("body").select("name").execute();
    assert.deepEqual(own, [{ name: "KKR Nordjylland" }]);
  });
});
