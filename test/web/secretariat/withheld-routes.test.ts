/**
 * /sekretariat/tilbageholdt (issue 12, points 1 and 9) on both backends: the body's secretariat sees its
 * findings, another body's secretariat and a member do not, the public is sent to /log-ind; Frigiv works
 * with the CSRF token and not without it; a redacted copy is uploaded, a copy with a CPR number is
 * refused; afterwards the text is on the public annex page and in /soeg.
 */
import assert from "node:assert/strict";
import { it } from "node:test";
import type { Kysely } from "kysely";
import { CLI_ACTOR, userCreator } from "../../../src/accounts/index.js";
import type { Database } from "../../../src/store/index.js";
import { createApp } from "../../../src/web/app.js";
import { bodyId, PASSWORD, uniqueEmail } from "../../accounts/support.js";
import { CPR_OPEN, importRedaction, redactedCopyText, redactionWords } from "../../support/redaction.js";
import { forEachBackend } from "../../support/stores.js";
import { csrfOf, TestBrowser, type TestUser } from "../accounts/support.js";

const PATH = "/sekretariat/tilbageholdt";

async function userOf(db: Kysely<Database>, role: "sekretariat" | "medlem", body: string): Promise<TestUser> {
  await bodyId(db, body);
  const email = uniqueEmail(role);
  const created = await userCreator({
    db,
    email,
    name: `Test ${role}`,
    role,
    body,
    password: PASSWORD,
    actor: CLI_ACTOR,
  });
  return { id: created.user.id, email, name: `Test ${role}`, totpSecret: created.totpSecret };
}

async function signedIn(db: Kysely<Database>, user: TestUser): Promise<TestBrowser> {
  const browser = new TestBrowser(createApp({ db }));
  assert.equal((await browser.logIn(user)).status, 303);
  return browser;
}

function upload(fileName: string, text: string, csrf: string | null): FormData {
  const form = new FormData();
  if (csrf !== null) form.set("_csrf", csrf);
  form.set("kopi", new File([text], fileName, { type: "text/plain" }));
  return form;
}

async function publicSearch(db: Kysely<Database>, word: string): Promise<string> {
  const res = await createApp({ db }).request(`/soeg?q=${encodeURIComponent(word)}`);
  assert.equal(res.status, 200);
  return res.text();
}

