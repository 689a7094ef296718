/** compileOnce: one compiled statement, run with each call's value; a builder that ignores its value is refused. */
import assert from "node:assert/strict";
import { before, it } from "node:test";
import { sql } from "kysely";
import { compileOnce } from "../../src/store/connection/compile-once.js";
import { forEachBackend } from "../support/stores.js";

forEachBackend("compileOnce", (store, backend) => {
  before(async () => {
    await store()
      .db.insertInto("body")
      .values([
        { name: "KKR Nord", classification: "KKR" },
        { name: "KKR Syd", classification: "KKR" },
      ])
      .execute();
  });

  it("compiles once and runs with each value, the fixed parameters kept", async () => {
    let builds = 0;
    const byName = compileOnce((db, name: string) => {
      builds += 1;
      return db.selectFrom("body").select("name").where("name", "=", name).where("deleted", "=", false);
    });
    const { db } = store();
    assert.deepEqual(await byName(db, "KKR Nord"), [{ name: "KKR Nord" }]);
    assert.deepEqual(await byName(db, "KKR Syd"), [{ name: "KKR Syd" }]);
    assert.deepEqual(await byName(db, "KKR Øst"), []);
    assert.equal(builds, 1);
  });

  it("refuses a builder that does not put its value into the query", async () => {
    const ignoring = compileOnce((db, _id: number) => db.selectFrom("body").select("name"));
    await assert.rejects(ignoring(store().db, 1), /does not use its value/);
  });

  it("runs on the server as one named prepared statement with its fixed values written in, reused by later calls", {
    skip: backend.name !== "postgres",
  }, async () => {
    const byName = compileOnce((db, name: string) =>
      db.selectFrom("body").select("classification").where("name", "=", name).where("deleted", "=", false),
    );
    // One transaction holds one connection, where the server lists its prepared statements.
    const prepared = await store()
      .db.transaction()
      .execute(async (tx) => {
        assert.deepEqual(await byName(tx, "KKR Nord"), [{ classification: "KKR" }]);
        assert.deepEqual(await byName(tx, "KKR Syd"), [{ classification: "KKR" }]);
        const rows = await sql<{ statement: string }>`
        select statement from pg_prepared_statements where statement like '%classification%'`.execute(tx);
        return rows.rows.map((r) => r.statement);
      });
    assert.equal(prepared.length, 1);
    assert.match(prepared[0]!, /"deleted" = false/);
  });
});
