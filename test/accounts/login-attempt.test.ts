/**
 * @module Signing in on both backends: throttling per account and per address with lockout expiry (the
 * clock injected, never slept), and TOTP accepted, wrong and reused.
 */
import assert from "node:assert/strict";
import { it } from "node:test";
import type { Kysely } from "kysely";
import {
  AccountError,
  CLI_ACTOR,
  loginAttempt,
  loginPermission,
  type ThrottlePolicy,
  totpCode,
  userCreator,
} from "../../src/accounts/index.js";
import type { Database } from "../../src/store/index.js";
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

async function member(db: Kysely<Database>, email = uniqueEmail()): Promise<string> {
  await bodyId(db, "KKR Nordjylland");
  await userCreator({
    db,
    email,
    name: "M",
    role: "medlem",
    body: "KKR Nordjylland",
    password: PASSWORD,
    actor: CLI_ACTOR,
  });
  return email;
}

const SMALL: ThrottlePolicy = {
  windowMs: 10 * MINUTE,
  accountFailures: 3,
  addressFailures: 5,
  lockoutMs: 15 * MINUTE,
};

forEachBackend("accounts: login throttling", (store) => {
  it("signs in with the right password and opens a session", async () => {
    const { db } = store();
    const email = await member(db);
    const { user, session } = await loginAttempt({
      db,
      email: email.toUpperCase(),
      password: PASSWORD,
      address: "10.1.0.1",
      now: T0,
    });
    assert.equal(user.email, email);
    assert.ok(session.token);
    assert.equal(
      await code(
        loginAttempt({ db, email: "ingen@kl.dk", password: PASSWORD, address: "10.1.0.1", now: T0 }),
      ),
      "invalid-credentials",
    );
  });

  it("ten quick wrong tries: the first five are wrong passwords, the rest are throttled (429) until the lockout ends", async () => {
    const { db } = store();
    const email = await member(db);
    const outcomes: string[] = [];
    for (let i = 0; i < 10; i++) {
      outcomes.push(
        await code(
          loginAttempt({
            db,
            email,
            password: "forkert forkert",
            address: `10.2.0.${i}`,
            now: plus(T0, i * 1000),
          }),
        ),
      );
    }
    assert.deepEqual(outcomes, [...Array(5).fill("invalid-credentials"), ...Array(5).fill("throttled")]);
    // The right password does not get through a lockout either.
    const refused = await loginAttempt({
      db,
      email,
      password: PASSWORD,
      address: "10.2.1.1",
      now: plus(T0, 10 * MINUTE),
    }).catch((e) => e);
    assert.ok(refused instanceof AccountError);
    assert.equal(refused.status, 429);
    assert.deepEqual(
      refused.retryAfter,
      plus(T0, 4000 + 15 * MINUTE),
      "locked 15 minutes from the fifth failure",
    );
    assert.equal(refused.danish, "For mange forkerte forsøg. Prøv igen om 6 minutter.");
    assert.equal(
      await code(
        loginAttempt({ db, email, password: PASSWORD, address: "10.2.1.1", now: plus(T0, 16 * MINUTE) }),
      ),
      "ok",
    );
  });

  it("counts failures per account only within the window, and a success clears the count", async () => {
    const { db } = store();
    const email = await member(db);
    const attempt = (password: string, at: Date) =>
      code(loginAttempt({ db, email, password, address: null, now: at, policy: SMALL }));
    assert.equal(await attempt("forkert forkert", T0), "invalid-credentials");
    assert.equal(await attempt("forkert forkert", plus(T0, MINUTE)), "invalid-credentials");
    // Eleven minutes on, the first two are outside the ten-minute window.
    assert.equal(await attempt("forkert forkert", plus(T0, 11 * MINUTE)), "invalid-credentials");
    assert.equal(await attempt("forkert forkert", plus(T0, 12 * MINUTE)), "invalid-credentials");
    assert.equal(await attempt(PASSWORD, plus(T0, 13 * MINUTE)), "ok");
    assert.equal(await attempt("forkert forkert", plus(T0, 14 * MINUTE)), "invalid-credentials");
    assert.equal(await attempt("forkert forkert", plus(T0, 14 * MINUTE)), "invalid-credentials");
    assert.equal(await attempt(PASSWORD, plus(T0, 14 * MINUTE)), "ok", "two failures since the success");
    for (let i = 0; i < 3; i++) await attempt("forkert forkert", plus(T0, 15 * MINUTE));
    assert.equal(await attempt(PASSWORD, plus(T0, 16 * MINUTE)), "throttled");
    assert.equal(await attempt(PASSWORD, plus(T0, 30 * MINUTE)), "ok", "lockout over at 15 + 15 minutes");
  });

  it("locks an address that tries many accounts, without locking those accounts elsewhere", async () => {
    const { db } = store();
    const emails = [await member(db), await member(db), await member(db)];
    const address = "192.0.2.66";
    const at = plus(T0, 2 * 60 * MINUTE);
    let n = 0;
    for (const email of emails) {
      for (let i = 0; i < 2 && n < 5; i++, n++) {
        assert.equal(
          await code(
            loginAttempt({ db, email, password: "forkert forkert", address, now: at, policy: SMALL }),
          ),
          "invalid-credentials",
        );
      }
    }
    const permission = await loginPermission({ db, email: emails[2]!, address, now: plus(at, MINUTE) });
    assert.deepEqual(permission, { allowed: false, scope: "address", until: plus(at, 15 * MINUTE) });
    assert.equal(
      await code(
        loginAttempt({
          db,
          email: emails[2]!,
          password: PASSWORD,
          address,
          now: plus(at, MINUTE),
          policy: SMALL,
        }),
      ),
      "throttled",
    );
    assert.equal(
      await code(
        loginAttempt({
          db,
          email: emails[2]!,
          password: PASSWORD,
          address: "192.0.2.7",
          now: plus(at, MINUTE),
          policy: SMALL,
        }),
      ),
      "ok",
    );
    assert.equal(
      await code(
        loginAttempt({
          db,
          email: emails[0]!,
          password: PASSWORD,
          address,
          now: plus(at, 16 * MINUTE),
          policy: SMALL,
        }),
      ),
      "ok",
    );
  });
});

