/**
 * "Hent hele mødet" (issue 16) as a visitor without JavaScript meets it: the link on the meeting page,
 * a job on the real queue with its progress line, then one PDF of the public record and every public
 * annex with a bookmark per document, read back with pdf-lib and with Rådsinfo's own parser. The demo
 * meeting has a closed item (2.3); a second pack adds an open item's annex and the closed item's, whose
 * text must never reach the PDF, nor the closed item's own text in the minutes.
 */
import assert from "node:assert/strict";
import { createHash } from "node:crypto";
import { readFile } from "node:fs/promises";
import { dirname, resolve } from "node:path";
import { before, it } from "node:test";
import { fileURLToPath } from "node:url";
import {
  PDFArray,
  PDFDict,
  PDFDocument,
  type PDFHexString,
  PDFName,
  type PDFRef,
  type PDFString,
} from "pdf-lib";
import { DEMO_BODY, demoFiles } from "../../../src/demo/demo-meeting.js";
import type { ParsedDocument } from "../../../src/domain/index.js";
import { loadIngestOptions, parseSource } from "../../../src/ingest/index.js";
import type { MeetingWholeResult } from "../../../src/jobs/index.js";
import { importDocument, jobStatus, meetingWholePdfInfo } from "../../../src/store/index.js";
import { createApp } from "../../../src/web/app.js";
import { meetingWholeFileName } from "../../../src/web/pages/meeting-whole-page.js";
import { makeAnnexPdf } from "../../authoring/render/sample-annexes.js";
import { forEachBackend } from "../../support/stores.js";
import { runJobs } from "../secretariat/agenda-support.js";

const SECRET_ANNEX_LINE = "Kandidaten Hemmelig Hansen foreslås udpeget";
const CPR_LINE = "Eleven Anna Elevsen, cpr.nr. 120390-1234, søger plads i Hedelund.";

/**
 * A second annex pack for the demo meeting: an annex of open item 2.2, one of closed item 2.3, and a
 * second of 2.2 with a CPR number on its page.
 */
function secondPack(): { parsed: ParsedDocument; content: Uint8Array } {
  const pages = [
    "2.2 Fordeling af praktikpladser på social- og sundhedsuddannelserne\nBilag 1: Fordelingsnøgle for lærepladser\n\nEksempelby Kommune får 112 pladser og Fjordkøbing Kommune 64 pladser.",
    `2.3 Udpegning til bestyrelse\nBilag 1: Indstilling af kandidat\n\n${SECRET_ANNEX_LINE}.`,
    `2.2 Fordeling af praktikpladser på social- og sundhedsuddannelserne\nBilag 2: Ansøgning fra elev\n\n${CPR_LINE}`,
  ];
  const text = pages.join("\n");
  const firstLines = (pages[0] as string).split("\n").length;
  const secondEnd = firstLines + (pages[1] as string).split("\n").length;
  const total = text.split("\n").length;
  const annex = (itemNumber: string, title: string, page: number, lineStart: number, lineEnd: number) => ({
    itemNumber,
    annexNumber: 1,
    title,
    source: { pageStart: page, pageEnd: page, lineStart, lineEnd },
  });
  return {
    content: new TextEncoder().encode(text),
    parsed: {
      source: {
        file: "demo-bilag-2-2026-09-18.txt",
        sha256: createHash("sha256").update(text).digest("hex"),
        format: "text",
        pages: 2,
      },
      kind: "annex-pack",
      body: DEMO_BODY,
      meeting: {
        date: "2026-09-18",
        startTime: null,
        endTime: null,
        location: null,
        previousMeetingDate: null,
        nextMeetingDate: null,
      },
      attendance: { present: [], absent: [] },
      sections: [],
      items: [],
      toc: [],
      documents: [
        annex("2.2", "Fordelingsnøgle for lærepladser", 1, 1, firstLines),
        annex("2.3", "Indstilling af kandidat", 2, firstLines + 1, secondEnd),
        { ...annex("2.2", "Ansøgning fra elev", 3, secondEnd + 1, total), annexNumber: 2 },
      ],
      amounts: [],
      // The privacy gate: the parser warns of the CPR number on the last line, and its page is withheld.
      warnings: [{ code: "cpr-number", message: "CPR-nummer", source: { lineStart: total, lineEnd: total } }],
      text,
      pageTexts: [
        { page: 1, lineStart: 1, lineEnd: firstLines, text: pages[0] as string },
        { page: 2, lineStart: firstLines + 1, lineEnd: secondEnd, text: pages[1] as string },
        { page: 3, lineStart: secondEnd + 1, lineEnd: total, text: pages[2] as string },
      ],
    },
  };
}

