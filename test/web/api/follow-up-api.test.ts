/**
 * Decisions sent on and follow-up in the JSON API on both backends (issue 14), with an API token:
 * setMunicipalityAddress, sendDecision, listDecisionDispatches, createFollowUp, listFollowUps (overdue by
 * the app's clock), updateFollowUp with a stale revision answering 409 and the other's change; each
 * answer checked against the OpenAPI document's schema; a member's token is refused.
 */
import assert from "node:assert/strict";
import { it } from "node:test";
import { Ajv2020 } from "ajv/dist/2020.js";
import addFormatsModule from "ajv-formats";
import { apiTokenCreator, CLI_ACTOR } from "../../../src/accounts/index.js";
import { type HttpMethod, openApiDocument } from "../../../src/web/api/openapi.js";
import { createApp } from "../../../src/web/app.js";
import { decisionWorld } from "../../authoring/decision-follow-up-support.js";
import { forEachBackend } from "../../support/stores.js";
import { makeUser } from "../accounts/support.js";

type AddFormats = (ajv: Ajv2020, formats: readonly string[]) => unknown;
const loadedFormats = addFormatsModule as unknown as AddFormats & { default?: AddFormats };
const addFormats: AddFormats = loadedFormats.default ?? loadedFormats;
const doc = openApiDocument("http://localhost:3000");

function assertDocumented(path: string, method: HttpMethod, status: number, body: unknown): void {
  const op = doc.paths[path]?.[method];
  assert.ok(op, `${method} ${path} documented`);
  const schema = op.responses[String(status)]?.content?.["application/json"]?.schema;
  assert.ok(schema, `${method} ${path} ${status} documented`);
  const ajv = new Ajv2020({ strict: false, allErrors: true });
  addFormats(ajv, ["date", "date-time", "uri"]);
  const validate = ajv.compile({ ...schema, components: doc.components });
  assert.ok(validate(body), `${method} ${path} ${status}: ${JSON.stringify(validate.errors?.slice(0, 3))}`);
}

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
    const call = async (method: HttpMethod, path: string, body?: unknown, bearer: string | null = token) => {
      const headers: Record<string, string> = { accept: "application/json" };
      if (bearer) headers.authorization = `Bearer ${bearer}`;
      if (body !== undefined) headers["content-type"] = "application/json";
      const res = await app.request(path, {
        method: method.toUpperCase(),
        headers,
        ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
      });
      // biome-ignore lint/suspicious/noExplicitAny: each answer is checked against its documented schema.
      return { status: res.status, body: (await res.json()) as { [k: string]: any } };
    };

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
