/**
 * A body's agenda template through its form (issue 13), on both backends: the seed is shown, a section
 * added with a standing item and another emptied away; a second "Eventuelt" is refused with the form kept;
 * a new agenda then starts from the saved template.
 */
import assert from "node:assert/strict";
import { it } from "node:test";
import { agendaDraft } from "../../../src/store/index.js";
import { danishDay } from "../../../src/web/secretariat/next-steps.js";
import { forEachBackend } from "../../support/stores.js";
import { csrfOf } from "../accounts/support.js";
import { signedInAs } from "./support.js";

const BODY = "KKR Skabelonland";

forEachBackend("web: a body's agenda template", (store) => {
  it("edits the template, refuses a second Eventuelt, and drafts from the saved one", async () => {
    const { db } = store();
    const { browser, bodyId: organ } = await signedInAs(db, "sekretariat", BODY);
    const path = `/sekretariat/organ/${organ}/skabelon`;
    const page = await (await browser.get(path)).text();
    assert.match(page, /value="Regionalpolitiske sager"/);
    assert.match(page, /Godkendelse af dagsorden\nGodkendelse af referat<\/textarea>/);
    const csrf = csrfOf(page);
    const fields: Record<string, string> = {
      antal: "7",
      "afsnit-0-titel": "Godkendelse af referat",
      "afsnit-0-type": "regular",
      "afsnit-0-punkter": "Godkendelse af dagsorden\nGodkendelse af referat",
      "afsnit-1-titel": "Regionalpolitiske sager",
      "afsnit-1-type": "regular",
      "afsnit-2-titel": "",
      "afsnit-3-titel": "Punkter til næste møde",
      "afsnit-3-type": "next-meeting",
      "afsnit-3-punkter": "Punkter til næste møde",
      "afsnit-4-titel": "Eventuelt",
      "afsnit-4-type": "other",
      "afsnit-4-punkter": "Eventuelt",
      "afsnit-5-titel": "Orientering",
      "afsnit-5-type": "regular",
      "afsnit-5-punkter": "Nyt fra formanden",
      "afsnit-6-titel": "",
    };
    const twice = await browser.post(path, { ...fields, "afsnit-5-type": "other" }, csrf);
    assert.equal(twice.status, 422);
    assert.match(await twice.text(), /kun have ét afsnit &quot;Eventuelt&quot;/);
    assert.equal((await browser.post(path, fields, null)).status, 403);
    const saved = await browser.post(path, fields, csrf);
    assert.equal(saved.status, 303);
    const after = await (await browser.get(`${path}?besked=gemt`)).text();
    assert.match(after, /Skabelonen er gemt/);
    assert.doesNotMatch(after, /value="Siden sidst"/);

    const date = danishDay(new Date(Date.now() + 20 * 86_400_000));
    assert.equal(
      (await browser.post("/sekretariat/moeder", { organ: String(organ), dato: date }, csrf)).status,
      303,
    );
    const meeting = await db
      .selectFrom("meeting")
      .select("id")
      .where("date", "=", date)
      .where("body_id", "=", organ)
      .executeTakeFirstOrThrow();
    assert.equal((await browser.post(`/sekretariat/moede/${meeting.id}/dagsorden`, {}, csrf)).status, 303);
    const draft = await agendaDraft(db, meeting.id);
    assert.deepEqual(
      draft?.sections.map(
        (s) => `${s.number}. ${s.title}: ${s.items.map((i) => `${i.number} ${i.title}`).join(", ")}`,
      ),
      [
        "1. Godkendelse af referat: 1.1 Godkendelse af dagsorden, 1.2 Godkendelse af referat",
        "2. Regionalpolitiske sager: ",
        "3. Punkter til næste møde: 3.1 Punkter til næste møde",
        "4. Eventuelt: 4 Eventuelt",
        "5. Orientering: 5.1 Nyt fra formanden",
      ],
    );
    // The standing items kept their Indstilling through the form.
    assert.match(draft?.sections[0]?.items[0]?.fields.indstilling ?? "", /godkender dagsordenen/);
  });
});
