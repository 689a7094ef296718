/**
 * Child process for crash-recovery.test.ts: imports a document into a PGlite store and announces on
 * stdout when it is midway ("midway") or done ("done"), then waits to be killed with SIGKILL.
 * Usage: node --import tsx test/store/crash-writer.ts DATA_DIR midway|done
 */
import { importDocument, openStore } from "../../src/store/index.js";
import { buildItem, buildMinutes } from "../support/documents.js";

const [dataDir, stopAt] = process.argv.slice(2);
const store = await openStore({ dataDir });
const items = Array.from({ length: 120 }, (_, i) => buildItem(`2.${i + 1}`));
const doc = buildMinutes({ body: `KKR Nedbrud ${stopAt}`, items });
const forever = () => new Promise<never>(() => setInterval(() => {}, 1000));
await importDocument(store.db, doc, {
  onStep: async (what) => {
    if (what === "items" && stopAt === "midway") {
      process.stdout.write("midway\n");
      await forever();
    }
  },
});
process.stdout.write("done\n");
await forever();
