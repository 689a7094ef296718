/** @module Helpers for the accounts suites: a body to give roles for, unique e-mails, a movable clock. */
import type { Kysely } from "kysely";
import type { Database } from "../../src/store/index.js";

/** A body by name, created if missing; returns its id. */
export async function bodyId(db: Kysely<Database>, name: string): Promise<number> {
  const found = await db.selectFrom("body").select("id").where("name", "=", name).executeTakeFirst();
  if (found) return found.id;
  const row = await db
    .insertInto("body")
    .values({ name, classification: "KKR" })
    .returning("id")
    .executeTakeFirstOrThrow();
  return row.id;
}

let counter = 0;
/** An e-mail no other test in the process uses. */
export function uniqueEmail(name = "bruger"): string {
  counter += 1;
  return `${name}${counter}-${process.pid}@kl.dk`;
}

/** A fixed starting instant, with `plus` to move forward without sleeping. */
export const T0 = new Date("2026-03-02T09:00:00.000Z");
export function plus(date: Date, ms: number): Date {
  return new Date(date.getTime() + ms);
}
export const MINUTE = 60_000;

export const PASSWORD = "korrekt hest batteri hæfteklamme";
