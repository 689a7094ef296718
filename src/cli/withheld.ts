/**
 * @module `raadsinfo withheld [--body NAME] [--json]` lists what the store withholds from the public (closed
 * items, annexes no meeting claims, pages with a CPR number), and `raadsinfo withheld release item|file ID`
 * or `release page FILE-ID:PAGE` releases one (an item with its annexes withheld for the same reason), and
 * `raadsinfo withheld replace FILE-ID COPY` replaces an annex with a redacted copy; each audited, as the
 * machine's administrator. The secretariat does the same at /sekretariat/tilbageholdt.
 */

import { fileRedactor, RedactionRefused } from "../authoring/file-redactor.js";
import { ReleaseRefused, withheldReleaser } from "../authoring/withheld-releaser.js";
import { formatDanishDate } from "../domain/index.js";
import { readSourceFile } from "../ingest/index.js";
import { listWithheldGroups, type WithheldThing } from "../store/index.js";
import { plural } from "./plural.js";
import { openStoreFromFlags, type StoreFlags } from "./store-options.js";
import { formatTable } from "./summary-table.js";
import { UsageError } from "./usage-error.js";

export interface WithheldFlags extends StoreFlags {
  readonly body?: string | undefined;
  readonly json?: boolean | undefined;
}

const USAGE =
  "use raadsinfo withheld [--body NAME], raadsinfo withheld release item|file ID | page FILE-ID:PAGE, or raadsinfo withheld replace FILE-ID REDACTED-FILE";

export async function withheldCommand(args: readonly string[], flags: WithheldFlags): Promise<void> {
  const [verb, kind, id, ...rest] = args;
  if (verb === undefined) return listCommand(flags);
  if (verb === "replace" && rest.length === 0) return replaceCommand(kind, id, flags);
  if (verb !== "release" || rest.length > 0) throw new UsageError(USAGE);
  const thing = thingOf(kind, id);
  const store = await openStoreFromFlags(flags, "withheld");
  try {
    const { released, files, pages } = await withheldReleaser({
      db: store.db,
      viewer: { kind: "administrator" },
      actor: { userId: null, tokenId: null },
      thing,
    });
    console.log(
      released ? `Released ${kind} ${id}: the public now sees it.` : `${kind} ${id} was not withheld.`,
    );
    if (files.length + pages.length > 0) {
      const what = [...files.map((f) => `file ${f}`), ...pages.map((p) => `page ${p.fileId}:${p.page}`)];
      console.log(`Released with it, withheld for the same reason: ${what.join(", ")}.`);
    }
  } catch (error) {
    if (error instanceof ReleaseRefused) throw new UsageError(`${kind} ${id}: ${error.message}`, 1);
    throw error;
  } finally {
    await store.close();
  }
}

/** `withheld replace FILE-ID COPY`: the copy is read as import reads a file, within the same bounds. */
async function replaceCommand(id: string | undefined, path: string | undefined, flags: WithheldFlags) {
  if (!id || !/^[1-9]\d{0,9}$/.test(id) || !path) throw new UsageError(USAGE);
  // Read before the store opens: a missing or oversized file is refused with import's own line.
  const source = await readSourceFile(path);
  const store = await openStoreFromFlags(flags, "withheld");
  try {
    const { unchanged, file, replaced } = await fileRedactor({
      db: store.db,
      viewer: { kind: "administrator" },
      actor: { userId: null, tokenId: null },
      fileId: Number(id),
      copy: { fileName: source.file, bytes: source.bytes },
    });
    if (unchanged || !replaced) {
      console.log(`File ${id} ("${file.title}") already is ${source.file}: nothing changed.`);
      return;
    }
    const { before, after } = replaced;
    console.log(
      `Replaced file ${id} ("${file.title}") with ${after.fileName}: ${plural(after.pages, "page")} (was ${before.pages}), sha256 ${after.sha256.slice(0, 12)}…; ${after.withheld === null ? "the public now sees it" : `still withheld (${after.withheld})`}.`,
    );
  } catch (error) {
    if (error instanceof RedactionRefused) throw new UsageError(error.message, 1);
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
    const every = await listWithheldGroups(store.db, { bodies: "all" });
    const groups = flags.body === undefined ? every : every.filter((g) => g.body?.name === flags.body);
    if (flags.body !== undefined && groups.length === 0)
      throw new UsageError(`no body named "${flags.body}"`, 1);
    const all = groups.flatMap((g) => g.entries.map((entry) => ({ body: g.body?.name ?? null, ...entry })));
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
