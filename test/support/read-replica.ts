/**
 * @module Two databases on the test server for the DATABASE_READ_URL suites (issue 17): an empty primary
 * and a "replica" holding the demo meeting, so a public page that reads the wrong one shows it.
 */
import { loadDemoIfEmpty } from "../../src/demo/load-demo.js";
import { openStore } from "../../src/store/index.js";
import { serverDatabase } from "./stores.js";

export interface PrimaryAndReplica {
  /** Empty until the suite migrates it (openStore, or serve). */
  readonly primaryUrl: string;
  /** Migrated, with the demo meeting; its "Mente du" words still queued (the demo load does not take them in). */
  readonly replicaUrl: string;
  drop(): Promise<void>;
}

/** Makes both databases; `drop()` removes them. */
export async function primaryAndDemoReplica(): Promise<PrimaryAndReplica> {
  const primary = await serverDatabase();
  const replica = await serverDatabase();
  const copy = await openStore({ databaseUrl: replica.url });
  try {
    await loadDemoIfEmpty(copy.db);
  } finally {
    await copy.close();
  }
  return {
    primaryUrl: primary.url,
    replicaUrl: replica.url,
    drop: async () => {
      await primary.drop();
      await replica.drop();
    },
  };
}
