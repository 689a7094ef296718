/**
 * @module One annex as a file of its own, cut from the imported file it came in: its pages of a PDF pack
 * (pdf-lib), its own lines of a text pack. OParl's accessUrl serves it, so a client that downloads the
 * separate annexes of one pack gets each annex, under its own name, not the whole pack again and again.
 */
import { createHash } from "node:crypto";
import { PDFDocument } from "pdf-lib";

/** What is cut: the annex's title and numbers (for its file name) and its place in the imported file. */
export interface AnnexPlace {
  readonly title: string;
  readonly itemNumber: string | null;
  readonly annexNumber: number | null;
  readonly pageStart: number | null;
  readonly pageEnd: number | null;
  readonly lineStart: number | null;
  readonly lineEnd: number | null;
}

/** The imported file: its format, type, bytes (null where only the text was kept) and text. */
export interface AnnexSource {
  readonly format: string;
  readonly mime: string;
  readonly content: Uint8Array | null;
  readonly text: string;
}

export interface AnnexPart {
  readonly fileName: string;
  readonly mime: string;
  readonly bytes: Uint8Array;
  readonly sha512: string;
  /** The annex's own text (a PDF part's is the caller's per-page text). */
  readonly text: string | null;
}

/**
 * The annex alone. A PDF pack gives its pages; any other pack its lines (the original's lines when its
 * bytes are text, else the stored text's). Null when the file is not one to cut (a Word file is served
 * as it came).
 * @example const part = await cutAnnex(source, { title: "KL Klimatilpasning", itemNumber: "3.1", ... });
 */
export async function cutAnnex(source: AnnexSource, place: AnnexPlace): Promise<AnnexPart | null> {
  if (source.format === "pdf") {
    if (!source.content || place.pageStart === null) return null;
    const pack = await PDFDocument.load(source.content, { ignoreEncryption: true, updateMetadata: false });
    const last = Math.min(place.pageEnd ?? place.pageStart, pack.getPageCount());
    const indices: number[] = [];
    for (let page = place.pageStart; page <= last; page++) indices.push(page - 1);
    const part = await PDFDocument.create();
    part.setTitle(place.title);
    for (const page of await part.copyPages(pack, indices)) part.addPage(page);
    // A fixed date keeps the cut the same bytes each time, so its size and checksum hold.
    part.setCreationDate(new Date(0));
    part.setModificationDate(new Date(0));
    const bytes = await part.save();
    return finish(place, "pdf", "application/pdf", bytes, null);
  }
  if (source.format !== "text") return null;
  const whole = source.content ? new TextDecoder().decode(source.content) : source.text;
  const lines = whole.split(/\r?\n/);
  const start = Math.max(1, place.lineStart ?? 1);
  const end = Math.min(lines.length, place.lineEnd ?? lines.length);
  const text = `${lines.slice(start - 1, end).join("\n")}\n`;
  return finish(place, "txt", "text/plain; charset=utf-8", new TextEncoder().encode(text), text);
}

function finish(
  place: AnnexPlace,
  extension: string,
  mime: string,
  bytes: Uint8Array,
  text: string | null,
): AnnexPart {
  return {
    fileName: `${annexFileStem(place)}.${extension}`,
    mime,
    bytes,
    sha512: createHash("sha512").update(bytes).digest("hex"),
    text,
  };
}

/**
 * A file name from the annex's numbers and title: "3.1 Bilag 2 KL Klimatilpasning", without characters
 * file systems refuse, at most 100 characters.
 * @example annexFileStem({ title: "KL Klimatilpasning", itemNumber: "3.1", annexNumber: 2, ... })
 * // "3.1 Bilag 2 KL Klimatilpasning"
 */
export function annexFileStem(place: Pick<AnnexPlace, "title" | "itemNumber" | "annexNumber">): string {
  const prefix = [place.itemNumber, place.annexNumber !== null ? `Bilag ${place.annexNumber}` : null]
    .filter(Boolean)
    .join(" ");
  const name = `${prefix} ${place.title}`
    .replace(/[\\/:*?"<>|\p{Cc}]+/gu, " ")
    .replace(/\s+/g, " ")
    .trim();
  return (name.slice(0, 100).trim() || "bilag").replace(/\.+$/, "");
}
