/**
 * Sections of a draft agenda through the builder's forms and the JSON API (issue 13), on both backends:
 * a section added (after the ordinary ones by default) renumbers what follows, renamed, refused without a
 * title (422, nothing changed), removed when empty; a section with items is kept with a Danish line; the
 * API's createAgendaSection, updateAgendaSection and deleteAgendaSection do the same with a token.
 */
import assert from "node:assert/strict";
import { it } from "node:test";
import { apiTokenCreator, CLI_ACTOR } from "../../../src/accounts/index.js";
import { agendaDraft } from "../../../src/store/index.js";
import { createApp } from "../../../src/web/app.js";
import { forEachBackend } from "../../support/stores.js";
import { makeUser } from "../accounts/support.js";
import { draftedThroughForms } from "./agenda-support.js";

forEachBackend("web: sections of a draft agenda", (store) => {
  it("adds, renames and removes a section from the builder, and through the API", async () => {
    const { db } = store();
    const { browser, csrf, meetingId, builder } = await draftedThroughForms(db, 15);
    const page = await (await browser.get(builder)).text();
    assert.match(page, /<h2 id="nyt-afsnit">Tilføj afsnit<\/h2>/);
    assert.match(page, /<option value="3" selected="">Efter 3\. Siden sidst<\/option>/);

    const added = await browser.post(
      `/sekretariat/moede/${meetingId}/afsnit`,
      { titel: "Temadrøftelse", placering: "3" },
      csrf,
    );
    assert.equal(added.status, 303);
    const sectionId = Number(/#afsnit-(\d+)$/.exec(added.headers.get("location") ?? "")?.[1]);
    assert.ok(sectionId > 0);
    const after = await (await browser.get(added.headers.get("location") ?? builder)).text();
    assert.match(after, /Afsnittet er tilføjet, og punkterne er nummereret igen/);
    assert.match(after, /4\. Temadrøftelse<\/h2>/);
    assert.match(after, /5\. Punkter til næste møde<\/h2>/);
    assert.match(after, /5\.1<\/span> Punkter til næste møde/);

    const untitled = await browser.post(`/sekretariat/afsnit/${sectionId}`, { titel: "  " }, csrf);
    assert.equal(untitled.status, 422);
    assert.match(await untitled.text(), /href="#afsnit-\d+-titel">Afsnittet mangler en titel/);
    assert.equal(
      (await browser.post(`/sekretariat/afsnit/${sectionId}`, { titel: "Temadrøftelse om klima" }, csrf))
        .status,
      303,
    );
    assert.match(await (await browser.get(builder)).text(), /4\. Temadrøftelse om klima<\/h2>/);

    const draft = await agendaDraft(db, meetingId);
    const busy = draft?.sections.find((s) => s.title === "Godkendelse af referat");
    assert.ok(busy);
    const kept = await browser.post(`/sekretariat/afsnit/${busy.id}/fjern`, {}, csrf);
    assert.equal(kept.status, 422);
    assert.match(await kept.text(), /Afsnittet &quot;Godkendelse af referat&quot; har punkter/);

    assert.equal((await browser.post(`/sekretariat/afsnit/${sectionId}/fjern`, {}, csrf)).status, 303);
    const removed = await (await browser.get(builder)).text();
    assert.doesNotMatch(removed, /Temadrøftelse/);
    assert.match(removed, /4\. Punkter til næste møde<\/h2>/);

    // The same through the API, as an ESDH system would.
    const secretary = await makeUser(db, "sekretariat", "Sara Sekretær");
    const { token } = await apiTokenCreator({ db, email: secretary.email, actor: CLI_ACTOR });
    const app = createApp({ db });
    const api = (path: string, method: string, body?: unknown) =>
      app.request(`/api${path}`, {
        method,
        headers: {
          Authorization: `Bearer ${token}`,
          "Content-Type": "application/json",
          Accept: "application/json",
        },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      });
    const created = await api(`/meetings/${meetingId}/sections`, "POST", { title: "Høringer" });
    assert.equal(created.status, 201);
    const made = (await created.json()) as { id: number; number: string };
    assert.equal(made.number, "4");
    assert.equal((await api(`/sections/${made.id}`, "PATCH", { title: "Høringssvar" })).status, 200);
    const bad = await api(`/sections/${made.id}`, "PATCH", { title: "" });
    assert.equal(bad.status, 422);
    assert.equal(
      ((await bad.json()) as { error: { message: string } }).error.message,
      "Afsnittet mangler en titel.",
    );
    const titles = async () =>
      (await agendaDraft(db, meetingId))?.sections.map((s) => `${s.number}. ${s.title}`);
    assert.equal((await titles())?.[3], "4. Høringssvar");
    assert.equal((await api(`/sections/${made.id}`, "DELETE")).status, 200);
    assert.equal((await titles())?.[3], "4. Punkter til næste møde");
    assert.equal((await api(`/sections/${made.id}`, "DELETE")).status, 404);
  });
});
