/**
 * @module /admin/log (issue 12, point 6) on both backends: anonymous browsers are sent to /log-ind,
 * members and the secretariat get 403, an administrator sees the audit log newest first, paged, and
 * downloads it as CSV (with the BOM and the Danish header of auditCsvRows).
 */
import assert from "node:assert/strict";
import { it } from "node:test";
import { auditAppend, CLI_ACTOR } from "../../../src/accounts/index.js";
import { createApp } from "../../../src/web/app.js";
import { AUDIT_PAGE_SIZE } from "../../../src/web/pages/admin-log-page.js";
import { forEachBackend } from "../../support/stores.js";
import { errorJson, makeUser, TestBrowser } from "./support.js";

forEachBackend("web accounts: /admin/log", (store) => {
  it("sends an anonymous browser to /log-ind and answers a machine 401", async () => {
    const app = createApp({ db: store().db });
    const page = await app.request("/admin/log");
    assert.equal(page.status, 303);
    assert.equal(page.headers.get("location"), "/log-ind?til=%2Fadmin%2Flog");
    const json = await app.request("/admin/log", { headers: { accept: "application/json" } });
    assert.equal(json.status, 401);
    assert.equal((await errorJson(json)).error.code, "unauthorized");
  });

  it("refuses members and the secretariat with 403", async () => {
    const { db } = store();
    for (const role of ["medlem", "sekretariat"] as const) {
      const browser = new TestBrowser(createApp({ db }));
      assert.equal((await browser.logIn(await makeUser(db, role))).status, 303);
      for (const path of ["/admin/log", "/admin/log.csv"]) {
        const res = await browser.get(path);
        assert.equal(res.status, 403, `${role} ${path}`);
        assert.match(await res.text(), /Siden er kun for administratorer\./);
      }
    }
  });

  it("lists entries for an administrator, newest first, paged, and as CSV", async () => {
    const { db } = store();
    const admin = await makeUser(db, "administrator", "Ada Administrator");
    for (let i = 1; i <= AUDIT_PAGE_SIZE + 5; i++) {
      await auditAppend({
        db,
        actor: CLI_ACTOR,
        action: "test-entry",
        targetKind: "meeting",
        targetId: i,
        before: { n: i - 1 },
        after: { n: i, title: `=HYPERLINK("x") ${i}` },
      });
    }
    const browser = new TestBrowser(createApp({ db }));
    assert.equal((await browser.logIn(admin)).status, 303);
    const res = await browser.get("/admin/log");
    assert.equal(res.status, 200);
    const html = await res.text();
    assert.match(html, /<h1>Ændringslog<\/h1>/);
    const targets = [...html.matchAll(/<td>meeting (\d+)<\/td>/g)].map((m) => Number(m[1]));
    assert.equal(targets.length, AUDIT_PAGE_SIZE);
    assert.equal(targets[0], AUDIT_PAGE_SIZE + 5, "newest first");
    assert.deepEqual(
      targets,
      [...targets].sort((a, b) => b - a),
    );
    const older = /href="(\/admin\/log\?foer=\d+)">Ældre ændringer/.exec(html)?.[1];
    assert.ok(older, "a link to older entries");
    const next = await (await browser.get(older)).text();
    const rest = [...next.matchAll(/<td>meeting (\d+)<\/td>/g)].map((m) => Number(m[1]));
    assert.deepEqual(rest.slice(0, 5), [5, 4, 3, 2, 1]);
    assert.match(next, /href="\/admin\/log">Nyeste ændringer/);
    assert.equal((await browser.get("/admin/log?foer=abc")).status, 400);

    const csv = await browser.get("/admin/log.csv");
    assert.equal(csv.status, 200);
    assert.match(csv.headers.get("content-type") ?? "", /^text\/csv/);
    assert.match(
      csv.headers.get("content-disposition") ?? "",
      /attachment; filename="raadsinfo-aendringslog\.csv"/,
    );
    const text = await csv.text();
    const lines = text
      .replace(/^\uFEFF/, "")
      .split("\r\n")
      .filter(Boolean);
    assert.equal(lines[0], "id,tidspunkt,bruger_id,bruger,noegle_id,noegle,handling,maal,maal_id,foer,efter");
    const entries = lines.filter((l) => l.includes("test-entry"));
    assert.equal(entries.length, AUDIT_PAGE_SIZE + 5);
    assert.match(entries[0] ?? "", /,kommandolinje,/);
    assert.doesNotMatch(text, /,=HYPERLINK/, "formulas neutralised by toCsv");
  });
});
