/**
 * The minutes in the JSON API on both backends (issue 14), with API tokens: getMinutes, renderMinutes
 * (the jobs run here), sendMinutesForRemarks to the chair, publishMinutes refused before approval,
 * approveMinutes, publishMinutes, then getMinutesPdf: the internal edition for the secretariat, the public
 * one to anyone once published, without the closed item's decision; the public meeting JSON shows the
 * decision with its protocol remark. A member's token is refused with a Danish line; every JSON answer
 * matches its documented schema.
 */
import assert from "node:assert/strict";
import { it } from "node:test";
import { apiTokenCreator, CLI_ACTOR } from "../../../src/accounts/index.js";
import { loadIngestOptions, parseSource } from "../../../src/ingest/index.js";
import { minutesRenderings } from "../../../src/store/index.js";
import { createApp } from "../../../src/web/app.js";
import { CLOSED_DECISION, heldMeeting, REMARK } from "../../authoring/minutes-support.js";
import { forEachBackend } from "../../support/stores.js";
import { makeUser } from "../accounts/support.js";
import { runJobs } from "../secretariat/agenda-support.js";
import { apiClient, assertDocumented } from "./api-support.js";

forEachBackend("api: minutes", (store) => {
  it("renders, sends for remarks, approves and publishes the minutes, as documented", async () => {
    const { db } = store();
    const held = await heldMeeting(db, "2025-02-07");
    const { meetingId } = held;
    const secretary = await makeUser(db, "sekretariat", "Sara Sekretær");
    const { token } = await apiTokenCreator({ db, email: secretary.email, actor: CLI_ACTOR });
    const { token: memberToken } = await apiTokenCreator({ db, email: held.member.email, actor: CLI_ACTOR });
    const app = createApp({ db });
    const { request, call } = apiClient(app, token);
    const base = `/api/meetings/${meetingId}/minutes`;

    const refused = await call("post", `${base}/approve`, {}, memberToken);
    assert.equal(refused.status, 403);
    assert.match(refused.body.error.message, /sekretariat/);

    const draft = await call("get", base);
    assert.equal(draft.status, 200);
    assert.equal(draft.body.state, "draft");
    assertDocumented("/api/meetings/{id}/minutes", "get", 200, draft.body);

    const rendered = await call("post", `${base}/render`);
    assert.equal(rendered.status, 200);
    assertDocumented("/api/meetings/{id}/minutes/render", "post", 200, rendered.body);
    await runJobs(db, async () => (await minutesRenderings(db, meetingId)).length === 2);

    const early = await call("post", `${base}/publish`);
    assert.equal(early.status, 409);
    assert.match(early.body.error.message, /skal godkendes/);

    const sent = await call("post", `${base}/remarks`, { to: "chair" });
    assert.equal(sent.status, 200);
    assert.deepEqual(sent.body.to, ["Mads Duedahl"]);
    assert.equal(sent.body.minutes.state, "remarks");
    assertDocumented("/api/meetings/{id}/minutes/remarks", "post", 200, sent.body);

    const bad = await call("post", `${base}/approve`, { via: "brev" });
    assert.equal(bad.status, 400);
    const approved = await call("post", `${base}/approve`, { via: "chair" });
    assert.equal(approved.status, 200);
    assert.equal(approved.body.approvedVia, "chair");
    assertDocumented("/api/meetings/{id}/minutes/approve", "post", 200, approved.body);

    // Before publishing, the public edition is not to be had.
    assert.equal(
      (await request("get", `${base.replace("/minutes", "/minutes.pdf")}?edition=public`, undefined, null))
        .status,
      404,
    );
    const published = await call("post", `${base}/publish`);
    assert.equal(published.status, 200);
    assert.equal(published.body.state, "published");
    assertDocumented("/api/meetings/{id}/minutes/publish", "post", 200, published.body);
    const before = (await minutesRenderings(db, meetingId)).find((r) => r.edition === "public")?.renderedAt;
    await runJobs(db, async () => {
      const now = (await minutesRenderings(db, meetingId)).find((r) => r.edition === "public")?.renderedAt;
      return Boolean(now && before && now > before);
    });

    const options = await loadIngestOptions();
    const textOf = async (res: Response) => {
      assert.equal(res.status, 200);
      assert.equal(res.headers.get("content-type"), "application/pdf");
      const bytes = new Uint8Array(await res.arrayBuffer());
      return (await parseSource({ file: "referat.pdf", bytes, sha256: "x" }, options)).text;
    };
    const internal = await textOf(await request("get", `/api/meetings/${meetingId}/minutes.pdf`));
    assert.ok(internal.includes(CLOSED_DECISION));
    const open = await textOf(
      await request("get", `/api/meetings/${meetingId}/minutes.pdf`, undefined, null),
    );
    assert.ok(!open.includes(CLOSED_DECISION));
    assert.match(open, /Lukket punkt/);

    const meeting = await (await request("get", `/api/meetings/${meetingId}`, undefined, null)).text();
    assert.ok(meeting.includes(REMARK));
    assert.ok(!meeting.includes(CLOSED_DECISION));
  });
});
