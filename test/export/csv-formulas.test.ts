/**
 * @module A decision or title that starts like a spreadsheet formula reaches the CSV download as text
 * (OWASP's rule: a leading single quote, the cell quoted): the minutes are parsed and imported as any file
 * is, then downloaded from /organ/{id}/eksport.csv. Both backends.
 */
import assert from "node:assert/strict";
import { createHash } from "node:crypto";
import { before, it } from "node:test";
import { demoFiles } from "../../src/demo/demo-meeting.js";
import { loadIngestOptions, parseSource } from "../../src/ingest/index.js";
import { importDocument } from "../../src/store/index.js";
import { createApp } from "../../src/web/app.js";
import { forEachBackend } from "../support/stores.js";

const HYPERLINK = '=HYPERLINK("http://evil.example","Klik")';

/** The demo minutes with formulas written where the secretariat writes decisions. */
async function hostileMinutes() {
  const [minutes] = demoFiles();
  const text = new TextDecoder()
    .decode(minutes!.content)
    .replace("Dagsordenen blev godkendt.", "-2+3")
    .replace("Fordelingen blev godkendt.", HYPERLINK);
  const bytes = new TextEncoder().encode(text);
  const sha256 = createHash("sha256").update(bytes).digest("hex");
  const parsed = await parseSource({ file: "formler.txt", bytes, sha256 }, await loadIngestOptions());
  // The parser takes no item whose heading starts with "="; a title is set here to cover that column too.
  const items = parsed.items.map((i) => (i.number === "2.1" ? { ...i, title: "@SUM(A1:A9)" } : i));
  return { parsed: { ...parsed, items }, bytes };
}

forEachBackend("CSV formulas", (store) => {
  let bodyId: number;
  before(async () => {
    const { db } = store();
    const { parsed, bytes } = await hostileMinutes();
    assert.deepEqual(
      parsed.items.map((i) => i.fields.beslutning).filter((d) => /^[-=]/.test(d ?? "")),
      ["-2+3", HYPERLINK],
      "the parser keeps the decisions as written",
    );
    await importDocument(db, parsed, { content: bytes });
    bodyId = (await db.selectFrom("body").select("id").executeTakeFirstOrThrow()).id;
  });

  it("writes decisions and titles that start like formulas as quoted text with a leading quote", async () => {
    const res = await createApp({ db: store().db }).request(`/organ/${bodyId}/eksport.csv`);
    assert.equal(res.status, 200);
    const csv = await res.text();
    assert.ok(csv.includes(`,"'-2+3"\r\n`), "the decision -2+3");
    assert.ok(csv.includes(`,"'=HYPERLINK(""http://evil.example"",""Klik"")"\r\n`), "the HYPERLINK decision");
    assert.ok(csv.includes(`,"'@SUM(A1:A9)",`), "the @ title");
    // No cell of any line begins with a formula character unneutralised.
    for (const line of csv.split("\r\n")) assert.doesNotMatch(line, /(^|,)[=+\-@]/, line);
  });
});
