/**
 * @module The HTTP application: sub-apps for pages, API, OParl and static files, mounted in one place.
 * Handlers read the store from the context; the web never parses files itself.
 */
import { Hono } from "hono";
import { bodyLimit } from "hono/body-limit";
import { contextStorage } from "hono/context-storage";
import type { Kysely } from "kysely";
import { csrfSigningKey } from "../accounts/index.js";
import { MAX_SOURCE_FILE_BYTES } from "../ingest/index.js";
import { type Database, DEFAULT_SEARCH_TIMEOUT_MS } from "../store/index.js";
import { apiApp } from "./api/api-app.js";
import { exportApp } from "./api/export-routes.js";
import { searchApiApp } from "./api/search-route.js";
import { compressWhenAccepted } from "./compress-when-accepted.js";
import { type SiteSettings, servedOverHttps } from "./context.js";
import { notFoundHandler, onError } from "./error-pages.js";
import { feedApp } from "./feeds/feed-app.js";
import { PortalError } from "./http-error.js";
import { bearerToken, csrf, securityHeaders, session } from "./middleware/index.js";
import { oparlApp } from "./oparl/oparl-app.js";
import { accessibilityPageApp } from "./pages/accessibility-page.js";
import { accountPageApp } from "./pages/account-page.js";
import { adminLogPageApp } from "./pages/admin-log-page.js";
import { alertPagesApp } from "./pages/alert-pages.js";
import { annexPageApp } from "./pages/annex-page.js";
import { bodyPageApp } from "./pages/body-page.js";
import { decisionsPageApp } from "./pages/decisions-page.js";
import { frontPageApp } from "./pages/front-page.js";
import { IMPORT_PATH } from "./pages/import-page.js";
import { itemPageApp } from "./pages/item-page.js";
import { loginPageApp } from "./pages/login-page.js";
import { meetingPageApp } from "./pages/meeting-page.js";
import { meetingWholeApp } from "./pages/meeting-whole-page.js";
import { municipalityPageApp } from "./pages/municipality-page.js";
import { oneTimeLinkPageApp } from "./pages/one-time-link-page.js";
import { peoplePageApp } from "./pages/people-page.js";
import { personPageApp } from "./pages/person-page.js";
import { searchPageApp } from "./pages/search-page.js";
import { matterRoutes } from "./secretariat/matter-routes.js";
import { personDuplicateRoutes } from "./secretariat/person-duplicate-routes.js";
import { secretariatApp } from "./secretariat/secretariat-app.js";
import { withheldRoutes } from "./secretariat/withheld-routes.js";
import { staticApp } from "./static.js";
import { stripControlCharacters } from "./strip-control-characters.js";

export interface AppDeps {
  readonly db: Kysely<Database>;
  /**
   * A read replica's handle (Store.readDb) for the public read-only surfaces of visitors not signed in;
   * `db` when absent. See context.ts's `readDb`.
   */
  readonly readDb?: Kysely<Database>;
  readonly settings?: Partial<SiteSettings>;
  /**
   * Signs the CSRF tokens of anonymous forms (/log-ind); when absent, the site's own key in the store
   * (accounts/site-secrets.ts), shared by every process. Signed-in forms do not depend on it.
   */
  readonly csrfSecret?: string;
  /** The clock pages read "today" from (follow-up deadlines); real time when absent, a test's own otherwise. */
  readonly now?: () => Date;
}

/** The most an account form (sign-in, password, two-factor) may send: a few fields, never a file. */
const FORM_BODY_LIMIT = 16 * 1024;
/** The most any other request may send: one file as large as import reads, and a form's fields. */
const UPLOAD_BODY_LIMIT = MAX_SOURCE_FILE_BYTES + 64 * 1024;

/** The refusal of an upload to import that is larger than one sending may be; the page links back to the form. */
function importTooLarge(): never {
  const mb = MAX_SOURCE_FILE_BYTES / 1024 / 1024;
  throw new PortalError(
    "import-too-large",
    `Filerne fylder tilsammen mere end ${mb} MB, så intet er importeret. Send dem i flere omgange; en fil må højst fylde ${mb} MB.`,
    { status: 413 },
  );
}

