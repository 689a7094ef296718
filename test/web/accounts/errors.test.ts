/**
 * @module One HTTP error (issue 12, point 7) on both backends: every status keeps itself and renders as a
 * Danish page or as JSON `{"error": {"status", "code", "message"}}` by Accept, never with a stack; and the
 * statuses that real requests give (400, 401, 403, 404, 410, 413, 422, 429, 500) arrive that way too.
 */
import assert from "node:assert/strict";
import { it } from "node:test";
import { HTTPException } from "hono/http-exception";
import { createApp } from "../../../src/web/app.js";
import { DEFAULT_CODE, ERROR_STATUSES, PortalError } from "../../../src/web/http-error.js";
import { forEachBackend } from "../../support/stores.js";
import { csrfOf, type ErrorJson, makeUser, PASSWORD, TestBrowser } from "./support.js";

const HTML = { accept: "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8" };
const JSON_ACCEPT = { accept: "application/json" };

/** A page in Danish with the status's title, and no trace of a stack. */
async function assertPage(res: Response, status: number, message: RegExp | null, what: string) {
  assert.equal(res.status, status, what);
  assert.match(res.headers.get("content-type") ?? "", /^text\/html/, what);
  const html = await res.text();
  assert.match(html, /<html lang="da">/, what);
  assert.match(html, /<h1>[^<]+<\/h1>/, what);
  if (message) assert.match(html, message, what);
  assert.doesNotMatch(html, /at .*\.(ts|js):\d+|Error:|stack/i, what);
}

async function assertJson(res: Response, status: number, code: string, what: string) {
  assert.equal(res.status, status, what);
  assert.match(res.headers.get("content-type") ?? "", /^application\/json/, what);
  const body = (await res.json()) as ErrorJson;
  assert.deepEqual(Object.keys(body), ["error"], what);
  assert.deepEqual(Object.keys(body.error).sort(), ["code", "message", "status"], what);
  assert.equal(body.error.status, status, what);
  assert.equal(body.error.code, code, what);
  assert.ok(typeof body.error.message === "string" && body.error.message.length > 0, what);
  assert.doesNotMatch(JSON.stringify(body), /at .*\.(ts|js):\d+|stack/i, what);
}

forEachBackend("web: one HTTP error", (store) => {
  it("renders every status as a Danish page and as JSON, by Accept", async () => {
    const app = createApp({ db: store().db });
    // Routes added to the real app, behind all of its middleware.
    app.get("/test-fejl/:status", (c) => {
      const status = Number(c.req.param("status")) as (typeof ERROR_STATUSES)[number];
      throw new PortalError(DEFAULT_CODE[status], `Besked for ${status}.`, { status });
    });
    app.get("/test-hono/:status", (c) => {
      throw new HTTPException(Number(c.req.param("status")) as 400);
    });
    for (const status of ERROR_STATUSES) {
      const page = await app.request(`/test-fejl/${status}`, { headers: HTML });
      await assertPage(page, status, new RegExp(`Besked for ${status}\\.`), `page ${status}`);
      const json = await app.request(`/test-fejl/${status}`, { headers: JSON_ACCEPT });
      await assertJson(json, status, DEFAULT_CODE[status], `json ${status}`);
      if (status !== 500) {
        // Hono's own exception, with no message: the status stays, the text is Danish.
        await assertPage(
          await app.request(`/test-hono/${status}`, { headers: HTML }),
          status,
          null,
          `hono ${status}`,
        );
        await assertJson(
          await app.request(`/test-hono/${status}`, { headers: JSON_ACCEPT }),
          status,
          DEFAULT_CODE[status],
          `hono json ${status}`,
        );
      }
    }
  });

  it("answers an unexpected error with a bland 500, never its message or stack", async () => {
    const app = createApp({ db: store().db });
    app.get("/test-brud", () => {
      throw new Error("hemmelig detalje fra databasen");
    });
    const logged: unknown[] = [];
    const original = console.error;
    console.error = (...args: unknown[]) => logged.push(args);
    try {
      const page = await app.request("/test-brud", { headers: HTML });
      await assertPage(page, 500, /Siden kunne ikke vises\. Prøv igen om lidt\./, "page");
      const json = await app.request("/test-brud", { headers: JSON_ACCEPT });
      const body = await json.clone().text();
      await assertJson(json, 500, "internal-error", "json");
      assert.doesNotMatch(body, /hemmelig/);
    } finally {
      console.error = original;
    }
    assert.equal(logged.length, 2, "the fault is logged on the server");
  });

  it("keeps the statuses real requests give, as page and JSON", async () => {
    const { db } = store();
    const app = createApp({ db });
    const cases: { path: string; init?: RequestInit; status: number; code: string }[] = [
      { path: "/moede/abc", status: 400, code: "bad-request" },
      {
        path: "/api/meetings",
        init: { headers: { authorization: "Bearer ri_ukendt" } },
        status: 401,
        code: "invalid-api-token",
      },
      { path: "/log-ud", init: { method: "POST" }, status: 403, code: "csrf-invalid" },
      { path: "/findes-ikke", status: 404, code: "not-found" },
      { path: "/log-ind/link/ukendt-link", status: 404, code: "link-invalid" },
      {
        path: "/log-ind",
        init: {
          method: "POST",
          body: "x=".padEnd(20_000, "y"),
          headers: { "content-type": "application/x-www-form-urlencoded" },
        },
        status: 413,
        code: "payload-too-large",
      },
    ];
    for (const { path, init, status, code } of cases) {
      const headers = (extra: Record<string, string>) => ({
        ...(init?.headers as Record<string, string>),
        ...extra,
      });
      if (!path.startsWith("/api/")) {
        await assertPage(
          await app.request(path, { ...init, headers: headers(HTML) }),
          status,
          null,
          `page ${path}`,
        );
      }
      await assertJson(
        await app.request(path, { ...init, headers: headers(JSON_ACCEPT) }),
        status,
        code,
        `json ${path}`,
      );
    }
  });

  it("answers a used link with 410 and a weak password with 422", async () => {
    const { db } = store();
    const app = createApp({ db });
    const { oneTimeLinkCreator } = await import("../../../src/accounts/index.js");
    const user = await makeUser(db, "medlem");
    const { token } = await oneTimeLinkCreator({ db, userId: user.id, purpose: "password-reset" });
    const browser = new TestBrowser(app);
    const form = await browser.get(`/log-ind/link/${token}`);
    assert.equal(form.status, 200);
    const csrf = csrfOf(await form.text());
    const weak = await browser.post(`/log-ind/link/${token}`, { password: "kort", repeat: "kort" }, csrf);
    assert.equal(weak.status, 422);
    assert.match(await weak.text(), /Adgangskoden kan ikke bruges/);
    const ok = await browser.post(`/log-ind/link/${token}`, { password: PASSWORD, repeat: PASSWORD }, csrf);
    assert.equal(ok.status, 303);
    await assertPage(
      await browser.get(`/log-ind/link/${token}`, HTML),
      410,
      /Linket er allerede brugt/,
      "used link",
    );
    await assertJson(
      await browser.get(`/log-ind/link/${token}`, JSON_ACCEPT),
      410,
      "link-used",
      "used link json",
    );
  });
});
