/**
 * Near-duplicate persons (issue 16) on both backends: minutes of KKR Testregion name "Birgit Hansen" at one
 * meeting and "Birgit Stenbak Hansen" at the next (the import warns: linked, not merged). The body's
 * secretariat sees the pair on /sekretariat/personer/dubletter and merges it (CSRF): the kept person's
 * page shows both meetings, the old address redirects (301), the audit log says so, and a re-import of
 * the old spelling lands on the kept person. "Ikke samme person" is remembered; another body's
 * secretariat neither sees the pair nor may merge it (403); a POST without CSRF is refused.
 */
import assert from "node:assert/strict";
import { before, it } from "node:test";
import { listAuditEntries } from "../../../src/store/index.js";
import { createApp } from "../../../src/web/app.js";
import { attendee, importMeeting, PEOPLE_BODY, personId } from "../../support/near-duplicate-people.js";
import { forEachBackend } from "../../support/stores.js";
import type { TestBrowser } from "../accounts/support.js";
import { csrfOf } from "../accounts/support.js";
import { signedInAs } from "./support.js";

const PAGE = "/sekretariat/personer/dubletter";

const flat = async (res: Response) => (await res.text()).replace(/\s+/g, " ");

/** The page's list of suggestions, without the introduction's example names. */
const suggestionsOf = (html: string) => html.slice(html.indexOf('<section aria-labelledby="forslag">'));

