/**
 * @module The entry of the parser's worker thread (see worker-parser.ts): parses the files posted to
 * it, one at a time, with the Danish dictionary loaded once (scanned PDF pages read by OCR), and posts
 * back each ParsedDocument or the one-line reason it could not be read, and OCR's progress meanwhile.
 */
import { parentPort } from "node:worker_threads";
import { isIngestError, loadIngestOptions, parseSource, type SourceFile } from "../ingest/index.js";

export interface ParseRequest {
  readonly id: number;
  readonly source: SourceFile;
}

export type ParseReply =
  | { readonly id: number; readonly doc: import("../domain/index.js").ParsedDocument }
  | { readonly id: number; readonly failure: { readonly file: string; readonly problem: string } }
  /** A page of the file has been read by OCR: `done` of `total` pages without a text layer. */
  | { readonly id: number; readonly ocr: { readonly done: number; readonly total: number } };

const port = parentPort;
if (!port) throw new Error("parse-worker.ts runs as a worker thread");
const options = loadIngestOptions();

port.on("message", (request: ParseRequest) => {
  const { id, source } = request;
  options
    .then((loaded) =>
      // Scanned pages are read by OCR here, in the parser's thread; each page read is reported.
      parseSource(source, loaded, {
        ocr: { onPage: (done, total) => port.postMessage({ id, ocr: { done, total } } satisfies ParseReply) },
      }),
    )
    .then(
      (doc) => port.postMessage({ id, doc } satisfies ParseReply),
      (error: unknown) => {
        const problem = isIngestError(error)
          ? error.problem
          : `cannot be parsed (${error instanceof Error ? error.message.split("\n")[0] : String(error)})`;
        port.postMessage({ id, failure: { file: source.file, problem } } satisfies ParseReply);
      },
    );
});
