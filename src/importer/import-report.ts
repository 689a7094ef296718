/**
 * @module What an import run tells whoever started it, as plain data: the same events whether the run is
 * in this process or in the `serve` that owns the store (sent there as JSON lines).
 */
import type { DocumentKind, ParseWarning } from "../domain/index.js";

export const FILE_OUTCOMES = ["imported", "unchanged", "failed", "skipped", "queued"] as const;
export type FileOutcome = (typeof FILE_OUTCOMES)[number];

/** What became of one file found under the paths given. */
export interface FileReport {
  /** The file's full path. */
  readonly path: string;
  readonly outcome: FileOutcome;
  /** Why it failed or was skipped: one line, without the file's name. */
  readonly reason?: string | undefined;
  /** For an imported file: what it is and what it brought. */
  readonly kind?: DocumentKind | undefined;
  readonly status?: "created" | "updated" | undefined;
  readonly items?: number | undefined;
  readonly attendees?: number | undefined;
  readonly documents?: number | undefined;
  /** The meeting the file's items were stored under (a minutes or an agenda), for a link to it. */
  readonly meetingId?: number | null | undefined;
  /** The parser's warnings and the store's, with their lines in the file. */
  readonly warnings: readonly ParseWarning[];
}

export type ImportEvent =
  /** The run has its list: `total` files to read (skipped entries are reported but not counted). */
  | { readonly type: "start"; readonly total: number; readonly store: string }
  /** A file has started; `index` counts from 1. */
  | { readonly type: "reading"; readonly index: number; readonly total: number; readonly path: string }
  /** A long step of the file `index` moved on: `done` of `total` scanned pages read by OCR. */
  | {
      readonly type: "progress";
      readonly index: number;
      readonly total: number;
      readonly path: string;
      readonly step: "ocr";
      readonly done: number;
      readonly of: number;
    }
  /** A file is done (or was skipped), with its report. */
  | { readonly type: "file"; readonly index: number; readonly total: number; readonly report: FileReport }
  /** The run is over: `stopped` when it was asked to stop before its last file. */
  | {
      readonly type: "done";
      readonly stopped: boolean;
      readonly counts: Readonly<Record<FileOutcome, number>>;
    };

/**
 * Counts reports by outcome.
 * @example countOutcomes(reports).imported; // 3
 */
export function countOutcomes(reports: readonly FileReport[]): Record<FileOutcome, number> {
  const counts: Record<FileOutcome, number> = { imported: 0, unchanged: 0, failed: 0, skipped: 0, queued: 0 };
  for (const report of reports) counts[report.outcome] += 1;
  return counts;
}
