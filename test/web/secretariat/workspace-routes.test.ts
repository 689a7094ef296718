/**
 * /sekretariat (issue 13) on both backends: the public is sent to sign in, a member gets 403; the body's
 * secretariat plans one meeting and a year's meetings (refused dates in an error summary, nothing made),
 * and the workspace then says what to do next and lists the meetings by phase.
 */
import assert from "node:assert/strict";
import { it } from "node:test";
import { createApp } from "../../../src/web/app.js";
import { danishDay } from "../../../src/web/secretariat/next-steps.js";
import { forEachBackend } from "../../support/stores.js";
import { csrfOf } from "../accounts/support.js";
import { signedInAs } from "./support.js";

const BODY = "KKR Arbejdsbord";

function isoInDays(days: number): string {
  return danishDay(new Date(Date.now() + days * 86_400_000));
}

forEachBackend("web: /sekretariat workspace", (store) => {
  it("sends the public to sign in and refuses a member", async () => {
    const { db } = store();
    const anonymous = await createApp({ db }).request("/sekretariat");
    assert.equal(anonymous.status, 303);
    assert.equal(anonymous.headers.get("location"), "/log-ind?til=%2Fsekretariat");
    const { browser: member } = await signedInAs(db, "medlem", BODY);
    assert.equal((await member.get("/sekretariat")).status, 403);
  });

  it("plans a meeting and a year, refuses bad and taken dates, and says what to do next", async () => {
    const { db } = store();
    const { browser, bodyId } = await signedInAs(db, "sekretariat", BODY);
    const empty = await browser.get("/sekretariat");
    assert.equal(empty.status, 200);
    const html = await empty.text();
    assert.match(html, new RegExp(`<h2 id="organ-0">${BODY}</h2>`));
    assert.match(html, /Der er ingen kommende møder i mødeplanen/);
    assert.match(html, /href="\/sekretariat\/tilbageholdt"/);
    const csrf = csrfOf(html);
    const organ = String(bodyId);

    assert.equal(
      (await browser.post("/sekretariat/moeder", { organ, dato: isoInDays(9) }, null)).status,
      403,
    );
    const one = await browser.post(
      "/sekretariat/moeder",
      { organ, dato: isoInDays(9), start: "10:00", slut: "12:00", sted: "Aalborg Rådhus" },
      csrf,
    );
    assert.equal(one.status, 303);
    assert.equal(one.headers.get("location"), "/sekretariat?oprettet=1");
    const after = await (await browser.get("/sekretariat?oprettet=1")).text();
    assert.match(after, /Mødet er oprettet\./);
    assert.match(after, /Dagsorden til næste møde \([^)]+\) er ikke påbegyndt — mødet er om 9 dage\./);
    assert.match(after, /Planlagt \(1\)/);
    assert.match(after, /kl\. 10\.00-12\.00 · Aalborg Rådhus/);

    const bad = await browser.post("/sekretariat/moeder", { organ, datoer: "2027-02-30\nfoo" }, csrf);
    assert.equal(bad.status, 422);
    const badHtml = await bad.text();
    assert.match(badHtml, /<title>Fejl: Sekretariat/);
    assert.match(badHtml, /Det er ikke en dato: 2027-02-30, foo/);
    assert.match(badHtml, /href="#aar-datoer"/);
    assert.match(badHtml, />2027-02-30\nfoo<\/textarea>/, "what was typed is kept");

    const taken = await browser.post(
      "/sekretariat/moeder",
      { organ, datoer: `${isoInDays(40)}\n${isoInDays(9)}`, start: "10:00", slut: "12:00" },
      csrf,
    );
    assert.equal(taken.status, 422);
    assert.match(await taken.text(), /har allerede et møde den .*Intet er oprettet/);

    const year = await browser.post(
      "/sekretariat/moeder",
      {
        organ,
        datoer: `${isoInDays(40)}\n${isoInDays(80)}`,
        start: "10:00",
        slut: "12:00",
        sted: "Hjørring",
      },
      csrf,
    );
    assert.equal(year.status, 303);
    assert.equal(year.headers.get("location"), "/sekretariat?oprettet=2");
    assert.match(await (await browser.get("/sekretariat")).text(), /Planlagt \(3\)/);
  });
});
