/**
 * @module The store backends every store suite runs against: PGlite in memory and the PostgreSQL server,
 * each suite in a fresh schema. RAADSINFO_TEST_BACKENDS=pglite (or postgres) narrows the list. In CI the
 * server leg must run: an unreachable server fails the suite instead of skipping it.
 */
import { randomBytes } from "node:crypto";
import { after, before, describe } from "node:test";
import { sql } from "kysely";
import pg from "pg";
import { openStore, type Store } from "../../src/store/index.js";

export const TEST_DATABASE_URL = process.env.TEST_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/test";

export interface TestBackend {
  readonly name: "pglite" | "postgres";
  open(): Promise<Store>;
}

const ALL: readonly TestBackend[] = [
  { name: "pglite", open: () => openStore({ dataDir: "memory://" }) },
  {
    name: "postgres",
    open: async () => {
      const schema = `test_${randomBytes(6).toString("hex")}`;
      const store = await withSchemaLock(() => openStore({ databaseUrl: TEST_DATABASE_URL, schema }));
      return {
        ...store,
        close: async () => {
          await withSchemaLock(() => sql.raw(`drop schema if exists "${schema}" cascade`).execute(store.db));
          await store.close();
        },
      };
    },
  },
];

/**
 * One fresh schema on the PostgreSQL server, opened `count` times: separate connection pools, as separate
 * worker processes sharing one server have. Never skipped: a suite about concurrent writers means the
 * server, and without one it fails.
 * @example const { stores, close } = await openServerStores(2); ... await close();
 */
export async function openServerStores(
  count: number,
): Promise<{ readonly stores: readonly Store[]; close(): Promise<void> }> {
  const schema = `test_${randomBytes(6).toString("hex")}`;
  const stores: Store[] = [];
  const close = async () => {
    const [first] = stores;
    if (first)
      await withSchemaLock(() => sql.raw(`drop schema if exists "${schema}" cascade`).execute(first.db));
    for (const store of stores) await store.close();
  };
  try {
    for (let i = 0; i < count; i++) {
      stores.push(await withSchemaLock(() => openStore({ databaseUrl: TEST_DATABASE_URL, schema })));
    }
  } catch (error) {
    await close();
    throw error;
  }
  return { stores, close };
}

/** Any fixed number: the advisory lock every test process takes around schema DDL. */
const SCHEMA_DDL_LOCK = 7_318_004;

/**
 * Runs `work` while holding a server-wide advisory lock. Kysely's migrator lists the tables of every
 * schema (has_schema_privilege, pg_get_serial_sequence per column), and that listing fails with
 * "schema ... does not exist" when another test process drops its schema or a table mid-query. One
 * suite's migration or drop at a time keeps the listing consistent.
 */
async function withSchemaLock<T>(work: () => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: TEST_DATABASE_URL });
  await client.connect();
  try {
    await client.query("select pg_advisory_lock($1)", [SCHEMA_DDL_LOCK]);
    return await work();
  } finally {
    await client.end().catch(() => {});
  }
}

export function testBackends(): readonly TestBackend[] {
  const wanted = process.env.RAADSINFO_TEST_BACKENDS?.split(",").map((s) => s.trim());
  return wanted ? ALL.filter((b) => wanted.includes(b.name)) : ALL;
}

/** True when the PostgreSQL server answers; outside CI a missing server skips that leg with a notice. */
async function serverReachable(): Promise<boolean> {
  // A bare connection, not a migrated store: suites probing at once must not race on one schema.
  const client = new pg.Client({ connectionString: TEST_DATABASE_URL });
  try {
    await client.connect();
    await client.query("select 1");
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => {});
  }
}

/**
 * Runs `suite` against the PostgreSQL server only, for what needs several connections to one database
 * (several web processes, a read replica); skipped with a notice only outside CI, as forEachBackend's
 * server leg. `server` is the test server's URL.
 */
export function describeOnServer(name: string, suite: (server: string) => void): void {
  describe(`${name} [postgres]`, async () => {
    if (!testBackends().some((b) => b.name === "postgres")) return;
    if (!process.env.CI && !(await serverReachable())) {
      describe("skipped", {
        skip: "PostgreSQL server not reachable (set TEST_DATABASE_URL); runs in CI",
      }, () => {});
      return;
    }
    suite(TEST_DATABASE_URL);
  });
}

/**
 * A new database on the test server, for a suite that opens it several times or copies it; `url` reaches
 * it, `drop()` removes it (ending any connection left).
 * @example const base = await serverDatabase(); const a = await openStore({ databaseUrl: base.url });
 */
export async function serverDatabase(): Promise<{ readonly url: string; drop(): Promise<void> }> {
  const name = `raadsinfo_test_${randomBytes(6).toString("hex")}`;
  await onServer(`create database ${name}`);
  const url = new URL(TEST_DATABASE_URL);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: () => onServer(`drop database if exists ${name} with (force)`),
  };
}

/** One statement on the server's maintenance connection (create or drop a database). */
async function onServer(statement: string): Promise<void> {
  const client = new pg.Client({ connectionString: TEST_DATABASE_URL });
  await client.connect();
  try {
    await client.query(statement);
  } finally {
    await client.end();
  }
}

/**
 * Runs `suite` once per backend, with a fresh store opened before and closed after.
 * @example forEachBackend("import", (get) => { it("stores items", async () => { const { db } = get(); ... }) })
 */
export function forEachBackend(
  name: string,
  suite: (store: () => Store, backend: TestBackend) => void,
): void {
  for (const backend of testBackends()) {
    describe(`${name} [${backend.name}]`, async () => {
      let store: Store | undefined;
      const skip =
        backend.name === "postgres" && !process.env.CI && !(await serverReachable())
          ? "PostgreSQL server not reachable (set TEST_DATABASE_URL); runs in CI"
          : false;
      if (skip) {
        describe("skipped", { skip }, () => {});
        return;
      }
      before(async () => {
        store = await backend.open();
      });
      after(async () => {
        await store?.close();
      });
      suite(() => {
        if (!store) throw new Error("store not open");
        return store;
      }, backend);
    });
  }
}
