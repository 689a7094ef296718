/**
 * @module The search page /soeg: the form, facets with counts as plain links, results with highlighted
 * passages and provenance (an annex once, with its matching pages under it), a misspelled query read as
 * the nearest known words, pagination, and help when nothing is found. Works without JavaScript. A
 * signed-in viewer also finds what their roles let them see, marked "Lukket punkt".
 */

import { Hono } from "hono";
import { raw } from "hono/html";
import { loadDanishWordChecker } from "../../ingest/index.js";
import {
  DEFAULT_PAGE_SIZE,
  parseSearchRequest,
  type SearchRequest,
  SearchRequestError,
  type SearchResponse,
  type SearchResult,
  SearchTimeoutError,
  search,
} from "../../search/index.js";
import type { SearchFacetName, SearchFacetValue, SearchKind } from "../../store/index.js";
import { meetingDateLabel } from "../components/format.js";
import { annexPageUrl, annexSearchUrl, resultUrl, searchPageUrl } from "../components/search-urls.js";
import { markedHtml } from "../components/text-html.js";
import { WithheldMark } from "../components/withheld-mark.js";
import { badRequest, SEARCH_TIMEOUT_MESSAGE } from "../http-error.js";
import { Layout } from "../layout.js";
import { AlertSignupLink } from "./alert-pages.js";

const KIND_LABELS: Readonly<Record<SearchKind, string>> = {
  item: "Dagsordenspunkt",
  decision: "Beslutning",
  annex: "Bilag",
};

const FACET_TITLES: Readonly<Record<SearchFacetName, string>> = {
  body: "Organ",
  year: "År",
  kind: "Type",
  municipality: "Kommune nævnt",
  person: "Deltager i mødet",
};

/** The URL parameter each facet filters by. */
const FACET_PARAMS: Readonly<Record<SearchFacetName, keyof SearchRequest>> = {
  body: "body",
  year: "year",
  kind: "kind",
  municipality: "municipality",
  person: "person",
};

type Params = Record<string, string | number | undefined>;

function baseParams(request: SearchRequest): Params {
  return {
    q: request.q,
    body: request.body,
    year: request.year,
    kind: request.kind,
    municipality: request.municipality,
    person: request.person,
    sort: request.sort === "relevance" ? undefined : request.sort,
    pageSize: request.pageSize === DEFAULT_PAGE_SIZE ? undefined : request.pageSize,
    asTyped: request.asTyped ? 1 : undefined,
  };
}

/** Matching pages of an annex linked under its result; the rest are on the annex's own search. */
const PAGES_LISTED = 12;

function facetLabel(facet: SearchFacetName, value: SearchFacetValue): string {
  return facet === "kind" ? (KIND_LABELS[value.value as SearchKind] ?? value.label) : value.label;
}

function Facet(props: {
  readonly facet: SearchFacetName;
  readonly values: readonly SearchFacetValue[];
  readonly request: SearchRequest;
}) {
  const { facet, values, request } = props;
  const param = FACET_PARAMS[facet];
  const active = request[param];
  if (values.length === 0 && active === undefined) return null;
  return (
    <section class="search-facet">
      <h3 class="h5">{FACET_TITLES[facet]}</h3>
      <ul class="nobullet-list">
        {values.map((value) => {
          const selected = active !== undefined && String(active) === value.value;
          const href = searchPageUrl({ ...baseParams(request), [param]: selected ? undefined : value.value });
          return (
            <li>
              {selected ? (
                <>
                  <strong aria-current="true">
                    {facetLabel(facet, value)} ({value.count})
                  </strong>{" "}
                  <a href={href}>
                    Fjern<span class="sr-only"> afgrænsningen {facetLabel(facet, value)}</span>
                  </a>
                </>
              ) : (
                <a href={href}>
                  {facetLabel(facet, value)} <span class="search-facet__count">({value.count})</span>
                </a>
              )}
            </li>
          );
        })}
      </ul>
    </section>
  );
}

