/**
 * The meeting day in the JSON API on both backends (issue 14), with API tokens: recordAttendance with an
 * absence and a substitute for that member, recordDecision by a standard phrase and with a vote, two
 * clients saving one decision (the later one 409 with the other's text under `current`), a protocol
 * remark, a recusal, markMeetingHeld and getMeetingRecord; a member's token refused with a Danish line,
 * bad input 400/422 with nothing changed; every answer matches its documented schema.
 */
import assert from "node:assert/strict";
import { it } from "node:test";
import { apiTokenCreator, CLI_ACTOR } from "../../../src/accounts/index.js";
import { meetingRecordOf } from "../../../src/store/index.js";
import { createApp } from "../../../src/web/app.js";
import { sentMeeting } from "../../authoring/meeting-record-support.js";
import { forEachBackend } from "../../support/stores.js";
import { makeUser } from "../accounts/support.js";
import { apiClient, assertDocumented } from "./api-support.js";

forEachBackend("api: meeting record", (store) => {
  it("records attendance, decisions (409 on a stale revision), a remark and a recusal, as documented", async () => {
    const { db } = store();
    const { meetingId, items, people } = await sentMeeting(db);
    const secretary = await makeUser(db, "sekretariat", "Sara Sekretær");
    const member = await makeUser(db, "medlem", "Mads Medlem");
    const { token } = await apiTokenCreator({ db, email: secretary.email, actor: CLI_ACTOR });
    const { token: memberToken } = await apiTokenCreator({ db, email: member.email, actor: CLI_ACTOR });
    const app = createApp({ db });
    const { call } = apiClient(app, token);
    const fog = people["Frida Fog"] as number;
    const oerum = people["Anne Ørum"] as number;
    const gade = people["Mogens Gade"] as number;
    const present = ["Mads Duedahl", "Mogens Gade", "Anne Ørum", "Carl Conradsen"].map((n) => ({
      personId: people[n] as number,
      status: "present",
    }));

    // A member's token: 403 with the Danish line; nothing recorded.
    const refused = await call(
      "put",
      `/api/meetings/${meetingId}/attendance`,
      { attendance: present },
      memberToken,
    );
    assert.equal(refused.status, 403);
    assert.match(refused.body.error.message, /sekretariat eller en administrator/);
    assert.equal((await call("get", `/api/meetings/${meetingId}/record`, undefined, null)).status, 401);
    // A substitute for a member who is present: 422, nothing changed.
    const bad = await call("put", `/api/meetings/${meetingId}/attendance`, {
      attendance: [
        ...present,
        { name: "Søren Suppleant", status: "substitute", substituteForPersonId: gade },
      ],
    });
    assert.equal(bad.status, 422);
    assert.match(bad.body.error.message, /meldt afbud/);
    assert.equal((await meetingRecordOf(db, meetingId))?.attendance.present.length, 0);
    assert.equal(
      (await call("put", `/api/meetings/${meetingId}/attendance`, { attendance: "alle" })).status,
      400,
    );

    const path = `/api/meetings/${meetingId}/attendance`;
    const recorded = await call("put", path, {
      attendance: [
        ...present,
        { personId: fog, status: "absent" },
        { name: "Søren Suppleant", status: "substitute", substituteForPersonId: fog },
      ],
    });
    assert.equal(recorded.status, 200);
    assertDocumented("/api/meetings/{id}/attendance", "put", 200, recorded.body);
    assert.deepEqual(
      recorded.body.attendance.substitutes.map(
        (s: { person: { name: string }; substituteFor: { name: string } }) =>
          `${s.person.name} for ${s.substituteFor.name}`,
      ),
      ["Søren Suppleant for Frida Fog"],
    );

    const klima = items["2.1"] as number;
    const decisionPath = `/api/items/${klima}/decision`;
    const first = await call("put", decisionPath, { revision: 0, phrase: "noted" });
    assert.equal(first.status, 200);
    assertDocumented("/api/items/{id}/decision", "put", 200, first.body);
    assert.equal(first.body.decision, "KKR Nordjylland tog orienteringen til efterretning.");
    assert.equal(first.body.revision, 1);
    // A second client, still at revision 0: 409 with the first one's decision.
    const stale = await call("put", decisionPath, { revision: 0, decision: "Godkendt." });
    assert.equal(stale.status, 409);
    assert.match(stale.body.error.message, /ændret af en anden/);
    assert.equal(stale.body.current.decision, "KKR Nordjylland tog orienteringen til efterretning.");
    assert.equal(stale.body.current.revision, 1);
    const merged = await call("put", decisionPath, {
      revision: stale.body.current.revision,
      decision: "KKR Nordjylland tog orienteringen til efterretning. Godkendt.",
    });
    assert.equal(merged.body.revision, 2);

    const budget = items["2.2"] as number;
    const voted = await call("put", `/api/items/${budget}/decision`, {
      revision: 0,
      phrase: "approved-recommendation",
      vote: {
        for: [{ party: "V" }, { party: "A" }, { party: "C" }],
        against: [{ party: "Ø" }],
        abstaining: [],
      },
      concernsMunicipalities: true,
    });
    assert.equal(voted.status, 200);
    assert.equal(voted.body.decision, "Indstillingen blev tiltrådt.");
    const twice = await call("put", `/api/items/${budget}/decision`, {
      revision: 1,
      vote: { for: [{ personId: oerum }], against: [{ personId: oerum }], abstaining: [] },
    });
    assert.equal(twice.status, 422);
    assert.match(twice.body.error.message, /Anne Ørum står mere end én gang/);

    const remark = await call("post", `/api/items/${budget}/protocol-remarks`, {
      personId: oerum,
      text: "Ø kan ikke støtte takststigningen.",
    });
    assert.equal(remark.status, 201);
    assertDocumented("/api/items/{id}/protocol-remarks", "post", 201, remark.body);
    const recusal = await call("put", `/api/items/${budget}/recusals/${gade}`, { reason: "inhabil" });
    assert.equal(recusal.status, 200);
    assertDocumented("/api/items/{id}/recusals/{personId}", "put", 200, recusal.body);

    const held = await call("post", `/api/meetings/${meetingId}/held`);
    assert.equal(held.status, 200);
    assertDocumented("/api/meetings/{id}/held", "post", 200, held.body);
    assert.equal(held.body.meeting.state, "held");
    assert.equal((await call("post", `/api/meetings/${meetingId}/held`)).status, 409);

    const record = await call("get", `/api/meetings/${meetingId}/record`);
    assert.equal(record.status, 200);
    assertDocumented("/api/meetings/{id}/record", "get", 200, record.body);
    const item = record.body.items.find((i: { id: number }) => i.id === budget);
    assert.deepEqual(
      item.decision.vote.against.map((v: { party: string }) => v.party),
      ["Ø"],
    );
    assert.deepEqual(
      item.protocolRemarks.map(
        (r: { person: { name: string }; text: string }) => `${r.person.name}: ${r.text}`,
      ),
      ["Anne Ørum: Ø kan ikke støtte takststigningen."],
    );
    assert.deepEqual(
      item.recusals.map(
        (r: { person: { name: string }; reason: string }) => `${r.person.name} (${r.reason})`,
      ),
      ["Mogens Gade (inhabil)"],
    );
    const removed = await call("delete", `/api/protocol-remarks/${remark.body.id}`);
    assertDocumented("/api/protocol-remarks/{id}", "delete", 200, removed.body);
  });
});
