/**
 * @module The edge of ingest that touches the file system: reads a source file and hashes it, and lists
 * the source files under the paths given.
 */
import { createHash } from "node:crypto";
import type { Dirent } from "node:fs";
import { readdir, readFile, stat } from "node:fs/promises";
import { basename, extname, join, resolve } from "node:path";
import { IngestError } from "./ingest-error.js";
import type { SourceFile } from "./types.js";

/** Largest file ingest reads: the issue asks for a clean refusal of a 200 MB file, before reading it. */
export const MAX_SOURCE_FILE_BYTES = 200 * 1024 * 1024;

/** File endings ingest reads. */
export const SOURCE_EXTENSIONS: readonly string[] = [".pdf", ".txt", ".docx", ".html", ".htm"];

/**
 * Reads one file and its sha256. Refuses a file over 200 MB before reading it, and turns any read error
 * into an IngestError naming the file.
 *
 * @example
 * const source = await readSourceFile("seeds/004.txt"); // { file: "004.txt", bytes, sha256 }
 */
export async function readSourceFile(path: string): Promise<SourceFile> {
  const file = basename(path);
  let size: number;
  try {
    const info = await stat(path);
    if (!info.isFile()) throw new IngestError(file, "not a file");
    size = info.size;
  } catch (error) {
    throw asIngestError(file, error);
  }
  if (size > MAX_SOURCE_FILE_BYTES) {
    throw new IngestError(
      file,
      `the file is larger than ${MAX_SOURCE_FILE_BYTES / 1024 / 1024} MB (${Math.round(size / 1024 / 1024)} MB)`,
    );
  }
  let bytes: Uint8Array;
  try {
    bytes = new Uint8Array(await readFile(path));
  } catch (error) {
    throw asIngestError(file, error);
  }
  return sourceFileOf(file, bytes);
}

/**
 * A source file from bytes received rather than read (an upload): its name and its sha256.
 * @example const source = sourceFileOf("referat.pdf", bytes); // { file: "referat.pdf", bytes, sha256 }
 */
export function sourceFileOf(file: string, bytes: Uint8Array): SourceFile {
  const sha256 = createHash("sha256").update(bytes).digest("hex");
  return { file, bytes, sha256 };
}

function asIngestError(file: string, error: unknown): IngestError {
  if (error instanceof IngestError) return error;
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  const problem =
    code === "ENOENT"
      ? "no such file"
      : code === "EACCES" || code === "EPERM"
        ? "permission denied"
        : code === "EISDIR"
          ? "is a folder, not a file"
          : code === "ENOTDIR"
            ? "no such file (a part of the path is not a folder)"
            : `cannot be read (${error instanceof Error ? error.message : String(error)})`;
  return new IngestError(file, problem, { cause: error });
}

/** A path found under the paths given: a source file to read, or an entry passed over and why. */
export type SourceEntry =
  | { readonly path: string; readonly skipped?: undefined }
  | { readonly path: string; readonly skipped: string };

/**
 * Lists what is under the given paths: files as given (whatever their ending), folders recursively for
 * .pdf, .txt, .docx, .html and .htm files. Everything else found is listed too, with the reason it is passed over
 * (another file type, a symbolic link, a folder that cannot be read, a path that does not exist), so a
 * caller can say so for each; one bad entry never stops the listing. Sorted, without duplicates.
 *
 * @example
 * await listSourceEntries(["../shared/seeds", "notes.odt"]);
 * // [{ path: ".../000_....txt" }, ..., { path: ".../notes.odt", skipped: "not a .pdf, .txt, .docx, .html or .htm file" }]
 */
export async function listSourceEntries(paths: readonly string[]): Promise<SourceEntry[]> {
  const found = new Map<string, SourceEntry>();
  for (const path of paths) {
    const full = resolve(path);
    let info: Awaited<ReturnType<typeof stat>>;
    try {
      info = await stat(full);
    } catch (error) {
      found.set(full, { path: full, skipped: asIngestError(path, error).problem });
      continue;
    }
    if (info.isDirectory()) await walk(full, found);
    else found.set(full, { path: full });
  }
  return [...found.values()].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}

/**
 * The source files under the given paths (see listSourceEntries), without the entries passed over.
 * @example await listSourceFiles(["../shared/seeds"]); // [".../000_....txt", ...]
 */
export async function listSourceFiles(paths: readonly string[]): Promise<string[]> {
  return (await listSourceEntries(paths)).flatMap((entry) => (entry.skipped ? [] : [entry.path]));
}

async function walk(dir: string, found: Map<string, SourceEntry>): Promise<void> {
  let entries: Dirent[];
  try {
    entries = await readdir(dir, { withFileTypes: true });
  } catch (error) {
    found.set(dir, {
      path: dir,
      skipped: `the folder cannot be read (${asIngestError(dir, error).problem})`,
    });
    return;
  }
  for (const entry of entries) {
    // Hidden files and folders (.git, .DS_Store) are not meeting records, and not worth a line each.
    if (entry.name.startsWith(".")) continue;
    const full = join(dir, entry.name);
    if (entry.isDirectory()) await walk(full, found);
    else if (entry.isSymbolicLink()) {
      // Not followed: a link can lead out of the folder or round in a loop. Name the target instead.
      found.set(full, { path: full, skipped: "a symbolic link (not followed; import its target by name)" });
    } else if (!entry.isFile()) found.set(full, { path: full, skipped: "not a regular file" });
    else if (SOURCE_EXTENSIONS.includes(extname(entry.name).toLowerCase())) found.set(full, { path: full });
    else found.set(full, { path: full, skipped: "not a .pdf, .txt, .docx, .html or .htm file" });
  }
}
