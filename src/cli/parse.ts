/** @module `raadsinfo parse FILE --json`: what Rådsinfo reads from one file; touches no database. */
import { loadIngestOptions, parseSource, readSourceFile } from "../ingest/index.js";

export async function parseCommand(path: string, flags: { json?: boolean | undefined }): Promise<void> {
  const [source, options] = await Promise.all([readSourceFile(path), loadIngestOptions()]);
  // Scanned pages are read by OCR, as import reads them; a terminal is told which page it is on.
  const onPage = process.stderr.isTTY
    ? (done: number, total: number) =>
        process.stderr.write(`\rOCR page ${done} of ${total}${done === total ? "\n" : ""}`)
    : undefined;
  const doc = await parseSource(source, options, { ocr: { onPage } });
  if (flags.json) {
    const { pageTexts: _pages, ...contract } = doc;
    process.stdout.write(`${JSON.stringify(contract, null, 2)}\n`);
    return;
  }
  const lines = [
    `${doc.source.file}: ${doc.kind}, ${doc.source.pages} pages`,
    `body: ${doc.body ?? "-"}   meeting: ${doc.meeting?.date ?? "-"}`,
    `attendance: ${doc.attendance.present.length} present, ${doc.attendance.absent.length} absent`,
    `items: ${doc.items.length}   contents entries: ${doc.toc.length}   documents: ${doc.documents.length}`,
    `amounts: ${doc.amounts.length}   warnings: ${doc.warnings.length}`,
    "(add --json for the whole ParsedDocument)",
  ];
  console.log(lines.join("\n"));
}
