/**
 * Decisions sent on and follow-up in the JSON API on both backends (issue 14), with an API token:
 * setMunicipalityAddress, sendDecision, listDecisionDispatches, createFollowUp, listFollowUps (overdue by
 * the app's clock), updateFollowUp with a stale revision answering 409 and the other's change; each
 * answer checked against the OpenAPI document's schema; a member's token is refused.
 */
import assert from "node:assert/strict";
import { it } from "node:test";
import { apiTokenCreator, CLI_ACTOR } from "../../../src/accounts/index.js";
import { createApp } from "../../../src/web/app.js";
import { decisionWorld } from "../../authoring/decision-follow-up-support.js";
import { forEachBackend } from "../../support/stores.js";
import { makeUser } from "../accounts/support.js";
import { apiClient, assertDocumented } from "./api-support.js";

forEachBackend("api: follow-up", (store) => {
  it("sends a decision, creates, lists and updates follow-ups through the API, as documented", async () => {
    const { db } = store();
    const { world, openItemId } = await decisionWorld(db);
    const secretary = await makeUser(db, "sekretariat", "Sara Sekretær");
    const member = await makeUser(db, "medlem", "Mads Medlem");
    const { token } = await apiTokenCreator({ db, email: secretary.email, actor: CLI_ACTOR });
    const { token: memberToken } = await apiTokenCreator({ db, email: member.email, actor: CLI_ACTOR });
    let clock = new Date("2034-05-01T10:00:00Z");
    const app = createApp({ db, now: () => clock });
    const { call } = apiClient(app, token);

    const addresses = await call("put", `/api/bodies/${world.bodyId}/municipality-addresses`, {
      addresses: { Thisted: "byraad@thisted.example.dk" },
    });
    assert.equal(addresses.status, 200);
    assertDocumented("/api/bodies/{id}/municipality-addresses", "put", 200, addresses.body);
    assert.equal(addresses.body.data.length, 11);
    const bad = await call("put", `/api/bodies/${world.bodyId}/municipality-addresses`, {
      addresses: { Thisted: "ikke en adresse" },
    });
    assert.equal(bad.status, 422);
    assert.match(bad.body.error.message, /ikke en e-mailadresse/);

    const sent = await call("post", `/api/items/${openItemId}/decision-dispatches`, {
      municipalities: ["Thisted", "Aalborg"],
    });
    assert.equal(sent.status, 201);
    assertDocumented("/api/items/{id}/decision-dispatches", "post", 201, sent.body);
    const listed = await call("get", `/api/items/${openItemId}/decision-dispatches`);
    assertDocumented("/api/items/{id}/decision-dispatches", "get", 200, listed.body);
    assert.deepEqual(listed.body.data.map((d: { municipality: string }) => d.municipality).sort(), [
      "Aalborg",
      "Thisted",
    ]);
    const refused = await call(
      "post",
      `/api/items/${openItemId}/decision-dispatches`,
      { municipalities: "all" },
      memberToken,
    );
    assert.equal(refused.status, 403);

    const created = await call("post", `/api/items/${openItemId}/follow-ups`, {
      description: "Rammeaftalen behandles i Thisted Byråd",
      responsibleKind: "municipality",
      municipality: "Thisted",
      dueDate: "2034-05-10",
    });
    assert.equal(created.status, 201);
    assertDocumented("/api/items/{id}/follow-ups", "post", 201, created.body);
    assert.equal(created.body.overdue, false);
    clock = new Date("2034-05-11T10:00:00Z");
    const list = await call("get", "/api/follow-ups?municipality=Thisted");
    assertDocumented("/api/follow-ups", "get", 200, list.body);
    assert.equal(list.body.today, "2034-05-11");
    assert.deepEqual(
      list.body.data.map((t: { id: number; overdue: boolean }) => [t.id, t.overdue]),
      [[created.body.id, true]],
    );

    const first = await call("patch", `/api/follow-ups/${created.body.id}`, {
      revision: created.body.revision,
      status: "in-progress",
    });
    assert.equal(first.status, 200);
    assertDocumented("/api/follow-ups/{id}", "patch", 200, first.body);
    const stale = await call("patch", `/api/follow-ups/${created.body.id}`, {
      revision: created.body.revision,
      status: "done",
    });
    assert.equal(stale.status, 409);
    assertDocumented("/api/follow-ups/{id}", "patch", 409, stale.body);
    assert.equal(stale.body.current.status, "in-progress");
    assert.equal((await call("get", "/api/follow-ups", undefined, null)).status, 401);
  });
});
