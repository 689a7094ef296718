/** @module Paths of the shared seed and gold files, which live in ../shared beside the repository root. */
import { readdirSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), "..", "..");
const sharedRoot = resolve(repoRoot, "..", "shared");

/** Finds a file in a shared folder by its full name or by its prefix ("004" finds "004_5f8a....txt"). */
function findShared(folder: string, name: string, ext: string): string {
  const dir = join(sharedRoot, folder);
  const files = readdirSync(dir);
  const exact = files.find((file) => file === name);
  if (exact) return join(dir, exact);
  const byPrefix = files.find((file) => file.startsWith(name) && file.endsWith(ext));
  if (!byPrefix) throw new Error(`no ${folder} file for ${name} in ${dir}`);
  return join(dir, byPrefix);
}

/** Absolute path of a seed file: `seedPath("004")` or `seedPath("004_5f8a3532f4c6e49a.txt")`. */
export function seedPath(name: string): string {
  return findShared("seeds", name, ".txt");
}

/** Absolute path of a gold file: `goldPath("004")`. */
export function goldPath(name: string): string {
  return findShared("gold", name, ".json");
}

/** Absolute path of a real PDF in ../shared/real-pdf: `realPdfPath("kl-det-naere-sundhedsvaesen-2012-bilag.pdf")`. */
export function realPdfPath(name: string): string {
  return findShared("real-pdf", name, ".pdf");
}
