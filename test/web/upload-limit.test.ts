/**
 * Every request body is bounded before anything reads it whole: an upload larger than import reads (an
 * annex copy, an API write) is a 413 in Danish after the limit's worth of bytes, not after all of them.
 */
import assert from "node:assert/strict";
import { it } from "node:test";
import { MAX_SOURCE_FILE_BYTES } from "../../src/ingest/index.js";
import { createApp } from "../../src/web/app.js";
import { forEachBackend } from "../support/stores.js";

const MB = 1024 * 1024;

forEachBackend("web: upload limit", (store) => {
  it("answers an endless upload with 413 once it passes the limit", async () => {
    const app = createApp({ db: store().db });
    let sent = 0;
    const chunk = new Uint8Array(MB).fill(0x61);
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        // Far past the limit: a server that read it all would take a gigabyte.
        if (sent >= 1024 * MB) controller.close();
        else {
          sent += chunk.byteLength;
          controller.enqueue(chunk);
        }
      },
    });
    const res = await app.request("/sekretariat/tilbageholdt/1/erstat", {
      method: "POST",
      body,
      headers: { "content-type": "multipart/form-data; boundary=x", accept: "application/json" },
      duplex: "half",
    } as RequestInit);
    assert.equal(res.status, 413);
    const json = (await res.json()) as { error: { code: string; message: string } };
    assert.equal(json.error.code, "payload-too-large");
    assert.ok(sent < MAX_SOURCE_FILE_BYTES + 8 * MB, `read ${sent / MB} MB before refusing`);
  });
});
