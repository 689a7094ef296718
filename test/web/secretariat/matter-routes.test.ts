/**
 * The matter pages (issue 14) on both backends over the imported seeds and a 2025 meeting: the
 * secretariat answers "Hører disse punkter til samme sag?" with yes on /sekretariat/sager (CSRF), the
 * public /sag/{id} then shows the 2024 and the 2025 item on one timeline with Danish dates, bodies,
 * item links and decisions; a closed item linked by its id is absent for the public; bad input is one
 * Danish line; the public is sent to sign in for the secretariat's list; a member gets 403.
 */
import assert from "node:assert/strict";
import { it } from "node:test";
import { createApp } from "../../../src/web/app.js";
import { itemIdFrom } from "../../../src/web/secretariat/matter-routes.js";
import { type MatterWorld, matterWorld } from "../../authoring/matter-support.js";
import { forEachBackend } from "../../support/stores.js";
import { csrfOf } from "../accounts/support.js";
import { signedInAs } from "./support.js";

it("itemIdFrom reads an id, a path or a page address", () => {
  assert.equal(itemIdFrom("42"), 42);
  assert.equal(itemIdFrom(" /punkt/42 "), 42);
  assert.equal(itemIdFrom("https://raadsinfo.example/punkt/42#bilag"), 42);
  assert.equal(itemIdFrom("2.5"), null);
  assert.equal(itemIdFrom("/moede/3"), null);
  assert.equal(itemIdFrom("99999999999"), null);
});

forEachBackend("web: matters", (store) => {
  let world: MatterWorld;

  it("the secretariat links a suggested pair; the public matter page shows 2024 and 2025 on one timeline", async () => {
    const { db } = store();
    world = await matterWorld(db);
    assert.equal((await createApp({ db }).request("/sekretariat/sager")).status, 303);
    const member = await signedInAs(db, "medlem", "KKR Nordjylland");
    assert.equal((await member.browser.get("/sekretariat/sager")).status, 403);

    const { browser } = await signedInAs(db, "sekretariat", "KKR Nordjylland");
    const list = await browser.get("/sekretariat/sager");
    assert.equal(list.status, 200);
    assert.match(list.headers.get("cache-control") ?? "", /no-store/);
    const html = await list.text();
    assert.match(html, /Hører disse punkter til samme sag\?/);
    assert.match(html, /Socialtilsyn Nords budget for 2025/);
    const budget2024 = await world.item("2024", "2.5");
    const budget2025 = await world.item("2025", "2.5");
    const fields = { punkt: String(budget2024), andet: String(budget2025), tilbage: "/sekretariat/sager" };
    assert.equal((await browser.post("/sekretariat/sager/forslag/saml", fields, null)).status, 403);
    const linked = await browser.post("/sekretariat/sager/forslag/saml", fields, csrfOf(html));
    assert.equal(linked.status, 303);
    const location = linked.headers.get("location") ?? "";
    assert.match(location, /^\/sag\/\d+\?besked=samlet$/);
    const path = location.replace(/\?.*/, "");

    const publicPage = await createApp({ db }).request(path);
    assert.equal(publicPage.status, 200);
    assert.match(publicPage.headers.get("cache-control") ?? "", /public/);
    const text = await publicPage.text();
    assert.match(text, /<h1>.*Socialtilsyn Nords budget<\/h1>/s);
    assert.match(text, /20\. september 2024 · .*KKR Nordjylland.*2\.5 Socialtilsyn Nords budget for 2025/s);
    assert.match(text, /19\. september 2025 · .*2\.5 Socialtilsyn Nords budget for 2026/s);
    assert.ok(text.indexOf("2024") < text.indexOf("for 2026"), "oldest first");
    assert.match(text, new RegExp(`href="/punkt/${budget2024}"`));
    assert.match(text, /Indstillingen blev tiltrådt\./);
    assert.match(text, /<svg[^>]*role="img"/);
    assert.doesNotMatch(text, /Fjern fra sagen|_csrf/);
  });

  it("links an item by its id on the matter page; a closed item stays absent for the public", async () => {
    const { db } = store();
    const { browser } = await signedInAs(db, "sekretariat", "KKR Nordjylland");
    const list = await (await browser.get("/sekretariat/sager")).text();
    const matterPath = /href="(\/sag\/\d+)"/.exec(list)?.[1];
    assert.ok(matterPath);
    const page = await (await browser.get(matterPath)).text();
    assert.match(page, /Tilføj et punkt til sagen/);
    const bad = await browser.post(`${matterPath}/punkter`, { punkt: "2.5" }, csrfOf(page));
    assert.equal(bad.status, 422);
    const badHtml = await bad.text();
    assert.match(badHtml, /<title>Fejl: /);
    assert.match(badHtml, /Skriv punktets id \(fx 42\) eller adressen på punktets side \(fx \/punkt\/42\)\./);
    const closed = await world.item("2025", "2.9");
    const ok = await browser.post(`${matterPath}/punkter`, { punkt: `/punkt/${closed}` }, csrfOf(page));
    assert.equal(ok.status, 303);
    const after = await (await browser.get(`${matterPath}?besked=tilfoejet`)).text();
    assert.match(after, /Punktet er føjet til sagen\./);
    assert.match(after, /Personalesag om løntrin/);
    const pub = await (await createApp({ db }).request(matterPath)).text();
    assert.doesNotMatch(pub, /Personalesag|løntrin/);
    assert.match(pub, /2 punkter/);
    assert.equal((await createApp({ db }).request("/sag/999999")).status, 404);
  });
});