/** The bookmarks' titles and the pages they open, top level, in order. */
function outlineOf(doc: PDFDocument): { title: string; pageIndex: number }[] {
  const outlines = doc.catalog.lookupMaybe(PDFName.of("Outlines"), PDFDict);
  assert.ok(outlines, "the PDF has bookmarks");
  const pageRefs = doc.getPages().map((p) => p.ref.toString());
  const out: { title: string; pageIndex: number }[] = [];
  let entry = outlines.lookupMaybe(PDFName.of("First"), PDFDict);
  while (entry) {
    const title = entry.lookup(PDFName.of("Title")) as PDFHexString | PDFString;
    const dest = entry.lookup(PDFName.of("Dest"), PDFArray);
    out.push({ title: title.decodeText(), pageIndex: pageRefs.indexOf((dest.get(0) as PDFRef).toString()) });
    entry = entry.lookupMaybe(PDFName.of("Next"), PDFDict);
  }
  return out;
}

forEachBackend("the whole meeting as one PDF", (store) => {
  const app = () => createApp({ db: store().db });
  let meetingId = 0;

  before(async () => {
    for (const file of [...demoFiles(), secondPack()]) {
      await importDocument(store().db, file.parsed, {
        content: file.content,
        mime: "text/plain; charset=utf-8",
      });
    }
    const meeting = await store()
      .db.selectFrom("meeting")
      .select("id")
      .where("date", "=", "2026-09-18")
      .executeTakeFirstOrThrow();
    meetingId = meeting.id;
  });

  it("offers the whole meeting on the meeting page", async () => {
    const text = await (await app().request(`/moede/${meetingId}`)).text();
    assert.match(
      text,
      new RegExp(
        `<a href="/moede/${meetingId}/hele-moedet.pdf" rel="nofollow">Hent hele mødet \\(PDF\\)</a>`,
      ),
    );
  });

  it("queues a job, shows its progress, and serves one PDF of the public record with a bookmark per document", async () => {
    const db = store().db;
    const first = await app().request(`/moede/${meetingId}/hele-moedet.pdf`);
    assert.equal(first.status, 303);
    assert.equal(first.headers.get("location"), `/moede/${meetingId}/hele-moedet`);

    const waiting = await app().request(`/moede/${meetingId}/hele-moedet`);
    assert.equal(waiting.status, 200);
    assert.equal(waiting.headers.get("cache-control"), "no-store");
    const waitingText = await waiting.text();
    // Minutes and two public annexes: neither the closed item's annex nor the one with a CPR number.
    assert.match(waitingText, /Samler mødet: 0 af 3 dokumenter/);
    // No timed reload (WCAG 2.2.1): a link to look again, and a script that follows the job.
    assert.doesNotMatch(waitingText, /http-equiv="refresh"/);
    assert.match(waitingText, new RegExp(`<a href="/moede/${meetingId}/hele-moedet">Se om den er klar</a>`));
    assert.match(waitingText, /<script src="\/static\/meeting-whole.js" defer/);

    const job = await db
      .selectFrom("job")
      .select("id")
      .where("kind", "=", "render-meeting-whole")
      .executeTakeFirstOrThrow();
    await runJobs(db, async () => {
      const state = (await jobStatus(db, job.id))?.state;
      return state === "done" || state === "failed";
    });
    const done = await jobStatus(db, job.id);
    assert.equal(done?.state, "done", done?.error ?? "");
    assert.deepEqual(done?.progress, { done: 3, total: 3, step: "Samler mødet: 3 af 3 dokumenter" });
    const result = done?.result as MeetingWholeResult;

    const readyPage = await (await app().request(`/moede/${meetingId}/hele-moedet`)).text();
    assert.match(
      readyPage,
      new RegExp(`<meta http-equiv="refresh" content="0; url=/moede/${meetingId}/hele-moedet.pdf"`),
    );
    assert.match(readyPage, /Filen er klar/);

    const res = await app().request(`/moede/${meetingId}/hele-moedet.pdf`);
    assert.equal(res.status, 200);
    assert.equal(res.headers.get("content-type"), "application/pdf");
    assert.equal(
      res.headers.get("content-disposition"),
      'attachment; filename="KKR-Eksempelregion-2026-09-18-hele-moedet.pdf"',
    );
    const bytes = new Uint8Array(await res.arrayBuffer());
    const doc = await PDFDocument.load(bytes);

    const titles = [
      "Referat",
      "2.1 Bilag 1: Oplæg fra udviklingsgruppen for klima",
      "2.2 Bilag 1: Fordelingsnøgle for lærepladser",
    ];
    assert.deepEqual(
      result.parts.map((p) => p.title),
      titles,
    );
    assert.ok(result.parts.every((p) => p.pages >= 1));
    // Page count = sum of the parts; each bookmark opens its part's first page.
    assert.equal(
      doc.getPageCount(),
      result.parts.reduce((sum, p) => sum + p.pages, 0),
    );
    let start = 0;
    const expectedOutline = result.parts.map((p) => {
      const entry = { title: p.title, pageIndex: start };
      start += p.pages;
      return entry;
    });
    assert.deepEqual(outlineOf(doc), expectedOutline);

    // Read back by Rådsinfo's own parser: the open text is there, nothing of the closed item is.
    const parsed = await parseSource(
      { file: "hele-moedet.pdf", bytes, sha256: createHash("sha256").update(bytes).digest("hex") },
      await loadIngestOptions(),
    );
    const text = parsed.text.replace(/\s+/g, " ");
    assert.match(text, /Fordelingen følger kommunernes andel/);
    assert.match(text, /Biokul fremstilles ved pyrolyse/);
    assert.match(text, /Eksempelby Kommune får 112 pladser og Fjordkøbing Kommune 64 pladser/);
    assert.match(text, /2\.3 Lukket punkt/);
    assert.doesNotMatch(text, /Hemmelig Hansen/);
    assert.doesNotMatch(text, /Indstilling af kandidat/);
    assert.doesNotMatch(text, /Ansøgning fra elev|120390|Elevsen/);
    assert.doesNotMatch(text, /Fortroligt|oplysninger om enkeltpersoner|Udpegningen blev godkendt/);
  });

  it("serves the kept PDF again without a new job, and makes it anew when the public record changes", async () => {
    const db = store().db;
    const jobs = () => db.selectFrom("job").select("id").where("kind", "=", "render-meeting-whole").execute();
    const before = (await jobs()).length;
    assert.equal((await app().request(`/moede/${meetingId}/hele-moedet.pdf`)).status, 200);
    assert.equal((await jobs()).length, before);
    const kept = await meetingWholePdfInfo(db, meetingId);

    // A third pack, a PDF, with a new annex of the open item 2.1 (two pages) and one of the closed item
    // 2.3 (one page): the fingerprint of the public files changes, and only the open annex's pages are cut.
    const pack = await PDFDocument.create();
    for (const part of [
      await makeAnnexPdf("Tidsplan for forprojektet", 2),
      await makeAnnexPdf("Navne på kandidaterne", 1),
    ]) {
      const source = await PDFDocument.load(part);
      for (const page of await pack.copyPages(source, source.getPageIndices())) pack.addPage(page);
    }
    const packBytes = await pack.save();
    const pageTexts = [
      "2.1 Bilag 2: Tidsplan for forprojektet\nDette er side 1 af bilaget om tidsplan for forprojektet.",
      "Dette er side 2 af bilaget om tidsplan for forprojektet.",
      "2.3 Bilag 2: Navne på kandidaterne\nDette er side 1 af bilaget om navne på kandidaterne.",
    ];
    let line = 1;
    const spans = pageTexts.map((text, at) => {
      const lineStart = line;
      line += text.split("\n").length;
      return { page: at + 1, lineStart, lineEnd: line - 1, text };
    });
    await importDocument(
      db,
      {
        ...secondPack().parsed,
        source: {
          file: "demo-bilag-3-2026-09-18.pdf",
          sha256: createHash("sha256").update(packBytes).digest("hex"),
          format: "pdf",
          pages: 3,
        },
        documents: [
          {
            itemNumber: "2.1",
            annexNumber: 2,
            title: "Tidsplan for forprojektet",
            source: { pageStart: 1, pageEnd: 2, lineStart: 1, lineEnd: spans[1]?.lineEnd ?? 0 },
          },
          {
            itemNumber: "2.3",
            annexNumber: 2,
            title: "Navne på kandidaterne",
            source: { pageStart: 3, pageEnd: 3, lineStart: spans[2]?.lineStart ?? 0, lineEnd: line - 1 },
          },
        ],
        warnings: [],
        text: pageTexts.join("\n"),
        pageTexts: spans,
      },
      { content: packBytes, mime: "application/pdf" },
    );
    const stale = await app().request(`/moede/${meetingId}/hele-moedet.pdf`);
    assert.equal(stale.status, 303);
    assert.equal((await jobs()).length, before + 1);
    await runJobs(
      db,
      async () => (await meetingWholePdfInfo(db, meetingId))?.fingerprint !== kept?.fingerprint,
    );
    const fresh = await app().request(`/moede/${meetingId}/hele-moedet.pdf`);
    assert.equal(fresh.status, 200);
    const freshBytes = new Uint8Array(await fresh.arrayBuffer());
    const doc = await PDFDocument.load(freshBytes);
    const latest = await db
      .selectFrom("job")
      .select("id")
      .where("kind", "=", "render-meeting-whole")
      .orderBy("id", "desc")
      .executeTakeFirstOrThrow();
    const result = (await jobStatus(db, latest.id))?.result as MeetingWholeResult;
    assert.equal(result.parts.at(-1)?.pages, 2, "the open annex's two pages, cut from the PDF pack");
    assert.equal(
      doc.getPageCount(),
      result.parts.reduce((sum, p) => sum + p.pages, 0),
    );
    const parsed = await parseSource(
      {
        file: "hele-moedet.pdf",
        bytes: freshBytes,
        sha256: createHash("sha256").update(freshBytes).digest("hex"),
      },
      await loadIngestOptions(),
    );
    assert.match(parsed.text, /Tidsplan for forprojektet/);
    assert.doesNotMatch(parsed.text, /kandidaterne/);
    assert.deepEqual(
      outlineOf(doc).map((o) => o.title),
      [
        "Referat",
        "2.1 Bilag 1: Oplæg fra udviklingsgruppen for klima",
        "2.2 Bilag 1: Fordelingsnøgle for lærepladser",
        "2.1 Bilag 2: Tidsplan for forprojektet",
      ],
    );
  });

  it("names the download after body and date, and refuses a meeting with nothing public", async () => {
    const seed = resolve(
      dirname(fileURLToPath(import.meta.url)),
      "../../../../shared/seeds/004_5f8a3532f4c6e49a.txt",
    );
    const bytes = new Uint8Array(await readFile(seed));
    const source = {
      file: "004_5f8a3532f4c6e49a.txt",
      bytes,
      sha256: createHash("sha256").update(bytes).digest("hex"),
    };
    const parsed = await parseSource(source, await loadIngestOptions());
    await importDocument(store().db, parsed, { content: bytes, mime: "text/plain; charset=utf-8" });
    const meeting = await store()
      .db.selectFrom("meeting")
      .select("id")
      .where("date", "=", "2024-09-20")
      .executeTakeFirstOrThrow();
    assert.equal((await app().request(`/moede/${meeting.id}/hele-moedet.pdf`)).status, 303);
    assert.match(
      await (await app().request(`/moede/${meeting.id}/hele-moedet`)).text(),
      /Samler mødet: 0 af 1 dokument\b/,
    );
    await runJobs(store().db, async () => (await meetingWholePdfInfo(store().db, meeting.id)) !== undefined);
    const res = await app().request(`/moede/${meeting.id}/hele-moedet.pdf`);
    assert.equal(res.status, 200);
    assert.equal(
      res.headers.get("content-disposition"),
      'attachment; filename="KKR-Nordjylland-2024-09-20-hele-moedet.pdf"',
    );
    const doc = await PDFDocument.load(new Uint8Array(await res.arrayBuffer()));
    assert.deepEqual(outlineOf(doc), [{ title: "Referat", pageIndex: 0 }]);

    const empty = await store()
      .db.insertInto("meeting")
      .values({
        body_id: (await store().db.selectFrom("body").select("id").executeTakeFirstOrThrow()).id,
        name: "Planlagt møde",
        date: "2027-01-15",
        state: "planned",
        source_file_id: null,
        organization_id: null,
        start_time: null,
        end_time: null,
        location: null,
        previous_meeting_date: null,
        next_meeting_date: null,
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    const refused = await app().request(`/moede/${empty.id}/hele-moedet.pdf`);
    assert.equal(refused.status, 404);
    assert.match(await refused.text(), /ingen offentlige dokumenter/);
  });
});

it("names the whole meeting's file in ASCII that still reads as Danish", () => {
  assert.equal(
    meetingWholeFileName("KKR Nordjylland", "2024-09-20"),
    "KKR-Nordjylland-2024-09-20-hele-moedet.pdf",
  );
  assert.equal(
    meetingWholeFileName("Kommunalbestyrelsen i Læsø", "2025-01-08"),
    "Kommunalbestyrelsen-i-Laesoe-2025-01-08-hele-moedet.pdf",
  );
  assert.equal(
    meetingWholeFileName("Udvalg for Ærø & Åbenrå (René)", "2025-01-08"),
    "Udvalg-for-Aeroe-Aabenraa-Rene-2025-01-08-hele-moedet.pdf",
  );
});
