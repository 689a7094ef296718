/** @module API tokens on both backends: created, looked up as their user, revoked by value or id. */
import assert from "node:assert/strict";
import { it } from "node:test";
import {
  AccountError,
  apiTokenAuthenticator,
  apiTokenCreator,
  apiTokenList,
  apiTokenRevoker,
  CLI_ACTOR,
  tokenHash,
  userCreator,
  userDisabler,
} from "../../src/accounts/index.js";
import { forEachBackend } from "../support/stores.js";
import { MINUTE, plus, T0, uniqueEmail } from "./support.js";

forEachBackend("accounts: API tokens", (store) => {
  it("creates a ri_ token that acts as its user, notes its use, and stops working when revoked", async () => {
    const { db } = store();
    const email = uniqueEmail("robot");
    const { user } = await userCreator({ db, email, name: "Robot", role: "administrator", actor: CLI_ACTOR });
    const created = await apiTokenCreator({ db, email, name: "OParl-høster", actor: CLI_ACTOR, now: T0 });
    assert.match(created.token, /^ri_[A-Za-z0-9_-]{43}$/);
    assert.equal(created.prefix, created.token.slice(0, 11));
    const row = await db
      .selectFrom("api_token")
      .selectAll()
      .where("id", "=", created.id)
      .executeTakeFirstOrThrow();
    assert.equal(row.token_hash, tokenHash(created.token));

    const bearer = await apiTokenAuthenticator({ db, token: created.token, now: plus(T0, MINUTE) });
    assert.equal(bearer?.user.id, user.id);
    assert.equal(bearer?.tokenId, created.id);
    const [listed] = await apiTokenList({ db, email });
    assert.deepEqual(listed?.lastUsed, plus(T0, MINUTE));
    assert.equal(listed?.name, "OParl-høster");
    assert.equal(await apiTokenAuthenticator({ db, token: "ri_nope" }), undefined);
    assert.equal(await apiTokenAuthenticator({ db, token: "Bearer x" }), undefined);

    const revoked = await apiTokenRevoker({
      db,
      tokenOrId: created.token,
      actor: CLI_ACTOR,
      now: plus(T0, 2 * MINUTE),
    });
    assert.equal(revoked.id, created.id);
    assert.equal(await apiTokenAuthenticator({ db, token: created.token }), undefined);
    const again = await apiTokenRevoker({ db, tokenOrId: String(created.id), actor: CLI_ACTOR }).catch(
      (e) => e,
    );
    assert.ok(again instanceof AccountError && again.code === "token-revoked");
    const unknown = await apiTokenRevoker({ db, tokenOrId: "999999", actor: CLI_ACTOR }).catch((e) => e);
    assert.ok(unknown instanceof AccountError && unknown.code === "unknown-token");
  });

  it("revokes a token by id, and a disabled user's tokens stop working", async () => {
    const { db } = store();
    const email = uniqueEmail("script");
    await userCreator({ db, email, name: "Script", role: "administrator", actor: CLI_ACTOR });
    const a = await apiTokenCreator({ db, email, actor: CLI_ACTOR });
    const b = await apiTokenCreator({ db, email, actor: CLI_ACTOR });
    await apiTokenRevoker({ db, tokenOrId: String(a.id), actor: CLI_ACTOR });
    assert.equal(await apiTokenAuthenticator({ db, token: a.token }), undefined);
    assert.ok(await apiTokenAuthenticator({ db, token: b.token }));
    const { tokensRevoked } = await userDisabler({ db, email, actor: CLI_ACTOR });
    assert.equal(tokensRevoked, 1);
    assert.equal(await apiTokenAuthenticator({ db, token: b.token }), undefined);
    const refused = await apiTokenCreator({ db, email, actor: CLI_ACTOR }).catch((e) => e);
    assert.ok(refused instanceof AccountError && refused.code === "user-disabled");
  });
});
