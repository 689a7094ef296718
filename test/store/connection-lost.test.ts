/**
 * A server store outlives the server ending its connections (a restart, an administrator's
 * pg_terminate_backend, a dropped database's force): the pool drops the dead connection, says so in one
 * line, and the next query opens a new one. Before, pg's pool threw the idle client's error at the
 * process, and `raadsinfo serve` stopped.
 */
import assert from "node:assert/strict";
import { it } from "node:test";
import { sql } from "kysely";
import pg from "pg";
import { forEachBackend, TEST_DATABASE_URL } from "../support/stores.js";

forEachBackend("store: connections the server ends", (store, backend) => {
  if (backend.name !== "postgres") return;
  it("keeps answering after the server terminates its idle connections", async () => {
    const { db } = store();
    const pid = await sql<{ pid: number }>`select pg_backend_pid() as pid`.execute(db);
    const admin = new pg.Client({ connectionString: TEST_DATABASE_URL });
    await admin.connect();
    const stderr: string[] = [];
    const write = process.stderr.write.bind(process.stderr);
    process.stderr.write = ((chunk: string | Uint8Array) => {
      stderr.push(String(chunk));
      return true;
    }) as typeof process.stderr.write;
    try {
      await admin.query("select pg_terminate_backend($1)", [pid.rows[0]!.pid]);
      // Give the pool the moment it takes to hear of it.
      for (let i = 0; i < 50 && !stderr.some((line) => line.includes("closed by the server")); i++) {
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
    } finally {
      process.stderr.write = write;
      await admin.end();
    }
    assert.ok(
      stderr.some((line) => /^raadsinfo: a PostgreSQL connection was closed by the server: /.test(line)),
      stderr.join(""),
    );
    const after = await sql<{ one: number }>`select 1 as one`.execute(db);
    assert.equal(after.rows[0]?.one, 1);
  });
});
