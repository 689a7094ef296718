/** @module The one page layout: Det Fælles Designsystem header, search box, breadcrumbs, footer. */

import { tryGetContext } from "hono/context-storage";
import { raw } from "hono/html";
import type { Child } from "hono/jsx";
import { copenhagenDay, formatDanishDate } from "../domain/index.js";
import { CsrfField } from "./components/form-parts.js";
import { LastUpdated } from "./components/last-updated.js";

export interface Crumb {
  readonly label: string;
  readonly href?: string;
}

export interface LayoutProps {
  readonly title: string;
  readonly children?: Child;
  readonly breadcrumbs?: readonly Crumb[];
  /** Value to show in the header search box. */
  readonly query?: string;
  /** Extra elements for <head>, e.g. feed links. */
  readonly head?: Child;
  readonly siteName?: string;
  /** Use the container's full width (the front page's columns); other pages keep a readable measure. */
  readonly wide?: boolean;
  /** False on a page that has its own, larger search form (the front page). */
  readonly headerSearch?: boolean;
  /** When the content last changed; shown as "Senest opdateret" under it. */
  readonly lastModified?: Date | null;
}

/**
 * The account link in the header: "Log ind" for an anonymous visitor; the user's name with "Konto" and a
 * "Log ud" button (a POST form with its CSRF field) once signed in. Read from the request's context
 * (hono/context-storage), so no page has to pass the user along.
 */
function AccountNav() {
  const c = tryGetContext();
  if (!c) return null;
  const user = c.get("user");
  if (!user || c.get("apiTokenId") !== null) {
    const here = c.req.path;
    const back =
      c.req.method === "GET" && !here.startsWith("/log-ind") && here !== "/"
        ? `?til=${encodeURIComponent(here)}`
        : "";
    return (
      <nav class="site-account" aria-label="Konto">
        <a class="site-account__link" href={`/log-ind${back}`}>
          Log ind
        </a>
      </nav>
    );
  }
  return (
    <nav class="site-account" aria-label="Konto">
      <span class="site-account__name">{user.name}</span>
      <a class="site-account__link" href="/konto">
        Konto
      </a>
      <form class="site-account__logout" action="/log-ud" method="post">
        <CsrfField token={c.get("csrfToken")()} />
        <button class="button button-tertiary site-account__button" type="submit">
          Log ud
        </button>
      </form>
    </nav>
  );
}

/**
 * "Udskrevet 3. december 2026 fra https://…/moede/12": shown only on paper (site.css), so a printout
 * tells where and when it was taken.
 */
function PrintMeta() {
  const c = tryGetContext();
  if (!c) return null;
  const { pathname, search } = new URL(c.req.url);
  const address = `${c.get("settings").publicBaseUrl}${pathname}${search}`;
  return (
    <p class="print-meta">
      Udskrevet {formatDanishDate(copenhagenDay(c.get("now")()))} fra {address}
    </p>
  );
}

/** The portal's main sections, in the header of every page. */
const SITE_NAV: readonly { readonly href: string; readonly label: string }[] = [
  { href: "/", label: "Forside" },
  { href: "/beslutninger", label: "Beslutninger" },
  { href: "/personer", label: "Personer" },
  { href: "/soeg", label: "Søg" },
];

/** Renders a full HTML page. Works without JavaScript; dkfds CSS only. */
export function Layout(props: LayoutProps) {
  const siteName = props.siteName ?? "Rådsinfo";
  return (
    <>
      {raw("<!DOCTYPE html>")}
      <html lang="da">
        <head>
          <meta charset="utf-8" />
          <meta name="viewport" content="width=device-width, initial-scale=1" />
          <title>{props.title === siteName ? siteName : `${props.title} – ${siteName}`}</title>
          <link rel="stylesheet" href="/static/dkfds/css/dkfds.min.css" />
          <link rel="stylesheet" href="/static/site.css" />
          {props.head}
        </head>
        <body>
          <a class="skipnav" href="#main-content">
            Gå til sideindhold
          </a>
          <header class="header site-header">
            <div class="container site-header__inner">
              <a class="site-header__logo" href="/">
                {siteName}
              </a>
              {props.headerSearch === false ? null : (
                <search class="site-search-region">
                  <form class="site-search" action="/soeg" method="get">
                    <label class="sr-only" for="site-search-q">
                      Søg i møder, punkter og bilag
                    </label>
                    <input
                      class="form-input"
                      id="site-search-q"
                      name="q"
                      type="search"
                      value={props.query ?? ""}
                      placeholder="Søg, fx lærepladser"
                    />
                    <button class="button button-primary" type="submit">
                      Søg
                    </button>
                  </form>
                </search>
              )}
              <AccountNav />
            </div>
            <nav class="container site-nav" aria-label="Hovedmenu">
              <ul class="site-nav__list">
                {SITE_NAV.map((entry) => (
                  <li>
                    <a class="site-nav__link" href={entry.href}>
                      {entry.label}
                    </a>
                  </li>
                ))}
              </ul>
            </nav>
          </header>
          <div class="container">
            {props.breadcrumbs && props.breadcrumbs.length > 0 ? (
              <nav class="breadcrumbs" aria-label="Brødkrumme">
                <ol class="breadcrumbs__list">
                  {props.breadcrumbs.map((crumb) => (
                    <li class="breadcrumbs__list-item">
                      {crumb.href ? (
                        <a class="breadcrumbs__link" href={crumb.href}>
                          {crumb.label}
                        </a>
                      ) : (
                        <span aria-current="page">{crumb.label}</span>
                      )}
                    </li>
                  ))}
                </ol>
              </nav>
            ) : null}
            <main id="main-content" class={props.wide ? "site-main site-main--wide" : "site-main"}>
              {props.children}
              <LastUpdated at={props.lastModified ?? null} />
              <PrintMeta />
            </main>
          </div>
          <footer class="footer site-footer">
            <div class="container">
              <p>
                {siteName} – mødematerialer fra kommunale og tværkommunale politiske organer.{" "}
                <a href="/tilgaengelighed">Tilgængelighedserklæring</a> · <a href="/api">API</a> ·{" "}
                <a href="/oparl/v1/system">OParl</a>
              </p>
            </div>
          </footer>
        </body>
      </html>
    </>
  );
}
