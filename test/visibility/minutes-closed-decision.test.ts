/**
 * Published minutes and a closed item (issue 14), on both backends: after the minutes of a held meeting
 * are approved and published, the decision recorded under its closed item is on no public surface (the
 * meeting and item pages, search, the JSON API, the public minutes PDF), while the open items' decisions
 * and the protocol remark are.
 */
import assert from "node:assert/strict";
import { it } from "node:test";
import { minutesApprover } from "../../src/authoring/minutes-approver.js";
import { minutesDocumentOf } from "../../src/authoring/minutes-document-of.js";
import { minutesPublisher } from "../../src/authoring/minutes-publisher.js";
import { renderMinutesPdf } from "../../src/authoring/render/index.js";
import { loadIngestOptions, parseSource } from "../../src/ingest/index.js";
import { meetingRecordOf } from "../../src/store/index.js";
import { createApp } from "../../src/web/app.js";
import { CLI } from "../authoring/agenda-support.js";
import { CLOSED_DECISION, heldMeeting, REMARK } from "../authoring/minutes-support.js";
import { forEachBackend } from "../support/stores.js";

forEachBackend("visibility: published minutes", (store) => {
  it("keeps the closed item's decision off every public surface", async () => {
    const { db } = store();
    const held = await heldMeeting(db, "2025-02-07");
    const as = { db, viewer: held.world.secretariat, actor: CLI, meetingId: held.meetingId };
    await minutesApprover({ ...as, via: "chair" });
    await minutesPublisher(as);
    const app = createApp({ db });
    const get = async (path: string) => (await app.request(path)).text();
    const surfaces = {
      meeting: await get(`/moede/${held.meetingId}`),
      openItem: await get(`/punkt/${held.items["2.2"]}`),
      closedItem: await get(`/punkt/${held.items["2.3"]}`),
      meetingJson: await get(`/api/meetings/${held.meetingId}`),
      closedItemJson: await get(`/api/items/${held.items["2.3"]}`),
    };
    for (const [name, text] of Object.entries(surfaces)) {
      assert.ok(!text.includes(CLOSED_DECISION), `${name} shows the closed item's decision`);
      assert.ok(!text.includes("afgjort fortroligt"), `${name} shows words of the closed decision`);
    }
    const search = JSON.parse(await get(`/api/search?q=${encodeURIComponent("afgjort fortroligt")}`)) as {
      total: number;
    };
    assert.equal(search.total, 0, "search finds the closed decision");
    const remark = JSON.parse(await get(`/api/search?q=${encodeURIComponent("takststigningen")}`)) as {
      total: number;
    };
    assert.ok(remark.total > 0, "search finds the published protocol remark");
    assert.ok(surfaces.openItem.includes("Protokolbemærkning"));
    assert.ok(surfaces.openItem.includes(REMARK));
    assert.match(surfaces.meeting, /Indstillingen blev tiltrådt/);
    const record = await meetingRecordOf(db, held.meetingId);
    assert.ok(record);
    const bytes = renderMinutesPdf(minutesDocumentOf(record, "public"));
    const text = (await parseSource({ file: "referat.pdf", bytes, sha256: "x" }, await loadIngestOptions()))
      .text;
    assert.ok(!text.includes(CLOSED_DECISION));
  });
});