forEachBackend("accounts: TOTP sign-in", (store) => {
  it("asks for a code, refuses a wrong one, accepts the right one once, and refuses it and older ones after", async () => {
    const { db } = store();
    await bodyId(db, "KKR Nordjylland");
    const email = uniqueEmail("sek");
    const { totpSecret } = await userCreator({
      db,
      email,
      name: "Sekretær",
      role: "sekretariat",
      body: "KKR Nordjylland",
      password: PASSWORD,
      actor: CLI_ACTOR,
    });
    const secret = totpSecret!;
    const at = (ms: number) => plus(T0, ms);
    const login = (totp: string | null, now: Date) =>
      code(loginAttempt({ db, email, password: PASSWORD, totpCode: totp, address: "10.3.0.1", now }));
    assert.equal(await login(null, at(0)), "totp-required");
    const current = totpCode(secret, at(0));
    const wrong = current === "000000" ? "000001" : "000000";
    assert.equal(await login(wrong, at(0)), "totp-invalid");
    assert.equal(
      await login(totpCode(secret, at(-90_000)), at(0)),
      "totp-invalid",
      "three steps old: outside the window",
    );
    assert.equal(
      await login(`${current.slice(0, 3)} ${current.slice(3)}`, at(5000)),
      "ok",
      "spaces are ignored",
    );
    assert.equal(await login(current, at(10_000)), "totp-reused");
    assert.equal(
      await login(totpCode(secret, at(-30_000)), at(10_000)),
      "totp-reused",
      "an older step is refused too",
    );
    assert.equal(await login(totpCode(secret, at(30_000)), at(31_000)), "ok", "the next step's code works");
  });

  it("refuses a sekretariat user whose TOTP secret is gone", async () => {
    const { db } = store();
    await bodyId(db, "KKR Nordjylland");
    const email = uniqueEmail("sek");
    const { user } = await userCreator({
      db,
      email,
      name: "S",
      role: "sekretariat",
      body: "KKR Nordjylland",
      password: PASSWORD,
      actor: CLI_ACTOR,
    });
    await db.updateTable("app_user").set({ totp_secret: null }).where("id", "=", user.id).execute();
    assert.equal(
      await code(loginAttempt({ db, email, password: PASSWORD, address: null, now: T0 })),
      "totp-not-set-up",
    );
  });
});
