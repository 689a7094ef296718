/**
 * @module The export as three CSV tables (items with decisions, attendance, persons), Danish column names,
 * one row per record, in the RFC 4180 form with BOM of csv.ts.
 */
import { toCsv } from "./csv.js";
import type { ExportDocument } from "./export-document.js";

export const CSV_TABLES = ["punkter", "deltagere", "personer"] as const;
export type CsvTable = (typeof CSV_TABLES)[number];

export function isCsvTable(value: unknown): value is CsvTable {
  return typeof value === "string" && (CSV_TABLES as readonly string[]).includes(value);
}

const STATUS = { present: "deltog", absent: "afbud" } as const;

export function formatExportCsv(document: ExportDocument, table: CsvTable): string {
  switch (table) {
    case "punkter":
      return toCsv(
        [
          "organ",
          "mødedato",
          "møde_id",
          "punkt_id",
          "nummer",
          "titel",
          "offentligt",
          "afsnit",
          "sagsnummer",
          "indstilling",
          "beslutning",
        ],
        document.items.map((i) => [
          i.body,
          i.meetingDate,
          i.meetingId,
          i.itemId,
          i.number,
          i.title,
          i.public ? "ja" : "nej",
          i.section,
          i.caseNumber,
          i.indstilling,
          i.beslutning,
        ]),
      );
    case "deltagere":
      return toCsv(
        ["organ", "mødedato", "møde_id", "person_id", "navn", "parti", "kommune", "status", "suppleant_for"],
        document.attendance.map((a) => [
          a.body,
          a.meetingDate,
          a.meetingId,
          a.personId,
          a.name,
          a.party,
          a.municipality,
          a.status === "present" || a.status === "absent" ? STATUS[a.status] : a.status,
          a.substituteFor,
        ]),
      );
    case "personer":
      return toCsv(
        ["person_id", "navn", "parti", "kommune", "møder_deltaget", "møder_afbud"],
        document.persons.map((p) => [
          p.personId,
          p.name,
          p.party,
          p.municipality,
          p.meetingsAttended,
          p.meetingsMissed,
        ]),
      );
  }
}
