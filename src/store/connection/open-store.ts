/**
 * @module Opens the store: PGlite in a data directory by default, a PostgreSQL server when a URL is given.
 * Both run the same migrations; callers get one Kysely instance and never learn which backend it is. On a
 * server a read replica may be named too (issue 17): `readDb` then queries it, on connections that refuse
 * to write, so a read-only page that writes by mistake fails at once instead of writing to a copy.
 */
import { access, mkdir } from "node:fs/promises";
import { basename, join } from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { pg_trgm } from "@electric-sql/pglite/contrib/pg_trgm";
import { Kysely, Migrator, PostgresDialect, sql } from "kysely";
import pg from "pg";
import type { Database } from "../schema.js";
import { migrations } from "./migrations/index.js";
import { PGliteDialect } from "./pglite-driver.js";
import { preparingPool } from "./prepared-statements.js";
import { StoreError } from "./store-error.js";
import { acquireStoreLock, type StoreLock } from "./store-lock.js";

export type Backend = "pglite" | "postgres";

export interface StoreOptions {
  /** PostgreSQL connection URL; when set, the server is used. */
  readonly databaseUrl?: string | undefined;
  /** PGlite data directory (default ./data). `memory://` keeps it in memory. */
  readonly dataDir?: string | undefined;
  /**
   * PostgreSQL connection URL of a read replica of `databaseUrl` (a streaming standby, or any copy kept
   * up to date); `readDb` queries it. Only with `databaseUrl`.
   */
  readonly readDatabaseUrl?: string | undefined;
  /** PostgreSQL schema to use (tests give each suite a fresh one). */
  readonly schema?: string | undefined;
  /**
   * The command opening the store, named in the lock of a PGlite data directory, so that another process
   * turned away knows who has it (default: the script's name).
   */
  readonly owner?: string | undefined;
}

export interface Store {
  readonly db: Kysely<Database>;
  /**
   * Where read-only work may go: the read replica's connections, read-only by `default_transaction_read_only`,
   * when `readDatabaseUrl` was given; else `db` itself.
   */
  readonly readDb: Kysely<Database>;
  readonly backend: Backend;
  /** A line for logs: "PGlite in ./data" or "PostgreSQL at host/db". */
  readonly description: string;
  /** The lock of a PGlite data directory (null on the server and in memory, where none is needed). */
  readonly lock: StoreLock | null;
  close(): Promise<void>;
}

const DATE_OID = 1082;
const INT8_OID = 20;
const NUMERIC_OID = 1700;
/** Dates stay ISO strings ("2024-09-20"): they are calendar days, not instants. */
const keepText = (value: string): string => value;
/** count(*) is bigint; our counts fit a number. */
const toNumber = (value: string): number => Number(value);

/**
 * Opens and migrates the store.
 * @example const store = await openStore({ dataDir: "./data" });
 */
export async function openStore(options: StoreOptions = {}): Promise<Store> {
  if (options.readDatabaseUrl && !options.databaseUrl) {
    throw new StoreError("a read replica needs the PostgreSQL server it copies: give its URL too");
  }
  const store = options.databaseUrl
    ? await openPostgres(options.databaseUrl, options.schema)
    : await openPGlite(options.dataDir ?? "./data", options.owner ?? basename(process.argv[1] ?? "node"));
  try {
    await migrate(store.db, options.databaseUrl ? options.schema : undefined);
  } catch (error) {
    await store.close();
    throw error;
  }
  if (!options.readDatabaseUrl) return store;
  const replica = await openReplica(options.readDatabaseUrl, options.schema).catch(async (error: unknown) => {
    await store.close();
    throw error;
  });
  return {
    ...store,
    readDb: replica,
    description: `${store.description}, reads from ${redact(options.readDatabaseUrl)}`,
    close: async () => {
      try {
        await replica.destroy();
      } finally {
        await store.close();
      }
    },
  };
}

async function openPGlite(dataDir: string, owner: string): Promise<Store> {
  const inMemory = dataDir.startsWith("memory://");
  let lock: StoreLock | null = null;
  if (!inMemory) {
    await mkdir(dataDir, { recursive: true }).catch((error: unknown) => {
      throw new StoreError(`cannot create the data directory ${dataDir}: ${reason(error)}`);
    });
    // Before PGlite touches the files: a second process in the same directory corrupts it.
    lock = await acquireStoreLock(dataDir, owner);
  }
  let client: PGlite;
  const options = {
    extensions: { pg_trgm },
    parsers: { [DATE_OID]: keepText, [INT8_OID]: toNumber, [NUMERIC_OID]: toNumber },
  };
  try {
    const loadDataDir = inMemory || (await isCluster(dataDir)) ? undefined : await freshCluster();
    client = await PGlite.create(inMemory ? undefined : dataDir, {
      ...options,
      ...(loadDataDir ? { loadDataDir } : {}),
    });
  } catch (error) {
    await lock?.release();
    throw new StoreError(`cannot open the database in ${dataDir}: ${reason(error)}`);
  }
  const db = new Kysely<Database>({ dialect: new PGliteDialect(client) });
  return {
    db,
    readDb: db,
    backend: "pglite",
    description: inMemory ? "PGlite in memory" : `PGlite in ${dataDir}`,
    lock,
    close: async () => {
      try {
        await db.destroy();
      } finally {
        await lock?.release();
      }
    },
  };
}

async function isCluster(dataDir: string): Promise<boolean> {
  return access(join(dataDir, "PG_VERSION")).then(
    () => true,
    () => false,
  );
}

/**
 * A new cluster made in memory and handed over as a tarball: PGlite's initdb straight into a folder
 * takes 10-20 s here (a file at a time through its virtual file system), in memory it takes 4-5 s and
 * loading the tarball under 1 s. That keeps a first `npm start` well inside a minute.
 */
