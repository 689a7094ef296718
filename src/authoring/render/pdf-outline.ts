/**
 * @module PDF bookmarks (the document outline) for pdf-lib, which has no API for them: a tree of titled
 * entries, each opening a page, written as the Outlines dictionary of PDF 1.7 section 12.3.3.
 */
import { type PDFDocument, PDFHexString, PDFName, PDFNumber, type PDFRef } from "pdf-lib";

/** One bookmark: its title, the 0-based page it opens, and bookmarks under it. */
export interface OutlineEntry {
  readonly title: string;
  readonly pageIndex: number;
  readonly children?: readonly OutlineEntry[];
}

/**
 * Writes the bookmarks into the document and makes a viewer show them on opening.
 *
 * @example
 * addOutline(doc, [{ title: "2.3 Status", pageIndex: 1, children: [{ title: "Bilag 1: Notat", pageIndex: 1 }] }]);
 */
export function addOutline(doc: PDFDocument, entries: readonly OutlineEntry[]): void {
  if (entries.length === 0) return;
  const context = doc.context;
  const pages = doc.getPages();
  const rootRef = context.nextRef();
  const writeLevel = (
    level: readonly OutlineEntry[],
    parent: PDFRef,
  ): { first: PDFRef; last: PDFRef; count: number } => {
    const refs = level.map(() => context.nextRef());
    let count = level.length;
    level.forEach((entry, index) => {
      const ref = refs[index] as PDFRef;
      const page = pages[Math.min(Math.max(entry.pageIndex, 0), pages.length - 1)];
      const dict = context.obj({});
      dict.set(PDFName.of("Title"), PDFHexString.fromText(entry.title));
      dict.set(PDFName.of("Parent"), parent);
      if (page) dict.set(PDFName.of("Dest"), context.obj([page.ref, PDFName.of("Fit")]));
      const previous = refs[index - 1];
      const next = refs[index + 1];
      if (previous) dict.set(PDFName.of("Prev"), previous);
      if (next) dict.set(PDFName.of("Next"), next);
      if (entry.children && entry.children.length > 0) {
        const children = writeLevel(entry.children, ref);
        dict.set(PDFName.of("First"), children.first);
        dict.set(PDFName.of("Last"), children.last);
        // Positive: the entry is open, its children shown.
        dict.set(PDFName.of("Count"), PDFNumber.of(children.count));
        count += children.count;
      }
      context.assign(ref, dict);
    });
    return { first: refs[0] as PDFRef, last: refs[refs.length - 1] as PDFRef, count };
  };
  const top = writeLevel(entries, rootRef);
  const root = context.obj({});
  root.set(PDFName.of("Type"), PDFName.of("Outlines"));
  root.set(PDFName.of("First"), top.first);
  root.set(PDFName.of("Last"), top.last);
  root.set(PDFName.of("Count"), PDFNumber.of(top.count));
  context.assign(rootRef, root);
  doc.catalog.set(PDFName.of("Outlines"), rootRef);
  doc.catalog.set(PDFName.of("PageMode"), PDFName.of("UseOutlines"));
}
