/** @module The public JSON of a body (KKR, municipality). */
import type { ApiBodyRow } from "../../store/index.js";
import type { ApiLinks } from "./api-links.js";

export interface BodyJson {
  readonly id: number;
  readonly name: string;
  readonly shortName: string | null;
  readonly meetingCount: number;
  readonly url: string;
  readonly exports: { readonly json: string; readonly csv: string };
}

export function presentBody(row: ApiBodyRow, links: ApiLinks): BodyJson {
  return {
    id: row.id,
    name: row.name,
    shortName: row.shortName,
    meetingCount: row.meetingCount,
    url: links.page(`/organ/${row.id}`),
    exports: {
      json: links.page(`/organ/${row.id}/eksport.json`),
      csv: links.page(`/organ/${row.id}/eksport.csv`),
    },
  };
}
