/** @module Shared set-up of the portal page tests: the demo meeting in a store, the app, ids by name. */
import type { Kysely } from "kysely";
import { loadDemoIfEmpty } from "../../../src/demo/load-demo.js";
import type { Database } from "../../../src/store/index.js";

export interface DemoIds {
  readonly body: number;
  readonly meeting: number;
  readonly item: (number: string) => number;
  readonly person: (name: string) => number;
  readonly annex: number;
  readonly minutesOriginal: number;
  readonly packOriginal: number;
}

/** Loads the demo (once per store) and finds the ids the tests link to. */
export async function demoIds(db: Kysely<Database>): Promise<DemoIds> {
  await loadDemoIfEmpty(db);
  const body = await db
    .selectFrom("body")
    .select("id")
    .where("name", "=", "KKR Eksempelregion")
    .executeTakeFirstOrThrow();
  const meeting = await db
    .selectFrom("meeting")
    .select("id")
    .where("body_id", "=", body.id)
    .executeTakeFirstOrThrow();
  const items = await db
    .selectFrom("agenda_item")
    .select(["id", "number"])
    .where("meeting_id", "=", meeting.id)
    .execute();
  const persons = await db.selectFrom("person").select(["id", "name"]).execute();
  const files = await db
    .selectFrom("file")
    .select(["id", "role", "file_name"])
    .where("meeting_id", "=", meeting.id)
    .execute();
  const find = <T>(value: T | undefined, what: string): T => {
    if (value === undefined) throw new Error(`demo has no ${what}`);
    return value;
  };
  return {
    body: body.id,
    meeting: meeting.id,
    item: (number) =>
      find(
        items.find((i) => i.number === number),
        `item ${number}`,
      ).id,
    person: (name) =>
      find(
        persons.find((p) => p.name === name),
        `person ${name}`,
      ).id,
    annex: find(
      files.find((f) => f.role === "annex"),
      "annex",
    ).id,
    minutesOriginal: find(
      files.find((f) => f.role === "original" && f.file_name.includes("referat")),
      "minutes",
    ).id,
    packOriginal: find(
      files.find((f) => f.role === "original" && f.file_name.includes("bilag")),
      "pack",
    ).id,
  };
}

/** Words of the demo's closed item 2.3 that must never reach a public surface. */
export const CLOSED_ITEM_WORDS = [
  "Udpegning til bestyrelse",
  "oplysninger om enkeltpersoner",
  "udpeger et medlem",
  "Fortroligt",
  "Udpegningen blev godkendt",
  "SAG-2026-01004",
] as const;
