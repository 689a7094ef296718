/** @module Shared pieces of OParl output: type URIs, the license, date formats and deleted objects. */

/** An OParl object as JSON: always an id and a type, then whatever its mapper whitelisted. */
export interface OparlObject {
  readonly id: string;
  readonly type: string;
  readonly [key: string]: unknown;
}

export const OPARL_VERSION = "https://schema.oparl.org/1.1/";

/** The type URI of an OParl class, e.g. "https://schema.oparl.org/1.1/Meeting" (§3.1 `type`). */
export function oparlType(name: OparlTypeName): string {
  return `${OPARL_VERSION}${name}`;
}

export type OparlTypeName =
  | "System"
  | "Body"
  | "Organization"
  | "Person"
  | "Membership"
  | "Meeting"
  | "AgendaItem"
  | "Paper"
  | "Consultation"
  | "File"
  | "LegislativeTerm"
  | "Location";

/**
 * The license of the published data (System.license, Body.license). Minutes and agendas of public bodies
 * are public records; CC BY 4.0 asks only that the source is named.
 */
export const DATA_LICENSE = "https://creativecommons.org/licenses/by/4.0/";

/** RFC 3339 date-time in UTC, as OParl's `date-time` format asks (§2.5 "Datum und Zeit"). */
export function dateTime(value: Date): string {
  return value.toISOString();
}

/**
 * A Danish wall-clock time on a calendar day as RFC 3339 with the Copenhagen offset of that day
 * ("2024-09-20T10:00:00+02:00"); meetings are held in Denmark, so their times are local.
 */
export function danishDateTime(date: string, time: string): string {
  const [y, mo, d] = date.split("-").map(Number);
  const [h, mi] = time.split(/[:.]/).map(Number);
  const guess = Date.UTC(y ?? 1970, (mo ?? 1) - 1, d ?? 1, h ?? 0, mi ?? 0);
  const name = new Intl.DateTimeFormat("en-US", { timeZone: "Europe/Copenhagen", timeZoneName: "longOffset" })
    .formatToParts(new Date(guess))
    .find((p) => p.type === "timeZoneName")?.value;
  const offset = name?.replace("GMT", "") || "+00:00";
  const hh = String(h ?? 0).padStart(2, "0");
  const mm = String(mi ?? 0).padStart(2, "0");
  return `${date}T${hh}:${mm}:00${offset}`;
}

/** Drops null and undefined values: OParl fields are left out when unknown, never null (§2.5). */
export function present<T extends Record<string, unknown>>(
  fields: T,
): { [K in keyof T]: Exclude<T[K], null> } {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(fields)) {
    if (value !== null && value !== undefined) out[key] = value;
  }
  return out as { [K in keyof T]: Exclude<T[K], null> };
}

/**
 * A deleted object (§2.8 "Gelöschte Objekte"): id, type, created, modified and `deleted: true`, nothing
 * else but the fields the type's schema makes mandatory (AgendaItem.order, File.accessUrl), which are
 * never left out or null.
 */
export function deletedObject(
  id: string,
  type: OparlTypeName,
  row: { readonly created: Date; readonly modified: Date },
  mandatory: Record<string, unknown> = {},
): OparlObject {
  return {
    id,
    type: oparlType(type),
    ...mandatory,
    created: dateTime(row.created),
    modified: dateTime(row.modified),
    deleted: true,
  };
}
