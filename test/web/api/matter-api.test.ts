/**
 * Matters in the JSON API on both backends (issue 14), with API tokens as an ESDH system would call it:
 * listMatterSuggestions offers the 2024 and 2025 budget of Socialtilsyn Nord, linkMatterSuggestion makes
 * the matter, getMatter (public) shows both years without the closed item linked by linkMatterItem,
 * unlinkMatterItem and dismissMatterSuggestion; a member's token is refused with a Danish line; every
 * answer matches the OpenAPI document's schema for it.
 */
import assert from "node:assert/strict";
import { it } from "node:test";
import { apiTokenCreator, CLI_ACTOR } from "../../../src/accounts/index.js";
import { listAuditEntries } from "../../../src/store/index.js";
import { createApp } from "../../../src/web/app.js";
import { matterWorld } from "../../authoring/matter-support.js";
import { forEachBackend } from "../../support/stores.js";
import { makeUser } from "../accounts/support.js";
import { apiClient, assertDocumented } from "./api-support.js";

forEachBackend("api: matters", (store) => {
  it("suggests, links, reads, unlinks and dismisses through the API, as documented", async () => {
    const { db } = store();
    const world = await matterWorld(db);
    const secretary = await makeUser(db, "sekretariat", "Sara Sekretær");
    const member = await makeUser(db, "medlem", "Mads Medlem");
    const { token } = await apiTokenCreator({ db, email: secretary.email, actor: CLI_ACTOR });
    const { token: memberToken } = await apiTokenCreator({ db, email: member.email, actor: CLI_ACTOR });
    const app = createApp({ db });
    const { call } = apiClient(app, token);

    const budget2024 = await world.item("2024", "2.5");
    const budget2025 = await world.item("2025", "2.5");
    const listed = await call("get", "/api/matter-suggestions?limit=10");
    assert.equal(listed.status, 200);
    assertDocumented("/api/matter-suggestions", "get", 200, listed.body);
    assert.ok(
      listed.body.data.some(
        (s: { item: { id: number }; other: { id: number } }) =>
          s.item.id === budget2024 && s.other.id === budget2025,
      ),
    );
    assert.equal((await call("get", "/api/matter-suggestions", undefined, null)).status, 401);
    assert.equal((await call("get", "/api/matter-suggestions?limit=mange")).status, 400);

    const refused = await call(
      "post",
      "/api/matter-suggestions/link",
      { itemId: budget2024, otherItemId: budget2025 },
      memberToken,
    );
    assert.equal(refused.status, 403);
    assert.match(refused.body.error.message, /^Kun sekretariatet for et af sagens punkter/);
    const linked = await call("post", "/api/matter-suggestions/link", {
      itemId: budget2024,
      otherItemId: budget2025,
    });
    assert.equal(linked.status, 201);
    assertDocumented("/api/matter-suggestions/link", "post", 201, linked.body);
    const matterId = linked.body.matter.id as number;

    const closed = await world.item("2025", "2.9");
    const added = await call("post", `/api/matters/${matterId}/items`, { itemId: closed });
    assert.equal(added.status, 200);
    assertDocumented("/api/matters/{id}/items", "post", 200, added.body);
    assert.equal(added.body.matter.items.length, 3, "the secretariat sees the closed item");

    const pub = await call("get", `/api/matters/${matterId}`, undefined, null);
    assert.equal(pub.status, 200);
    assertDocumented("/api/matters/{id}", "get", 200, pub.body);
    assert.deepEqual(
      pub.body.items.map((i: { date: string; number: string; title: string }) => [i.date, i.number, i.title]),
      [
        ["2024-09-20", "2.5", "Socialtilsyn Nords budget for 2025"],
        ["2025-09-19", "2.5", "Socialtilsyn Nords budget for 2026"],
      ],
    );
    assert.doesNotMatch(JSON.stringify(pub.body), /løntrin|Personalesag/);
    assert.equal((await call("get", "/api/matters/999999", undefined, null)).status, 404);

    const removed = await call("delete", `/api/matters/${matterId}/items/${closed}`);
    assert.equal(removed.status, 200);
    assertDocumented("/api/matters/{id}/items/{itemId}", "delete", 200, removed.body);
    assert.equal(removed.body.matterDeleted, false);

    const created = await call("post", "/api/matters", { itemId: await world.item("2024", "2.8") });
    assert.equal(created.status, 201);
    assertDocumented("/api/matters", "post", 201, created.body);
    assert.equal(created.body.title, "Fordeling af lærepladser på SOSU-uddannelserne");
    const badTitle = await call("post", "/api/matters", { itemId: closed });
    assert.equal(badTitle.status, 422);
    assert.equal(badTitle.body.error.message, "Giv sagen en titel: punktets titel er ikke offentlig.");

    const report2024 = await world.item("2024", "2.4");
    const report2025 = await world.item("2025", "2.4");
    const dismissed = await call("post", "/api/matter-suggestions/dismiss", {
      itemId: report2024,
      otherItemId: report2025,
    });
    assert.equal(dismissed.status, 200);
    assertDocumented("/api/matter-suggestions/dismiss", "post", 200, dismissed.body);
    const after = await call("get", `/api/matter-suggestions?itemId=${report2024}`);
    assert.deepEqual(after.body.data, []);
    const audit = await listAuditEntries(db, { limit: 10 });
    assert.ok(audit.some((e) => e.action === "matter-suggestion-dismiss" && e.actorTokenId !== null));
  });
});
