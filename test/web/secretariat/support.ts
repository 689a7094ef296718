/**
 * @module Helpers for the secretariat's web suites: a user of a body made as `raadsinfo user add` makes
 * one (sekretariat with TOTP), signed in through /log-ind in a TestBrowser over a fresh app.
 */
import assert from "node:assert/strict";
import type { Kysely } from "kysely";
import { CLI_ACTOR, userCreator } from "../../../src/accounts/index.js";
import type { Database } from "../../../src/store/index.js";
import { createApp } from "../../../src/web/app.js";
import { bodyId, PASSWORD, uniqueEmail } from "../../accounts/support.js";
import { TestBrowser } from "../accounts/support.js";

/** Signs in a new user with `role` in `body` (made when missing); returns the browser and the body's id. */
export async function signedInAs(
  db: Kysely<Database>,
  role: "sekretariat" | "medlem",
  body: string,
): Promise<{ readonly browser: TestBrowser; readonly bodyId: number }> {
  const id = await bodyId(db, body);
  const email = uniqueEmail(role);
  const name = `Test ${role}`;
  const created = await userCreator({ db, email, name, role, body, password: PASSWORD, actor: CLI_ACTOR });
  const browser = new TestBrowser(createApp({ db }));
  const res = await browser.logIn({ id: created.user.id, email, name, totpSecret: created.totpSecret });
  assert.equal(res.status, 303);
  return { browser, bodyId: id };
}
