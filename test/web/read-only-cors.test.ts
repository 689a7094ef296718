/** @module CORS on /api and /oparl/v1 advertises reading only: GET and HEAD, on answers and preflights. */
import assert from "node:assert/strict";
import { it } from "node:test";
import { createApp } from "../../src/web/app.js";
import { forEachBackend } from "../support/stores.js";

forEachBackend("read-only CORS", (store) => {
  it("answers a preflight with GET and HEAD only, for any origin", async () => {
    const app = createApp({ db: store().db });
    for (const path of ["/api/meetings", "/api/search", "/oparl/v1/system", "/oparl/v1/bodies"]) {
      for (const method of ["GET", "DELETE", "PUT"]) {
        const res = await app.request(path, {
          method: "OPTIONS",
          headers: { origin: "https://example.org", "access-control-request-method": method },
        });
        assert.equal(res.status, 204, `${method} ${path}`);
        assert.equal(res.headers.get("access-control-allow-methods"), "GET,HEAD", `${method} ${path}`);
        assert.equal(res.headers.get("access-control-allow-origin"), "*");
      }
    }
  });

  it("lets any origin read an answer", async () => {
    const app = createApp({ db: store().db });
    for (const path of ["/api/meetings", "/oparl/v1/system"]) {
      const res = await app.request(path, { headers: { origin: "https://example.org" } });
      assert.equal(res.status, 200, path);
      assert.equal(res.headers.get("access-control-allow-origin"), "*", path);
    }
  });
});
