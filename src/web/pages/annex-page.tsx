/**
 * @module The annex page: the text page by page (#side-{n}), a find-in-annex GET form that lists and marks
 * the matching pages without JavaScript, and the download of the original file (/bilag/{id}/original).
 */
import { Hono } from "hono";
import { raw } from "hono/html";
import { formatDanishDate } from "../../domain/index.js";
import { getAnnexPage, getOriginalDownload } from "../../store/index.js";
import { annexLabel } from "../components/annex-list.js";
import { formatFileSize, pageRangeLabel } from "../components/format.js";
import { countMatches, termMatcher } from "../components/term-matcher.js";
import { textToHtml } from "../components/text-html.js";
import { notFound } from "../http-error.js";
import { type Crumb, Layout } from "../layout.js";
import { idParam } from "./route-params.js";

/** Content-Disposition with an ASCII fallback and the real (Danish) name per RFC 6266 / RFC 5987. */
export function contentDisposition(fileName: string): string {
  const ascii = fileName.replace(/[^\x20-\x7e]/g, "_").replace(/["\\]/g, "_");
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(fileName)}`;
}

export function annexPageApp(): Hono {
  const app = new Hono();
  app.get("/bilag/:id{[0-9]+}/original", async (c) => {
    const file = await getOriginalDownload(c.get("db"), idParam(c, "Filen"));
    if (!file) throw notFound("Filen");
    return c.body(new Uint8Array(file.content), 200, {
      "content-type": file.mime,
      "content-disposition": contentDisposition(file.fileName),
      "content-length": String(file.content.byteLength),
      "x-content-type-options": "nosniff",
    });
  });
  app.get("/bilag/:id{[0-9]+}", async (c) => {
    const data = await getAnnexPage(c.get("db"), idParam(c, "Bilaget"));
    if (!data) throw notFound("Bilaget");
    const query = (c.req.query("q") ?? "").slice(0, 100);
    const matcher = termMatcher(query);
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
        label: `Møde ${formatDanishDate(data.meeting.date)}`,
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
                      <a href={`#side-${h.page}`}>{`Side ${h.page}`}</a>
                      {` (${h.count} ${h.count === 1 ? "gang" : "gange"})`}
                    </li>
                  ))}
                </ul>
              </>
            )}
          </section>
        ) : null}
        {data.pages.length === 0 ? <p>Bilaget har ingen tekst.</p> : null}
        {data.pages.map((p) => (
          <section class="annex-page" id={`side-${p.page}`} aria-labelledby={`side-${p.page}-h`}>
            <h2 class="annex-page__heading" id={`side-${p.page}-h`}>
              <a href={`#side-${p.page}`}>{`Side ${p.page}`}</a>
            </h2>
            {/* textToHtml escapes every piece of the text itself before joining it (see text-html.ts). */}
            {raw(textToHtml(p.text, matcher))}
          </section>
        ))}
      </Layout>,
    );
  });
  return app;
}