function Provenance(props: { readonly result: SearchResult }) {
  const { source, meeting, itemNumber, kind } = props.result;
  const parts = [
    KIND_LABELS[kind],
    meeting
      ? [meeting.body, meetingDateLabel(meeting.date, meeting.dateEstimated)].filter(Boolean).join(", ")
      : null,
    itemNumber ? `punkt ${itemNumber}` : null,
    source.page !== null ? `side ${source.page}` : null,
  ].filter((p): p is string => Boolean(p));
  // The imported file's name (often a hash) and its line numbers are provenance for the JSON API, not
  // for a reader: the page says where the passage stands, and the result links to it.
  return <p class="search-result__meta small-text">{parts.join(" · ")}</p>;
}

/**
 * An annex's matching pages, best first, each a link to that page (the best is the result's own); past
 * PAGES_LISTED, a link to the annex searched for `query`, which lists them all.
 */
function AnnexPages(props: { readonly result: SearchResult; readonly query: string }) {
  const { fileId, pages } = props.result;
  if (fileId === null || pages.length < 2) return null;
  const listed = pages.slice(0, PAGES_LISTED);
  return (
    <p class="search-result__pages small-text">
      Fund på {pages.length} sider, bedste først:{" "}
      {listed.map((page, i) => (
        <>
          {i > 0 ? ", " : ""}
          <a href={annexPageUrl(fileId, page)}>
            <span class="sr-only">side </span>
            {page}
          </a>
        </>
      ))}
      {pages.length > listed.length ? (
        <>
          {" og "}
          <a href={annexSearchUrl(fileId, props.query)}>{pages.length - listed.length} andre sider</a>
        </>
      ) : null}
    </p>
  );
}

function Result(props: { readonly result: SearchResult; readonly query: string }) {
  const { result } = props;
  return (
    <li class="search-result">
      <h3 class="h4 search-result__title">
        <a href={resultUrl(result)}>{result.title}</a> <WithheldMark withheld={result.withheld} />
      </h3>
      <Provenance result={result} />
      {/* Safe as raw: markedHtml escapes every segment's text before adding <mark>. */}
      {result.snippet.length > 0 ? (
        <p class="search-result__snippet">{raw(markedHtml(result.snippet))}</p>
      ) : null}
      <AnnexPages result={result} query={props.query} />
    </li>
  );
}

function Pagination(props: { readonly request: SearchRequest; readonly total: number }) {
  const { request, total } = props;
  const pages = Math.min(100, Math.ceil(total / request.pageSize));
  if (pages <= 1) return null;
  const current = request.page;
  const shown = [...new Set([1, current - 2, current - 1, current, current + 1, current + 2, pages])]
    .filter((p) => p >= 1 && p <= pages)
    .sort((a, b) => a - b);
  const href = (page: number) =>
    searchPageUrl({ ...baseParams(request), page: page === 1 ? undefined : page });
  return (
    <nav class="pagination" aria-label="Sider med søgeresultater">
      <ul class="pagination__items">
        {current > 1 ? (
          <li class="pagination-item">
            <a class="button button-secondary" href={href(current - 1)}>
              Forrige<span class="sr-only"> side</span>
            </a>
          </li>
        ) : null}
        {shown.map((page, i) => (
          <>
            {i > 0 && page - (shown[i - 1] ?? page) > 1 ? <li class="pagination-item">…</li> : null}
            <li class="pagination-item">
              {page === current ? (
                <span class="button button-primary" aria-current="page">
                  <span class="sr-only">Side </span>
                  {page}
                </span>
              ) : (
                <a class="button button-secondary" href={href(page)}>
                  <span class="sr-only">Side </span>
                  {page}
                </a>
              )}
            </li>
          </>
        ))}
        {current < pages ? (
          <li class="pagination-item">
            <a class="button button-secondary" href={href(current + 1)}>
              Næste<span class="sr-only"> side</span>
            </a>
          </li>
        ) : null}
      </ul>
    </nav>
  );
}

