/**
 * @module The decision overview /beslutninger: every public decision, filtered by body, year,
 * municipality and kind of outcome, paged; the same filter as an Atom feed and as CSV.
 */
import { Hono } from "hono";
import { DECISION_OUTCOME_LABELS, DECISION_OUTCOMES, formatDanishDate } from "../../domain/index.js";
import { toCsv } from "../../export/csv.js";
import { type DecisionEntry, type DecisionOverview, getDecisionOverview } from "../../store/index.js";
import { teaser } from "../components/format.js";
import { renderAtom } from "../feeds/atom.js";
import { Layout } from "../layout.js";
import { type DecisionRequest, decisionQuery, decisionRequest } from "./decision-filter.js";

const PAGE_SIZE = 25;
const FEED_SIZE = 50;
/** The most rows one CSV carries: a filter by body or year narrows a larger record. */
const CSV_MAX_ROWS = 20_000;

export function decisionsPageApp(): Hono {
  const app = new Hono();
  app.get("/beslutninger", async (c) => {
    const request = decisionRequest(c);
    const data = await getDecisionOverview(c.get("readDb"), request.filter, {
      page: request.page,
      pageSize: PAGE_SIZE,
      viewer: c.get("viewer"),
    });
    const query = decisionQuery(request.filter);
    return c.html(
      <Layout
        title="Beslutninger"
        siteName={c.get("settings").siteName}
        lastModified={data.lastModified}
        breadcrumbs={[{ label: "Forside", href: "/" }, { label: "Beslutninger" }]}
        head={
          <link
            rel="alternate"
            type="application/atom+xml"
            title="Beslutninger (Atom)"
            href={`/beslutninger/feed.atom${query}`}
          />
        }
        wide
      >
        <h1>Beslutninger</h1>
        <p class="font-lead">Alle offentlige beslutninger fra møderne. Lukkede punkter er ikke med.</p>
        <div class="decisions-layout">
          <DecisionFilterForm request={request} data={data} />
          <section aria-labelledby="beslutninger-resultat" class="decisions-results">
            <h2 id="beslutninger-resultat" class="h3">
              {data.total === 1 ? "1 beslutning" : `${data.total.toLocaleString("da-DK")} beslutninger`}
            </h2>
            <p>
              <a href={`/beslutninger.csv${query}`}>Hent som CSV (regneark)</a> ·{" "}
              <a href={`/beslutninger/feed.atom${query}`}>Abonnér på nye beslutninger (Atom)</a>
            </p>
            {data.entries.length === 0 ? (
              <p>Ingen beslutninger passer til filteret.</p>
            ) : (
              <ul class="decision-list">
                {data.entries.map((d) => (
                  <DecisionLine entry={d} />
                ))}
              </ul>
            )}
            <Pager request={request} total={data.total} />
          </section>
        </div>
      </Layout>,
    );
  });

  app.get("/beslutninger/feed.atom", async (c) => {
    const request = decisionRequest(c);
    const data = await getDecisionOverview(c.get("readDb"), request.filter, {
      page: 1,
      pageSize: FEED_SIZE,
      viewer: c.get("viewer"),
    });
    const base = c.get("settings").publicBaseUrl;
    const query = decisionQuery(request.filter);
    const updated = data.lastModified ?? new Date(0);
    const body = renderAtom({
      title: "Beslutninger – Rådsinfo",
      url: `${base}/beslutninger${query}`,
      selfUrl: `${base}/beslutninger/feed.atom${query}`,
      updated,
      entries: data.entries.map((d) => ({
        id: `${base}/punkt/${d.itemId}#beslutning`,
        title: `${d.meeting.bodyName}, ${formatDanishDate(d.meeting.date)}: ${d.number} ${d.title}`,
        url: `${base}/punkt/${d.itemId}`,
        date: d.meeting.date,
        updated: new Date(`${d.meeting.date}T12:00:00Z`),
        summary: `${DECISION_OUTCOME_LABELS[d.outcome]}. ${d.decision}`,
      })),
    });
    return c.body(body, 200, {
      "content-type": "application/atom+xml; charset=utf-8",
      "cache-control": "public, max-age=300",
    });
  });

  app.get("/beslutninger.csv", async (c) => {
    const request = decisionRequest(c);
    const data = await getDecisionOverview(c.get("readDb"), request.filter, {
      page: 1,
      pageSize: CSV_MAX_ROWS,
      viewer: c.get("viewer"),
    });
    const base = c.get("settings").publicBaseUrl;
    const csv = toCsv(
      ["organ", "dato", "punkt", "titel", "udfald", "beslutning", "kommuner", "adresse"],
      data.entries.map((d) => [
        d.meeting.bodyName,
        d.meeting.date,
        d.number,
        d.title,
        DECISION_OUTCOME_LABELS[d.outcome],
        d.decision,
        d.municipalities.join("; "),
        `${base}/punkt/${d.itemId}`,
      ]),
    );
    return c.body(csv, 200, {
      "content-type": "text/csv; charset=utf-8; header=present",
      "content-disposition": 'attachment; filename="beslutninger.csv"',
    });
  });
  return app;
}

