/**
 * @module Writes for decisions sent on (issue 14): a body's address for a municipality (set, replaced or
 * removed), and one dispatch row per letter sent, with the job that carries it.
 */
import type { Kysely } from "kysely";
import type { Database } from "../schema.js";

type Db = Kysely<Database>;

/** Sets (or, with a null email, removes) a body's address for one municipality; the row before. */
export async function setMunicipalityAddress(
  db: Db,
  input: {
    readonly bodyId: number;
    readonly municipality: string;
    readonly email: string | null;
    readonly now: Date;
  },
): Promise<{ readonly email: string } | undefined> {
  const before = await db
    .selectFrom("municipality_address")
    .select("email")
    .where("body_id", "=", input.bodyId)
    .where("municipality", "=", input.municipality)
    .executeTakeFirst();
  const email = input.email;
  if (email === null) {
    await db
      .deleteFrom("municipality_address")
      .where("body_id", "=", input.bodyId)
      .where("municipality", "=", input.municipality)
      .execute();
  } else {
    await db
      .insertInto("municipality_address")
      .values({
        body_id: input.bodyId,
        municipality: input.municipality,
        email,
        modified: input.now,
      })
      .onConflict((oc) => oc.columns(["body_id", "municipality"]).doUpdateSet({ email, modified: input.now }))
      .execute();
  }
  return before;
}

/** Records one letter sent to one municipality. */
export async function insertDecisionDispatch(
  db: Db,
  input: {
    readonly itemId: number;
    readonly municipality: string;
    readonly email: string;
    readonly now: Date;
    readonly actor: { readonly userId: number | null; readonly tokenId: number | null };
    readonly jobId: number;
    readonly letterPdf: Uint8Array;
  },
): Promise<number> {
  const row = await db
    .insertInto("decision_dispatch")
    .values({
      agenda_item_id: input.itemId,
      municipality: input.municipality,
      email: input.email,
      sent_at: input.now,
      sent_by_user_id: input.actor.userId,
      sent_by_token_id: input.actor.tokenId,
      job_id: input.jobId,
      letter_pdf: input.letterPdf,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  return row.id;
}
