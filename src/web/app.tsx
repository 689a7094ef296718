/**
 * @module The HTTP application: sub-apps for pages, API, OParl and static files, mounted in one place.
 * Handlers read the store from the context; the web never parses files itself.
 */
import { Hono } from "hono";
import type { Kysely } from "kysely";
import { type Database, DEFAULT_SEARCH_TIMEOUT_MS } from "../store/index.js";
import { apiApp } from "./api/api-app.js";
import { exportApp } from "./api/export-routes.js";
import { searchApiApp } from "./api/search-route.js";
import { compressWhenAccepted } from "./compress-when-accepted.js";
import type { SiteSettings } from "./context.js";
import { notFoundHandler, onError } from "./error-pages.js";
import { feedApp } from "./feeds/feed-app.js";
import { oparlApp } from "./oparl/oparl-app.js";
import { accessibilityPageApp } from "./pages/accessibility-page.js";
import { annexPageApp } from "./pages/annex-page.js";
import { bodyPageApp } from "./pages/body-page.js";
import { frontPageApp } from "./pages/front-page.js";
import { itemPageApp } from "./pages/item-page.js";
import { meetingPageApp } from "./pages/meeting-page.js";
import { personPageApp } from "./pages/person-page.js";
import { searchPageApp } from "./pages/search-page.js";
import { staticApp } from "./static.js";
import { stripControlCharacters } from "./strip-control-characters.js";

export interface AppDeps {
  readonly db: Kysely<Database>;
  readonly settings?: Partial<SiteSettings>;
}

/**
 * Builds the app. Tests call `app.request(path)`; `raadsinfo serve` hands it to the Node server.
 * @example const app = createApp({ db: store.db }); const res = await app.request("/healthz");
 */
export function createApp(deps: AppDeps): Hono {
  const settings: SiteSettings = {
    publicBaseUrl: (deps.settings?.publicBaseUrl ?? "http://localhost:3000").replace(/\/$/, ""),
    siteName: deps.settings?.siteName ?? "Rådsinfo",
    searchTimeoutMs: deps.settings?.searchTimeoutMs ?? DEFAULT_SEARCH_TIMEOUT_MS,
  };
  const app = new Hono();
  app.use(async function provideStore(c, next) {
    c.set("db", deps.db);
    c.set("settings", settings);
    await next();
  });
  app.use(stripControlCharacters());
  app.use(compressWhenAccepted());
  app.get("/healthz", (c) => c.json({ status: "ok" }));
  app.route("/static", staticApp());
  app.route("/oparl/v1", oparlApp());
  app.route("/api", apiApp());
  app.route("/", exportApp());
  app.route("/", frontPageApp());
  app.route("/", bodyPageApp());
  app.route("/", meetingPageApp());
  app.route("/", itemPageApp());
  app.route("/", personPageApp());
  app.route("/", annexPageApp());
  app.route("/", accessibilityPageApp());
  app.route("/", feedApp());
  app.route("/api/search", searchApiApp());
  app.route("/", searchPageApp());
  app.notFound(notFoundHandler);
  app.onError(onError);
  return app;
}
