/** @module Loads the demo meeting into an empty store on first start. */
import type { Kysely } from "kysely";
import { type Database, importDocument, isStoreEmpty } from "../store/index.js";
import { demoFiles } from "./demo-meeting.js";

/** Imports the demo files when the store is empty; returns whether it did. */
export async function loadDemoIfEmpty(db: Kysely<Database>): Promise<boolean> {
  if (!(await isStoreEmpty(db))) return false;
  for (const file of demoFiles()) {
    await importDocument(db, file.parsed, { content: file.content, mime: "text/plain; charset=utf-8" });
  }
  return true;
}
