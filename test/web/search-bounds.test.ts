/**
 * @module A search cannot stall the portal: its words and length are bounded and said so on /soeg and in
 * /api/search; a search stopped by its time limit (server leg) answers a Danish message or a JSON error,
 * never a 500. Input is echoed without control characters. Both backends.
 */
import assert from "node:assert/strict";
import { before, it } from "node:test";
import { sql } from "kysely";
import { createApp } from "../../src/web/app.js";
import { importSearchFixture } from "../search/search-fixture.js";
import { forEachBackend } from "../support/stores.js";

/** 166 two-letter words, as in the report (2 to 5 s before the bounds). */
const TWO_LETTER_WORDS = Array.from(
  { length: 166 },
  (_, i) => `${"abdefghiklmnoprstuv"[i % 19]}${"aeiouy"[i % 6]}`,
);

forEachBackend("search bounds", (store, backend) => {
  before(async () => {
    await importSearchFixture(store().db);
  });

  it("answers a search of hundreds of words with the Danish notice, on the page and in the JSON", async () => {
    const app = createApp({ db: store().db });
    const q = encodeURIComponent(`biokul ${TWO_LETTER_WORDS.join(" ")}`);
    const page = await app.request(`/soeg?q=${q}`);
    assert.equal(page.status, 200);
    const html = await page.text();
    assert.match(html, /Kun de første 200 tegn og af dem de første 12 ord er brugt\./);
    const api = await app.request(`/api/search?q=${q}`);
    assert.equal(api.status, 200);
    const json = (await api.json()) as { notice: string | null; query: string };
    assert.equal(json.notice, "Kun de første 200 tegn og af dem de første 12 ord er brugt.");
    assert.equal(json.query.length, 200);
    const fewWords = (await (await app.request("/api/search?q=a+b+c+d+e+f+g+h+i+j+k+l+m+n")).json()) as {
      notice: string | null;
    };
    assert.equal(fewWords.notice, "Kun de første 12 ord er brugt.");
    const plain = (await (await app.request("/api/search?q=biokul")).json()) as { notice: string | null };
    assert.equal(plain.notice, null);
  });

  it("echoes no control character: a NUL in q is gone from the page and the JSON", async () => {
    const app = createApp({ db: store().db });
    const html = await (await app.request("/soeg?q=bio%00kul%1B%7F")).text();
    for (const control of ["\u0000", "\u001b", "\u007f"])
      assert.ok(!html.includes(control), "no control in the HTML");
    assert.match(html, /resultat for »biokul«/);
    const json = await (await app.request("/api/search?q=bio%00kul")).text();
    assert.ok(!json.includes("\\u0000"), "no escaped NUL in the JSON");
    assert.equal((JSON.parse(json) as { query: string }).query, "biokul");
    const refused = await app.request("/api/search?q=a&kind=x%00y");
    assert.equal(refused.status, 400);
    assert.match(await refused.text(), /ikke \\"xy\\"/);
  });

  it("a search stopped by its time limit answers a Danish page and a JSON error, not a 500", {
    skip: backend.name === "pglite" ? "PGlite does not honour statement_timeout (search-queries.ts)" : false,
  }, async () => {
    const { db } = store();
    const app = createApp({ db, settings: { searchTimeoutMs: 100 } });
    // Another session holds search_doc, so the search waits past its timeout every time: no race.
    await db.transaction().execute(async (tx) => {
      await sql`lock table search_doc in access exclusive mode`.execute(tx);
      const page = await app.request("/soeg?q=biokul");
      assert.equal(page.status, 503);
      const html = await page.text();
      assert.match(html, /Søgningen tog for lang tid og blev stoppet/);
      assert.match(html, /<input[^>]*name="q"[^>]*value="biokul"/);
      assert.doesNotMatch(html, /at .*\.ts:\d+|Error:/);
      const api = await app.request("/api/search?q=biokul");
      assert.equal(api.status, 503);
      const body = (await api.json()) as { error: { status: number; message: string } };
      assert.equal(body.error.status, 503);
      assert.equal(
        body.error.message,
        "Søgningen tog for lang tid og blev stoppet. Prøv igen med færre eller mere præcise ord.",
      );
    });
    const after = await app.request("/api/search?q=biokul");
    assert.equal(after.status, 200, "the next search runs as usual");
  });
});
