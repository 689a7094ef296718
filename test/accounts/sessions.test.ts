/** @module Sessions: created, found, expired, ended, and gone when the user is disabled; both backends. */
import assert from "node:assert/strict";
import { it } from "node:test";
import {
  CLI_ACTOR,
  sessionCreator,
  sessionEnder,
  sessionFinder,
  tokenHash,
  userCreator,
  userDisabler,
} from "../../src/accounts/index.js";
import { forEachBackend } from "../support/stores.js";
import { MINUTE, PASSWORD, plus, T0, uniqueEmail } from "./support.js";

forEachBackend("accounts: sessions", (store) => {
  it("finds a session by its token until it expires, and stores only the token's hash", async () => {
    const { db } = store();
    const { user } = await userCreator({
      db,
      email: uniqueEmail(),
      name: "Sif",
      role: "administrator",
      password: PASSWORD,
      actor: CLI_ACTOR,
    });
    const session = await sessionCreator({
      db,
      userId: user.id,
      address: "10.0.0.1",
      now: T0,
      lifetimeMs: 60 * MINUTE,
    });
    assert.ok(session.token.length >= 43);
    const stored = await db
      .selectFrom("user_session")
      .selectAll()
      .where("id", "=", session.id)
      .executeTakeFirstOrThrow();
    assert.equal(stored.token_hash, tokenHash(session.token));
    assert.notEqual(stored.token_hash, session.token);

    const found = await sessionFinder({ db, token: session.token, now: plus(T0, 30 * MINUTE) });
    assert.equal(found?.user.id, user.id);
    assert.deepEqual(found?.lastSeen, plus(T0, 30 * MINUTE), "last seen is noted");
    assert.equal(
      await sessionFinder({ db, token: session.token, now: plus(T0, 60 * MINUTE) }),
      undefined,
      "expired",
    );
    assert.equal(
      await sessionFinder({ db, token: `${session.token}x`, now: T0 }),
      undefined,
      "unknown token",
    );
    assert.equal(await sessionFinder({ db, token: "", now: T0 }), undefined);
  });

  it("ends a session once, and a disabled user's sessions end with it", async () => {
    const { db } = store();
    const email = uniqueEmail();
    const { user } = await userCreator({ db, email, name: "Tove", role: "administrator", actor: CLI_ACTOR });
    const a = await sessionCreator({ db, userId: user.id, now: T0 });
    const b = await sessionCreator({ db, userId: user.id, now: T0 });
    assert.equal(await sessionEnder({ db, token: a.token, now: plus(T0, MINUTE) }), true);
    assert.equal(await sessionEnder({ db, token: a.token, now: plus(T0, MINUTE) }), false);
    assert.equal(await sessionFinder({ db, token: a.token, now: plus(T0, 2 * MINUTE) }), undefined);
    assert.ok(await sessionFinder({ db, token: b.token, now: plus(T0, 2 * MINUTE) }));
    const { sessionsEnded } = await userDisabler({ db, email, actor: CLI_ACTOR, now: plus(T0, 3 * MINUTE) });
    assert.equal(sessionsEnded, 1);
    assert.equal(await sessionFinder({ db, token: b.token, now: plus(T0, 4 * MINUTE) }), undefined);
  });
});
