/**
 * @module Extraction of HTML pages (.html, .htm): a meeting page saved from a municipal portal, read with
 * a real HTML parser (parse5, the WHATWG algorithm browsers use) into lines as the other extractors give
 * them. Each block (heading, paragraph, list item, table row, a line broken by <br>) becomes a line;
 * scripts, styles, navigation and form controls are left out.
 */
import { type DefaultTreeAdapterTypes, parse } from "parse5";
import { IngestError } from "../ingest-error.js";
import type { ExtractedDocument, SourceFile, SourceLine } from "../types.js";
import { decodeText } from "./text.js";
import { decodeWindows1252 } from "./windows-1252.js";

type Node = DefaultTreeAdapterTypes.Node;
type Element = DefaultTreeAdapterTypes.Element;

/** Elements whose content is no text of the page: code, styling, navigation, controls, embedded media. */
const DROPPED = new Set([
  "script",
  "style",
  "noscript",
  "template",
  "nav",
  "head",
  "title",
  "button",
  "select",
  "option",
  "input",
  "textarea",
  "iframe",
  "object",
  "embed",
  "svg",
  "canvas",
  "video",
  "audio",
  "map",
]);

/** Elements that stand as blocks of their own: a line break before and after. */
const BLOCKS = new Set([
  "address",
  "article",
  "aside",
  "blockquote",
  "body",
  "caption",
  "center",
  "dd",
  "details",
  "dialog",
  "div",
  "dl",
  "dt",
  "fieldset",
  "figcaption",
  "figure",
  "footer",
  "form",
  "h1",
  "h2",
  "h3",
  "h4",
  "h5",
  "h6",
  "header",
  "hgroup",
  "hr",
  "html",
  "legend",
  "li",
  "main",
  "menu",
  "ol",
  "p",
  "pre",
  "section",
  "summary",
  "table",
  "tbody",
  "tfoot",
  "thead",
  "tr",
  "ul",
]);

const HEADINGS = new Set(["h1", "h2", "h3", "h4", "h5", "h6"]);
const BOLD = new Set(["b", "strong", "th"]);
const CELLS = new Set(["td", "th"]);

/** How many bytes at the start of a file the charset declaration is looked for in (as browsers do). */
const CHARSET_PRESCAN_BYTES = 1024;

/** A line while it is being built: its text pieces and whether all of its text is bold. */
interface OpenLine {
  text: string;
  boldChars: number;
  plainChars: number;
  heading: boolean;
}

/**
 * Extracts an HTML page as lines, every line on page 1 (a web page has no pages), blocks two blank
 * lines apart as DOCX paragraphs are. A heading, or a block set wholly in bold, is marked bold.
 *
 * Decoding: a byte order mark, else the charset the page declares in its first KiB (<meta charset> or
 * http-equiv Content-Type), else UTF-8 with Windows-1252 for bytes that are not UTF-8.
 *
 * @example
 * const doc = extractHtml({ file: "referat.html", bytes, sha256 });
 * doc.lines.find((l) => l.text.startsWith("Punkt 1"))?.bold; // true for an <h2>
 */
export function extractHtml(source: SourceFile): ExtractedDocument {
  const notes: string[] = [];
  const html = decodeHtml(source, notes);
  const document = parse(html);
  const lines = new LineCollector();
  walk(document, lines, { bold: false, heading: false, pre: false, content: false });
  return { format: "html", pages: 1, lines: lines.finish(), notes };
}

