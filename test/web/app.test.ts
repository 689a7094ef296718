/** The portal shell: health check, front page with the demo meeting, Danish 404 page or JSON. */
import assert from "node:assert/strict";
import { it } from "node:test";
import { loadDemoIfEmpty } from "../../src/demo/load-demo.js";
import { createApp } from "../../src/web/app.js";
import { forEachBackend } from "../support/stores.js";

forEachBackend("portal shell", (store) => {
  it("answers /healthz", async () => {
    const res = await createApp({ db: store().db }).request("/healthz");
    assert.equal(res.status, 200);
    assert.deepEqual(await res.json(), { status: "ok" });
  });

  it("loads the demo into an empty store once and lists its meeting on the front page", async () => {
    const { db } = store();
    assert.equal(await loadDemoIfEmpty(db), true);
    assert.equal(await loadDemoIfEmpty(db), false);
    const res = await createApp({ db }).request("/");
    const html = await res.text();
    assert.equal(res.status, 200);
    assert.match(html, /^<!DOCTYPE html>/);
    assert.match(html, /<html lang="da">/);
    assert.match(html, /KKR Eksempelregion/);
    assert.match(html, /18\. september 2026/);
    assert.match(html, /dkfds\.min\.css/);
  });

  it("serves the design system's stylesheet", async () => {
    const res = await createApp({ db: store().db }).request("/static/dkfds/css/dkfds.min.css");
    assert.equal(res.status, 200);
    assert.match(res.headers.get("content-type") ?? "", /text\/css/);
    const traversal = await createApp({ db: store().db }).request("/static/dkfds/..%2F..%2Fpackage.json");
    assert.equal(traversal.status, 404);
  });

  it("answers an unknown page with a Danish 404, and JSON for API clients", async () => {
    const app = createApp({ db: store().db });
    const page = await app.request("/findes-ikke");
    assert.equal(page.status, 404);
    assert.match(await page.text(), /Siden findes ikke/);
    const api = await app.request("/api/findes-ikke");
    assert.equal(api.status, 404);
    const body = (await api.json()) as { error: { status: number } };
    assert.equal(body.error.status, 404);
  });
});
