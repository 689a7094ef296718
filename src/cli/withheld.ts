/**
 * @module `raadsinfo withheld [--body NAME] [--json]` lists what the store withholds from the public (closed
 * items, annexes no meeting claims, pages with a CPR number), and `raadsinfo withheld release item|file ID`
 * or `release page FILE-ID:PAGE` releases one, audited, as the machine's administrator. Until the
 * secretariat's workspace has its own screen for this, it is how an unlinked annex pack is made public.
 */

import { ReleaseRefused, withheldReleaser } from "../authoring/withheld-releaser.js";
import { formatDanishDate } from "../domain/index.js";
import { listWithheld, type WithheldEntry, type WithheldThing } from "../store/index.js";
import { plural } from "./plural.js";
import { openStoreFromFlags, type StoreFlags } from "./store-options.js";
import { formatTable } from "./summary-table.js";
import { UsageError } from "./usage-error.js";

export interface WithheldFlags extends StoreFlags {
  readonly body?: string | undefined;
  readonly json?: boolean | undefined;
}

const USAGE =
  "use raadsinfo withheld [--body NAME] or raadsinfo withheld release item|file ID | page FILE-ID:PAGE";

export async function withheldCommand(args: readonly string[], flags: WithheldFlags): Promise<void> {
  const [verb, kind, id, ...rest] = args;
  if (verb === undefined) return listCommand(flags);
  if (verb !== "release" || rest.length > 0) throw new UsageError(USAGE);
  const thing = thingOf(kind, id);
  const store = await openStoreFromFlags(flags, "withheld");
  try {
    const { released } = await withheldReleaser({
      db: store.db,
      viewer: { kind: "administrator" },
      actor: { userId: null, tokenId: null },
      thing,
    });
    console.log(
      released ? `Released ${kind} ${id}: the public now sees it.` : `${kind} ${id} was not withheld.`,
    );
  } catch (error) {
    if (error instanceof ReleaseRefused) throw new UsageError(`${kind} ${id}: ${error.message}`, 1);
    throw error;
  } finally {
    await store.close();
  }
}

function thingOf(kind: string | undefined, id: string | undefined): WithheldThing {
  const whole = (value: string | undefined) => (value && /^[1-9]\d{0,9}$/.test(value) ? Number(value) : null);
  if ((kind === "item" || kind === "file") && whole(id) !== null) return { kind, id: whole(id) as number };
  const [fileId, page] = (id ?? "").split(":");
  if (kind === "page" && whole(fileId) !== null && whole(page) !== null) {
    return { kind, fileId: whole(fileId) as number, page: whole(page) as number };
  }
  throw new UsageError(USAGE);
}

async function listCommand(flags: WithheldFlags): Promise<void> {
  const store = await openStoreFromFlags(flags, "withheld");
  try {
    const bodies = await store.db
      .selectFrom("body")
      .select(["id", "name"])
      .where("deleted", "=", false)
      .orderBy("name")
      .execute();
    const wanted = flags.body === undefined ? bodies : bodies.filter((b) => b.name === flags.body);
    if (flags.body !== undefined && wanted.length === 0)
      throw new UsageError(`no body named "${flags.body}"`, 1);
    const groups: { body: string | null; entries: WithheldEntry[] }[] = [];
    for (const body of wanted)
      groups.push({ body: body.name, entries: await listWithheld(store.db, { bodyId: body.id }) });
    // What no body claims (an annex pack that names no meeting) is listed once, under no body.
    if (flags.body === undefined)
      groups.push({ body: null, entries: await listWithheld(store.db, { bodyId: null }) });
    const all = groups.flatMap((g) => g.entries.map((entry) => ({ body: g.body, ...entry })));
    if (flags.json) {
      process.stdout.write(`${JSON.stringify(all, null, 2)}\n`);
      return;
    }
    if (all.length === 0) {
      console.log("Nothing is withheld.");
      return;
    }
    const rows = all.map((e) => [
      e.thing.kind === "page" ? `page ${e.thing.fileId}:${e.thing.page}` : `${e.thing.kind} ${e.thing.id}`,
      e.reason,
      e.body ?? "-",
      e.date ? formatDanishDate(e.date) : "-",
      e.title,
    ]);
    console.log(formatTable(["what", "why", "body", "meeting", "title"], rows));
    console.log(
      `\n${plural(all.length, "thing")} withheld; raadsinfo withheld release KIND ID releases one.`,
    );
  } finally {
    await store.close();
  }
}
