/**
 * @module API tokens on the web (issue 12, point 4), both backends: `Authorization: Bearer ri_…` makes a
 * request to /api act as the token's user with that user's roles (user, grants and viewer in the context);
 * a revoked or unknown token gets 401 with WWW-Authenticate; no token is the public.
 */
import assert from "node:assert/strict";
import { it } from "node:test";
import { apiTokenCreator, apiTokenRevoker, CLI_ACTOR } from "../../../src/accounts/index.js";
import { createApp } from "../../../src/web/app.js";
import { bodyId } from "../../accounts/support.js";
import { forEachBackend } from "../../support/stores.js";
import { makeUser } from "./support.js";

/** The real app plus one route under /api that says who the request acts as. */
function appWithWhoami(db: Parameters<typeof createApp>[0]["db"]) {
  const app = createApp({ db });
  app.get("/api/test-hvem", (c) =>
    c.json({
      email: c.get("user")?.email ?? null,
      grants: c.get("grants"),
      viewer: c.get("viewer"),
      tokenId: c.get("apiTokenId"),
    }),
  );
  return app;
}

forEachBackend("web accounts: API tokens", (store) => {
  it("acts as the token's user on /api, with that user's roles and viewer", async () => {
    const { db } = store();
    const nord = await bodyId(db, "KKR Nordjylland");
    const member = await makeUser(db, "medlem");
    const { id, token } = await apiTokenCreator({ db, email: member.email, actor: CLI_ACTOR });
    const app = appWithWhoami(db);
    const res = await app.request("/api/test-hvem", { headers: { authorization: `Bearer ${token}` } });
    assert.equal(res.status, 200);
    assert.deepEqual(await res.json(), {
      email: member.email,
      grants: [{ role: "medlem", bodyId: nord }],
      viewer: { kind: "user", memberOf: [nord], secretariatOf: [] },
      tokenId: id,
    });
    assert.equal(res.headers.get("cache-control"), "private, no-store");
    const real = await app.request("/api/meetings", { headers: { authorization: `Bearer ${token}` } });
    assert.equal(real.status, 200);
    assert.equal(real.headers.get("cache-control"), "private, no-store", "a user's answer is not shared");
  });

  it("is the public without a token", async () => {
    const app = appWithWhoami(store().db);
    const res = await app.request("/api/test-hvem");
    assert.deepEqual(await res.json(), {
      email: null,
      grants: [],
      viewer: { kind: "public" },
      tokenId: null,
    });
  });

  it("refuses a revoked or unknown token with 401 and WWW-Authenticate", async () => {
    const { db } = store();
    const member = await makeUser(db, "medlem");
    const { token } = await apiTokenCreator({ db, email: member.email, actor: CLI_ACTOR });
    await apiTokenRevoker({ db, tokenOrId: token, actor: CLI_ACTOR });
    const app = appWithWhoami(db);
    for (const bearer of [token, "ri_ukendt", "ikke-en-noegle"]) {
      const res = await app.request("/api/meetings", { headers: { authorization: `Bearer ${bearer}` } });
      assert.equal(res.status, 401, bearer);
      assert.match(
        res.headers.get("www-authenticate") ?? "",
        /^Bearer realm="raadsinfo", error="invalid_token"/,
      );
      assert.deepEqual(await res.json(), {
        error: {
          status: 401,
          code: "invalid-api-token",
          message: "API-nøglen er ukendt eller tilbagekaldt.",
        },
      });
    }
  });
});