/** Decodes the bytes by the page's byte order mark or declared charset. */
function decodeHtml(source: SourceFile, notes: string[]): string {
  const bytes = source.bytes;
  const hasBom =
    (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) ||
    (bytes[0] === 0xff && bytes[1] === 0xfe) ||
    (bytes[0] === 0xfe && bytes[1] === 0xff);
  const declared = hasBom ? null : declaredCharset(bytes);
  if (declared === null || declared === "utf-8" || declared === "utf8") return decodeText(bytes, notes);
  if (
    declared === "windows-1252" ||
    declared === "iso-8859-1" ||
    declared === "latin1" ||
    declared === "us-ascii"
  ) {
    // The WHATWG encoding standard reads ISO-8859-1 and ASCII labels as Windows-1252.
    if (declared !== "us-ascii") notes.push(`decoded as Windows-1252 (declared ${declared})`);
    return decodeWindows1252(bytes);
  }
  try {
    const text = new TextDecoder(declared).decode(bytes);
    notes.push(`decoded as ${declared}`);
    return text;
  } catch {
    throw new IngestError(
      source.file,
      `the page declares the character set "${declared}", which cannot be read`,
    );
  }
}

/** The charset a page declares in its first KiB, lower case, or null. */
function declaredCharset(bytes: Uint8Array): string | null {
  // The declaration is ASCII in every charset a page may use, so the prescan reads the bytes as Latin-1.
  const head = String.fromCharCode(...bytes.subarray(0, CHARSET_PRESCAN_BYTES));
  const meta = /<meta\b[^>]{0,300}?\bcharset\s*=\s*["']?\s*([\w.:-]{1,40})/iu.exec(head);
  return meta?.[1] ? meta[1].toLowerCase() : null;
}

interface Style {
  readonly bold: boolean;
  readonly heading: boolean;
  /** Inside <pre>: line breaks and spaces are the text's own. */
  readonly pre: boolean;
  /** Inside the page's content (main, article, section), where a footer belongs to the text. */
  readonly content: boolean;
}

/** Elements that hold a page's content rather than its frame. */
const CONTENT = new Set(["main", "article", "section"]);

function isElement(node: Node): node is Element {
  return "tagName" in node;
}

function childrenOf(node: Node): readonly Node[] {
  if ("content" in node && node.nodeName === "template") return [];
  return "childNodes" in node ? node.childNodes : [];
}

function attribute(element: Element, name: string): string | null {
  return element.attrs.find((attr) => attr.name === name)?.value ?? null;
}

/**
 * True for an element that is no text of the page: hidden (the hidden attribute, aria-hidden,
 * display:none inline), navigation by its role, or the site's footer outside the page's content.
 */
function isLeftOut(element: Element, style: Style): boolean {
  if (attribute(element, "hidden") !== null || attribute(element, "aria-hidden") === "true") return true;
  if (/display\s*:\s*none/iu.test(attribute(element, "style") ?? "")) return true;
  if (attribute(element, "role") === "navigation") return true;
  return element.tagName === "footer" && !style.content;
}

/** The marker a browser shows before each entry of an ordered list: "1. ", "2. " or "a. ", "b. ". */
function listMarkers(list: Element): ((index: number) => string) | null {
  const type = attribute(list, "type") ?? "1";
  const start = Number.parseInt(attribute(list, "start") ?? "1", 10);
  const first = Number.isFinite(start) ? start : 1;
  if (type === "1") return (index) => `${first + index}. `;
  if (type === "a" || type === "A") {
    const base = type === "a" ? 0x61 : 0x41;
    return (index) =>
      first + index >= 1 && first + index <= 26 ? `${String.fromCharCode(base + first + index - 1)}. ` : "";
  }
  // Roman numerals are rare in minutes; the entries stand without a marker rather than a wrong one.
  return null;
}

function walk(node: Node, lines: LineCollector, style: Style): void {
  if (node.nodeName === "#text" && "value" in node) {
    lines.add(node.value, style);
    return;
  }
  if (!isElement(node)) {
    for (const child of childrenOf(node)) walk(child, lines, style);
    return;
  }
  const tag = node.tagName;
  if (DROPPED.has(tag) || isLeftOut(node, style)) return;
  if (tag === "br") {
    lines.breakLine();
    return;
  }
  const block = BLOCKS.has(tag);
  if (block) lines.breakBlock();
  // Cells of a row stand on the row's line, a tab apart.
  if (CELLS.has(tag)) lines.separateCell();
  const inner: Style = {
    bold: style.bold || BOLD.has(tag) || HEADINGS.has(tag),
    heading: style.heading || HEADINGS.has(tag),
    pre: style.pre || tag === "pre",
    content: style.content || CONTENT.has(tag),
  };
  const markers = tag === "ol" ? listMarkers(node) : null;
  let entry = 0;
  for (const child of childrenOf(node)) {
    if (markers && isElement(child) && child.tagName === "li") {
      // The number a browser prints before the entry is part of what the reader sees ("1. at ...").
      lines.markNextBlock(markers(entry));
      entry++;
    }
    walk(child, lines, inner);
  }
  if (block) lines.breakBlock();
}

/** Gathers text into lines: runs of white space become one space, as a browser renders them. */
class LineCollector {
  private readonly out: SourceLine[] = [];
  private current: OpenLine = LineCollector.empty();
  /** A block ended since the last text: the next text starts a new paragraph. */
  private blockPending = false;
  /** A list marker waiting for its entry's first text. */
  private marker: string | null = null;

  private static empty(): OpenLine {
    return { text: "", boldChars: 0, plainChars: 0, heading: false };
  }

  add(value: string, style: Style): void {
    if (style.pre) {
      const [first, ...rest] = value.split(/\r?\n/);
      this.append(first ?? "", style);
      for (const piece of rest) {
        this.breakLine();
        this.append(piece, style);
      }
      return;
    }
    this.append(value.replace(/[ \t\n\r\f]+/g, " "), style);
  }

  private append(text: string, style: Style): void {
    if (text === "") return;
    if (this.blockPending && text.trim() !== "") {
      this.flush(true);
      this.blockPending = false;
    }
    if (this.marker !== null && text.trim() !== "") {
      if (this.current.text.trim() !== "") this.flush(true);
      this.current.text = this.marker;
      this.marker = null;
    }
    // A space at the start of a line is none ("<p> Tekst</p>").
    const piece = this.current.text === "" || /\s$/u.test(this.current.text) ? text.replace(/^ +/, "") : text;
    if (piece === "") return;
    this.current.text += piece;
    const visible = piece.replace(/\s/g, "").length;
    if (style.bold) this.current.boldChars += visible;
    else this.current.plainChars += visible;
    if (style.heading) this.current.heading = true;
  }

  /** The next block's text starts with this list marker ("1. "). */
  markNextBlock(marker: string): void {
    this.marker = marker === "" ? null : marker;
  }

  separateCell(): void {
    if (this.current.text.trim() !== "" && !this.blockPending) {
      this.current.text = `${this.current.text.trimEnd()}\t`;
    }
  }

  breakLine(): void {
    this.flush(false);
    this.blockPending = false;
  }

  breakBlock(): void {
    if (this.current.text.trim() !== "") this.blockPending = true;
  }

  /** Ends the current line; a paragraph end is followed by two blank lines, as DOCX paragraphs are. */
  private flush(paragraph: boolean): void {
    const text = this.current.text.trim();
    if (text !== "") {
      const bold = this.current.heading || (this.current.boldChars > 0 && this.current.plainChars === 0);
      this.push(text, bold);
      if (paragraph) {
        this.push("", false);
        this.push("", false);
      }
    }
    this.current = LineCollector.empty();
  }

  private push(text: string, bold: boolean): void {
    const line: SourceLine = bold
      ? { line: this.out.length + 1, page: 1, text, bold: true }
      : { line: this.out.length + 1, page: 1, text };
    this.out.push(line);
  }

  finish(): SourceLine[] {
    this.flush(false);
    // No blank lines at the end of the file.
    while (this.out.length > 0 && this.out[this.out.length - 1]?.text === "") this.out.pop();
    return this.out;
  }
}
