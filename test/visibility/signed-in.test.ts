/**
 * The visibility policy for people who sign in (issue 12, points 1 and 2), on both backends. A member of
 * another body, signed in on the portal and holding an API token, sees on every surface exactly what the
 * public sees: the same cases as closed-items.test.ts, run as that member. A member of the body itself
 * reads the closed item and its annex in full, marked "Lukket punkt", on the pages, in the JSON API (by
 * token) and in the export; and no answer that shows more than the public is kept by a shared cache.
 */
import assert from "node:assert/strict";
import { before, it } from "node:test";
import type { Hono } from "hono";
import { apiTokenCreator, CLI_ACTOR, userCreator } from "../../src/accounts/index.js";
import { createApp } from "../../src/web/app.js";
import { bodyId } from "../accounts/support.js";
import { forEachBackend } from "../support/stores.js";
import { PASSWORD, TestBrowser, uniqueEmail } from "../web/accounts/support.js";
import { SCENARIOS, secretsOf, wordsOf } from "./closed-items.case.js";
import { type Fetched, importScenario, type Made, SURFACES } from "./surfaces.js";

/** A user signed in on the portal, and an API token of theirs. */
interface SignedIn {
  readonly browser: TestBrowser;
  readonly token: string;
}

/** A user with `role` in `body` signed in on the portal (with a TOTP code where the role needs one), and an API token of theirs. */
async function signIn(
  app: Hono,
  db: Parameters<typeof createApp>[0]["db"],
  body: string,
  role: "medlem" | "sekretariat" = "medlem",
): Promise<SignedIn> {
  const email = uniqueEmail(role);
  const name = role === "medlem" ? "Mette Medlem" : "Sara Sekretær";
  const created = await userCreator({ db, email, name, role, body, password: PASSWORD, actor: CLI_ACTOR });
  const browser = new TestBrowser(app);
  const login = await browser.logIn({ id: created.user.id, email, name, totpSecret: created.totpSecret });
  assert.equal(login.status, 303, `the ${role} signs in`);
  const { token } = await apiTokenCreator({ db, email, actor: CLI_ACTOR });
  return { browser, token };
}

/** Pages with the session cookie; /api with the token alone, as a script would call it. */
function fetcherOf(who: SignedIn, app: Hono) {
  return async (path: string): Promise<Fetched & { readonly cacheControl: string | null }> => {
    const res = path.startsWith("/api/")
      ? await app.request(path, { headers: { authorization: `Bearer ${who.token}` } })
      : await who.browser.get(path);
    return { status: res.status, text: await res.text(), cacheControl: res.headers.get("cache-control") };
  };
}

interface ItemJson {
  readonly public: boolean;
  readonly title: string;
  readonly withheld?: string | null;
  readonly fields?: Record<string, string | null>;
}

