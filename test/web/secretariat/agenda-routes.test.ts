/**
 * The agenda builder (issue 13) through its forms, on both backends: a planned meeting's agenda started
 * from the KKR template, items added (one closed) with a standard Indstilling phrase, moved up and to
 * another section, a stale save answered 409 with both versions, a PDF annex uploaded and a non-PDF
 * refused, the PDFs rendered by the worker and downloaded, the agenda sent; then the public edition's PDF
 * is public and the internal one is not.
 */
import assert from "node:assert/strict";
import { it } from "node:test";
import { agendaDraft } from "../../../src/store/index.js";
import { createApp } from "../../../src/web/app.js";
import { danishDay } from "../../../src/web/secretariat/next-steps.js";
import { makeMeetingPdf } from "../../support/make-files.js";
import { forEachBackend } from "../../support/stores.js";
import { csrfOf } from "../accounts/support.js";
import { BODY, runJobs } from "./agenda-support.js";
import { signedInAs } from "./support.js";

forEachBackend("web: the agenda builder", (store) => {
  it("builds, reorders, renders and sends an agenda through its forms", async () => {
    const { db } = store();
    const { browser, bodyId: organId } = await signedInAs(db, "sekretariat", BODY);
    const csrf = csrfOf(await (await browser.get("/sekretariat")).text());
    const organ = String(organId);
    const date = danishDay(new Date(Date.now() + 9 * 86_400_000));
    assert.equal(
      (await browser.post("/sekretariat/moeder", { organ, dato: date, start: "10:00", slut: "12:00" }, csrf))
        .status,
      303,
    );
    const meetingId = (
      await db.selectFrom("meeting").select("id").where("date", "=", date).executeTakeFirstOrThrow()
    ).id;
    const builder = `/sekretariat/moede/${meetingId}/dagsorden`;

    const start = await (await browser.get(builder)).text();
    assert.match(start, /Opret dagsorden fra skabelonen/);
    assert.equal((await browser.post(builder, {}, csrf)).status, 303);
    const drafted = await (await browser.get(`${builder}?besked=oprettet`)).text();
    assert.match(drafted, /Dagsordenen er oprettet fra skabelonen/);
    assert.match(drafted, /1\. Godkendelse af referat/);
    assert.match(drafted, /1\.1<\/span> Godkendelse af dagsorden/);
    assert.match(drafted, /Punkter til næste møde/);

    const draft = await agendaDraft(db, meetingId);
    const regional = draft?.sections.find((s) => s.title === "Regionalpolitiske sager");
    const other = draft?.sections.find((s) => s.title === "Siden sidst");
    assert.ok(regional && other);
    const add = (fields: Record<string, string>) =>
      browser.post(
        `/sekretariat/moede/${meetingId}/punkter`,
        { afsnit: String(regional.id), ...fields },
        csrf,
      );
    assert.equal(
      (
        await add({
          titel: "Status fra KlimaNord",
          sagsnummer: "SAG-2024-03326",
          initialer: "hlth",
          baggrund: "Baggrund.",
          frase: "0",
        })
      ).status,
      303,
    );
    assert.equal(
      (await add({ titel: "Personalesag", lukket: "ja", indstilling: "Lukket indstilling." })).status,
      303,
    );
    const bad = await add({ titel: "Forkert", sagsnummer: "12" });
    assert.equal(bad.status, 422);
    assert.match(await bad.text(), /href="#sagsnummer">&quot;12&quot; er ikke et sagsnummer/);

    let items = (await agendaDraft(db, meetingId))?.sections.find((s) => s.id === regional.id)?.items ?? [];
    assert.deepEqual(
      items.map((i) => `${i.number} ${i.title}`),
      ["2.1 Status fra KlimaNord", "2.2 Personalesag"],
    );
    assert.equal(
      items[0]?.fields.indstilling,
      "Det indstilles, at KKR Nordjylland tager orienteringen til efterretning.",
    );
    assert.equal(items[1]?.public, false);
    const [first, second] = items;
    assert.ok(first && second);

    assert.equal(
      (
        await browser.post(
          `/sekretariat/punkt/${second.id}/flyt`,
          { afsnit: String(regional.id), plads: "0" },
          csrf,
        )
      ).status,
      303,
    );
    items = (await agendaDraft(db, meetingId))?.sections.find((s) => s.id === regional.id)?.items ?? [];
    assert.deepEqual(
      items.map((i) => `${i.number} ${i.title}`),
      ["2.1 Personalesag", "2.2 Status fra KlimaNord"],
    );

    // Two editors on one revision: the second save is refused with both versions on the page.
    const form = { titel: "Status fra KlimaNord og Vækst", revision: String(first.revision) };
    assert.equal((await browser.post(`/sekretariat/punkt/${first.id}`, form, csrf)).status, 303);
    const stale = await browser.post(
      `/sekretariat/punkt/${first.id}`,
      { ...form, titel: "Min titel", baggrund: "Min baggrund." },
      csrf,
    );
    assert.equal(stale.status, 409);
    const staleHtml = await stale.text();
    assert.match(staleHtml, /Din udgave/);
    assert.match(staleHtml, /value="Min titel"/);
    assert.match(staleHtml, /Den gemte udgave \(revision 2\)/);
    assert.match(staleHtml, /Status fra KlimaNord og Vækst/);
    assert.match(staleHtml, /name="revision" value="2"/);

    const upload = new FormData();
    upload.set("_csrf", csrf);
    upload.set("bilagstitel", "Notat om KlimaNord");
    upload.set("fil", new File([await makeMeetingPdf()], "notat.pdf", { type: "application/pdf" }));
    assert.equal(
      (await browser.request(`/sekretariat/punkt/${first.id}/bilag`, { method: "POST", body: upload }))
        .status,
      303,
    );
    const refused = new FormData();
    refused.set("_csrf", csrf);
    refused.set("fil", new File(["MZ not a pdf"], "program.exe"));
    const refusedRes = await browser.request(`/sekretariat/punkt/${first.id}/bilag`, {
      method: "POST",
      body: refused,
    });
    assert.equal(refusedRes.status, 422);
    assert.match(await refusedRes.text(), /kan ikke bruges som bilag/);
    const annexId = (await agendaDraft(db, meetingId))?.sections
      .flatMap((s) => s.items)
      .find((i) => i.id === first.id)?.annexes[0]?.id;
    assert.ok(annexId);
    assert.equal(
      (await browser.post(`/sekretariat/bilag/${annexId}`, { titel: "Notat om KlimaNord, rettet" }, csrf))
        .status,
      303,
    );
    const untitled = await browser.post(`/sekretariat/bilag/${annexId}`, { titel: " " }, csrf);
    assert.equal(untitled.status, 422);
    assert.match(await untitled.text(), /Bilaget mangler en titel/);

    assert.equal(
      (await browser.post(`/sekretariat/punkt/${first.id}/flyt`, { afsnit: String(other.id) }, csrf)).status,
      303,
    );
    const moved = await (await browser.get(builder)).text();
    assert.match(moved, /3\.1<\/span> Status fra KlimaNord og Vækst/);
    assert.match(moved, /Bilag 1: Notat om KlimaNord, rettet/);

    assert.equal((await browser.post(`/sekretariat/moede/${meetingId}/dan`, {}, csrf)).status, 303);
    const status = async () =>
      (await (await browser.get(`/sekretariat/moede/${meetingId}/dan/status`)).json()) as { busy: boolean };
    await runJobs(db, async () => !(await status()).busy);
    const pdf = await browser.get(`/sekretariat/moede/${meetingId}/dagsorden.pdf`);
    assert.equal(pdf.status, 200);
    assert.equal(pdf.headers.get("content-type"), "application/pdf");
    const pack = await browser.get(`/sekretariat/moede/${meetingId}/bilagspakke.pdf`);
    assert.equal(pack.status, 200);
    assert.match(await (await browser.get(builder)).text(), /Hent bilagspakke \(PDF, \d+ sider/);

    const closed = (await agendaDraft(db, meetingId))?.sections
      .flatMap((s) => s.items)
      .find((i) => i.id === second.id);
    assert.ok(closed);
    const edit = {
      titel: closed.title,
      lukket: "ja",
      revision: String(closed.revision),
      baggrund: "Ny baggrund.",
    };
    assert.equal((await browser.post(`/sekretariat/punkt/${second.id}`, edit, csrf)).status, 303);
    assert.match(await (await browser.get(builder)).text(), /Dagsordenen er ændret siden; dan igen/);
    assert.equal((await createApp({ db }).request(`/moede/${meetingId}/dagsorden.pdf`)).status, 404);
    const sent = await browser.post(`/sekretariat/moede/${meetingId}/udsend`, {}, csrf);
    assert.equal(sent.status, 303);
    assert.equal(sent.headers.get("location"), `${builder}?besked=udsendt`);
    await runJobs(
      db,
      async () => (await createApp({ db }).request(`/moede/${meetingId}/bilagspakke.pdf`)).status === 200,
    );
    assert.equal((await createApp({ db }).request(`/moede/${meetingId}/dagsorden.pdf`)).status, 200);
    assert.equal(
      (await createApp({ db }).request(`/sekretariat/moede/${meetingId}/dagsorden.pdf`)).status,
      303,
    );

    const after = await (await browser.get(builder)).text();
    assert.match(after, /Udsend tillæg til dagsorden/);
    const noNote = await browser.post(`/sekretariat/moede/${meetingId}/udsend`, {}, csrf);
    assert.equal(noNote.status, 422);
    assert.match(await noNote.text(), /Skriv en ændringsnote/);
  });
});
