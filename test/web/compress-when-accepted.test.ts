/** Compression only for clients that ask for it, and a Vary header for every client. */
import assert from "node:assert/strict";
import { it } from "node:test";
import { gunzipSync } from "node:zlib";
import { Hono } from "hono";
import { compressWhenAccepted } from "../../src/web/compress-when-accepted.js";

const page = `<!DOCTYPE html><p>${"Dagsorden ".repeat(300)}</p>`;

function app(): Hono {
  const a = new Hono();
  a.use(compressWhenAccepted());
  a.get("/", (c) => c.html(page));
  return a;
}

it("gzips a page for a client that accepts gzip and says it varies by Accept-Encoding", async () => {
  const res = await app().request("/", { headers: { "Accept-Encoding": "gzip, deflate" } });
  assert.equal(res.headers.get("Content-Encoding"), "gzip");
  assert.equal(res.headers.get("Vary"), "Accept-Encoding");
  assert.equal(gunzipSync(Buffer.from(await res.arrayBuffer())).toString(), page);
});

it("sends the page as it is to a client that asks for no encoding, with the same Vary", async () => {
  for (const accept of [undefined, "identity"]) {
    const res = await app().request("/", accept ? { headers: { "Accept-Encoding": accept } } : {});
    assert.equal(res.headers.get("Content-Encoding"), null);
    assert.equal(res.headers.get("Vary"), "Accept-Encoding");
    assert.equal(await res.text(), page);
  }
});

it("takes a wildcard as leave to compress", async () => {
  const res = await app().request("/", { headers: { "Accept-Encoding": "*" } });
  assert.equal(res.headers.get("Content-Encoding"), "gzip");
});
