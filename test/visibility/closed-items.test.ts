/**
 * Runs the closed-item cases of closed-items.case.ts on every public surface, on both backends: portal
 * pages, original downloads, feeds and the calendar, exports, the JSON API, OParl, and search (results,
 * snippets, facet counts, "Mente du"). Each scenario has its own body; what is asserted is what a visitor
 * sees: item 1.2 as "Lukket punkt" (or not at all once removed), none of its words or its annex's
 * anywhere, its annex and every original that holds it answered 404.
 */
import assert from "node:assert/strict";
import { before, it } from "node:test";
import type { Hono } from "hono";
import { withheldReleaser } from "../../src/authoring/withheld-releaser.js";
import { PUBLIC_VIEWER, type Viewer } from "../../src/domain/index.js";
import {
  finishImports,
  getAnnexPage,
  getItemPage,
  getMeetingPage,
  importDocument,
  listWithheld,
  releaseWithheld,
} from "../../src/store/index.js";
import { createApp } from "../../src/web/app.js";
import { forEachBackend } from "../support/stores.js";
import { packOf, SCENARIOS, secretsOf, wordsOf } from "./closed-items.case.js";
import { CPR_SCENARIO, type Fetched, importScenario, type Made, SURFACES } from "./surfaces.js";

forEachBackend("closed items on every surface", (store) => {
  const made = new Map<string, Made>();
  let app: Hono;
  const get = async (path: string): Promise<Fetched> => {
    const res = await app.request(path);
    return { status: res.status, text: await res.text() };
  };

  before(async () => {
    for (const s of SCENARIOS) made.set(s.key, await importScenario(store(), s));
    app = createApp({ db: store().db });
  });

  for (const surface of SURFACES) {
    for (const s of SCENARIOS) {
      it(`${surface.name}: ${s.title}`, async () => {
        const m = made.get(s.key)!;
        const responses = await surface.fetch(get, s, m);
        for (const [what, res] of Object.entries(responses)) {
          assert.ok(res.status < 500, `${what} answered ${res.status}`);
          for (const secret of secretsOf(s)) {
            assert.ok(!res.text.includes(secret), `${surface.name}, ${what}: shows "${secret}"`);
          }
        }
        surface.check?.(responses, s, m);
      });
    }
  }

  it("lets a member of the body see the closed item in full, and another body's member not", async () => {
    const s = SCENARIOS.find((x) => x.key === "a")!;
    const m = made.get("a")!;
    const other = made.get("b")!;
    const member: Viewer = { kind: "user", memberOf: [m.bodyId], secretariatOf: [] };
    const stranger: Viewer = { kind: "user", memberOf: [other.bodyId], secretariatOf: [] };
    const { db } = store();
    const seen = await getItemPage(db, m.closedItemId, member);
    assert.equal(seen?.item.closed, false);
    assert.equal(seen?.item.closed === false && seen.item.withheld, "closed-item");
    assert.ok(seen?.item.title.includes(wordsOf(s).closedItem));
    assert.equal((await getAnnexPage(db, m.closedAnnexId, member))?.file.id, m.closedAnnexId);
    assert.equal((await getItemPage(db, m.closedItemId, stranger))?.item.closed, true);
    assert.equal(await getAnnexPage(db, m.closedAnnexId, stranger), null);
    assert.equal(await getAnnexPage(db, m.closedAnnexId, PUBLIC_VIEWER), null);
    const page = await getMeetingPage(db, m.meetingId, { kind: "administrator" });
    assert.ok(page?.annexes.some((a) => a.id === m.closedAnnexId));
  });

  it("lists what is withheld for the body's secretariat, and a release makes it public", async () => {
    const { db } = store();
    const m = made.get("u")!;
    const listed = await listWithheld(db, { bodyId: m.bodyId });
    const things = listed.map((e) => `${e.reason} ${e.thing.kind} ${"id" in e.thing ? e.thing.id : ""}`);
    assert.ok(things.includes(`unlinked-annex file ${m.openAnnexId}`), things.join(", "));
    assert.ok(things.includes(`unlinked-annex file ${m.closedAnnexId}`));
    assert.ok(things.includes(`closed-item item ${m.closedItemId}`));
    assert.equal((await get(`/bilag/${m.openAnnexId}`)).status, 404);
    const thing = { kind: "file", id: m.openAnnexId } as const;
    const actor = { userId: null, tokenId: null };
    const member: Viewer = { kind: "user", memberOf: [m.bodyId], secretariatOf: [] };
    const secretariat: Viewer = { kind: "user", memberOf: [], secretariatOf: [m.bodyId] };
    await assert.rejects(withheldReleaser({ db, viewer: member, actor, thing }), { code: "forbidden" });
    assert.equal((await withheldReleaser({ db, viewer: secretariat, actor, thing })).released, true);
    assert.equal(await releaseWithheld(db, thing), false, "released once");
    const audit = await db.selectFrom("audit_log").select(["action", "target_id"]).execute();
    assert.ok(audit.some((a) => a.action === "withheld-release" && a.target_id === String(m.openAnnexId)));
    const after = await get(`/bilag/${m.openAnnexId}`);
    assert.equal(after.status, 200);
    assert.ok(after.text.includes(wordsOf(SCENARIOS.find((x) => x.key === "u")!).openAnnex));
    // Its pack still holds the other, withheld annex: the download stays withheld.
    assert.equal((await get(`/bilag/${m.openAnnexId}/original`)).status, 404);
  });

  it("withholds a page with a CPR number (the privacy gate) everywhere, and lists it for the secretariat", async () => {
    const { db } = store();
    const { parsed, content } = packOf(CPR_SCENARIO, { kind: "pack", dated: "text" });
    const cprLine = parsed.pageTexts![1]!.lineEnd;
    const withCpr = {
      ...parsed,
      text: parsed.text.replace("Oplysninger om", "Borger med cpr. 120390-1234, oplysninger om"),
      pageTexts: parsed.pageTexts!.map((p) =>
        p.page === 2
          ? { ...p, text: p.text.replace("Oplysninger om", "Borger med cpr. 120390-1234, oplysninger om") }
          : p,
      ),
      // The item of page 2 is open here: only the privacy gate stands between the page and the public.
      documents: parsed.documents.map((d) => ({
        ...d,
        itemNumber: d.itemNumber === "1.2" ? "1.3" : d.itemNumber,
      })),
      warnings: [
        {
          code: "cpr-number" as const,
          message: "CPR number",
          source: { lineStart: cprLine, lineEnd: cprLine },
        },
      ],
    };
    await importDocument(db, withCpr, { content, mime: "text/plain; charset=utf-8" });
    await finishImports(db);
    const w = wordsOf(CPR_SCENARIO);
    const file = await db
      .selectFrom("file")
      .select(["id", "meeting_id"])
      .where("file_name", "=", withCpr.source.file)
      .where("item_number", "=", "1.3")
      .executeTakeFirstOrThrow();
    const annex = await get(`/bilag/${file.id}`);
    assert.equal(annex.status, 200, "the annex is there");
    assert.ok(!annex.text.includes("120390") && !annex.text.includes(w.closedAnnex), "page 2 is not");
    assert.equal((await get(`/bilag/${file.id}/original`)).status, 404);
    const found = JSON.parse((await get(`/api/search?q=${w.closedAnnex}`)).text) as { total: number };
    assert.equal(found.total, 0);
    const body = await db
      .selectFrom("body")
      .select("id")
      .where("name", "=", w.body)
      .executeTakeFirstOrThrow();
    const listed = await listWithheld(db, { bodyId: body.id });
    assert.ok(listed.some((e) => e.reason === "cpr-number" && e.thing.kind === "page" && e.thing.page === 2));
  });
});
