/**
 * After a re-import that changes one item and removes another, OParl's modified_since lists exactly
 * those two, the removed one as a valid deleted object; without the filter the removed item is gone.
 */
import assert from "node:assert/strict";
import { before, it } from "node:test";
import { setTimeout as sleep } from "node:timers/promises";
import type { Hono } from "hono";
import { importDocument } from "../../../src/store/index.js";
import { createApp } from "../../../src/web/app.js";
import { buildItem, buildMinutes } from "../../support/documents.js";
import { forEachBackend } from "../../support/stores.js";
import { loadOparlValidator } from "./oparl-schemas.js";

const BASE = "https://raadsinfo.test";
const ROOT = `${BASE}/oparl/v1`;

interface Page {
  data: { id: string; type: string; deleted?: boolean; [key: string]: unknown }[];
  links: Record<string, string>;
  pagination: { totalElements: number };
}

forEachBackend("OParl modified_since after a re-import", (store) => {
  let app: Hono;
  let bodyId: number;
  let since: string;
  const ids = new Map<string, string>();

  before(async () => {
    const { db } = store();
    const body = "KKR Ændringsregion";
    await importDocument(
      db,
      buildMinutes({ body, items: [buildItem("1.1"), buildItem("1.2"), buildItem("1.3"), buildItem("1.4")] }),
    );
    await sleep(30);
    since = new Date().toISOString();
    await sleep(30);
    const changed = buildItem("1.2", {
      fields: { ...buildItem("1.2").fields, beslutning: "Punktet blev udsat til næste møde." },
    });
    const result = await importDocument(
      db,
      buildMinutes({ body, items: [buildItem("1.1"), changed, buildItem("1.3")] }),
    );
    assert.equal(result.status, "updated");
    assert.equal(result.items.removed, 1);
    const rows = await db
      .selectFrom("agenda_item")
      .innerJoin("meeting", "meeting.id", "agenda_item.meeting_id")
      .innerJoin("body", "body.id", "meeting.body_id")
      .select(["agenda_item.id", "agenda_item.number", "body.id as bodyId"])
      .where("body.name", "=", body)
      .execute();
    for (const row of rows) ids.set(row.number, `${ROOT}/agenda-item/${row.id}`);
    bodyId = rows[0]!.bodyId;
    app = createApp({ db, settings: { publicBaseUrl: BASE } });
  });

  const list = async (query: string): Promise<Page> => {
    const res = await app.request(`${ROOT}/body/${bodyId}/agenda-items?${query}`);
    assert.equal(res.status, 200);
    return (await res.json()) as Page;
  };

  it("lists exactly the changed and the removed item, the removed one as deleted", async () => {
    const page = await list(`modified_since=${encodeURIComponent(since)}`);
    const byId = new Map(page.data.map((o) => [o.id, o]));
    assert.deepEqual([...byId.keys()].sort(), [ids.get("1.2"), ids.get("1.4")].sort());
    const removed = byId.get(ids.get("1.4")!)!;
    assert.equal(removed.deleted, true);
    assert.deepEqual(Object.keys(removed).sort(), ["created", "deleted", "id", "modified", "order", "type"]);
    const changed = byId.get(ids.get("1.2")!)!;
    assert.equal(changed.deleted, undefined);
    assert.equal(changed.resolutionText, "Punktet blev udsat til næste møde.");
    const validator = loadOparlValidator();
    for (const object of page.data) assert.deepEqual(validator.validate(object), []);
    for (const link of Object.values(page.links)) {
      assert.equal(new URL(link).searchParams.get("modified_since"), since, "the filter is kept in links");
    }
  });

  it("leaves the removed item out without modified_since, and keeps the others", async () => {
    const page = await list("");
    assert.deepEqual(
      page.data.map((o) => o.id).sort(),
      [ids.get("1.1"), ids.get("1.2"), ids.get("1.3")].sort(),
    );
    assert.ok(page.data.every((o) => o.deleted === undefined));
  });

  it("lists only the untouched items under modified_until", async () => {
    const page = await list(`modified_until=${encodeURIComponent(since)}`);
    assert.deepEqual(page.data.map((o) => o.id).sort(), [ids.get("1.1"), ids.get("1.3")].sort());
  });

  it("still answers 200 for the removed item's own URL, as a deleted object", async () => {
    const res = await app.request(ids.get("1.4")!);
    assert.equal(res.status, 200);
    const object = (await res.json()) as { deleted?: boolean; name?: string };
    assert.equal(object.deleted, true);
    assert.equal(object.name, undefined);
  });

  it("counts the meeting as modified too, since its embedded items changed (§2.8)", async () => {
    const res = await app.request(
      `${ROOT}/body/${bodyId}/meetings?modified_since=${encodeURIComponent(since)}`,
    );
    const page = (await res.json()) as Page;
    assert.equal(page.pagination.totalElements, 1);
    const meeting = page.data[0]!;
    assert.deepEqual(
      (meeting.agendaItem as { id: string }[]).map((i) => i.id),
      [ids.get("1.1"), ids.get("1.2"), ids.get("1.3")],
    );
  });

  it("refuses a malformed filter with 400", async () => {
    const res = await app.request(`${ROOT}/body/${bodyId}/agenda-items?modified_since=gisteren`);
    assert.equal(res.status, 400);
  });
});
