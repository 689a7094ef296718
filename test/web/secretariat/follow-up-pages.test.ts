/**
 * The web of decisions sent on and follow-up (issue 14) on both backends: the secretariat sends a decision
 * through the item's send page and sees to whom it went; /kommune/aalborg lists the decision sent to
 * Aalborg and not one sent only to Hjørring, its other spellings redirect to the slug, and the JSON
 * variant says the same; a follow-up shows as "Overskredet", first, once the app's clock (not the
 * machine's) passes its deadline; a closed item's task is never on a public page; a stale save of a task
 * answers 409 with the other's change.
 */
import assert from "node:assert/strict";
import { it } from "node:test";
import { CLI_ACTOR, userCreator } from "../../../src/accounts/index.js";
import { decisionSender } from "../../../src/authoring/decision-sender.js";
import { followUpCreator } from "../../../src/authoring/follow-up-creator.js";
import { createApp } from "../../../src/web/app.js";
import { PASSWORD, uniqueEmail } from "../../accounts/support.js";
import { CLI, draftedMeeting } from "../../authoring/agenda-support.js";
import { decisionWorld, taskFor } from "../../authoring/decision-follow-up-support.js";
import { forEachBackend } from "../../support/stores.js";
import { csrfOf, TestBrowser } from "../accounts/support.js";

forEachBackend("follow-up pages", (store) => {
  it("sends on the item's page, lists by municipality, and marks overdue by the app's clock", async () => {
    const { db } = store();
    const { world, openItemId, otherItemId, closedItemId } = await decisionWorld(db);
    let clock = new Date("2033-03-01T10:00:00Z");
    const app = createApp({ db, now: () => clock });
    const email = uniqueEmail("sekretariat");
    const created = await userCreator({
      db,
      email,
      name: "Sara Sekretær",
      role: "sekretariat",
      body: "KKR Nordjylland",
      password: PASSWORD,
      actor: CLI_ACTOR,
    });
    const browser = new TestBrowser(app);
    assert.equal(
      (
        await browser.logIn({
          id: created.user.id,
          email,
          name: "Sara Sekretær",
          totpSecret: created.totpSecret,
        })
      ).status,
      303,
    );

    const meetingId = (
      await db
        .selectFrom("agenda_item")
        .select("meeting_id")
        .where("id", "=", openItemId)
        .executeTakeFirstOrThrow()
    ).meeting_id;
    const sendPath = `/sekretariat/moede/${meetingId}/punkt/${openItemId}/send`;
    const page = await browser.get(sendPath);
    assert.equal(page.status, 200);
    const html = await page.text();
    assert.match(html, /Send beslutningen til kommunerne/);
    const body = new URLSearchParams([
      ["_csrf", csrfOf(html)],
      ["kommune", "Aalborg"],
      ["kommune", "Hjørring"],
      ["kommune", "Brønderslev"],
    ]);
    const sent = await browser.request(sendPath, {
      method: "POST",
      body: body.toString(),
      headers: { "content-type": "application/x-www-form-urlencoded" },
    });
    assert.equal(sent.status, 303);
    const after = await (await browser.get(sendPath)).text();
    for (const m of ["Aalborg", "Hjørring", "Brønderslev"]) assert.match(after, new RegExp(`${m} Kommune`));
    // Another decision sent to Hjørring only.
    await decisionSender({
      db,
      viewer: world.secretariat,
      actor: CLI,
      itemId: otherItemId,
      municipalities: ["Hjørring"],
    });

    const aalborg = await app.request("/kommune/aalborg");
    assert.equal(aalborg.status, 200);
    const aalborgHtml = await aalborg.text();
    assert.match(aalborgHtml, /Rammeaftale for det specialiserede socialområde 2025-2026/);
    assert.doesNotMatch(aalborgHtml, /Orientering om klimaplaner/);
    const hjoerring = await (await app.request("/kommune/hjoerring")).text();
    assert.match(hjoerring, /Orientering om klimaplaner/);
    assert.match(hjoerring, /Rammeaftale/);
    const redirect = await app.request(`/kommune/${encodeURIComponent("Hjørring")}`);
    assert.equal(redirect.status, 301);
    assert.equal(redirect.headers.get("location"), "/kommune/hjoerring");
    assert.equal((await app.request("/kommune/atlantis")).status, 404);
    const json = (await (await app.request("/kommune/aalborg.json")).json()) as {
      decisions: { title: string }[];
    };
    assert.deepEqual(
      json.decisions.map((d) => d.title),
      ["Rammeaftale for det specialiserede socialområde 2025-2026"],
    );

    // Follow-ups: one of an open item, one of a closed item, both with Aalborg.
    const open = await followUpCreator({
      db,
      viewer: world.secretariat,
      actor: CLI,
      itemId: openItemId,
      task: taskFor("Aalborg", "2033-03-10"),
    });
    await followUpCreator({
      db,
      viewer: world.secretariat,
      actor: CLI,
      itemId: closedItemId,
      task: { ...taskFor("Aalborg", "2033-03-05"), description: "Fortrolig opgave om personalesagen" },
    });
    // The next agenda's builder lists the tasks due by its meeting.
    const next = await draftedMeeting(db, world, "2033-03-20");
    const builder = await (await browser.get(`/sekretariat/moede/${next.meeting.id}/dagsorden`)).text();
    assert.match(builder, /Opfølgning med frist inden mødet/);
    assert.match(builder, /Rammeaftalen behandles i Aalborg Byråd/);
    const listBefore = await (await browser.get("/sekretariat/opfoelgning?kommune=Aalborg")).text();
    assert.doesNotMatch(listBefore, /Overskredet/);
    clock = new Date("2033-03-11T10:00:00Z");
    const list = await (await browser.get("/sekretariat/opfoelgning?kommune=Aalborg")).text();
    const first = list.indexOf("Overskredet");
    assert.ok(first > 0, "the list says Overskredet");
    assert.ok(first < list.indexOf("Rammeaftalen behandles i Aalborg Byråd"));
    for (const path of ["/opfoelgning", "/kommune/aalborg", `/punkt/${closedItemId}`]) {
      const text = await (await app.request(path)).text();
      assert.doesNotMatch(text, /Fortrolig opgave/, `${path} never shows a closed item's task`);
    }
    const publicList = await (await app.request("/opfoelgning")).text();
    assert.match(publicList, /Rammeaftalen behandles i Aalborg Byråd/);
    assert.match(publicList, /Overskredet/);

    // Two saves of one task: the later one is refused with the first one's change.
    const formPage = await (await browser.get(`/sekretariat/opfoelgning/${open.id}`)).text();
    const csrf = csrfOf(formPage);
    const fields = {
      opgave: "Rammeaftalen behandles i Aalborg Byråd",
      ansvarlig_type: "municipality",
      kommune: "Aalborg",
      frist: "2033-03-10",
      revision: String(open.revision),
    };
    assert.equal(
      (
        await browser.post(
          `/sekretariat/opfoelgning/${open.id}`,
          { ...fields, status: "in-progress", noter: "Første" },
          csrf,
        )
      ).status,
      303,
    );
    const stale = await browser.post(
      `/sekretariat/opfoelgning/${open.id}`,
      { ...fields, status: "done", noter: "Anden" },
      csrf,
    );
    assert.equal(stale.status, 409);
    const staleHtml = await stale.text();
    assert.match(staleHtml, /ændret af en anden/);
    assert.match(staleHtml, /Noter: Første/);
  });
});
