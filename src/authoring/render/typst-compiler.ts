/**
 * @module Typst, the engine of the documents Rådsinfo writes (agenda, minutes): one native compiler per
 * process from `@myriaddreamin/typst-ts-node-compiler` (Typst 0.14, prebuilt binary in an npm package, no
 * download at run time), compiling a template with its data passed as JSON through `sys.inputs`, so that
 * no text of the secretariat's is ever read as Typst markup. Output is a tagged PDF (PDF/UA-1).
 */
import { existsSync } from "node:fs";
import { tmpdir } from "node:os";
import { NodeCompiler } from "@myriaddreamin/typst-ts-node-compiler";
import { RenderError } from "./render-error.js";

/**
 * Font folders of the Debian packages .ci/run installs (fonts-liberation: the Arial-metric sans the KL
 * templates read like; fonts-dejavu-core). Typst's own fonts (Libertinus, New Computer Modern) are
 * built into the binary, so text with æøå always has a font even where these are missing.
 */
const FONT_DIRS = ["/usr/share/fonts/truetype/liberation", "/usr/share/fonts/truetype/dejavu"];

let compiler: NodeCompiler | null = null;

function sharedCompiler(): NodeCompiler {
  compiler ??= NodeCompiler.create({
    // Nothing is read from disk: the template and its data come in memory.
    workspace: tmpdir(),
    fontArgs: [{ fontPaths: FONT_DIRS.filter((dir) => existsSync(dir)) }],
  });
  return compiler;
}

/**
 * Compiles a Typst template to PDF. `data` reaches the template as `json(bytes(sys.inputs.data))`.
 *
 * @example
 * const pdf = compileTypstPdf('#let d = json(bytes(sys.inputs.data))\n#set document(title: d.title)\n#d.title', { title: "Dagsorden" });
 */
export function compileTypstPdf(template: string, data: unknown): Uint8Array {
  const typst = sharedCompiler();
  try {
    const pdf = typst.pdf(
      { mainFileContent: template, inputs: { data: JSON.stringify(data) } },
      { pdfStandard: "ua-1" },
    );
    return new Uint8Array(pdf.buffer, pdf.byteOffset, pdf.byteLength);
  } catch (error) {
    throw new RenderError("typst-failed", `Dokumentet kunne ikke sættes: ${typstMessage(error)}`, {
      cause: error,
    });
  } finally {
    // The compiler keeps the last compilation's caches; evicting keeps a long-running worker small.
    typst.evictCache(10);
  }
}

function typstMessage(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  // The binding reports Rust's debug form of its diagnostics: keep the messages alone.
  const messages = [...text.matchAll(/message: "((?:[^"\\]|\\.)*)"/g)].map((match) => match[1]);
  return (messages.length > 0 ? messages.join("; ") : text).slice(0, 300);
}
