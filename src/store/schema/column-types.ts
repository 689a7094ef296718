/** @module Column types shared by the table types: timestamps, jsonb, withholding, audit and provenance columns. */
import type { ColumnType, Generated } from "kysely";
import type { WithholdingReason } from "../../domain/visibility.js";

export type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
/** jsonb: written as a JSON string, read back parsed. */
export type Json<T> = ColumnType<T, string, string>;
/** Why the row is withheld from the public (migration 0012); null when it is not. Sticky: see domain/visibility.ts. */
export type Withheld = ColumnType<
  WithholdingReason | null,
  WithholdingReason | null | undefined,
  WithholdingReason | null
>;

export interface Audited {
  created: Generated<Date>;
  modified: Timestamp;
  deleted: Generated<boolean>;
}

/** Where an imported row came from. */
export interface Provenance {
  source_file_id: number | null;
  page: number | null;
  line_start: number | null;
  line_end: number | null;
}
