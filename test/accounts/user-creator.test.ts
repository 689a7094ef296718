/** @module userCreator, roleGranter, userDisabler and userList on both backends. */
import assert from "node:assert/strict";
import { it } from "node:test";
import {
  AccountError,
  CLI_ACTOR,
  roleGranter,
  userCreator,
  userDisabler,
  userFinder,
  userList,
} from "../../src/accounts/index.js";
import { forEachBackend } from "../support/stores.js";
import { bodyId, PASSWORD, uniqueEmail } from "./support.js";

async function refusal(promise: Promise<unknown>): Promise<AccountError> {
  try {
    await promise;
  } catch (error) {
    assert.ok(error instanceof AccountError, `expected an AccountError, got ${error}`);
    return error;
  }
  assert.fail("expected a refusal");
}

forEachBackend("accounts: users and roles", (store) => {
  it("creates a sekretariat user with a body, a TOTP secret and an audit entry", async () => {
    const { db } = store();
    const kkr = await bodyId(db, "KKR Nordjylland");
    const email = uniqueEmail("anna");
    const { user, totpSecret } = await userCreator({
      db,
      email,
      name: "Anna Aaen",
      role: "sekretariat",
      body: "kkr nordjylland",
      password: PASSWORD,
      actor: CLI_ACTOR,
    });
    assert.equal(user.email, email);
    assert.deepEqual(user.roles, [{ role: "sekretariat", bodyId: kkr, bodyName: "KKR Nordjylland" }]);
    assert.equal(user.hasPassword, true);
    assert.equal(user.totpEnabled, true);
    assert.match(totpSecret ?? "", /^[A-Z2-7]{32}$/);
    assert.ok(!("passwordHash" in user) && !("totpSecret" in user), "no secret in the presented user");
    const entry = await db
      .selectFrom("audit_log")
      .selectAll()
      .where("target_id", "=", String(user.id))
      .executeTakeFirstOrThrow();
    assert.equal(entry.action, "user-create");
    assert.equal(entry.actor_user_id, null);
    assert.doesNotMatch(JSON.stringify(entry.after), /argon|\$/);
  });

  it("gives a medlem no TOTP secret, an administrator one, and stores the hash as Argon2id", async () => {
    const { db } = store();
    await bodyId(db, "KKR Syddanmark");
    const member = await userCreator({
      db,
      email: uniqueEmail(),
      name: "Bo",
      role: "medlem",
      body: "KKR Syddanmark",
      password: PASSWORD,
      actor: CLI_ACTOR,
    });
    assert.equal(member.totpSecret, null);
    const admin = await userCreator({
      db,
      email: uniqueEmail(),
      name: "Ida",
      role: "administrator",
      actor: CLI_ACTOR,
    });
    assert.ok(admin.totpSecret);
    assert.equal(admin.user.hasPassword, false);
    const row = await db
      .selectFrom("app_user")
      .select("password_hash")
      .where("id", "=", member.user.id)
      .executeTakeFirstOrThrow();
    assert.match(row.password_hash ?? "", /^\$argon2id\$v=19\$/);
  });

  it("refuses a duplicate e-mail in any case, an unknown role, a missing or unknown body, a short password", async () => {
    const { db } = store();
    await bodyId(db, "KKR Nordjylland");
    const email = uniqueEmail("dup");
    await userCreator({ db, email, name: "A", role: "administrator", actor: CLI_ACTOR });
    const cases: [() => Promise<unknown>, string][] = [
      [
        () =>
          userCreator({ db, email: email.toUpperCase(), name: "A", role: "administrator", actor: CLI_ACTOR }),
        "email-taken",
      ],
      [
        () => userCreator({ db, email: uniqueEmail(), name: "A", role: "borgmester", actor: CLI_ACTOR }),
        "unknown-role",
      ],
      [
        () => userCreator({ db, email: uniqueEmail(), name: "A", role: "medlem", actor: CLI_ACTOR }),
        "body-required",
      ],
      [
        () =>
          userCreator({
            db,
            email: uniqueEmail(),
            name: "A",
            role: "administrator",
            body: "KKR Nordjylland",
            actor: CLI_ACTOR,
          }),
        "body-not-allowed",
      ],
      [
        () =>
          userCreator({
            db,
            email: uniqueEmail(),
            name: "A",
            role: "medlem",
            body: "KKR Atlantis",
            actor: CLI_ACTOR,
          }),
        "unknown-body",
      ],
      [
        () =>
          userCreator({ db, email: "ikke-en-adresse", name: "A", role: "administrator", actor: CLI_ACTOR }),
        "invalid-email",
      ],
      [
        () =>
          userCreator({
            db,
            email: uniqueEmail(),
            name: "A",
            role: "administrator",
            password: "kort",
            actor: CLI_ACTOR,
          }),
        "weak-password",
      ],
    ];
    for (const [attempt, code] of cases) assert.equal((await refusal(attempt())).code, code);
    const unknownBody = await refusal(
      userCreator({
        db,
        email: uniqueEmail(),
        name: "A",
        role: "medlem",
        body: "KKR Atlantis",
        actor: CLI_ACTOR,
      }),
    );
    assert.match(unknownBody.message, /unknown body "KKR Atlantis" \(bodies: .*KKR Nordjylland/);
  });

  it("grants a second role, lists users with their roles, and disables a user", async () => {
    const { db } = store();
    const nord = await bodyId(db, "KKR Nordjylland");
    const syd = await bodyId(db, "KKR Syddanmark");
    const email = uniqueEmail("karl");
    await userCreator({ db, email, name: "Karl", role: "medlem", body: "KKR Nordjylland", actor: CLI_ACTOR });
    const granted = await roleGranter({ db, email, role: "medlem", body: String(syd), actor: CLI_ACTOR });
    assert.equal(granted.totpSecret, null, "medlem needs no second factor");
    await roleGranter({ db, email, role: "medlem", body: String(syd), actor: CLI_ACTOR }); // held already
    const promoted = await roleGranter({
      db,
      email,
      role: "sekretariat",
      body: "KKR Nordjylland",
      actor: CLI_ACTOR,
    });
    assert.match(promoted.totpSecret ?? "", /^[A-Z2-7]{32}$/, "sekretariat comes with a TOTP secret");
    assert.equal(promoted.user.totpEnabled, true);
    const listed = (await userList({ db })).find((u) => u.email === email);
    assert.deepEqual(
      listed?.roles.map((r) => [r.role, r.bodyId]),
      [
        ["medlem", nord],
        ["medlem", syd],
        ["sekretariat", nord],
      ],
    );
    const { user } = await userDisabler({ db, email: email.toUpperCase(), actor: CLI_ACTOR });
    assert.equal(user.disabled, true);
    assert.equal((await userFinder({ db, email })).disabled, true);
    assert.equal(
      (await refusal(userDisabler({ db, email: "ingen@kl.dk", actor: CLI_ACTOR }))).code,
      "unknown-user",
    );
  });
});
