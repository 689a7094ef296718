/**
 * @module The edge of ingest that touches the file system: reads a source file and hashes it, and lists
 * the source files under the paths given.
 */
import { createHash } from "node:crypto";
import { readdir, readFile, stat } from "node:fs/promises";
import { basename, extname, join, resolve } from "node:path";
import { IngestError } from "./ingest-error.js";
import type { SourceFile } from "./types.js";

/** Largest file ingest reads: the issue asks for a clean refusal of a 200 MB file, before reading it. */
export const MAX_SOURCE_FILE_BYTES = 200 * 1024 * 1024;

/** File endings ingest reads. */
export const SOURCE_EXTENSIONS: readonly string[] = [".pdf", ".txt", ".docx"];

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
          : `cannot be read (${error instanceof Error ? error.message : String(error)})`;
  return new IngestError(file, problem, { cause: error });
}

/**
 * Lists the source files under the given paths: files as given (whatever their ending), folders
 * recursively for .pdf, .txt and .docx files. Sorted, without duplicates. A path that does not exist is
 * an IngestError.
 *
 * @example
 * await listSourceFiles(["../shared/seeds"]); // [".../000_....txt", ...]
 */
export async function listSourceFiles(paths: readonly string[]): Promise<string[]> {
  const found = new Set<string>();
  for (const path of paths) {
    let info: Awaited<ReturnType<typeof stat>>;
    try {
      info = await stat(path);
    } catch (error) {
      throw asIngestError(path, error);
    }
    if (info.isDirectory()) await walk(resolve(path), found);
    else found.add(resolve(path));
  }
  return [...found].sort();
}

async function walk(dir: string, found: Set<string>): Promise<void> {
  const entries = await readdir(dir, { withFileTypes: true });
  for (const entry of entries) {
    if (entry.name.startsWith(".")) continue;
    const full = join(dir, entry.name);
    if (entry.isDirectory()) await walk(full, found);
    else if (entry.isFile() && SOURCE_EXTENSIONS.includes(extname(entry.name).toLowerCase())) found.add(full);
  }
}
