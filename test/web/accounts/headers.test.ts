/**
 * @module Security headers (issue 12, point 8) on every kind of response, both backends: pages, API,
 * OParl, feeds, static files, errors and the account pages; HSTS only when the public address is https.
 * The CSP allows no inline script or style, so the pages must carry none.
 */
import assert from "node:assert/strict";
import { it } from "node:test";
import { createApp } from "../../../src/web/app.js";
import { bodyId } from "../../accounts/support.js";
import { forEachBackend } from "../../support/stores.js";
import { makeUser, TestBrowser } from "./support.js";

function assertSecurityHeaders(res: Response, what: string, https: boolean): void {
  const csp = res.headers.get("content-security-policy") ?? "";
  assert.match(csp, /default-src 'self'/, what);
  assert.match(csp, /script-src 'self'(;|$)/, what);
  assert.match(csp, /style-src 'self'(;|$)/, what);
  assert.match(csp, /frame-ancestors 'none'/, what);
  assert.match(csp, /object-src 'none'/, what);
  assert.doesNotMatch(csp, /unsafe-inline|unsafe-eval/, what);
  assert.equal(res.headers.get("x-content-type-options"), "nosniff", what);
  assert.equal(res.headers.get("referrer-policy"), "strict-origin-when-cross-origin", what);
  assert.equal(res.headers.get("x-frame-options"), "DENY", what);
  const hsts = res.headers.get("strict-transport-security");
  if (https) assert.match(hsts ?? "", /^max-age=\d{8,}/, what);
  else assert.equal(hsts, null, what);
}

forEachBackend("web: security headers", (store) => {
  it("sends the headers on pages, API, OParl, feeds, static files and errors", async () => {
    const { db } = store();
    const id = await bodyId(db, "KKR Nordjylland");
    for (const [base, https] of [
      ["http://localhost:3000", false],
      ["https://raadsinfo.example.dk", true],
    ] as const) {
      const app = createApp({ db, settings: { publicBaseUrl: base } });
      const paths = [
        "/",
        "/soeg?q=biokul",
        "/tilgaengelighed",
        `/organ/${id}`,
        "/log-ind",
        "/api",
        "/api/meetings",
        "/api/search?q=biokul",
        "/oparl/v1/system",
        `/organ/${id}/feed.rss`,
        `/organ/${id}/moeder.ics`,
        "/static/site.css",
        "/static/dkfds/css/dkfds.min.css",
        "/findes-ikke",
        "/moede/abc",
        "/api/meetings/999999",
        "/healthz",
      ];
      for (const path of paths) {
        const res = await app.request(path);
        assert.ok(res.status < 500, `${path}: ${res.status}`);
        assertSecurityHeaders(res, `${base}${path}`, https);
      }
      const refused = await app.request("/log-ud", { method: "POST" });
      assert.equal(refused.status, 403);
      assertSecurityHeaders(refused, `${base} POST /log-ud`, https);
    }
  });

  it("keeps pages free of inline script and style attributes, so the CSP breaks nothing", async () => {
    const { db } = store();
    const id = await bodyId(db, "KKR Nordjylland");
    const app = createApp({ db });
    const admin = await makeUser(db, "administrator");
    const browser = new TestBrowser(app);
    assert.equal((await browser.logIn(admin)).status, 303);
    for (const path of [
      "/",
      "/soeg?q=biokul",
      `/organ/${id}`,
      "/tilgaengelighed",
      "/log-ind",
      "/konto",
      "/admin/log",
      "/findes-ikke",
    ]) {
      const html = await (await browser.get(path)).text();
      assert.doesNotMatch(html, /<script(?![^>]*\ssrc=)[^>]*>/i, `inline script on ${path}`);
      assert.doesNotMatch(html, /\sstyle=/i, `style attribute on ${path}`);
      assert.doesNotMatch(html, /<style[\s>]/i, `style element on ${path}`);
      assert.doesNotMatch(html, /\son[a-z]+=/i, `event handler attribute on ${path}`);
    }
  });
});
