/**
 * @module `raadsinfo user add|list|disable|enable|reset|grant`: accounts from the command line. `user add` is
 * how the first administrator comes to be. Without --password-stdin a new user gets a first-login link by
 * e-mail (SMTP_URL, or the outbox in the data directory).
 */
import { text } from "node:stream/consumers";
import {
  type AccountUser,
  CLI_ACTOR,
  describeRole,
  linkSender,
  roleGranter,
  totpUri,
  userCreator,
  userDisabler,
  userEnabler,
  userFinder,
  userList,
} from "../accounts/index.js";
import { isRole, ROLES, roleNeedsBody } from "../domain/index.js";
import { MailError, type Mailer } from "../mail/index.js";
import type { Store } from "../store/index.js";
import { asUsageErrors } from "./account-failure.js";
import { baseUrlFromFlags, mailerFromFlags } from "./mail-options.js";
import { plural } from "./plural.js";
import { openStoreFromFlags, type StoreFlags } from "./store-options.js";
import { formatTable } from "./summary-table.js";
import { UsageError } from "./usage-error.js";

export interface UserFlags extends StoreFlags {
  readonly name?: string | undefined;
  readonly role?: string | undefined;
  readonly body?: string | undefined;
  readonly "password-stdin"?: boolean | undefined;
  readonly json?: boolean | undefined;
  readonly "base-url"?: string | undefined;
}

export const USER_SUBCOMMANDS = ["add", "list", "disable", "enable", "reset", "grant"] as const;
type UserSubcommand = (typeof USER_SUBCOMMANDS)[number];

/** The options each subcommand takes (data-dir for all); the rest are refused with one line. */
const SUBCOMMAND_OPTIONS: Readonly<Record<UserSubcommand, readonly (keyof UserFlags)[]>> = {
  add: ["name", "role", "body", "password-stdin", "json", "base-url"],
  list: ["json"],
  disable: [],
  enable: [],
  reset: ["base-url"],
  grant: ["role", "body"],
};

export async function userCommand(args: readonly string[], flags: UserFlags): Promise<void> {
  const [sub, ...rest] = args;
  if (sub === undefined)
    throw new UsageError(`user needs one of: ${USER_SUBCOMMANDS.join(", ")} (see raadsinfo --help)`);
  if (!(USER_SUBCOMMANDS as readonly string[]).includes(sub)) {
    throw new UsageError(`unknown subcommand "user ${sub}": use ${USER_SUBCOMMANDS.join(", ")}`);
  }
  const subcommand = sub as UserSubcommand;
  for (const [key, value] of Object.entries(flags)) {
    if (
      value !== undefined &&
      key !== "data-dir" &&
      !(SUBCOMMAND_OPTIONS[subcommand] as readonly string[]).includes(key)
    ) {
      throw new UsageError(`raadsinfo user ${subcommand} does not take --${key} (see raadsinfo --help)`);
    }
  }
  if (subcommand === "list") {
    if (rest.length > 0) throw new UsageError(`user list takes no arguments, got "${rest[0]}"`);
    return withStore(flags, (store) => listUsers(store, flags));
  }
  if (rest.length !== 1) throw new UsageError(`user ${subcommand} takes exactly one EMAIL`);
  const email = rest[0]!;
  switch (subcommand) {
    case "add":
      return addUser(email, flags);
    case "disable":
      return withStore(flags, async (store) => {
        const { user, sessionsEnded, tokensRevoked } = await userDisabler({
          db: store.db,
          email,
          actor: CLI_ACTOR,
        });
        console.log(
          `Disabled ${user.email}: ${plural(sessionsEnded, "session")} ended, ${plural(tokensRevoked, "API token")} revoked.`,
        );
      });
    case "enable":
      return withStore(flags, async (store) => {
        const user = await userEnabler({ db: store.db, email, actor: CLI_ACTOR });
        console.log(
          `Enabled ${user.email}: the user can sign in again (sessions and API tokens stay ended).`,
        );
      });
    case "reset":
      return withStore(flags, async (store) => {
        const user = await userFinder({ db: store.db, email });
        await sendLink(store, user, user.hasPassword ? "password-reset" : "first-login", flags, false);
      });
    case "grant": {
      checkRoleFlags(flags);
      return withStore(flags, async (store) => {
        const { user, totpSecret } = await roleGranter({
          db: store.db,
          email,
          role: flags.role!,
          body: flags.body,
          actor: CLI_ACTOR,
        });
        console.log(`${user.email} now holds: ${user.roles.map(describeRole).join(", ")}.`);
        if (totpSecret) {
          console.log(
            `The role needs two-factor sign-in. Secret for an authenticator app (shown once): ${totpSecret}`,
          );
          console.log(`  ${totpUri(totpSecret, user.email)}`);
        }
      });
    }
  }
}