function SearchForm(props: { readonly request: SearchRequest }) {
  const { request } = props;
  const kept = baseParams(request);
  return (
    <search aria-label="Søgeformular">
      <form class="search-form" action="/soeg" method="get">
        <div class="form-group">
          <label class="form-label" for="soeg-q">
            Søgeord
          </label>
          <span class="form-hint" id="soeg-q-hint">
            Skriv ord fra punktet eller bilaget. Brug "anførselstegn" om en bestemt frase og -ord for at
            udelukke et ord.
          </span>
          <input
            class="form-input"
            id="soeg-q"
            name="q"
            type="search"
            value={request.q}
            aria-describedby="soeg-q-hint"
          />
        </div>
        <div class="form-group">
          <label class="form-label" for="soeg-sort">
            Sortér efter
          </label>
          <select class="form-select" id="soeg-sort" name="sort">
            <option value="relevance" selected={request.sort === "relevance"}>
              Relevans
            </option>
            <option value="date" selected={request.sort === "date"}>
              Dato, nyeste først
            </option>
          </select>
        </div>
        {(["body", "year", "kind", "municipality", "person"] as const).map((name) =>
          kept[name] !== undefined ? <input type="hidden" name={name} value={String(kept[name])} /> : null,
        )}
        <button class="button button-primary" type="submit">
          Søg
        </button>
      </form>
    </search>
  );
}

function Help(props: { readonly nothingFound: boolean }) {
  return (
    <section class="search-help">
      <h2 class="h3">{props.nothingFound ? "Gode råd, når intet bliver fundet" : "Sådan søger du"}</h2>
      <ul>
        <li>
          Tjek stavningen, eller prøv et andet ord for det samme (fx "praktikpladser" for "lærepladser").
        </li>
        <li>Skriv færre ord: et par ord, der står i punktet, finder mere end en hel sætning.</li>
        <li>Et ord finder også sammensatte ord, der begynder med det: "klima" finder "klimaplan".</li>
        <li>
          Sæt "anførselstegn" om ord, der skal stå lige efter hinanden, og skriv -ord for at udelukke et ord.
        </li>
        <li>Fjern afgrænsninger til organ, år eller type, hvis du har valgt nogle.</li>
      </ul>
    </section>
  );
}

function Results(props: { readonly request: SearchRequest; readonly response: SearchResponse }) {
  const { request, response } = props;
  const first = (request.page - 1) * request.pageSize;
  // Results past allWordsTotal have only some of the words; a heading says so where they begin.
  const splitAt = response.allWordsTotal < response.total ? response.allWordsTotal - first : -1;
  const results = response.results;
  const list = (items: readonly SearchResult[], start: number) => (
    <ol class="search-results" start={start + 1}>
      {items.map((r) => (
        <Result result={r} query={response.correctedQuery ?? response.query} />
      ))}
    </ol>
  );
  if (splitAt < 0 || splitAt >= results.length) return list(results, first);
  return (
    <>
      {splitAt > 0 ? list(results.slice(0, splitAt), first) : null}
      <h3 class="h4">Resultater med nogle af ordene</h3>
      {list(results.slice(Math.max(0, splitAt)), first + Math.max(0, splitAt))}
    </>
  );
}

/**
 * The page's content for a request and its response (null: no query yet, or `timedOut`: the search was
 * stopped by its time limit); exported for its tests.
 */