/**
 * Builds the app. Tests call `app.request(path)`; `raadsinfo serve` hands it to the Node server.
 * @example const app = createApp({ db: store.db }); const res = await app.request("/healthz");
 */
export function createApp(deps: AppDeps): Hono {
  const settings: SiteSettings = {
    publicBaseUrl: (deps.settings?.publicBaseUrl ?? "http://localhost:3000").replace(/\/$/, ""),
    siteName: deps.settings?.siteName ?? "Rådsinfo",
    contactEmail: deps.settings?.contactEmail ?? null,
    searchTimeoutMs: deps.settings?.searchTimeoutMs ?? DEFAULT_SEARCH_TIMEOUT_MS,
    trustedProxies: deps.settings?.trustedProxies ?? 0,
  };
  const app = new Hono();
  app.use(async function provideStore(c, next) {
    c.set("db", deps.db);
    c.set("readDb", deps.readDb ?? deps.db);
    c.set("settings", settings);
    c.set("now", deps.now ?? (() => new Date()));
    await next();
  });
  const secure = servedOverHttps(settings);
  // The context in AsyncLocalStorage: the layout's header reads who is signed in from it.
  app.use(contextStorage());
  // First after the store, so every answer has the headers: pages, API, OParl, feeds, static files, errors.
  app.use(securityHeaders({ https: secure }));
  app.use(stripControlCharacters());
  app.use(compressWhenAccepted());
  for (const path of ["/log-ind", "/log-ind/*", "/log-ud", "/konto/*", "/besked", "/besked/*", "/afmeld/*"]) {
    app.post(path, bodyLimit({ maxSize: FORM_BODY_LIMIT }));
  }
  // An upload of files to import says, in place of the bare 413, how much one sending may hold.
  app.post(IMPORT_PATH, bodyLimit({ maxSize: UPLOAD_BODY_LIMIT, onError: importTooLarge }));
  // Anything else sent (an annex upload, an API write) is bounded as import bounds a file, before the
  // CSRF check reads the body into memory.
  app.on(["POST", "PUT", "PATCH"], "*", bodyLimit({ maxSize: UPLOAD_BODY_LIMIT }));
  app.use(session({ secure, anonymousUnder: ["/static/"] }));
  app.use("/api/*", bearerToken());
  // The signed-in read the primary: a replica may lag behind the edit they made a moment ago.
  app.use(async function signedInReadPrimary(c, next) {
    if (c.get("user")) c.set("readDb", deps.db);
    await next();
  });
  // The one-click unsubscribe of alert mails is POSTed by mail programs; its token is the proof (RFC 8058).
  app.use(
    csrf({
      secret: deps.csrfSecret ?? (() => csrfSigningKey(deps.db)),
      secure,
      exemptUnder: ["/afmeld/"],
    }),
  );
  app.get("/healthz", (c) => c.json({ status: "ok" }));
  app.route("/static", staticApp());
  app.route("/oparl/v1", oparlApp());
  app.route("/api", apiApp());
  app.route("/", exportApp());
  app.route("/", frontPageApp());
  app.route("/", decisionsPageApp());
  app.route("/", bodyPageApp());
  app.route("/", meetingPageApp());
  app.route("/", meetingWholeApp());
  app.route("/", itemPageApp());
  app.route("/", personPageApp());
  app.route("/", peoplePageApp());
  app.route("/", municipalityPageApp());
  app.route("/", annexPageApp());
  app.route("/", accessibilityPageApp());
  app.route("/", loginPageApp());
  app.route("/", oneTimeLinkPageApp());
  app.route("/", accountPageApp());
  app.route("/", alertPagesApp());
  app.route("/", adminLogPageApp());
  app.route("/", withheldRoutes());
  app.route("/", secretariatApp());
  app.route("/", matterRoutes());
  app.route("/", personDuplicateRoutes());
  app.route("/", feedApp());
  app.route("/api/search", searchApiApp());
  app.route("/", searchPageApp());
  app.notFound(notFoundHandler);
  app.onError(onError);
  return app;
}