function DecisionLine(props: { readonly entry: DecisionEntry }) {
  const d = props.entry;
  return (
    <li>
      <a href={`/punkt/${d.itemId}`}>{`${d.number} ${d.title}`}</a>
      <span class="meeting-list__meta">
        <a href={`/moede/${d.meeting.id}`}>{`${d.meeting.bodyName}, ${formatDanishDate(d.meeting.date)}`}</a>
        {` · ${DECISION_OUTCOME_LABELS[d.outcome]}`}
      </span>
      <p>{teaser(d.decision)}</p>
    </li>
  );
}

function DecisionFilterForm(props: { readonly request: DecisionRequest; readonly data: DecisionOverview }) {
  const { filter } = props.request;
  const { data } = props;
  return (
    <search aria-label="Filtrér beslutninger" class="decisions-filter">
      <form action="/beslutninger" method="get">
        <div class="form-group">
          <label class="form-label" for="beslutninger-organ">
            Organ
          </label>
          <select class="form-select" id="beslutninger-organ" name="organ">
            <option value="">Alle organer</option>
            {data.bodies.map((b) => (
              <option value={String(b.id)} selected={filter.bodyId === b.id}>
                {b.name}
              </option>
            ))}
          </select>
        </div>
        <div class="form-group">
          <label class="form-label" for="beslutninger-aar">
            År
          </label>
          <select class="form-select" id="beslutninger-aar" name="aar">
            <option value="">Alle år</option>
            {data.years.map((y) => (
              <option value={String(y)} selected={filter.year === y}>
                {String(y)}
              </option>
            ))}
          </select>
        </div>
        <div class="form-group">
          <label class="form-label" for="beslutninger-kommune">
            Kommune nævnt i punktet
          </label>
          <select class="form-select" id="beslutninger-kommune" name="kommune">
            <option value="">Alle kommuner</option>
            {data.municipalities.map((m) => (
              <option value={m} selected={filter.municipality === m}>
                {m}
              </option>
            ))}
          </select>
        </div>
        <div class="form-group">
          <label class="form-label" for="beslutninger-udfald">
            Udfald
          </label>
          <select class="form-select" id="beslutninger-udfald" name="udfald">
            <option value="">Alle udfald</option>
            {DECISION_OUTCOMES.map((o) => (
              <option value={o} selected={filter.outcome === o}>
                {DECISION_OUTCOME_LABELS[o]}
              </option>
            ))}
          </select>
        </div>
        <button class="button button-primary" type="submit">
          Vis beslutninger
        </button>
      </form>
    </search>
  );
}

function Pager(props: { readonly request: DecisionRequest; readonly total: number }) {
  const pages = Math.ceil(props.total / PAGE_SIZE);
  if (pages <= 1) return null;
  const { page, filter } = props.request;
  return (
    <nav class="pagination" aria-label="Sider med beslutninger">
      <ul class="pagination__items">
        {page > 1 ? (
          <li class="pagination-item">
            <a class="button button-secondary" href={`/beslutninger${decisionQuery(filter, page - 1)}`}>
              Forrige<span class="sr-only"> side</span>
            </a>
          </li>
        ) : null}
        <li class="pagination-item">
          <span aria-current="page">{`Side ${page} af ${pages}`}</span>
        </li>
        {page < pages ? (
          <li class="pagination-item">
            <a class="button button-secondary" href={`/beslutninger${decisionQuery(filter, page + 1)}`}>
              Næste<span class="sr-only"> side</span>
            </a>
          </li>
        ) : null}
      </ul>
    </nav>
  );
}
