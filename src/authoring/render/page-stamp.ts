/**
 * @module A label drawn in a corner of an existing page, as the reader sees the page: the crop box and a
 * /Rotate of 90, 180 or 270 degrees (scanned landscape pages, real-pdf/ballerup-...-scannet.pdf) are taken
 * into account, the label sits on a white box so it reads on a scan, and its size grows with pages
 * larger than A4 so that it stays legible when the page is printed to fit.
 */
import { degrees, type PDFFont, type PDFPage, rgb } from "pdf-lib";

/** The corner a label goes in, as the page is seen. */
export type StampCorner = "top-right" | "bottom-right";

export interface StampStyle {
  readonly font: PDFFont;
  /** Font size on an A4 page; scaled up on larger pages. */
  readonly size: number;
}

/** The short side of A4 in points: the page size a label's size is given for. */
const A4_SHORT_SIDE = 595;

/**
 * Width and height of the page as seen (crop box, rotation applied), and the label scale for it.
 * @example visualSize(a4LandscapeScanTurned270) // { width: 595.2, height: 841.68, scale: 1 }
 */
export function visualSize(page: PDFPage): { width: number; height: number; scale: number } {
  const box = page.getCropBox();
  const turned = normalisedRotation(page) % 180 !== 0;
  const width = turned ? box.height : box.width;
  const height = turned ? box.width : box.height;
  return { width, height, scale: Math.max(1, Math.min(width, height) / A4_SHORT_SIDE) };
}

function normalisedRotation(page: PDFPage): number {
  return (((page.getRotation().angle % 360) + 360) % 360) as number;
}

/**
 * Draws `text` in the corner. The text must be encodable by the font (see win-ansi.ts); it is cut with
 * "…" to at most `maxWidthShare` of the page's width.
 *
 * @example
 * stampCorner(page, "2.3 Bilag 1", "top-right", { font: helveticaBold, size: 9 });
 */
export function stampCorner(
  page: PDFPage,
  text: string,
  corner: StampCorner,
  style: StampStyle,
  maxWidthShare = 0.62,
): void {
  const { width, height, scale } = visualSize(page);
  const size = style.size * scale;
  const pad = 3 * scale;
  const margin = 10 * scale;
  const label = fitText(text, style.font, size, width * maxWidthShare);
  const textWidth = style.font.widthOfTextAtSize(label, size);
  const boxWidth = textWidth + 2 * pad;
  const boxHeight = size * 1.15 + 2 * pad;
  const boxX = width - margin - boxWidth;
  const boxY = corner === "top-right" ? height - margin - boxHeight : margin;
  const place = userSpace(page);
  const rotate = degrees(normalisedRotation(page));
  const boxOrigin = place(boxX, boxY);
  page.drawRectangle({
    x: boxOrigin.x,
    y: boxOrigin.y,
    width: boxWidth,
    height: boxHeight,
    rotate,
    color: rgb(1, 1, 1),
    borderColor: rgb(0.45, 0.45, 0.45),
    borderWidth: 0.6 * scale,
  });
  const textOrigin = place(boxX + pad, boxY + pad + size * 0.25);
  page.drawText(label, {
    x: textOrigin.x,
    y: textOrigin.y,
    size,
    font: style.font,
    rotate,
    color: rgb(0, 0, 0),
  });
}

/** Cuts text with "…" until it fits `maxWidth`. */
function fitText(text: string, font: PDFFont, size: number, maxWidth: number): string {
  if (font.widthOfTextAtSize(text, size) <= maxWidth) return text;
  let cut = text;
  while (cut.length > 1 && font.widthOfTextAtSize(`${cut}…`, size) > maxWidth) cut = cut.slice(0, -1);
  return `${cut.trimEnd()}…`;
}

/**
 * Maps a point of the page as seen (from its visual bottom-left) to PDF user space. A viewer turns the
 * page clockwise by /Rotate, so with 90 the user space's left edge is the top the reader sees.
 */
function userSpace(page: PDFPage): (vx: number, vy: number) => { x: number; y: number } {
  const box = page.getCropBox();
  const { x: x0, y: y0, width: w, height: h } = box;
  switch (normalisedRotation(page)) {
    case 90:
      return (vx, vy) => ({ x: x0 + w - vy, y: y0 + vx });
    case 180:
      return (vx, vy) => ({ x: x0 + w - vx, y: y0 + h - vy });
    case 270:
      return (vx, vy) => ({ x: x0 + vy, y: y0 + h - vx });
    default:
      return (vx, vy) => ({ x: x0 + vx, y: y0 + vy });
  }
}
