/**
 * @module `raadsinfo token create --user EMAIL [--name TEXT] [--json]`, `token list [--user EMAIL]
 * [--json]`, `token revoke TOKEN-OR-ID`: API tokens for integrations and scripts, acting as their user.
 */
import { apiTokenCreator, apiTokenList, apiTokenRevoker, CLI_ACTOR } from "../accounts/index.js";
import type { Store } from "../store/index.js";
import { asUsageErrors } from "./account-failure.js";
import { openStoreFromFlags, type StoreFlags } from "./store-options.js";
import { formatTable } from "./summary-table.js";
import { UsageError } from "./usage-error.js";

export interface TokenFlags extends StoreFlags {
  readonly user?: string | undefined;
  readonly name?: string | undefined;
  readonly json?: boolean | undefined;
}

export const TOKEN_SUBCOMMANDS = ["create", "list", "revoke"] as const;
type TokenSubcommand = (typeof TOKEN_SUBCOMMANDS)[number];

const SUBCOMMAND_OPTIONS: Readonly<Record<TokenSubcommand, readonly (keyof TokenFlags)[]>> = {
  create: ["user", "name", "json"],
  list: ["user", "json"],
  revoke: ["json"],
};

export async function tokenCommand(args: readonly string[], flags: TokenFlags): Promise<void> {
  const [sub, ...rest] = args;
  if (sub === undefined)
    throw new UsageError(`token needs one of: ${TOKEN_SUBCOMMANDS.join(", ")} (see raadsinfo --help)`);
  if (!(TOKEN_SUBCOMMANDS as readonly string[]).includes(sub)) {
    throw new UsageError(`unknown subcommand "token ${sub}": use ${TOKEN_SUBCOMMANDS.join(", ")}`);
  }
  const subcommand = sub as TokenSubcommand;
  for (const [key, value] of Object.entries(flags)) {
    if (
      value !== undefined &&
      key !== "data-dir" &&
      !(SUBCOMMAND_OPTIONS[subcommand] as readonly string[]).includes(key)
    ) {
      throw new UsageError(`raadsinfo token ${subcommand} does not take --${key} (see raadsinfo --help)`);
    }
  }
  if (subcommand === "revoke") {
    if (rest.length !== 1) throw new UsageError("token revoke takes exactly one TOKEN or token id");
  } else if (rest.length > 0) {
    throw new UsageError(`token ${subcommand} takes no arguments, got "${rest[0]}"`);
  }
  if (subcommand === "create" && !flags.user?.trim()) throw new UsageError("token create needs --user EMAIL");
  const store = await openStoreFromFlags(flags, "token");
  try {
    await asUsageErrors(() => run(store, subcommand, rest[0], flags));
  } finally {
    await store.close();
  }
}

async function run(
  store: Store,
  subcommand: TokenSubcommand,
  arg: string | undefined,
  flags: TokenFlags,
): Promise<void> {
  const { db } = store;
  switch (subcommand) {
    case "create": {
      const { id, token } = await apiTokenCreator({
        db,
        email: flags.user!,
        name: flags.name ?? null,
        actor: CLI_ACTOR,
      });
      if (flags.json) {
        console.log(JSON.stringify({ token }));
      } else {
        // The token alone on stdout, so that TOKEN=$(raadsinfo token create --user ...) works.
        console.log(token);
        console.error(
          `API token ${id} for ${flags.user!.trim()}, shown once: keep it where passwords are kept.`,
        );
      }
      return;
    }
    case "revoke": {
      const revoked = await apiTokenRevoker({ db, tokenOrId: arg!, actor: CLI_ACTOR });
      if (flags.json)
        console.log(JSON.stringify({ id: revoked.id, revoked: revoked.revoked?.toISOString() }));
      else console.log(`Revoked API token ${revoked.id} (${revoked.prefix}…) of ${revoked.userEmail}.`);
      return;
    }
    case "list": {
      const tokens = await apiTokenList({ db, ...(flags.user ? { email: flags.user } : {}) });
      if (flags.json) {
        console.log(
          JSON.stringify(
            tokens.map((t) => ({
              id: t.id,
              user: t.userEmail,
              name: t.name,
              prefix: t.prefix,
              created: t.created.toISOString(),
              lastUsed: t.lastUsed?.toISOString() ?? null,
              revoked: t.revoked?.toISOString() ?? null,
            })),
            null,
            2,
          ),
        );
        return;
      }
      if (tokens.length === 0) {
        console.log("No API tokens.");
        return;
      }
      console.log(
        formatTable(
          ["id", "token", "user", "name", "last used", "status"],
          tokens.map((t) => [
            String(t.id),
            `${t.prefix}…`,
            t.userEmail,
            t.name ?? "",
            t.lastUsed ? t.lastUsed.toISOString().slice(0, 16).replace("T", " ") : "never",
            t.revoked ? "revoked" : "active",
          ]),
        ),
      );
    }
  }
}
