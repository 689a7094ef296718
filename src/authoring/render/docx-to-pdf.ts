/**
 * @module DOCX annexes to PDF for the pack, through LibreOffice headless (Debian libreoffice-writer-nogui):
 * `soffice --headless --convert-to pdf` in a temporary folder of its own, with its own user profile so
 * that two conversions at once do not meet in LibreOffice's single-instance lock, and a time limit after
 * which the whole process group is ended.
 */
import { spawn } from "node:child_process";
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { RenderError } from "./render-error.js";

export interface DocxToPdfOptions {
  /** The file's name, for error messages ("Referat.docx"). */
  readonly name?: string;
  /** Milliseconds before the conversion is given up; LibreOffice's first start can take seconds. */
  readonly timeoutMs?: number;
  /** The LibreOffice program; "soffice" on the PATH unless given. */
  readonly soffice?: string;
}

const DEFAULT_TIMEOUT_MS = 120_000;

/**
 * Converts a DOCX to PDF.
 *
 * @example
 * const pdf = await convertDocxToPdf(docxBytes, { name: "Notat.docx" });
 * @throws RenderError: "docx-converter-missing" without LibreOffice, "docx-conversion-timeout" past the
 *   time limit, "docx-conversion-failed" when LibreOffice writes no PDF.
 */
export async function convertDocxToPdf(
  docx: Uint8Array,
  options: DocxToPdfOptions = {},
): Promise<Uint8Array> {
  const name = options.name ?? "dokumentet";
  // LibreOffice converts nearly anything, garbage included, into some PDF: a DOCX is a zip archive.
  if (!(docx[0] === 0x50 && docx[1] === 0x4b && docx[2] === 0x03 && docx[3] === 0x04)) {
    throw new RenderError(
      "docx-conversion-failed",
      `${name} er ikke et Word-dokument (DOCX) og kan ikke konverteres.`,
    );
  }
  const dir = await mkdtemp(join(tmpdir(), "raadsinfo-docx-"));
  try {
    const input = join(dir, "bilag.docx");
    await writeFile(input, docx);
    const args = [
      "--headless",
      "--norestore",
      "--nolockcheck",
      "--nodefault",
      "--nofirststartwizard",
      `-env:UserInstallation=${pathToFileURL(join(dir, "profile")).href}`,
      "--convert-to",
      "pdf",
      "--outdir",
      dir,
      input,
    ];
    const outcome = await run(options.soffice ?? "soffice", args, options.timeoutMs ?? DEFAULT_TIMEOUT_MS);
    if (outcome.kind === "missing") {
      throw new RenderError(
        "docx-converter-missing",
        `${name} kan ikke konverteres til PDF: LibreOffice (soffice) er ikke installeret på serveren.`,
      );
    }
    if (outcome.kind === "timeout") {
      throw new RenderError(
        "docx-conversion-timeout",
        `${name} kunne ikke konverteres til PDF inden for tidsgrænsen.`,
      );
    }
    let pdf: Buffer;
    try {
      pdf = await readFile(join(dir, "bilag.pdf"));
    } catch (error) {
      throw new RenderError(
        "docx-conversion-failed",
        `${name} kunne ikke konverteres til PDF; er det et gyldigt Word-dokument?`,
        {
          cause: new Error(`soffice exited ${outcome.code}: ${outcome.stderr.slice(0, 500)}`, {
            cause: error,
          }),
        },
      );
    }
    return new Uint8Array(pdf.buffer, pdf.byteOffset, pdf.byteLength);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

type RunOutcome =
  | { readonly kind: "exited"; readonly code: number | null; readonly stderr: string }
  | { readonly kind: "missing" }
  | { readonly kind: "timeout" };

/** Runs the program in a process group of its own, so a timeout ends LibreOffice's helpers too. */
function run(program: string, args: readonly string[], timeoutMs: number): Promise<RunOutcome> {
  return new Promise((resolve) => {
    const child = spawn(program, args, { detached: true, stdio: ["ignore", "ignore", "pipe"] });
    let stderr = "";
    child.stderr?.on("data", (chunk: Buffer) => {
      if (stderr.length < 4_000) stderr += chunk.toString("utf8");
    });
    const timer = setTimeout(() => {
      if (child.pid !== undefined) {
        try {
          process.kill(-child.pid, "SIGKILL");
        } catch {
          // Already gone.
        }
      }
      resolve({ kind: "timeout" });
    }, timeoutMs);
    child.on("error", (error: NodeJS.ErrnoException) => {
      clearTimeout(timer);
      resolve(
        error.code === "ENOENT" ? { kind: "missing" } : { kind: "exited", code: null, stderr: error.message },
      );
    });
    child.on("close", (code) => {
      clearTimeout(timer);
      resolve({ kind: "exited", code, stderr });
    });
  });
}
