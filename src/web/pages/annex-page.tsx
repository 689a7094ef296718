/**
 * @module The annex page: the text page by page (#side-{n}), a find-in-annex GET form that lists and marks
 * the matching pages without JavaScript, and the download of the original file (/bilag/{id}/original).
 */
import { Hono } from "hono";
import { raw } from "hono/html";
import { getAnnexPage, getOriginalDownload } from "../../store/index.js";
import { annexLabel } from "../components/annex-list.js";
import { formatFileSize, meetingDateLabel, pageRangeLabel } from "../components/format.js";
import { countMatches, termMatcher } from "../components/term-matcher.js";
import { textToHtml } from "../components/text-html.js";
import { notFound } from "../http-error.js";
import { type Crumb, Layout } from "../layout.js";
import { boundedInt } from "../request-params.js";
import { idParam } from "./route-params.js";

/** No annex has more pages; ?side= beyond it is a malformed link (400), not a page to look for. */
const MAX_ANNEX_PAGE = 100_000;

/** Content-Disposition with an ASCII fallback and the real (Danish) name per RFC 6266 / RFC 5987. */
export function contentDisposition(
  fileName: string,
  disposition: "inline" | "attachment" = "attachment",
): string {
  const ascii = fileName.replace(/[^\x20-\x7e]/g, "_").replace(/["\\]/g, "_");
  return `${disposition}; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(fileName)}`;
}

export function annexPageApp(): Hono {
  const app = new Hono();
  app.get("/bilag/:id/original", async (c) => {
    const file = await getOriginalDownload(c.get("readDb"), idParam(c), c.get("viewer"));
    if (!file) throw notFound("Filen");
    return c.body(new Uint8Array(file.content), 200, {
      "content-type": file.mime,
      // A PDF opens in the browser, so that the item page's "side 25 i referatet" (#page=25) lands on its
      // page; a link meant to save it carries the download attribute. Other formats stay attachments.
      "content-disposition": contentDisposition(
        file.fileName,
        file.mime === "application/pdf" ? "inline" : "attachment",
      ),
      "content-length": String(file.content.byteLength),
      "x-content-type-options": "nosniff",
    });
  });
  app.get("/bilag/:id", async (c) => {
    const data = await getAnnexPage(c.get("readDb"), idParam(c), c.get("viewer"));
    if (!data) throw notFound("Bilaget");
    const query = (c.req.query("q") ?? "").slice(0, 100);
    const matcher = termMatcher(query);
    const view = annexView(data.pages, boundedInt(c.req.query("side"), "side", 1, MAX_ANNEX_PAGE) ?? 1);
    const pageHref = (page: number) =>
      view.has(page) ? `#side-${page}` : `${viewHref(data.file.id, page, query)}#side-${page}`;
    const hits = matcher
      ? data.pages
          .map((p) => ({ page: p.page, count: countMatches(p.text, matcher) }))
          .filter((h) => h.count > 0)
      : [];
    const label = annexLabel(data.file);
    const crumbs: Crumb[] = [{ label: "Forside", href: "/" }];
    if (data.body) crumbs.push({ label: data.body.name, href: `/organ/${data.body.id}` });
    if (data.meeting) {
      crumbs.push({
        label: `Møde ${meetingDateLabel(data.meeting.date, data.meeting.dateEstimated)}`,
        href: `/moede/${data.meeting.id}`,
      });
    }
    if (data.item) crumbs.push({ label: `Punkt ${data.item.number}`, href: `/punkt/${data.item.id}` });
    crumbs.push({ label: "Bilag" });
    const pages = pageRangeLabel(data.file.pageStart, data.file.pageEnd);
    return c.html(
      <Layout
        title={label}
        siteName={c.get("settings").siteName}
        breadcrumbs={crumbs}
        lastModified={data.lastModified}
      >
        <h1>
          <span class="h1-context">Bilag</span>
          {label}
        </h1>
        <p>
          {data.item ? (
            <>
              {"Hører til punkt "}
              <a href={`/punkt/${data.item.id}`}>{`${data.item.number} ${data.item.title}`}</a>
              {". "}
            </>
          ) : null}
          {pages ? `${pages[0]?.toUpperCase()}${pages.slice(1)} i ${data.file.fileName}.` : null}
        </p>
        {data.downloadable ? (
          <p>
            <a
              class="button button-secondary"
              href={`/bilag/${data.file.id}/original`}
              download={data.file.fileName}
            >
              {`Hent originalfilen (${formatFileSize(data.file.byteSize)})`}
            </a>
          </p>
        ) : null}
        <search class="annex-search">
          <form action={`/bilag/${data.file.id}`} method="get">
            <label class="form-label" for="annex-q">
              Find i bilaget
            </label>
            <div class="front-search__row">
              <input class="form-input" id="annex-q" name="q" type="search" value={query} />
              <button class="button button-secondary" type="submit">
                Find
              </button>
            </div>
          </form>
        </search>
        {matcher ? (
          <section class="annex-hits">
            {hits.length === 0 ? (
              <p>{`»${query}« findes ikke i bilaget.`}</p>
            ) : (
              <>
                <p>{`»${query}« findes på ${hits.length} ${hits.length === 1 ? "side" : "sider"}:`}</p>
                <ul class="hit-list">
                  {hits.map((h) => (
                    <li>
                      <a href={pageHref(h.page)}>{`Side ${h.page}`}</a>
                      {` (${h.count} ${h.count === 1 ? "gang" : "gange"})`}
                    </li>
                  ))}
                </ul>
              </>
            )}
          </section>
        ) : null}
        {data.pages.length === 0 ? <p>Bilaget har ingen tekst.</p> : null}
        <ViewNav fileId={data.file.id} view={view} query={query} />
        {view.pages.map((p) => (
          <section class="annex-page" id={`side-${p.page}`} aria-labelledby={`side-${p.page}-h`}>
            <h2 class="annex-page__heading" id={`side-${p.page}-h`}>
              <a href={`#side-${p.page}`}>{`Side ${p.page}`}</a>
            </h2>
            {/* textToHtml escapes every piece of the text itself before joining it (see text-html.ts). */}
            {raw(textToHtml(p.text, matcher))}
          </section>
        ))}
        <ViewNav fileId={data.file.id} view={view} query={query} />
      </Layout>,
    );
  });
  return app;
}

/**
 * Pages shown at once. A long annex (seeds/002 holds a document of 160 pages) on one HTML page weighs
 * over 400 kB; twenty pages stay well under 200 kB, and links to a page carry ?side= to reach its view.
 */
const PAGES_PER_VIEW = 20;

interface AnnexView<P extends { page: number }> {
  readonly pages: readonly P[];
  readonly first: number | null;
  readonly last: number | null;
  readonly previousStart: number | null;
  readonly nextStart: number | null;
  readonly total: number;
  has(page: number): boolean;
}

/** The run of pages that holds `wanted` (the first run when it is missing or not a page). */
function annexView<P extends { page: number }>(all: readonly P[], wanted: number): AnnexView<P> {
  const index = Number.isFinite(wanted) ? all.findIndex((p) => p.page >= wanted) : 0;
  const start = Math.floor(Math.max(index, 0) / PAGES_PER_VIEW) * PAGES_PER_VIEW;
  const pages = all.slice(start, start + PAGES_PER_VIEW);
  const shown = new Set(pages.map((p) => p.page));
  return {
    pages,
    first: pages[0]?.page ?? null,
    last: pages.at(-1)?.page ?? null,
    previousStart: start > 0 ? (all[start - PAGES_PER_VIEW]?.page ?? null) : null,
    nextStart: all[start + PAGES_PER_VIEW]?.page ?? null,
    total: all.length,
    has: (page) => shown.has(page),
  };
}

function viewHref(fileId: number, page: number, query: string): string {
  const params = new URLSearchParams({ side: String(page) });
  if (query) params.set("q", query);
  return `/bilag/${fileId}?${params.toString()}`;
}

/** Links to the previous and next runs of pages; nothing when the annex fits on one view. */
function ViewNav(props: { fileId: number; view: AnnexView<{ page: number }>; query: string }) {
  const { view } = props;
  if (view.previousStart === null && view.nextStart === null) return null;
  return (
    <nav class="annex-views" aria-label="Bilagets sider">
      <p>{`Viser side ${view.first}-${view.last} (${view.pages.length} af ${view.total} sider).`}</p>
      <ul class="follow-links">
        {view.previousStart !== null ? (
          <li>
            <a href={viewHref(props.fileId, view.previousStart, props.query)} rel="prev">
              Forrige sider
            </a>
          </li>
        ) : null}
        {view.nextStart !== null ? (
          <li>
            <a href={viewHref(props.fileId, view.nextStart, props.query)} rel="next">
              Næste sider
            </a>
          </li>
        ) : null}
      </ul>
    </nav>
  );
}
