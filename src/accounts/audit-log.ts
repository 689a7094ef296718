/**
 * @module The audit log's entries (issue 12): append one for every write by a user, token or the command
 * line; list them for /admin/log; turn them into CSV rows. Never put a password, hash, secret or token in
 * `before` or `after`.
 */
import type { Kysely } from "kysely";
import {
  type AuditQuery,
  type Database,
  insertAuditEntry,
  listAuditEntries,
  type StoredAuditEntry,
} from "../store/index.js";
import type { Actor } from "./actor.js";

export type AuditEntry = StoredAuditEntry;
export type { AuditQuery };

export interface AuditAppendInput {
  readonly db: Kysely<Database>;
  readonly actor: Actor;
  /** kebab-case verb-noun: "user-create", "user-disable", "token-revoke", "meeting-publish". */
  readonly action: string;
  readonly targetKind: string;
  readonly targetId: string | number | null;
  readonly before?: unknown;
  readonly after?: unknown;
  readonly now?: Date;
}

/**
 * Appends one entry; run it in the same transaction as the write it records.
 * @example await auditAppend({ db: tx, actor, action: "user-disable", targetKind: "user", targetId: 3, before: { disabled: false }, after: { disabled: true } })
 */
export function auditAppend(input: AuditAppendInput): Promise<number> {
  return insertAuditEntry(input.db, {
    actorUserId: input.actor.userId,
    actorTokenId: input.actor.tokenId,
    action: input.action,
    targetKind: input.targetKind,
    targetId: input.targetId,
    before: input.before ?? null,
    after: input.after ?? null,
    at: input.now ?? new Date(),
  });
}

/**
 * Entries newest first, optionally of one target or actor; page with `beforeId` (the last id shown).
 * @example await auditList({ db, limit: 50, beforeId: 1234 })
 */
export function auditList(props: { readonly db: Kysely<Database> } & AuditQuery): Promise<AuditEntry[]> {
  const { db, ...query } = props;
  return listAuditEntries(db, query);
}

/** The CSV header of auditCsvRows, in Danish like the other exports. */
export const AUDIT_CSV_HEADER = [
  "id",
  "tidspunkt",
  "bruger_id",
  "bruger",
  "noegle_id",
  "noegle",
  "handling",
  "maal",
  "maal_id",
  "foer",
  "efter",
] as const;

/**
 * Rows for a CSV of entries, one per entry, in AUDIT_CSV_HEADER's order; `before` and `after` as JSON
 * text. Feed them to export/csv.ts's toCsv(AUDIT_CSV_HEADER, rows).
 */
export function auditCsvRows(entries: readonly AuditEntry[]): string[][] {
  return entries.map((e) => [
    String(e.id),
    e.at.toISOString(),
    e.actorUserId === null ? "" : String(e.actorUserId),
    e.actorEmail ?? (e.actorUserId === null && e.actorTokenId === null ? "kommandolinje" : ""),
    e.actorTokenId === null ? "" : String(e.actorTokenId),
    e.actorTokenPrefix ?? "",
    e.action,
    e.targetKind,
    e.targetId ?? "",
    e.before === null ? "" : JSON.stringify(e.before),
    e.after === null ? "" : JSON.stringify(e.after),
  ]);
}