async function freshCluster(): Promise<Blob> {
  const scratch = await PGlite.create();
  try {
    return await scratch.dumpDataDir("none");
  } finally {
    await scratch.close();
  }
}

const serverTypes = {
  getTypeParser: (oid: number, format?: "text" | "binary") => {
    if (oid === DATE_OID) return keepText;
    if (oid === INT8_OID || oid === NUMERIC_OID) return toNumber;
    return pg.types.getTypeParser(oid, format);
  },
};

/** A pool on the server; `settings` become each connection's defaults (`-c name=value`). */
function serverPool(url: string, settings: Readonly<Record<string, string>>): pg.Pool {
  const options = Object.entries(settings).map(([name, value]) => `-c ${name}=${value}`);
  const pool = new pg.Pool({
    connectionString: url,
    max: 10,
    types: serverTypes,
    ...(options.length > 0 ? { options: options.join(" ") } : {}),
  });
  // An idle connection the server ends (a restart, a dropped database, an administrator) is taken out of
  // the pool; without a listener pg's pool would throw it at the process and stop the portal.
  pool.on("error", (error) => {
    console.error(`raadsinfo: a PostgreSQL connection was closed by the server: ${reason(error)}`);
  });
  return pool;
}

function searchPath(schema: string | undefined): Record<string, string> {
  return schema ? { search_path: `${schema},public` } : {};
}

async function openPostgres(databaseUrl: string, schema: string | undefined): Promise<Store> {
  const pool = serverPool(databaseUrl, searchPath(schema));
  try {
    const client = await pool.connect();
    try {
      if (schema) await client.query(`create schema if not exists "${schema.replace(/"/g, "")}"`);
    } finally {
      client.release();
    }
  } catch (error) {
    await pool.end();
    throw new StoreError(`cannot connect to PostgreSQL at ${redact(databaseUrl)}: ${reason(error)}`);
  }
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool: preparingPool(pool) }) });
  return {
    db,
    readDb: db,
    backend: "postgres",
    description: `PostgreSQL at ${redact(databaseUrl)}`,
    lock: null,
    close: () => db.destroy(),
  };
}

/**
 * The replica's handle. Its connections start every transaction read-only, so a write sent there by
 * mistake fails ("cannot execute INSERT in a read-only transaction") on a copy that would accept it as on
 * a standby that could not; the replica is not migrated, it must be a copy of the migrated primary.
 */
async function openReplica(url: string, schema: string | undefined): Promise<Kysely<Database>> {
  const pool = serverPool(url, { ...searchPath(schema), default_transaction_read_only: "on" });
  try {
    const client = await pool.connect();
    try {
      const tables = await client.query("select to_regclass($1) is not null as migrated", [
        migrationTable(schema),
      ]);
      if (!tables.rows[0]?.migrated) {
        throw new Error("it has no Rådsinfo tables; it must be a copy of the primary database");
      }
    } finally {
      client.release();
    }
  } catch (error) {
    await pool.end();
    throw new StoreError(`cannot read from the replica at ${redact(url)}: ${reason(error)}`);
  }
  return new Kysely<Database>({ dialect: new PostgresDialect({ pool: preparingPool(pool) }) });
}

async function migrate(db: Kysely<Database>, schema: string | undefined): Promise<void> {
  // Kysely's migrator lists every table before it decides there is nothing to do (0.5 s on PGlite, at
  // every start of every command): one look at the newest migration applied answers that first.
  if (await isUpToDate(db, schema)) return;
  // pg_trgm lives in public on a server (shared by test schemas); PGlite loads it the same way.
  try {
    await sql`create extension if not exists pg_trgm with schema public`.execute(db);
  } catch (error) {
    // Two processes creating it at once: one wins, the other sees a duplicate; both can go on.
    const present = await sql<{
      n: number;
    }>`select count(*)::int as n from pg_extension where extname = 'pg_trgm'`.execute(db);
    if (present.rows[0]?.n !== 1) throw error;
  }
  const migrator = new Migrator({
    db,
    provider: { getMigrations: async () => ({ ...migrations }) },
    // Kysely looks for its own tables across schemas; name ours, or another schema's would be found.
    ...(schema ? { migrationTableSchema: schema } : {}),
    // Work on separate branches takes migration numbers ahead of time; a store that already ran a later
    // one still runs an earlier one that lands after it.
    allowUnorderedMigrations: true,
  });
  const { error, results } = await migrator.migrateToLatest();
  if (error) {
    const failed = results?.find((r) => r.status === "Error")?.migrationName ?? "unknown";
    throw new StoreError(`migration ${failed} failed: ${reason(error)}`);
  }
}

const LATEST_MIGRATION = Object.keys(migrations).sort().at(-1);

/**
 * The migration table of the store's own schema, named in full: unqualified, the search path
 * (`schema,public`) would find public's when the schema has none yet, and a new schema on a database
 * whose public schema holds a migrated store would be taken as migrated and left without tables.
 */
function migrationTable(schema: string | undefined): string {
  return schema ? `${schema}.kysely_migration` : "kysely_migration";
}

async function isUpToDate(db: Kysely<Database>, schema: string | undefined): Promise<boolean> {
  try {
    const newest = await sql<{ name: string }>`
      select name from ${sql.table(migrationTable(schema))} order by name desc limit 1`.execute(db);
    return newest.rows[0]?.name === LATEST_MIGRATION;
  } catch {
    return false; // no migration table yet: a new store
  }
}

function reason(error: unknown): string {
  return error instanceof Error ? error.message.split("\n")[0]! : String(error);
}

/** Hides a password in a connection URL. */
function redact(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = "***";
    return `${parsed.host}${parsed.pathname}`;
  } catch {
    return "(invalid URL)";
  }
}
