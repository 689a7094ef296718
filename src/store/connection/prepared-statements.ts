/**
 * @module Named prepared statements on the PostgreSQL server for the few statements the portal runs on
 * every page view. Kysely sends each query unnamed, so the server parses and plans it anew every time;
 * for the meeting page that was half the backend's CPU. A statement registered here is sent with a
 * name instead, and pg prepares it once per connection and reuses the server's plan cache after.
 * Only fixed statements may be registered (compile-once.ts): every name lives as long as its connection.
 */
import type { PostgresPool, PostgresPoolClient } from "kysely";
import type pg from "pg";

const names = new Map<string, string>();

/** Marks an SQL text to run as a named prepared statement on the server. */
export function prepareOnServer(sqlText: string): void {
  if (!names.has(sqlText)) names.set(sqlText, `raadsinfo_${names.size + 1}`);
}

/**
 * Wraps a pg pool for Kysely: a registered SQL text goes to the server as a named statement, anything
 * else as before. The wrapper per client is kept, since Kysely finds its connection by client identity.
 */
export function preparingPool(pool: pg.Pool): PostgresPool {
  const wrapped = new WeakMap<pg.PoolClient, PostgresPoolClient>();
  const wrap = (client: pg.PoolClient): PostgresPoolClient => {
    const plain = client as unknown as PostgresPoolClient;
    const query = ((...args: [string, readonly unknown[]]) => {
      const [text, parameters] = args;
      const name = typeof text === "string" ? names.get(text) : undefined;
      if (name) return client.query({ name, text, values: [...parameters] });
      // Unnamed queries and Kysely's cursors go through exactly as Kysely sent them.
      return plain.query(...args);
    }) as PostgresPoolClient["query"];
    return { query, release: () => client.release() };
  };
  return {
    connect: async () => {
      const client = await pool.connect();
      let facade = wrapped.get(client);
      if (!facade) {
        facade = wrap(client);
        wrapped.set(client, facade);
      }
      return facade;
    },
    end: () => pool.end(),
  };
}
