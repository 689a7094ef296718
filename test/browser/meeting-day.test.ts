/**
 * @module The meeting day in Debian's Chromium (issue 14): KKR Nordjylland's meeting with its agenda sent
 * (set up through the authoring commands, as test/authoring/meeting-record-support.ts does), then a
 * sekretariat user signs in and, on /sekretariat/moede/{id}/moededag, records attendance with one
 * absence and a substitute for that member, a decision by a standard phrase, one with a vote, a protocol
 * remark and a member who did not take part, and marks the meeting held. Each step is read back from the
 * page and from meetingRecordOf (what the minutes print). axe-core clean, no sideways scrolling at 320 px;
 * screenshots meeting-day-desktop.png and meeting-day-phone.png in test-output/screenshots/.
 */
import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import type { Page } from "playwright-core";
import { decisionRecorder } from "../../src/authoring/decision-recorder.js";
import { meetingRecordOf, openStore, type Store } from "../../src/store/index.js";
import { createApp } from "../../src/web/app.js";
import { type SentMeeting, sentMeeting } from "../authoring/meeting-record-support.js";
import { assertAccessible, chromiumSkip, screenshots } from "./page-checks.js";
import { addSecretariatUser, openPortalSession, type PortalSession, signIn } from "./secretariat-session.js";

const EMAIL = "sofie.sekretariat@kl.dk";

