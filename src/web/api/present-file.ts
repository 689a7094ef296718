/** @module The public JSON of an annex or original file: what it is and where its bytes are. */
import type { ApiFileRow } from "../../store/index.js";
import type { ApiLinks } from "./api-links.js";

export interface FileJson {
  readonly id: number;
  readonly title: string;
  readonly fileName: string;
  readonly mimeType: string;
  readonly size: number;
  readonly role: string;
  readonly itemNumber: string | null;
  readonly annexNumber: number | null;
  readonly pageStart: number | null;
  readonly pageEnd: number | null;
  readonly downloadUrl: string;
}

export function presentFile(row: ApiFileRow, links: ApiLinks): FileJson {
  return {
    id: row.id,
    title: row.title,
    fileName: row.fileName,
    mimeType: row.mime,
    size: row.byteSize,
    role: row.role,
    itemNumber: row.itemNumber,
    annexNumber: row.annexNumber,
    pageStart: row.pageStart,
    pageEnd: row.pageEnd,
    downloadUrl: links.fileDownload(row.id),
  };
}
