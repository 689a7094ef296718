/**
 * @module Keeps the whole-meeting PDF (migration 0026): one per meeting, with the fingerprint of the
 * public files it was made from (read/meeting-whole-queries.ts), replaced when a newer one is made.
 */
import { type Kysely, sql } from "kysely";
import type { Database } from "../schema.js";

/**
 * Keeps `pdf` as the meeting's whole PDF, made from the public files whose fingerprint is given.
 * @example await storeMeetingWholePdf(db, { meetingId: 6, fingerprint, pdf, pageCount: 61 });
 */
export async function storeMeetingWholePdf(
  db: Kysely<Database>,
  whole: {
    readonly meetingId: number;
    readonly fingerprint: string;
    readonly pdf: Uint8Array;
    readonly pageCount: number;
  },
): Promise<void> {
  await db
    .insertInto("meeting_whole_pdf")
    .values({
      meeting_id: whole.meetingId,
      fingerprint: whole.fingerprint,
      pdf: whole.pdf,
      page_count: whole.pageCount,
      byte_size: whole.pdf.byteLength,
    })
    .onConflict((oc) =>
      oc.column("meeting_id").doUpdateSet((eb) => ({
        fingerprint: eb.ref("excluded.fingerprint"),
        pdf: eb.ref("excluded.pdf"),
        page_count: eb.ref("excluded.page_count"),
        byte_size: eb.ref("excluded.byte_size"),
        rendered_at: sql<Date>`now()`,
      })),
    )
    .execute();
}