forEachBackend("web: /sekretariat/tilbageholdt", (store) => {
  it("shows the body's findings to its secretariat only; the public is sent to sign in", async () => {
    const { db } = store();
    const w = redactionWords("a");
    await importRedaction(db, "a");
    const anonymous = await createApp({ db }).request(PATH);
    assert.equal(anonymous.status, 303);
    assert.equal(anonymous.headers.get("location"), `/log-ind?til=${encodeURIComponent(PATH)}`);

    const own = await signedIn(db, await userOf(db, "sekretariat", w.body));
    const res = await own.get(PATH);
    assert.equal(res.status, 200);
    const html = await res.text();
    assert.match(html, new RegExp(`<h2 id="organ-0">${w.body}</h2>`));
    assert.match(html, /Punkt 1\.2 Personalesag/);
    assert.match(html, /Lukket punkt/);
    assert.match(html, /Borgerens henvendelse, side 1/);
    assert.match(html, /CPR-nummer/);
    assert.match(html, /Erstat med anonymiseret kopi/);
    assert.match(html, /enctype="multipart\/form-data"/);
    assert.doesNotMatch(html, new RegExp(CPR_OPEN), "the list never shows the number itself");

    const other = await signedIn(db, await userOf(db, "sekretariat", "KKR Andetsteds"));
    const otherHtml = await (await other.get(PATH)).text();
    assert.doesNotMatch(otherHtml, /Borgerens henvendelse/);
    assert.doesNotMatch(otherHtml, new RegExp(w.body));

    const member = await signedIn(db, await userOf(db, "medlem", w.body));
    const refused = await member.get(PATH);
    assert.equal(refused.status, 403);
    assert.match(await refused.text(), /Siden er kun for sekretariatet og administratorer\./);
  });

  it("releases with the CSRF token, not without it, and the released page is public and found", async () => {
    const { db } = store();
    const w = redactionWords("b");
    const openAnnex = (await importRedaction(db, "b")).openAnnex.id;
    const browser = await signedIn(db, await userOf(db, "sekretariat", w.body));
    const token = csrfOf(await (await browser.get(PATH)).text());
    assert.doesNotMatch(await publicSearch(db, w.openCprPage), new RegExp(`/bilag/${openAnnex}`));

    const forged = await browser.post(`${PATH}/frigiv`, { hvad: `page:${openAnnex}:1` }, null);
    assert.equal(forged.status, 403);
    assert.match(await forged.text(), /sikkerhedsnøglen mangler/);
    const stillWithheld = await createApp({ db }).request(`/bilag/${openAnnex}`);
    assert.doesNotMatch(await stillWithheld.text(), new RegExp(w.openCprPage));

    const released = await browser.post(`${PATH}/frigiv`, { hvad: `page:${openAnnex}:1` }, token);
    assert.equal(released.status, 303);
    assert.equal(released.headers.get("location"), `${PATH}?besked=frigivet`);
    assert.match(await (await browser.get(`${PATH}?besked=frigivet`)).text(), /Frigivet\./);
    const page = await (await createApp({ db }).request(`/bilag/${openAnnex}`)).text();
    assert.match(page, new RegExp(w.openCprPage), "the public reads the released page");
    assert.match(await publicSearch(db, w.openCprPage), new RegExp(`/bilag/${openAnnex}`));

    const bad = await browser.post(`${PATH}/frigiv`, { hvad: "meeting:1" }, token);
    assert.equal(bad.status, 400);
  });

  it("replaces an annex with an uploaded copy; a copy with a CPR number is refused and changes nothing", async () => {
    const { db } = store();
    const w = redactionWords("c");
    const openAnnex = (await importRedaction(db, "c")).openAnnex.id;
    const browser = await signedIn(db, await userOf(db, "sekretariat", w.body));
    const token = csrfOf(await (await browser.get(PATH)).text());
    const action = `${PATH}/bilag/${openAnnex}/erstat`;

    const noToken = await browser.request(action, {
      method: "POST",
      body: upload("kopi.txt", redactedCopyText("c"), null),
    });
    assert.equal(noToken.status, 403);

    const dirty = await browser.request(action, {
      method: "POST",
      body: upload("stadig-cpr.txt", redactedCopyText("c", true), token),
    });
    assert.equal(dirty.status, 422);
    const dirtyHtml = await dirty.text();
    assert.match(dirtyHtml, /Filen &quot;stadig-cpr.txt&quot; indeholder stadig et CPR-nummer på side 1/);
    assert.match(dirtyHtml, /Erstat med anonymiseret kopi/, "the list is shown again with the error");
    assert.doesNotMatch(await publicSearch(db, w.redacted), new RegExp(`/bilag/${openAnnex}`));

    const clean = await browser.request(action, {
      method: "POST",
      body: upload("henvendelse-anonymiseret.txt", redactedCopyText("c"), token),
    });
    assert.equal(clean.status, 303);
    assert.equal(clean.headers.get("location"), `${PATH}?besked=erstattet`);
    const list = await (await browser.get(`${PATH}?besked=erstattet`)).text();
    assert.match(list, /Bilaget er erstattet med den anonymiserede kopi/);
    assert.doesNotMatch(list, /Borgerens henvendelse, side 1/, "the finding is gone from the list");

    const page = await (await createApp({ db }).request(`/bilag/${openAnnex}`)).text();
    assert.match(page, new RegExp(w.redacted));
    assert.doesNotMatch(page, new RegExp(CPR_OPEN));
    assert.match(await publicSearch(db, w.redacted), new RegExp(`/bilag/${openAnnex}`));
    const download = await createApp({ db }).request(`/bilag/${openAnnex}/original`);
    assert.equal(download.status, 200);
    assert.equal(await download.text(), redactedCopyText("c"));
  });
});