describe("the meeting day in Chromium", { skip: chromiumSkip() }, () => {
  let store: Store;
  let session: PortalSession | undefined;
  let base: string;
  let page: Page;
  let totpSecret: string;
  let meeting: SentMeeting;
  const person = (name: string) => meeting.people[name] as number;
  const item = (number: string) => meeting.items[number] as number;

  before(async () => {
    store = await openStore({ dataDir: "memory://" });
    meeting = await sentMeeting(store.db, "2025-02-07");
    totpSecret = await addSecretariatUser(store.db, {
      email: EMAIL,
      name: "Sofie Sekretariat",
      body: "KKR Nordjylland",
    });
    session = await openPortalSession(createApp({ db: store.db }));
    ({ base, page } = session);
  });

  after(async () => {
    await session?.close();
    await store?.close();
  });

  it("signs in and opens the meeting day from the agenda builder", async () => {
    await page.goto(`${base}/sekretariat/moede/${meeting.meetingId}/dagsorden`);
    await signIn(page, EMAIL, totpSecret);
    await page.waitForURL(/\/dagsorden$/);
    await page.getByRole("link", { name: "Mødedag: fremmøde og beslutninger" }).click();
    await page.waitForURL(/\/moededag$/);
    const main = await page.locator("main").innerText();
    assert.match(main, /Mødedag/);
    assert.match(main, /Dagsorden udsendt/);
    assert.match(main, /2\.3 Personalesag om løntrin \(lukket punkt\)/);
  });

  it("records attendance: Frida Fog afbud, Søren Suppleant for her, an official", async () => {
    const fog = person("Frida Fog");
    await page.locator(`#status-${fog}-afbud`).check();
    await page.locator(`#suppleant-navn-${fog}`).fill("Søren Suppleant");
    await page.getByLabel("Embedsfolk").fill("Lone Lund, KKR-sekretariatet");
    await page.getByRole("button", { name: "Gem fremmøde" }).click();
    await page.waitForURL(/besked=fremmoede/);
    assert.match(await page.locator("main").innerText(), /Fremmødet er gemt\./);
    assert.equal(await page.locator(`#status-${fog}-afbud`).isChecked(), true);
    assert.equal(
      (await page.locator(`#suppleant-${fog} option:checked`).innerText()).trim(),
      "Søren Suppleant",
    );
    // A substitute for a member who is present: refused, the form kept.
    const gade = person("Mogens Gade");
    await page.locator(`#suppleant-navn-${gade}`).fill("Ukendt Person");
    await page.getByRole("button", { name: "Gem fremmøde" }).click();
    assert.match(
      await page.locator("#error-summary").innerText(),
      /En suppleant kan kun træde i stedet for et medlem, der har meldt afbud\./,
    );
    assert.equal(await page.locator(`#suppleant-navn-${gade}`).inputValue(), "Ukendt Person");
    await page.goto(`${base}/sekretariat/moede/${meeting.meetingId}/moededag`);
  });

  it("records a decision by a standard phrase and one with a vote", async () => {
    const klima = item("2.1");
    await page.locator(`#p${klima}-standardtekst`).selectOption("noted");
    await page.getByRole("button", { name: "Gem beslutning punkt 2.1" }).click();
    await page.waitForURL(/besked=beslutning/);
    assert.equal(
      await page.locator(`#p${klima}-beslutning`).inputValue(),
      "KKR Nordjylland tog orienteringen til efterretning.",
    );

    const budget = item("2.2");
    await page.locator(`#p${budget}-beslutning`).fill("Indstillingen blev tiltrådt.");
    await page.locator(`#p${budget}-droeftelse`).fill("Drøftelse af takstniveauet.");
    await page.locator(`#punkt-${budget} .meeting-day__vote summary`).click();
    for (const name of ["Mads Duedahl", "Mogens Gade", "Carl Conradsen", "Søren Suppleant"]) {
      const id = name === "Søren Suppleant" ? await substituteId() : person(name);
      await page.locator(`#p${budget}-stemme-${id}-for`).check();
    }
    await page.locator(`#p${budget}-stemme-${person("Anne Ørum")}-imod`).check();
    await page.locator(`#p${budget}-kommuner`).check();
    await page.getByRole("button", { name: "Gem beslutning punkt 2.2" }).click();
    await page.waitForURL(/besked=beslutning/);
    assert.match(await page.locator("main").innerText(), /Afstemning \(registreret\)/);
    assert.equal(await page.locator(`#p${budget}-stemme-${person("Anne Ørum")}-imod`).isChecked(), true);
  });

  it("shows the other's decision when someone saved in between (409), and saves on top of it", async () => {
    const klima = item("2.1");
    // Someone else saves item 2.1 after this page was loaded.
    await decisionRecorder({
      db: store.db,
      viewer: meeting.world.secretariat,
      actor: { userId: null, tokenId: null },
      itemId: klima,
      revision: 1,
      decision: "Drøftet. KKR Nordjylland vender tilbage til sagen.",
    });
    await page.locator(`#p${klima}-beslutning`).fill("Godkendt.");
    await page.getByRole("button", { name: "Gem beslutning punkt 2.1" }).click();
    await page.waitForLoadState();
    assert.match(await page.locator("#error-summary").innerText(), /ændret af en anden/);
    assert.match(
      await page.locator(`#punkt-${klima}`).innerText(),
      /Den gemte udgave \(revision 2\)[\s\S]*Drøftet\. KKR Nordjylland vender tilbage til sagen\./,
    );
    assert.equal(await page.locator(`#p${klima}-beslutning`).inputValue(), "Godkendt.");
    await page.locator(`#p${klima}-beslutning`).fill("KKR Nordjylland tog orienteringen til efterretning.");
    await page.getByRole("button", { name: "Gem beslutning punkt 2.1" }).click();
    await page.waitForURL(/besked=beslutning/);
    assert.equal(
      await page.locator(`#p${klima}-beslutning`).inputValue(),
      "KKR Nordjylland tog orienteringen til efterretning.",
    );
  });

  it("records a protocol remark and a member who did not take part", async () => {
    const budget = item("2.2");
    await page.locator(`#punkt-${budget} .meeting-day__add summary`).nth(0).click();
    await page.locator(`#p${budget}-bemaerkning-person`).selectOption(String(person("Anne Ørum")));
    await page.locator(`#p${budget}-bemaerkning-tekst`).fill("Ø kan ikke støtte takststigningen.");
    await page.getByRole("button", { name: "Tilføj protokolbemærkning punkt 2.2" }).click();
    await page.waitForURL(/besked=bemaerkning/);
    await page.locator(`#punkt-${budget} .meeting-day__add summary`).nth(1).click();
    await page.locator(`#p${budget}-deltog-ikke-person`).selectOption(String(person("Carl Conradsen")));
    await page.locator(`#p${budget}-deltog-ikke-grund`).fill("inhabil");
    await page.getByRole("button", { name: "Noter: deltog ikke punkt 2.2" }).click();
    await page.waitForURL(/besked=deltog-ikke/);
    const section = await page.locator(`#punkt-${budget}`).innerText();
    assert.match(section, /Protokolbemærkning fra Anne Ørum: Ø kan ikke støtte takststigningen\./);
    assert.match(section, /Carl Conradsen deltog ikke i behandlingen af punkt 2\.2 \(inhabil\)\./);
    await page.locator(`#punkt-${budget} .meeting-day__add summary`).nth(0).click();
    await assertAccessible(page, "the meeting-day screen");
    await screenshots(page, "meeting-day");
  });

  it("marks the meeting held; the record holds everything recorded", async () => {
    await page.getByRole("button", { name: "Marker mødet som afholdt" }).click();
    await page.waitForURL(/besked=afholdt/);
    const main = await page.locator("main").innerText();
    assert.match(main, /Mødet er markeret som afholdt\./);
    assert.match(main, /Status\s+Afholdt/);

    const record = await meetingRecordOf(store.db, meeting.meetingId);
    assert.ok(record);
    assert.equal(record.meeting.state, "held");
    assert.deepEqual(
      record.attendance.absent.map((a) => a.person.name),
      ["Frida Fog"],
    );
    assert.deepEqual(
      record.attendance.substitutes.map((s) => `${s.person.name} (Suppl. for ${s.substituteFor.name})`),
      ["Søren Suppleant (Suppl. for Frida Fog)"],
    );
    assert.deepEqual(
      record.attendance.officials.map((o) => [o.person.name, o.note]),
      [["Lone Lund", "KKR-sekretariatet"]],
    );
    const klima = record.items.find((i) => i.number === "2.1");
    assert.equal(klima?.decision?.text, "KKR Nordjylland tog orienteringen til efterretning.");
    const budget = record.items.find((i) => i.number === "2.2");
    assert.equal(budget?.decision?.text, "Indstillingen blev tiltrådt.");
    assert.equal(budget?.decision?.concernsMunicipalities, true);
    const names = (list: readonly { kind: string; name?: string }[] | undefined) =>
      (list ?? []).map((v) => v.name).sort();
    assert.deepEqual(names(budget?.decision?.vote?.for), [
      "Carl Conradsen",
      "Mads Duedahl",
      "Mogens Gade",
      "Søren Suppleant",
    ]);
    assert.deepEqual(names(budget?.decision?.vote?.against), ["Anne Ørum"]);
    assert.deepEqual(
      budget?.protocolRemarks.map((r) => r.person.name),
      ["Anne Ørum"],
    );
    assert.deepEqual(
      budget?.recusals.map((r) => [r.person.name, r.reason]),
      [["Carl Conradsen", "inhabil"]],
    );
  });

  async function substituteId(): Promise<number> {
    const row = await store.db
      .selectFrom("person")
      .select("id")
      .where("name", "=", "Søren Suppleant")
      .executeTakeFirstOrThrow();
    return row.id;
  }
});
