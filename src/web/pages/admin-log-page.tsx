/**
 * @module /admin/log, for administrators only (issue 12, point 6): the audit log, newest first, 50 entries
 * a page (?foer=<id> goes on past the last id shown), and /admin/log.csv with every entry, written by
 * export/csv.ts's toCsv from accounts' auditCsvRows.
 */
import { Hono } from "hono";
import { AUDIT_CSV_HEADER, type AuditEntry, auditCsvRows, auditList } from "../../accounts/index.js";
import { toCsv } from "../../export/csv.js";
import { formatDanishDateTime } from "../components/format.js";
import { Layout } from "../layout.js";
import { administratorOnly } from "../middleware/require-user.js";
import { boundedInt, MAX_ROW_ID } from "../request-params.js";

export const AUDIT_PAGE_SIZE = 50;
/** The CSV is read in batches of this many entries. */
const CSV_BATCH = 1000;

/** Who acted, as a person reads it: the user's e-mail, the token's prefix, or the command line. */
function actorLabel(e: AuditEntry): string {
  if (e.actorUserId === null && e.actorTokenId === null) return "Kommandolinje";
  const who = e.actorEmail ?? `bruger ${e.actorUserId}`;
  return e.actorTokenPrefix ? `${who} (API-nøgle ${e.actorTokenPrefix}…)` : who;
}

function json(value: unknown): string {
  return value === null || value === undefined ? "" : JSON.stringify(value);
}

function AuditTable(props: { readonly entries: readonly AuditEntry[] }) {
  return (
    <div class="table--responsive-scroll audit-table-wrap">
      <table class="table table--compact audit-table">
        <caption class="sr-only">Ændringer, nyeste først</caption>
        <thead>
          <tr>
            <th scope="col">Tidspunkt</th>
            <th scope="col">Hvem</th>
            <th scope="col">Handling</th>
            <th scope="col">Hvad</th>
            <th scope="col">Før</th>
            <th scope="col">Efter</th>
          </tr>
        </thead>
        <tbody>
          {props.entries.map((e) => (
            <tr>
              <td>
                <time datetime={e.at.toISOString()}>{formatDanishDateTime(e.at)}</time>
              </td>
              <td>{actorLabel(e)}</td>
              <td>
                <code>{e.action}</code>
              </td>
              <td>
                {e.targetKind}
                {e.targetId ? ` ${e.targetId}` : ""}
              </td>
              <td class="audit-table__json">{json(e.before)}</td>
              <td class="audit-table__json">{json(e.after)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export function adminLogPageApp(): Hono {
  const app = new Hono();
  app.use("/admin/*", administratorOnly());

  app.get("/admin/log", async function auditLogPage(c) {
    const beforeId = boundedInt(c.req.query("foer"), "foer", 1, MAX_ROW_ID);
    const rows = await auditList({
      db: c.get("db"),
      limit: AUDIT_PAGE_SIZE + 1,
      ...(beforeId === undefined ? {} : { beforeId }),
    });
    const entries = rows.slice(0, AUDIT_PAGE_SIZE);
    const last = entries.at(-1);
    const older = rows.length > AUDIT_PAGE_SIZE && last ? `/admin/log?foer=${last.id}` : null;
    return c.html(
      <Layout
        title="Ændringslog"
        siteName={c.get("settings").siteName}
        breadcrumbs={[{ label: "Forside", href: "/" }, { label: "Ændringslog" }]}
        wide
      >
        <h1>Ændringslog</h1>
        <p>
          Hver ændring foretaget af en bruger, en API-nøgle eller kommandolinjen: hvem, hvornår, hvad, og
          værdierne før og efter. Nyeste først.
        </p>
        <p>
          <a href="/admin/log.csv" download>
            Hent hele loggen som CSV
          </a>
        </p>
        {entries.length === 0 ? (
          <p>{beforeId === undefined ? "Loggen er tom." : "Der er ikke flere ændringer."}</p>
        ) : (
          <AuditTable entries={entries} />
        )}
        <nav class="audit-pages" aria-label="Sider i loggen">
          {beforeId !== undefined ? <a href="/admin/log">Nyeste ændringer</a> : null}
          {older ? <a href={older}>Ældre ændringer</a> : null}
        </nav>
      </Layout>,
    );
  });

  app.get("/admin/log.csv", async function auditLogCsv(c) {
    const db = c.get("db");
    const entries: AuditEntry[] = [];
    for (let beforeId: number | undefined; ; ) {
      const batch = await auditList({
        db,
        limit: CSV_BATCH,
        ...(beforeId === undefined ? {} : { beforeId }),
      });
      entries.push(...batch);
      const last = batch.at(-1);
      if (batch.length < CSV_BATCH || !last) break;
      beforeId = last.id;
    }
    return c.body(toCsv(AUDIT_CSV_HEADER, auditCsvRows(entries)), 200, {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": 'attachment; filename="raadsinfo-aendringslog.csv"',
      "cache-control": "private, no-store",
    });
  });

  return app;
}
