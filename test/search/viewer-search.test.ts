/**
 * @module Search for signed-in viewers (issue 12, point 1), both backends: a member of the body finds its
 * closed item on /soeg and /api/search, by session cookie and by API token, marked closed; the public and
 * another body's member find nothing of it: no hit, no snippet, no facet count, no "Mente du" word.
 */
import assert from "node:assert/strict";
import { before, it } from "node:test";
import type { Hono } from "hono";
import { apiTokenCreator, CLI_ACTOR, userCreator } from "../../src/accounts/index.js";
import { PUBLIC_VIEWER, type Viewer } from "../../src/domain/index.js";
import { parseSearchRequest, search } from "../../src/search/index.js";
import { finishImports, importDocument } from "../../src/store/index.js";
import { createApp } from "../../src/web/app.js";
import { bodyId, PASSWORD, uniqueEmail } from "../accounts/support.js";
import { forEachBackend } from "../support/stores.js";
import { packOf, type Scenario, wordsOf } from "../visibility/closed-items.case.js";
import { TestBrowser, type TestUser } from "../web/accounts/support.js";
import { CLOSED_TITLE, CLOSED_WORD, importSearchFixture } from "./search-fixture.js";

const FIXTURE_BODY = "KKR Testjylland";
const OTHER_BODY = "KKR Andetsteds";
/** One letter off the closed word: "Mente du" may offer the closed word only to who may see it. */
const TYPO = `${CLOSED_WORD.slice(0, -1)}m`;

interface SearchJson {
  total: number;
  correctedQuery: string | null;
  suggestion: string | null;
  facets: Record<string, { value: string; count: number }[]>;
  results: { title: string; snippet: string; url: string; closed?: boolean }[];
}

async function member(db: Parameters<typeof createApp>[0]["db"], body: string): Promise<TestUser> {
  await bodyId(db, body);
  const email = uniqueEmail("medlem");
  const created = await userCreator({
    db,
    email,
    name: `Medlem af ${body}`,
    role: "medlem",
    body,
    password: PASSWORD,
    actor: CLI_ACTOR,
  });
  return { id: created.user.id, email, name: `Medlem af ${body}`, totpSecret: created.totpSecret };
}

