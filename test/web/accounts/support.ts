/**
 * @module Helpers for the web accounts suites: users made through accounts' commands, a small browser
 * that keeps cookies across `app.request` calls and fills in a form's CSRF field, and TOTP codes.
 */
import type { Kysely } from "kysely";
import { CLI_ACTOR, totpCode, userCreator } from "../../../src/accounts/index.js";
import type { Database } from "../../../src/store/index.js";
import { bodyId, PASSWORD, uniqueEmail } from "../../accounts/support.js";

export { PASSWORD, uniqueEmail };

export interface TestUser {
  readonly id: number;
  readonly email: string;
  readonly name: string;
  readonly totpSecret: string | null;
}

/** A user with a password; administrator and sekretariat come with a TOTP secret. */
export async function makeUser(
  db: Kysely<Database>,
  role: "administrator" | "sekretariat" | "medlem",
  name = `Test ${role}`,
): Promise<TestUser> {
  const body = role === "administrator" ? null : "KKR Nordjylland";
  if (body) await bodyId(db, body);
  const email = uniqueEmail(role);
  const created = await userCreator({ db, email, name, role, body, password: PASSWORD, actor: CLI_ACTOR });
  return { id: created.user.id, email, name, totpSecret: created.totpSecret };
}

/** A 6-digit code that is none of the codes accepted around `now` (one step either side). */
export function wrongCode(secret: string, now = new Date()): string {
  const near = new Set([-30_000, 0, 30_000].map((d) => totpCode(secret, new Date(now.getTime() + d))));
  for (let n = 123456; ; n = (n + 7919) % 1_000_000) {
    const code = String(n).padStart(6, "0");
    if (!near.has(code)) return code;
  }
}

/** The body of a JSON error answer. */
export interface ErrorJson {
  readonly error: { readonly status: number; readonly code: string; readonly message: string };
}

export async function errorJson(res: Response): Promise<ErrorJson> {
  return (await res.json()) as ErrorJson;
}

/** The `_csrf` field of the first form in a page. */
export function csrfOf(html: string): string {
  const match = /name="_csrf" value="([^"]+)"/.exec(html);
  if (!match?.[1]) throw new Error("no CSRF field in the page");
  return match[1];
}

/** What a TestBrowser talks to: an app in the test (Hono's `request`), or a running serve over HTTP. */
export interface RequestTarget {
  request(path: string, init: RequestInit): Response | Promise<Response>;
}

/** Cookies kept across requests, as a browser would (no expiry or path rules: the tests need none). */
export class TestBrowser {
  constructor(
    readonly app: RequestTarget,
    readonly defaultHeaders: Record<string, string> = {},
    readonly cookies = new Map<string, string>(),
  ) {}

  /** The same browser, cookies and all, sent to another app: the next process behind a proxy. */
  via(app: RequestTarget): TestBrowser {
    return new TestBrowser(app, this.defaultHeaders, this.cookies);
  }

  async request(path: string, init: RequestInit = {}): Promise<Response> {
    const headers = new Headers({ ...this.defaultHeaders, ...(init.headers as Record<string, string>) });
    const jar = [...this.cookies].map(([k, v]) => `${k}=${v}`).join("; ");
    if (jar) headers.set("cookie", jar);
    const res = await this.app.request(path, { ...init, headers });
    for (const line of res.headers.getSetCookie()) {
      const [pair = ""] = line.split(";");
      const eq = pair.indexOf("=");
      const name = pair.slice(0, eq).trim();
      const value = pair.slice(eq + 1).trim();
      if (value === "" || /max-age=0/i.test(line)) this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
    return res;
  }

  get(path: string, headers: Record<string, string> = {}): Promise<Response> {
    return this.request(path, { headers });
  }

  /** POSTs a urlencoded form; `csrf` is the token to send (null: none). */
  post(
    path: string,
    fields: Record<string, string>,
    csrf: string | null,
    headers: Record<string, string> = {},
  ) {
    const body = new URLSearchParams(fields);
    if (csrf !== null) body.set("_csrf", csrf);
    return this.request(path, {
      method: "POST",
      body: body.toString(),
      headers: { "content-type": "application/x-www-form-urlencoded", ...headers },
    });
  }

  /** GETs `formPage`, takes its CSRF token, and POSTs `fields` to `action`. */
  async submit(formPage: string, action: string, fields: Record<string, string>): Promise<Response> {
    const page = await this.get(formPage);
    return this.post(action, fields, csrfOf(await page.text()));
  }

  /** Signs in through /log-ind with password and, when the user has one, the current TOTP code. */
  async logIn(user: TestUser): Promise<Response> {
    const fields: Record<string, string> = { email: user.email, password: PASSWORD };
    if (user.totpSecret) fields.code = totpCode(user.totpSecret);
    return this.submit("/log-ind", "/log-ind", fields);
  }
}
