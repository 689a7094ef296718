/** The portal's pages over the demo meeting, in-process through app.request. */
import assert from "node:assert/strict";
import { before, it } from "node:test";
import { createApp } from "../../../src/web/app.js";
import { forEachBackend } from "../../support/stores.js";
import { type DemoIds, demoIds } from "./portal-support.js";

forEachBackend("portal pages", (store) => {
  let ids: DemoIds;
  const get = async (path: string) => {
    const res = await createApp({ db: store().db }).request(path);
    return { status: res.status, html: await res.text(), headers: res.headers };
  };
  before(async () => {
    ids = await demoIds(store().db);
  });

  it("front page: bodies, latest meetings, latest decisions and a search form", async () => {
    const { status, html } = await get("/");
    assert.equal(status, 200);
    assert.match(html, new RegExp(`<a href="/organ/${ids.body}">KKR Eksempelregion</a>`));
    assert.match(html, new RegExp(`href="/moede/${ids.meeting}">KKR Eksempelregion, 18\\. september 2026`));
    assert.match(html, /Seneste beslutninger/);
    assert.match(html, /KKR Eksempelregion godkendte forprojektet/);
    assert.match(html, /<form action="\/soeg" method="get">/);
    assert.match(html, /Senest opdateret <time/);
  });

  it("front page: coming meetings with the date the minutes announce, decisions without standing items", async () => {
    const app = createApp({ db: store().db, now: () => new Date("2026-10-01T08:00:00Z") });
    const html = await (await app.request("/")).text();
    // The September minutes name 4 December as the next meeting: listed as coming, marked as announced.
    assert.match(html, /<h2 id="naeste-moeder">Kommende møder<\/h2>/);
    assert.match(
      html,
      new RegExp(
        `KKR Eksempelregion, 4\\. december 2026</a><span class="meeting-list__meta">Varslet i <a href="/moede/${ids.meeting}">`,
      ),
    );
    const decisions = html.slice(html.indexOf('id="seneste-beslutninger"'));
    assert.match(decisions, /Fælles klimaplan og biokul i landbruget/);
    assert.doesNotMatch(decisions, /Godkendelse af dagsorden/);
    assert.doesNotMatch(decisions, />\d+(\.\d+)? Eventuelt</);
    assert.match(decisions, /<a href="\/beslutninger">Alle beslutninger<\/a>/);
    assert.match(html, /<nav class="container site-nav" aria-label="Hovedmenu">/);
    // After the announced day has passed, it is no longer coming.
    const later = createApp({ db: store().db, now: () => new Date("2026-12-05T08:00:00Z") });
    assert.doesNotMatch(await (await later.request("/")).text(), /4\. december 2026/);
  });

  it("body page: members with party, municipality and role, meetings by year, attendance chart and feeds", async () => {
    const { status, html } = await get(`/organ/${ids.body}`);
    assert.equal(status, 200);
    assert.match(html, /<h1>KKR Eksempelregion<\/h1>/);
    // Cells carry data-title, their label when the table stacks on a phone.
    assert.match(
      html,
      /Karen Holm<\/a><\/th><td data-title="Parti">A<\/td><td data-title="Kommune">Eksempelby<\/td><td data-title="Rolle">Medlem<\/td>/,
    );
    assert.match(
      html,
      /Ole Bak<\/a><\/th><td data-title="Parti">V<\/td><td data-title="Kommune">Hedelund<\/td><td data-title="Rolle">Suppleant<\/td>/,
    );
    assert.match(html, /<h3>2026<\/h3>/);
    assert.match(html, /<svg role="img" aria-labelledby="fremmoede-chart-title fremmoede-chart-desc"/);
    assert.match(html, /<title id="fremmoede-chart-title">Fremmøde pr\. møde<\/title>/);
    assert.match(html, /<summary>Vis fremmødet som tabel<\/summary>/);
    // Ole Bak stood in for Søren Dam: a substitute is counted apart, not as a member present.
    assert.match(html, /<th scope="col">Suppleanter<\/th>/);
    assert.match(html, /<td>\d+<\/td><td>1<\/td><td>1<\/td><\/tr>/);
    assert.match(html, /og 1 suppleant\./);
    assert.match(html, new RegExp(`href="/organ/${ids.body}/feed.rss"`));
    assert.match(html, new RegExp(`href="/organ/${ids.body}/moeder.ics"`));
    assert.match(html, /<nav class="breadcrumbs"/);
    // Every export link on the page answers with its file.
    const exports = [...html.matchAll(/href="(\/organ\/\d+\/eksport\.[^"]+)"/g)].map((m) =>
      m[1]!.replace(/&amp;/g, "&"),
    );
    assert.equal(exports.length, 4);
    for (const href of exports) {
      assert.equal((await get(href)).status, 200, href);
    }
  });

  it("meeting page: facts, attendance with the substitute, agenda anchored by item number, annexes, originals", async () => {
    const { status, html } = await get(`/moede/${ids.meeting}`);
    assert.equal(status, 200);
    assert.match(html, /Møde 18\. september 2026<\/h1>/);
    assert.match(html, /<dt>Tidspunkt<\/dt><dd>kl\. 10\.00-12\.00<\/dd>/);
    assert.match(html, /<dt>Sted<\/dt><dd>Rådhuset, Eksempelby<\/dd>/);
    assert.match(html, /<dt>Status<\/dt><dd>Afholdt<\/dd>/);
    assert.match(html, /Til stede \(4\)/);
    assert.match(html, /Afbud \(1\)/);
    assert.match(
      html,
      new RegExp(
        `Ole Bak</a> \\(V\\) Hedelund Kommune, suppleant for <a href="/person/${ids.person("Søren Dam")}">Søren Dam</a>`,
      ),
    );
    assert.match(html, /<h3>2\. Regionalpolitiske sager<\/h3>/);
    assert.match(
      html,
      new RegExp(
        `<li id="punkt-2.1" class="agenda__item"><span class="agenda__number">2.1</span> <a href="/punkt/${ids.item("2.1")}">Fælles`,
      ),
    );
    assert.match(
      html,
      new RegExp(`href="/bilag/${ids.annex}">2.1 Bilag 1: Oplæg fra udviklingsgruppen for klima</a>`),
    );
    assert.match(html, new RegExp(`href="/bilag/${ids.packOriginal}/original"`));
    // The minutes hold the closed item's text, so the file itself is not offered.
    assert.doesNotMatch(html, new RegExp(`href="/bilag/${ids.minutesOriginal}/original"`));
  });

  it("item page: the decision set apart, the other fields, case number, annexes and the source", async () => {
    const { status, html } = await get(`/punkt/${ids.item("2.1")}`);
    assert.equal(status, 200);
    assert.match(html, /2\.1 Fælles klimaplan og biokul i landbruget<\/h1>/);
    assert.match(
      html,
      /<section class="decision" aria-labelledby="beslutning"><h2 id="beslutning">Beslutning<\/h2><p>KKR Eksempelregion godkendte forprojektet/,
    );
    for (const heading of ["Baggrund", "Indstilling", "Sagsfremstilling", "Bemærkninger"]) {
      assert.match(html, new RegExp(`<h2>${heading}</h2>`));
    }
    assert.match(html, /<dt>Sagsnummer<\/dt><dd>SAG-2026-01002<\/dd>/);
    // The minutes hold a closed item, so the source page is named but not linked; the file name is not shown.
    assert.match(html, /<p class="item-source">Kilde: side 1 i referatet<\/p>/);
    assert.doesNotMatch(html, /demo-referat-2026-09-18\.txt/);
    assert.match(html, new RegExp(`href="/bilag/${ids.annex}"`));
    assert.match(html, new RegExp(`href="/moede/${ids.meeting}#punkt-2.1"`));
    assert.match(
      html,
      new RegExp(`<a rel="prev" href="/punkt/${ids.item("1.1")}">← 1.1 Godkendelse af dagsorden</a>`),
    );
    assert.match(html, new RegExp(`<a rel="next" href="/punkt/${ids.item("2.2")}">2.2 Fordeling`));
    // 2.3 is closed: the item after 2.2 is 3, stepping over it.
    const after = await get(`/punkt/${ids.item("2.2")}`);
    assert.match(after.html, new RegExp(`<a rel="next" href="/punkt/${ids.item("3")}">3 Eventuelt →</a>`));
  });

  it("person page: memberships, attendance with its rate, items naming the person", async () => {
    const substitute = await get(`/person/${ids.person("Ole Bak")}`);
    assert.equal(substitute.status, 200);
    assert.match(substitute.html, /KKR Eksempelregion<\/a>: Suppleant, Venstre \(V\)/);
    // Issue 14: a substitute's meetings are counted apart, not in a member's rate.
    assert.match(substitute.html, /Mødte som suppleant 1 gang; det tæller ikke med i fremmødeprocenten\./);
    assert.doesNotMatch(substitute.html, /Deltog i/);
    assert.match(substitute.html, /Til stede, suppleant for Søren Dam/);
    const absent = await get(`/person/${ids.person("Søren Dam")}`);
    assert.match(absent.html, /Deltog i 0 af 1 møde \(0 %\)\. Afbud: 1\./);
    assert.match(absent.html, /Personen er ikke nævnt i nogen offentlige punkter\./);
  });

  it("annex page: text page by page with anchors, find-in-annex without JavaScript, download of the original", async () => {
    const { status, html } = await get(`/bilag/${ids.annex}`);
    assert.equal(status, 200);
    assert.match(html, /<section class="annex-page" id="side-1"/);
    assert.match(html, /<section class="annex-page" id="side-2"/);
    assert.match(html, new RegExp(`<form action="/bilag/${ids.annex}" method="get">`));
    assert.match(html, new RegExp(`href="/bilag/${ids.annex}/original"`));

    const found = await get(`/bilag/${ids.annex}?q=biokul`);
    assert.match(found.html, /»biokul« findes på 1 side:/);
    assert.match(found.html, /<a href="#side-1">Side 1<\/a> \(2 gange\)/);
    assert.match(found.html, /<mark>Biokul<\/mark> fremstilles/);

    const hostile = await get(`/bilag/${ids.annex}?q=${encodeURIComponent("<script>x")}`);
    assert.doesNotMatch(hostile.html, /<script>x/);
    assert.match(hostile.html, /»&lt;script&gt;x« findes ikke i bilaget\./);
  });

  it("original download: the bytes with their type and a Content-Disposition file name", async () => {
    const res = await createApp({ db: store().db }).request(`/bilag/${ids.annex}/original`);
    assert.equal(res.status, 200);
    assert.equal(res.headers.get("content-type"), "text/plain; charset=utf-8");
    assert.equal(
      res.headers.get("content-disposition"),
      `attachment; filename="demo-bilag-2026-09-18.txt"; filename*=UTF-8''demo-bilag-2026-09-18.txt`,
    );
    assert.match(await res.text(), /Biokul fremstilles ved pyrolyse/);
  });

  it("accessibility statement is linked from every page's footer", async () => {
    const { status, html } = await get("/tilgaengelighed");
    assert.equal(status, 200);
    assert.match(html, /<h1>Tilgængelighedserklæring<\/h1>/);
    assert.match(html, /WCAG 2\.1/);
    assert.match((await get(`/moede/${ids.meeting}`)).html, /href="\/tilgaengelighed"/);
  });

  it("accessibility statement gives its status, its date, a contact and the way to complain", async () => {
    const { html } = await get("/tilgaengelighed");
    assert.match(html, /delvist i overensstemmelse/);
    assert.match(html, /<time datetime="2026-12-02">2\. december 2026<\/time>/);
    assert.match(html, /sekretariatet for det organ/, "without CONTACT_EMAIL it names where to write");
    assert.match(html, /href="https:\/\/www\.was\.digst\.dk\/"/);
    const withContact = createApp({ db: store().db, settings: { contactEmail: "web@kkr.example.dk" } });
    const page = await (await withContact.request("/tilgaengelighed")).text();
    assert.match(page, /<a href="mailto:web@kkr\.example\.dk">web@kkr\.example\.dk<\/a>/);
  });

  it("unknown ids get a Danish 404 page (malformed ones a 400: strict-params.test.ts)", async () => {
    for (const path of [
      "/organ/999999",
      "/moede/999999",
      "/punkt/999999",
      "/person/999999",
      "/bilag/999999",
      "/bilag/999999/original",
    ]) {
      const { status, html } = await get(path);
      assert.equal(status, 404, path);
      assert.match(html, /<html lang="da">/, path);
      assert.match(html, /findes ikke/, path);
    }
  });

  it("an original file is not an annex page", async () => {
    assert.equal((await get(`/bilag/${ids.packOriginal}`)).status, 404);
  });
});
