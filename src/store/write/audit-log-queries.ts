/**
 * @module The audit log (issue 12): every write by a user or an API token, with the target before and
 * after as JSON. Entries are only appended; /admin/log lists them and exports them as CSV. In write/
 * though it also lists entries: the list shares the entry's shape and is the log's only reader.
 */
import type { Kysely } from "kysely";
import type { Database } from "../schema.js";

type Db = Kysely<Database>;

export interface NewAuditEntry {
  /** The user who acted (for a token: the token's user); null for the command line. */
  readonly actorUserId: number | null;
  /** The API token that acted, if the write came through one. */
  readonly actorTokenId: number | null;
  /** What was done, kebab-case: "user-create", "user-disable", "token-revoke". */
  readonly action: string;
  /** What it was done to: "user", "api-token", "meeting", ... */
  readonly targetKind: string;
  readonly targetId: string | number | null;
  readonly before: unknown;
  readonly after: unknown;
  readonly at: Date;
}

export interface StoredAuditEntry {
  readonly id: number;
  readonly at: Date;
  readonly actorUserId: number | null;
  /** The acting user's e-mail, when there was one. */
  readonly actorEmail: string | null;
  readonly actorTokenId: number | null;
  /** The acting token's prefix ("ri_AbCdEfGh"), when a token acted. */
  readonly actorTokenPrefix: string | null;
  readonly action: string;
  readonly targetKind: string;
  readonly targetId: string | null;
  readonly before: unknown;
  readonly after: unknown;
}

const json = (value: unknown): string | null =>
  value === undefined || value === null ? null : JSON.stringify(value);

export async function insertAuditEntry(db: Db, entry: NewAuditEntry): Promise<number> {
  const row = await db
    .insertInto("audit_log")
    .values({
      at: entry.at,
      actor_user_id: entry.actorUserId,
      actor_token_id: entry.actorTokenId,
      action: entry.action,
      target_kind: entry.targetKind,
      target_id: entry.targetId === null ? null : String(entry.targetId),
      before: json(entry.before),
      after: json(entry.after),
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  return Number(row.id);
}

export interface AuditQuery {
  /** At most this many entries (default 100). */
  readonly limit?: number;
  /** Only entries older than this id: the next page after the last id shown. */
  readonly beforeId?: number;
  readonly targetKind?: string;
  readonly targetId?: string | number;
  readonly actorUserId?: number;
}

/** Entries, newest first. */
export async function listAuditEntries(db: Db, query: AuditQuery = {}): Promise<StoredAuditEntry[]> {
  let q = db
    .selectFrom("audit_log")
    .leftJoin("app_user", "app_user.id", "audit_log.actor_user_id")
    .leftJoin("api_token", "api_token.id", "audit_log.actor_token_id")
    .select([
      "audit_log.id",
      "audit_log.at",
      "audit_log.actor_user_id",
      "app_user.email",
      "audit_log.actor_token_id",
      "api_token.prefix",
      "audit_log.action",
      "audit_log.target_kind",
      "audit_log.target_id",
      "audit_log.before",
      "audit_log.after",
    ]);
  if (query.beforeId !== undefined) q = q.where("audit_log.id", "<", query.beforeId);
  if (query.targetKind !== undefined) q = q.where("audit_log.target_kind", "=", query.targetKind);
  if (query.targetId !== undefined) q = q.where("audit_log.target_id", "=", String(query.targetId));
  if (query.actorUserId !== undefined) q = q.where("audit_log.actor_user_id", "=", query.actorUserId);
  const rows = await q
    .orderBy("audit_log.id", "desc")
    .limit(query.limit ?? 100)
    .execute();
  return rows.map((r) => ({
    id: Number(r.id),
    at: r.at,
    actorUserId: r.actor_user_id,
    actorEmail: r.email,
    actorTokenId: r.actor_token_id,
    actorTokenPrefix: r.prefix,
    action: r.action,
    targetKind: r.target_kind,
    targetId: r.target_id,
    before: r.before ?? null,
    after: r.after ?? null,
  }));
}