async function withStore(flags: UserFlags, work: (store: Store) => Promise<void>): Promise<void> {
  const store = await openStoreFromFlags(flags, "user");
  try {
    await asUsageErrors(() => work(store));
  } finally {
    await store.close();
  }
}

/** The checks that need no store, so that a typo costs no database start. */
function checkRoleFlags(flags: UserFlags): void {
  const role = flags.role;
  if (!role) throw new UsageError(`--role is required: ${ROLES.join(", ")}`);
  if (!isRole(role)) throw new UsageError(`unknown role "${role}": use ${ROLES.join(", ")}`);
  if (roleNeedsBody(role) && !flags.body?.trim()) {
    throw new UsageError(`the role ${role} needs a body: --body NAME`);
  }
  if (!roleNeedsBody(role) && flags.body !== undefined) {
    throw new UsageError(`the role ${role} is global and takes no --body`);
  }
}

async function addUser(email: string, flags: UserFlags): Promise<void> {
  if (!flags.name?.trim()) throw new UsageError("user add needs --name NAME");
  checkRoleFlags(flags);
  let password: string | null = null;
  if (flags["password-stdin"]) {
    // One line: "printf '%s\n' secret | raadsinfo user add ..." leaves a line end, which is not part of it.
    if (process.stdin.isTTY) console.error("Type the password, then Enter and Ctrl-D:");
    password = (await text(process.stdin)).replace(/\r?\n$/, "");
    if (password === "") throw new UsageError("--password-stdin read an empty password");
  }
  await withStore(flags, async (store) => {
    const { user, totpSecret } = await userCreator({
      db: store.db,
      email,
      name: flags.name!,
      role: flags.role!,
      body: flags.body,
      password,
      actor: CLI_ACTOR,
    });
    // With --json, stdout carries only the JSON; what else is said goes to stderr.
    const say = flags.json ? (line: string) => console.error(line) : (line: string) => console.log(line);
    if (flags.json) {
      console.log(JSON.stringify({ id: user.id, email: user.email, totpSecret }));
    } else {
      say(
        `Created user ${user.id}: ${user.email} (${user.name}), ${user.roles.map(describeRole).join(", ")}.`,
      );
      if (totpSecret) {
        say(`Two-factor secret for an authenticator app (shown once): ${totpSecret}`);
        say(`  ${totpUri(totpSecret, user.email)}`);
      }
    }
    if (password === null) {
      try {
        await sendLink(store, user, "first-login", flags, Boolean(flags.json));
      } catch (error) {
        if (error instanceof MailError) {
          throw new UsageError(
            `${user.email} was created, but ${error.message}; send a new link with: raadsinfo user reset ${user.email}`,
            1,
          );
        }
        throw error;
      }
    }
  });
}

async function sendLink(
  store: Store,
  user: AccountUser,
  purpose: "first-login" | "password-reset",
  flags: UserFlags,
  toStderr: boolean,
): Promise<void> {
  let mailer: Mailer | undefined;
  try {
    mailer = mailerFromFlags(flags);
    const { sent, expires } = await linkSender({
      db: store.db,
      mailer,
      email: user.email,
      purpose,
      baseUrl: baseUrlFromFlags(flags),
      actor: CLI_ACTOR,
    });
    const what = purpose === "first-login" ? "a first-login link" : "a password reset link";
    const where = sent.file ? ` (written to ${sent.file}: no SMTP_URL)` : ` via ${mailer.description}`;
    const line = `Sent ${what} to ${user.email}${where}; it expires ${expires.toISOString()}.`;
    if (toStderr) console.error(line);
    else console.log(line);
  } finally {
    mailer?.close();
  }
}

async function listUsers(store: Store, flags: UserFlags): Promise<void> {
  const users = await userList({ db: store.db });
  if (flags.json) {
    const shown = users.map((u) => ({
      id: u.id,
      email: u.email,
      name: u.name,
      roles: u.roles.map((r) => ({ role: r.role, bodyId: r.bodyId, body: r.bodyName })),
      totp: u.totpEnabled,
      hasPassword: u.hasPassword,
      disabled: u.disabled,
      created: u.created.toISOString(),
    }));
    console.log(JSON.stringify(shown, null, 2));
    return;
  }
  if (users.length === 0) {
    console.log(
      "No users yet. Create the first administrator with: raadsinfo user add EMAIL --name NAME --role administrator",
    );
    return;
  }
  console.log(
    formatTable(
      ["id", "e-mail", "name", "roles", "2fa", "status"],
      users.map((u) => [
        String(u.id),
        u.email,
        u.name,
        u.roles.map(describeRole).join(", "),
        u.totpEnabled ? "yes" : "no",
        u.disabled ? "disabled" : u.hasPassword ? "active" : "awaiting first login",
      ]),
    ),
  );
}