forEachBackend("search for signed-in viewers", (store) => {
  let app: Hono;
  let memberToken: string;
  let strangerToken: string;
  let memberBrowser: TestBrowser;
  let strangerBrowser: TestBrowser;
  let memberViewer: Viewer;

  before(async () => {
    const { db } = store();
    await importSearchFixture(db);
    app = createApp({ db });
    const insider = await member(db, FIXTURE_BODY);
    const outsider = await member(db, OTHER_BODY);
    memberToken = (await apiTokenCreator({ db, email: insider.email, actor: CLI_ACTOR })).token;
    strangerToken = (await apiTokenCreator({ db, email: outsider.email, actor: CLI_ACTOR })).token;
    memberBrowser = new TestBrowser(app);
    strangerBrowser = new TestBrowser(app);
    assert.equal((await memberBrowser.logIn(insider)).status, 303);
    assert.equal((await strangerBrowser.logIn(outsider)).status, 303);
    memberViewer = { kind: "user", memberOf: [await bodyId(db, FIXTURE_BODY)], secretariatOf: [] };
  });

  const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

  it("a member finds the body's closed item on /api/search, by session and by token, marked closed", async () => {
    for (const [how, get] of [
      ["session", (path: string) => memberBrowser.get(path)],
      ["token", (path: string) => app.request(path, { headers: bearer(memberToken) })],
    ] as const) {
      const res = await get(`/api/search?q=${CLOSED_WORD}`);
      assert.equal(res.status, 200, how);
      assert.equal(res.headers.get("cache-control"), "private, no-store", how);
      const body = (await res.json()) as SearchJson;
      const item = body.results.find((r) => r.title === CLOSED_TITLE);
      assert.ok(item, `${how}: ${JSON.stringify(body.results.map((r) => r.title))}`);
      assert.equal(item.closed, true, how);
      assert.match(item.snippet, new RegExp(`<mark>${CLOSED_WORD}</mark>`), how);
      assert.match(item.url, /^\/punkt\/\d+$/);
      // The closed item's annex is the member's too; every hit of the word is closed.
      assert.ok(
        body.results.every((r) => r.closed === true),
        how,
      );
      assert.equal(body.total, body.results.length, how);
      assert.deepEqual(
        body.facets.body,
        [{ value: FIXTURE_BODY, label: FIXTURE_BODY, count: body.total }],
        how,
      );
    }
  });

  it("a member finds it on /soeg, labelled Lukket punkt", async () => {
    const res = await memberBrowser.get(`/soeg?q=${CLOSED_WORD}`);
    assert.equal(res.status, 200);
    assert.equal(res.headers.get("cache-control"), "private, no-store");
    const html = await res.text();
    assert.ok(html.includes(CLOSED_TITLE), "the closed item is listed");
    assert.match(html, new RegExp(`<mark>${CLOSED_WORD}</mark>`));
    assert.match(
      html,
      /<span class="withheld-mark">Lukket punkt<span class="withheld-mark__note"> · ikke offentligt<\/span><\/span>/,
    );
  });

  it("anonymous and another body's member find nothing of it: no hit, snippet, facet count or Mente du", async () => {
    const asked = [
      ["anonymous", (path: string) => app.request(path)],
      ["stranger by session", (path: string) => strangerBrowser.get(path)],
      ["stranger by token", (path: string) => app.request(path, { headers: bearer(strangerToken) })],
    ] as const;
    for (const [who, get] of asked) {
      for (const q of [CLOSED_WORD, TYPO, "direktørens fratrædelse"]) {
        const res = await get(`/api/search?q=${encodeURIComponent(q)}`);
        assert.equal(res.status, 200, who);
        const text = await res.text();
        const body = JSON.parse(text) as SearchJson;
        assert.equal(body.total, 0, `${who}, ${q}`);
        assert.deepEqual(Object.values(body.facets).flat(), [], `${who}, ${q}`);
        assert.equal(body.suggestion, null, `${who}, ${q}`);
        assert.equal(body.correctedQuery, null, `${who}, ${q}`);
        const { query: _echo, ...rest } = body as SearchJson & { query: string };
        assert.ok(!JSON.stringify(rest).includes(CLOSED_WORD), `${who}, ${q}`);
      }
      // A word the closed item shares with open ones finds only the open ones, counted without it.
      const shared = JSON.parse(await (await get("/api/search?q=biokul")).text()) as SearchJson;
      assert.ok(
        shared.results.every((r) => r.title !== CLOSED_TITLE && r.closed === undefined),
        who,
      );
      assert.equal(shared.total, 1, who);
      const page = await (await get(`/soeg?q=${CLOSED_WORD}`)).text();
      assert.ok(!page.includes(CLOSED_TITLE) && !page.includes("withheld-mark"), who);
      assert.match(page, /Ingen resultater/, who);
    }
    const anonymous = await app.request(`/api/search?q=biokul`);
    assert.equal(anonymous.headers.get("cache-control"), "public, max-age=60");
  });

  it("a member's misspelling is read as the closed word; the shared word counts the closed item for them alone", async () => {
    const typo = (await (await memberBrowser.get(`/api/search?q=${TYPO}`)).json()) as SearchJson;
    assert.equal(typo.correctedQuery, CLOSED_WORD);
    assert.ok(typo.total > 0 && typo.results.every((r) => r.closed === true));
    const asTyped = (await (await memberBrowser.get(`/api/search?q=${TYPO}&asTyped=1`)).json()) as SearchJson;
    assert.equal(asTyped.total, 0);
    assert.equal(asTyped.suggestion, CLOSED_WORD);
    const shared = (await (await memberBrowser.get("/api/search?q=biokul")).json()) as SearchJson;
    assert.equal(shared.total, 2);
    assert.deepEqual(
      shared.results.map((r) => [r.title, r.closed ?? false]).sort(),
      [
        [CLOSED_TITLE, true],
        ["Status fra KlimaNord", false],
      ].sort(),
    );
  });

  it("the store's search gives the viewer's hits with their withholding reason, the public's without", async () => {
    const { db } = store();
    const request = parseSearchRequest({ q: CLOSED_WORD });
    const forMember = await search(db, request, { viewer: memberViewer });
    assert.ok(forMember.results.length > 0);
    assert.ok(forMember.results.every((r) => r.withheld === "closed-item"));
    const forAdministrator = await search(db, request, { viewer: { kind: "administrator" } });
    assert.equal(forAdministrator.total, forMember.total);
    assert.equal((await search(db, request, { viewer: PUBLIC_VIEWER })).total, 0);
    const open = await search(db, parseSearchRequest({ q: "busdrift" }), { viewer: memberViewer });
    assert.ok(open.results.every((r) => r.withheld === null));
    assert.equal(open.total, (await search(db, parseSearchRequest({ q: "busdrift" }))).total);
  });

  it("a page held back for a CPR number is found by the body's secretariat alone, with its reason", async () => {
    const { db } = store();
    const s: Scenario = { key: "q", title: "CPR", steps: [], itemTwoListed: true, packLinked: true };
    const { parsed, content } = packOf(s, { kind: "pack", dated: "text" });
    const line = parsed.pageTexts?.[1]?.lineEnd ?? 0;
    // Item 1.2 is open here: only the privacy gate stands between page 2 and the public.
    await importDocument(
      db,
      {
        ...parsed,
        documents: parsed.documents.map((d) => ({
          ...d,
          itemNumber: d.itemNumber === "1.2" ? "1.3" : d.itemNumber,
        })),
        warnings: [{ code: "cpr-number", message: "CPR number", source: { lineStart: line, lineEnd: line } }],
      },
      { content, mime: "text/plain; charset=utf-8" },
    );
    await finishImports(db);
    const w = wordsOf(s);
    const body = await bodyId(db, w.body);
    const request = parseSearchRequest({ q: w.closedAnnex });
    const secretariat = await search(db, request, {
      viewer: { kind: "user", memberOf: [], secretariatOf: [body] },
    });
    assert.deepEqual(
      secretariat.results.map((r) => [r.kind, r.source.page, r.withheld]),
      [["annex", 2, "cpr-number"]],
    );
    for (const viewer of [{ kind: "user", memberOf: [body], secretariatOf: [] }, PUBLIC_VIEWER] as const) {
      assert.equal((await search(db, request, { viewer })).total, 0, viewer.kind);
    }
  });
});
