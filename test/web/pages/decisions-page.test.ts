/** /beslutninger over the demo meeting: the page, its filter, its Atom feed and CSV of the same filter. */
import assert from "node:assert/strict";
import { before, it } from "node:test";
import { createApp } from "../../../src/web/app.js";
import { forEachBackend } from "../../support/stores.js";
import { type DemoIds, demoIds } from "./portal-support.js";

forEachBackend("decision overview page", (store) => {
  let ids: DemoIds;
  const get = (path: string) => createApp({ db: store().db }).request(path);
  before(async () => {
    ids = await demoIds(store().db);
  });

  it("lists the public decisions with their outcome and offers the filter, feed and CSV", async () => {
    const res = await get("/beslutninger");
    assert.equal(res.status, 200);
    const html = await res.text();
    assert.match(html, /<h1>Beslutninger<\/h1>/);
    assert.match(
      html,
      new RegExp(`<a href="/punkt/${ids.item("2.1")}">2.1 Fælles klimaplan og biokul i landbruget</a>`),
    );
    assert.match(html, /18\. september 2026<\/a> · Godkendt/);
    assert.match(html, /<select class="form-select" id="beslutninger-udfald" name="udfald">/);
    assert.match(html, /<option value="efterretning">Taget til efterretning<\/option>/);
    assert.match(html, /href="\/beslutninger\.csv">Hent som CSV/);
    assert.match(html, /<link rel="alternate" type="application\/atom\+xml"/);
  });

  it("keeps the filter in the feed and CSV links, and both carry only what the filter lets through", async () => {
    const html = await (await get(`/beslutninger?organ=${ids.body}&udfald=andet`)).text();
    assert.match(html, new RegExp(`href="/beslutninger\\.csv\\?organ=${ids.body}&amp;udfald=andet"`));
    assert.doesNotMatch(html, /Fælles klimaplan/);
    const csv = await get(`/beslutninger.csv?organ=${ids.body}&udfald=godkendt`);
    assert.equal(csv.headers.get("content-type"), "text/csv; charset=utf-8; header=present");
    const bytes = new Uint8Array(await csv.arrayBuffer());
    // UTF-8 with a byte order mark, so Excel shows æøå.
    assert.deepEqual([...bytes.slice(0, 3)], [0xef, 0xbb, 0xbf]);
    const text = new TextDecoder().decode(bytes.slice(3));
    const lines = text.trimEnd().split("\r\n");
    assert.equal(lines[0], "organ,dato,punkt,titel,udfald,beslutning,kommuner,adresse");
    assert.ok(lines.slice(1).every((l) => l.includes(",Godkendt,")));
    assert.ok(lines.some((l) => l.includes("Fælles klimaplan og biokul i landbruget")));
    const feed = await (await get(`/beslutninger/feed.atom?udfald=udsat`)).text();
    assert.match(feed, /<feed xmlns="http:\/\/www\.w3\.org\/2005\/Atom"/);
    assert.doesNotMatch(feed, /<entry>/);
    const all = await (await get("/beslutninger/feed.atom")).text();
    assert.match(all, /<title>KKR Eksempelregion, 18\. september 2026: 2\.1 Fælles klimaplan/);
  });

  it("answers a malformed filter with a Danish 400", async () => {
    for (const query of ["udfald=vedtaget", "aar=tyve", "kommune=Atlantis", "side=0"]) {
      const res = await get(`/beslutninger?${query}`);
      assert.equal(res.status, 400, query);
    }
  });
});
