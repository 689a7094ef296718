/**
 * @module Users and their roles read (issue 12): the rows behind src/accounts, and the bodies a command
 * line names. Secrets are returned to src/accounts only; nothing here decides who may do what.
 */
import type { Kysely } from "kysely";
import { isRole, type Role } from "../../domain/index.js";
import type { Database } from "../schema.js";

type Db = Kysely<Database>;

/** A role as stored, with the body's name for lists. */
export interface StoredRole {
  readonly role: Role;
  readonly bodyId: number | null;
  readonly bodyName: string | null;
}

/** A user as the store holds it, secrets included: only src/accounts sees this shape. */
export interface StoredUser {
  readonly id: number;
  readonly email: string;
  readonly name: string;
  readonly passwordHash: string | null;
  readonly totpSecret: string | null;
  readonly totpLastStep: number | null;
  readonly disabled: boolean;
  readonly created: Date;
  readonly modified: Date;
  readonly roles: readonly StoredRole[];
}

function userQuery(db: Db) {
  return db
    .selectFrom("app_user")
    .select([
      "id",
      "email",
      "name",
      "password_hash",
      "totp_secret",
      "totp_last_step",
      "disabled",
      "created",
      "modified",
    ]);
}

type UserRow = Awaited<ReturnType<ReturnType<typeof userQuery>["executeTakeFirstOrThrow"]>>;

async function withRoles(db: Db, rows: readonly UserRow[]): Promise<StoredUser[]> {
  if (rows.length === 0) return [];
  const roles = await db
    .selectFrom("user_role")
    .leftJoin("body", "body.id", "user_role.body_id")
    .select(["user_role.user_id", "user_role.role", "user_role.body_id", "body.name as body_name"])
    .where(
      "user_role.user_id",
      "in",
      rows.map((r) => r.id),
    )
    .orderBy("user_role.id")
    .execute();
  return rows.map((row) => ({
    id: row.id,
    email: row.email,
    name: row.name,
    passwordHash: row.password_hash,
    totpSecret: row.totp_secret,
    totpLastStep: row.totp_last_step === null ? null : Number(row.totp_last_step),
    disabled: row.disabled,
    created: row.created,
    modified: row.modified,
    roles: roles.flatMap((r) =>
      r.user_id === row.id && isRole(r.role)
        ? [{ role: r.role, bodyId: r.body_id, bodyName: r.body_name }]
        : [],
    ),
  }));
}

/** The user with this e-mail, compared without regard to case. */
export async function findUserByEmail(db: Db, email: string): Promise<StoredUser | undefined> {
  const rows = await userQuery(db)
    .where((eb) => eb(eb.fn("lower", ["email"]), "=", email.toLowerCase()))
    .execute();
  return (await withRoles(db, rows))[0];
}

export async function findUserById(db: Db, id: number): Promise<StoredUser | undefined> {
  const rows = await userQuery(db).where("id", "=", id).execute();
  return (await withRoles(db, rows))[0];
}

/** Every user with roles, by e-mail. */
export async function listUsers(db: Db): Promise<StoredUser[]> {
  return withRoles(db, await userQuery(db).orderBy("email").execute());
}

/**
 * The body a command line names: by id ("3") or by name or short name, without regard to case.
 * @example await findBodyByName(db, "kkr nordjylland") // { id: 1, name: "KKR Nordjylland" }
 */
export async function findBodyByName(
  db: Db,
  nameOrId: string,
): Promise<{ readonly id: number; readonly name: string } | undefined> {
  const wanted = nameOrId.trim();
  return db
    .selectFrom("body")
    .select(["id", "name"])
    .where("deleted", "=", false)
    .where((eb) =>
      eb.or([
        eb(eb.fn("lower", ["name"]), "=", wanted.toLowerCase()),
        eb(eb.fn("lower", ["short_name"]), "=", wanted.toLowerCase()),
        ...(/^\d{1,9}$/.test(wanted) ? [eb("id", "=", Number(wanted))] : []),
      ]),
    )
    .orderBy("id")
    .executeTakeFirst();
}

/** The names of all bodies, for an error that lists the choices. */
export async function listBodyNames(db: Db): Promise<string[]> {
  const rows = await db
    .selectFrom("body")
    .select("name")
    .where("deleted", "=", false)
    .orderBy("name")
    .execute();
  return rows.map((r) => r.name);
}