export function SearchPage(props: {
  readonly request: SearchRequest;
  readonly response: SearchResponse | null;
  readonly timedOut?: boolean;
}) {
  const { request, response } = props;
  const q = request.q;
  const total = response?.total ?? 0;
  // A misspelled query that found nothing was searched as the nearest known words: name what was searched.
  const searched = response?.correctedQuery ?? q;
  return (
    <>
      <h1>Søg</h1>
      <SearchForm request={request} />
      {props.timedOut ? (
        <div class="alert alert-warning" role="alert">
          <div class="alert-body">
            <h2 class="alert-heading h3">Søgningen tog for lang tid</h2>
            <p class="alert-text">{SEARCH_TIMEOUT_MESSAGE}</p>
          </div>
        </div>
      ) : response === null ? (
        <Help nothingFound={false} />
      ) : (
        <div class="row">
          <div class="col-12 col-md-8">
            <h2 class="h3" id="resultater">
              {total === 0
                ? `Ingen resultater for »${q}«`
                : // Not exact: search stopped counting at its cap, so total is a lower bound.
                  `${response.totalExact ? "" : "Mindst "}${total.toLocaleString("da-DK")} ${total === 1 ? "resultat" : "resultater"} for »${searched}«`}
            </h2>
            {response.correctedQuery ? (
              <p class="search-correction">
                Viser resultater for <strong>{response.correctedQuery}</strong>. Søg i stedet efter{" "}
                <a href={searchPageUrl({ ...baseParams(request), asTyped: 1 })}>{q}</a>.
              </p>
            ) : null}
            {response.notice ? <p class="search-notice">{response.notice}</p> : null}
            <AlertSignupLink target={{ kind: "search", query: q }} />
            {response.suggestion ? (
              <p class="search-suggestion">
                Mente du:{" "}
                <a href={searchPageUrl({ ...baseParams(request), q: response.suggestion })}>
                  {response.suggestion}
                </a>
                ?
              </p>
            ) : null}
            {total > 0 && response.allWordsTotal === 0 ? (
              <p>Intet indeholder alle ordene. Her er resultater med nogle af dem.</p>
            ) : null}
            {total === 0 ? <Help nothingFound={true} /> : <Results request={request} response={response} />}
            <Pagination request={request} total={total} />
          </div>
          {total > 0 || hasFilters(request) ? (
            <aside class="col-12 col-md-4" aria-labelledby="afgraens">
              <h2 class="h3" id="afgraens">
                Afgræns
              </h2>
              {response.totalExact ? null : (
                <p class="small-text">
                  Tallene er optalt blandt {total.toLocaleString("da-DK")} af resultaterne.
                </p>
              )}
              {(["body", "year", "kind", "municipality", "person"] as const).map((facet) => (
                <Facet facet={facet} values={response.facets[facet]} request={request} />
              ))}
            </aside>
          ) : null}
        </div>
      )}
    </>
  );
}

function hasFilters(request: SearchRequest): boolean {
  return [request.body, request.year, request.kind, request.municipality, request.person].some(
    (v) => v !== undefined,
  );
}

/**
 * The /soeg page. An empty query shows the form and how to search.
 * @example app.route("/", searchPageApp())
 */
export function searchPageApp(): Hono {
  const app = new Hono();
  app.get("/soeg", async function searchPage(c) {
    let request: SearchRequest;
    try {
      request = parseSearchRequest(c.req.query());
    } catch (error) {
      if (error instanceof SearchRequestError) throw badRequest(error.message);
      throw error;
    }
    const settings = c.get("settings");
    const title = request.q === "" ? "Søg" : `Søgning: ${request.q}`;
    const viewer = c.get("viewer");
    // A signed-in viewer's results may hold closed items: no shared cache, nor the browser's, keeps them.
    if (viewer.kind !== "public") c.header("Cache-Control", "private, no-store");
    let response: SearchResponse | null = null;
    try {
      if (request.q !== "")
        response = await search(c.get("readDb"), request, {
          timeoutMs: settings.searchTimeoutMs,
          viewer,
          dictionary: loadDanishWordChecker,
        });
    } catch (error) {
      if (!(error instanceof SearchTimeoutError)) throw error;
      // The form stays, filled in, so the person can shorten the query; 503, not 500: nothing broke.
      return c.html(
        <Layout title={title} query={request.q} siteName={settings.siteName}>
          <SearchPage request={request} response={null} timedOut={true} />
        </Layout>,
        503,
      );
    }
    return c.html(
      <Layout title={title} query={request.q} siteName={settings.siteName}>
        <SearchPage request={request} response={response} />
      </Layout>,
    );
  });
  return app;
}