forEachBackend("visibility for signed-in viewers", (store) => {
  const scenario = SCENARIOS.find((s) => s.key === "a")!;
  let app: Hono;
  let made: Made;
  let member: SignedIn;
  let stranger: SignedIn;

  before(async () => {
    const { db } = store();
    made = await importScenario(store(), scenario);
    app = createApp({ db });
    member = await signIn(app, db, wordsOf(scenario).body);
    // A body of its own, with no closed items: whatever of scenario A it is shown would be a leak.
    await bodyId(db, "KKR Andet Organ");
    stranger = await signIn(app, db, "KKR Andet Organ");
  });

  for (const surface of SURFACES) {
    it(`another body's member sees what the public sees: ${surface.name}`, async () => {
      const get = fetcherOf(stranger, app);
      const responses = await surface.fetch(get, scenario, made);
      for (const [what, res] of Object.entries(responses)) {
        assert.ok(res.status < 500, `${what} answered ${res.status}`);
        for (const secret of secretsOf(scenario)) {
          const at = res.text.indexOf(secret);
          assert.ok(
            at < 0,
            `${surface.name}, ${what}: shows "${secret}": ${res.text.slice(at - 600, at + 100)}`,
          );
        }
      }
      surface.check?.(responses, scenario, made);
    });
  }

  it("shows the body's member the closed item in full on its pages, marked Lukket punkt", async () => {
    const get = fetcherOf(member, app);
    const w = wordsOf(scenario);
    const meeting = await get(`/moede/${made.meetingId}`);
    const line = /<li id="punkt-1\.2"[^>]*>[\s\S]*?<\/li>/.exec(meeting.text)?.[0] ?? "";
    assert.ok(line.includes(w.closedItem), `the agenda names the closed item: ${line}`);
    assert.match(line, /class="withheld-mark">Lukket punkt/);
    assert.ok(meeting.text.includes(`/bilag/${made.closedAnnexId}`), "the meeting lists the closed annex");
    const item = await get(`/punkt/${made.closedItemId}`);
    assert.equal(item.status, 200);
    assert.match(item.text, /<h1>[\s\S]*class="withheld-mark">Lukket punkt[\s\S]*<\/h1>/);
    assert.ok(item.text.includes(w.closedItem), "the item page shows the closed item's text");
    const annex = await get(`/bilag/${made.closedAnnexId}`);
    assert.equal(annex.status, 200);
    assert.ok(annex.text.includes(w.closedAnnex), "the closed item's annex is readable");
    const csv = await get(`/organ/${made.bodyId}/eksport.csv`);
    assert.ok(csv.text.includes(w.closedItem), "the member's export holds the closed item");
    for (const res of [meeting, item, annex, csv]) {
      assert.equal(
        res.cacheControl,
        "private, no-store",
        "an answer with more than the public's is not shared",
      );
    }
  });

  it("gives the body's member's token the closed item's fields in the JSON API; others get Lukket punkt", async () => {
    const path = `/api/items/${made.closedItemId}`;
    const asMember = JSON.parse((await fetcherOf(member, app)(path)).text) as ItemJson;
    assert.equal(asMember.public, false, "the item is still not public");
    assert.equal(asMember.withheld, "closed-item");
    assert.ok(asMember.title.includes(wordsOf(scenario).closedItem));
    assert.ok(JSON.stringify(asMember.fields).includes(wordsOf(scenario).closedItem));
    const asStranger = JSON.parse((await fetcherOf(stranger, app)(path)).text) as ItemJson;
    const anonymous = JSON.parse(await (await app.request(path)).text()) as ItemJson;
    for (const seen of [asStranger, anonymous]) {
      assert.equal(seen.title, "Lukket punkt");
      assert.equal(seen.fields, undefined, "no fields");
    }
    const meeting = JSON.parse((await fetcherOf(member, app)(`/api/meetings/${made.meetingId}`)).text) as {
      items: (ItemJson & { id: number })[];
      files: { id: number }[];
    };
    const listed = meeting.items.find((i) => i.id === made.closedItemId);
    assert.equal(listed?.withheld, "closed-item");
    assert.ok(
      meeting.files.some((f) => f.id === made.closedAnnexId),
      "the closed annex is among the files",
    );
  });

  it("shows a person's private notes to the secretariat of a body they sat in, and to no one else", async () => {
    const { db } = store();
    const { person_id: personId } = await db
      .selectFrom("attendance")
      .select("person_id")
      .where("meeting_id", "=", made.meetingId)
      .executeTakeFirstOrThrow();
    const note = "Privat: mette.jensen@example.dk, 20 30 40 50";
    await db.updateTable("person").set({ private_note: note }).where("id", "=", personId).execute();
    const secretary = await signIn(app, db, wordsOf(scenario).body, "sekretariat");
    const otherSecretary = await signIn(app, db, "KKR Andet Organ", "sekretariat");
    const page = async (who: SignedIn | null) =>
      who
        ? (await fetcherOf(who, app)(`/person/${personId}`)).text
        : await (await app.request(`/person/${personId}`)).text();
    const shown = await page(secretary);
    assert.ok(shown.includes(note), "the body's secretariat reads the note");
    assert.match(shown, /Kontaktoplysninger <span class="withheld-mark">Kun for sekretariatet/);
    for (const [who, text] of [
      ["a member of the body", await page(member)],
      ["another body's secretariat", await page(otherSecretary)],
      ["the public", await page(null)],
    ]) {
      assert.ok(!text!.includes("mette.jensen"), `${who} does not see the private note`);
    }
  });
});
