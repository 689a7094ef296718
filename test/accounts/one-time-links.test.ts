/** @module One-time links on both backends: single use, expiry, a newer link retiring the older one. */
import assert from "node:assert/strict";
import { it } from "node:test";
import {
  AccountError,
  CLI_ACTOR,
  loginAttempt,
  oneTimeLinkCreator,
  oneTimeLinkFinder,
  oneTimeLinkUrl,
  passwordLinkRedeemer,
  sessionCreator,
  sessionFinder,
  userCreator,
} from "../../src/accounts/index.js";
import { forEachBackend } from "../support/stores.js";
import { bodyId, MINUTE, PASSWORD, plus, T0, uniqueEmail } from "./support.js";

async function code(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
    return "ok";
  } catch (error) {
    if (error instanceof AccountError) return error.code;
    throw error;
  }
}

forEachBackend("accounts: one-time links", (store) => {
  it("sets the first password once; the link is spent after", async () => {
    const { db } = store();
    const email = uniqueEmail("ny");
    await bodyId(db, "KKR Hovedstaden");
    const { user } = await userCreator({
      db,
      email,
      name: "Ny",
      role: "medlem",
      body: "KKR Hovedstaden",
      actor: CLI_ACTOR,
    });
    const { token, expires } = await oneTimeLinkCreator({
      db,
      userId: user.id,
      purpose: "first-login",
      now: T0,
    });
    assert.deepEqual(expires, plus(T0, 7 * 24 * 60 * MINUTE));
    assert.equal(
      oneTimeLinkUrl("https://raadsinfo.kl.dk/", token),
      `https://raadsinfo.kl.dk/log-ind/link/${token}`,
    );
    const found = await oneTimeLinkFinder({ db, token, now: plus(T0, MINUTE) });
    assert.equal(found.purpose, "first-login");
    assert.equal(found.user.email, email);
    assert.equal(
      await code(passwordLinkRedeemer({ db, token, password: "kort", now: plus(T0, MINUTE) })),
      "weak-password",
    );
    assert.equal(
      await code(passwordLinkRedeemer({ db, token, password: PASSWORD, now: plus(T0, 2 * MINUTE) })),
      "ok",
    );
    assert.equal(
      await code(passwordLinkRedeemer({ db, token, password: PASSWORD, now: plus(T0, 3 * MINUTE) })),
      "link-used",
    );
    assert.equal(await code(oneTimeLinkFinder({ db, token, now: plus(T0, 3 * MINUTE) })), "link-used");
    assert.equal(
      await code(loginAttempt({ db, email, password: PASSWORD, address: null, now: plus(T0, 4 * MINUTE) })),
      "ok",
    );
    assert.equal(await code(oneTimeLinkFinder({ db, token: "not-a-token", now: T0 })), "link-invalid");
  });

  it("expires a reset link after an hour, retires the older link, and ends open sessions on use", async () => {
    const { db } = store();
    const email = uniqueEmail("glemsom");
    const { user } = await userCreator({
      db,
      email,
      name: "G",
      role: "administrator",
      password: PASSWORD,
      actor: CLI_ACTOR,
    });
    const first = await oneTimeLinkCreator({ db, userId: user.id, purpose: "password-reset", now: T0 });
    assert.equal(
      await code(oneTimeLinkFinder({ db, token: first.token, now: plus(T0, 61 * MINUTE) })),
      "link-expired",
    );
    assert.equal(
      await code(
        passwordLinkRedeemer({ db, token: first.token, password: PASSWORD, now: plus(T0, 61 * MINUTE) }),
      ),
      "link-expired",
    );
    const older = await oneTimeLinkCreator({
      db,
      userId: user.id,
      purpose: "password-reset",
      now: plus(T0, 70 * MINUTE),
    });
    const newer = await oneTimeLinkCreator({
      db,
      userId: user.id,
      purpose: "password-reset",
      now: plus(T0, 71 * MINUTE),
    });
    assert.equal(
      await code(oneTimeLinkFinder({ db, token: older.token, now: plus(T0, 72 * MINUTE) })),
      "link-used",
    );
    const session = await sessionCreator({ db, userId: user.id, now: plus(T0, 72 * MINUTE) });
    const redeemed = await passwordLinkRedeemer({
      db,
      token: newer.token,
      password: "en helt ny adgangskode",
      now: plus(T0, 73 * MINUTE),
    });
    assert.equal(redeemed.purpose, "password-reset");
    assert.equal(await sessionFinder({ db, token: session.token, now: plus(T0, 74 * MINUTE) }), undefined);
    const audit = await db
      .selectFrom("audit_log")
      .select("action")
      .where("target_id", "=", String(user.id))
      .execute();
    assert.ok(audit.some((a) => a.action === "user-password-reset"));
  });
});