forEachBackend("web: near-duplicate persons", (store) => {
  let secretariat: TestBrowser;
  let shortName: number;
  let fullName: number;

  before(async () => {
    const { db } = store();
    await importMeeting(db, "2026-01-16", [
      attendee("Birgit Hansen", "Frederikshavn"),
      attendee("Jens Madsen", "Thisted"),
    ]);
    await importMeeting(db, "2026-03-20", [
      attendee("Birgit Stenbak Hansen", "Frederikshavn"),
      attendee("Jens Ole Madsen", "Thisted"),
    ]);
    shortName = await personId(db, "Birgit Hansen");
    fullName = await personId(db, "Birgit Stenbak Hansen");
    ({ browser: secretariat } = await signedInAs(db, "sekretariat", PEOPLE_BODY));
  });

  it("lists the pairs the import warns about, for the body's secretariat only", async () => {
    const { db } = store();
    assert.equal((await createApp({ db }).request(PAGE)).status, 303);
    const member = await signedInAs(db, "medlem", PEOPLE_BODY);
    assert.equal((await member.browser.get(PAGE)).status, 403);
    const res = await secretariat.get(PAGE);
    assert.equal(res.status, 200);
    assert.match(res.headers.get("cache-control") ?? "", /no-store/);
    const html = await flat(res);
    assert.match(html, /<h1>Mulige dubletter blandt personer<\/h1>/);
    assert.match(html, new RegExp(`href="/person/${shortName}">Birgit Hansen</a>`));
    assert.match(html, new RegExp(`href="/person/${fullName}">Birgit Stenbak Hansen</a>`));
    assert.match(html, /Socialdemokratiet \(A\) · Frederikshavn Kommune · KKR Testregion · 1 møde/);
    assert.match(html, /Jens Ole Madsen/);
    assert.match(html, /Slå sammen/);
    assert.match(html, /Ikke samme person/);

    const other = await signedInAs(db, "sekretariat", "KKR Sjælland");
    const otherHtml = await flat(await other.browser.get(PAGE));
    assert.match(otherHtml, /Ingen forslag lige nu\./);
    assert.doesNotMatch(suggestionsOf(otherHtml), /Birgit/);
  });

  it("refuses a merge without CSRF, and by another body's secretariat (403)", async () => {
    const { db } = store();
    const fields = { person: String(shortName), anden: String(fullName), behold: String(fullName) };
    assert.equal((await secretariat.post(`${PAGE}/slaa-sammen`, fields, null)).status, 403);
    const other = await signedInAs(db, "sekretariat", "KKR Sjælland");
    const page = await (await other.browser.get(PAGE)).text();
    const refused = await other.browser.post(`${PAGE}/slaa-sammen`, fields, csrfOf(page));
    assert.equal(refused.status, 403);
    assert.match(await refused.text(), /Kun sekretariatet for et organ, som begge personer har siddet i/);
    const still = await db
      .selectFrom("person")
      .select("deleted")
      .where("id", "=", shortName)
      .executeTakeFirst();
    assert.equal(still?.deleted, false);
  });

  it("remembers 'Ikke samme person' and does not suggest the pair again", async () => {
    const { db } = store();
    const jens = await personId(db, "Jens Madsen");
    const jensOle = await personId(db, "Jens Ole Madsen");
    const flagged =
      /Jens Madsen<\/a><span class="people-near">Måske samme person som <a[^>]*>Jens Ole Madsen/;
    assert.match(await flat(await createApp({ db }).request("/personer")), flagged);
    const page = await (await secretariat.get(PAGE)).text();
    const res = await secretariat.post(
      `${PAGE}/afvis`,
      { person: String(jens), anden: String(jensOle) },
      csrfOf(page),
    );
    assert.equal(res.status, 303);
    assert.equal(res.headers.get("location"), `${PAGE}?besked=afvist`);
    const after = await flat(await secretariat.get(`${PAGE}?besked=afvist`));
    assert.match(after, /Forslaget er afvist og vises ikke igen\./);
    assert.doesNotMatch(after, /Jens Ole Madsen/);
    assert.match(after, /Birgit Stenbak Hansen/);
    assert.doesNotMatch(
      await flat(await createApp({ db }).request("/personer")),
      /Jens Madsen<\/a><span class="people-near">/,
    );
    const [entry] = await listAuditEntries(db, { targetKind: "person-pair" });
    assert.equal(entry?.action, "person-duplicate-dismiss");
    assert.equal(entry?.targetId, `${Math.min(jens, jensOle)}-${Math.max(jens, jensOle)}`);
  });

  it("merges the pair: the kept person has both meetings, the old address redirects, the audit log says so", async () => {
    const { db } = store();
    const page = await (await secretariat.get(PAGE)).text();
    const fields = { person: String(shortName), anden: String(fullName), behold: String(fullName) };
    const res = await secretariat.post(`${PAGE}/slaa-sammen`, fields, csrfOf(page));
    assert.equal(res.status, 303);
    assert.equal(res.headers.get("location"), `${PAGE}?besked=samlet`);
    const listed = await flat(await secretariat.get(`${PAGE}?besked=samlet`));
    assert.match(listed, /Personerne er slået sammen\./);
    assert.doesNotMatch(suggestionsOf(listed), /Birgit/);

    const app = createApp({ db });
    const kept = await flat(await app.request(`/person/${fullName}`));
    assert.match(kept, /Deltog i 2 af 2 møder \(100 %\)\. Afbud: 0\./);
    assert.match(kept, /16\. januar 2026/);
    assert.match(kept, /20\. marts 2026/);
    assert.match(kept, /Også skrevet: Birgit Hansen/);
    const old = await app.request(`/person/${shortName}`);
    assert.equal(old.status, 301);
    assert.equal(old.headers.get("location"), `/person/${fullName}`);
    const oldJson = await app.request(`/api/persons/${shortName}`);
    assert.equal(oldJson.status, 301);
    assert.equal(oldJson.headers.get("location"), `/api/persons/${fullName}`);
    const people = await flat(await app.request("/personer"));
    assert.doesNotMatch(people, /Birgit Hansen</);
    assert.match(
      people,
      /Birgit Stenbak Hansen<\/a><\/th><td>Frederikshavn Kommune<\/td><td>Medlem<\/td><td>2 af 2 møder/,
    );

    const [entry] = await listAuditEntries(db, { targetKind: "person", targetId: fullName });
    assert.ok(entry);
    assert.equal(entry.action, "person-merge");
    assert.ok(entry.actorUserId !== null);
    const before = entry.before as { readonly removed: { readonly id: number; readonly name: string } };
    assert.deepEqual([before.removed.id, before.removed.name], [shortName, "Birgit Hansen"]);
    const after = entry.after as { readonly alias: string; readonly moved: { readonly attendance: number } };
    assert.equal(after.alias, "Birgit Hansen");
    assert.equal(after.moved.attendance, 1);

    // Merging again names a person already merged: refused, nothing changed.
    const again = await secretariat.post(`${PAGE}/slaa-sammen`, fields, csrfOf(page));
    assert.equal(again.status, 409);
    assert.match(await again.text(), /Birgit Hansen er allerede slået sammen med en anden person\./);
  });

  it("a re-import of the old spelling lands on the kept person, substitutes included", async () => {
    const { db } = store();
    await importMeeting(
      db,
      "2026-05-22",
      [attendee("Bo Dahl", "Thisted", "Birgit Hansen")],
      [attendee("Birgit Hansen", "Frederikshavn")],
    );
    const live = await db
      .selectFrom("person")
      .select("id")
      .where("name", "like", "Birgit%")
      .where("deleted", "=", false)
      .execute();
    assert.deepEqual(
      live.map((p) => p.id),
      [fullName],
    );
    const substitute = await db
      .selectFrom("attendance")
      .innerJoin("person", "person.id", "attendance.person_id")
      .select(["attendance.substitute_for_person_id as substituteFor"])
      .where("person.name", "=", "Bo Dahl")
      .executeTakeFirstOrThrow();
    assert.equal(substitute.substituteFor, fullName);
    const kept = await flat(await createApp({ db }).request(`/person/${fullName}`));
    assert.match(kept, /Deltog i 2 af 3 møder \(67 %\)\. Afbud: 1\./);
    const sub = await flat(await createApp({ db }).request(`/person/${await personId(db, "Bo Dahl")}`));
    assert.match(sub, /Mødte som suppleant 1 gang/);
    assert.match(sub, /suppleant for Birgit Hansen/);
  });
});
