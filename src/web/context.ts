/**
 * @module What every request handler can read from the context: the store (and where public reads go),
 * the site settings, and who is asking (the signed-in user or the bearer of an API token, their role
 * grants, and the viewer the visibility policy reads). The middleware in ./middleware/ sets the request's values.
 */
import type { Kysely } from "kysely";
import type { AccountUser } from "../accounts/index.js";
import type { RoleGrant, Viewer } from "../domain/index.js";
import type { Database } from "../store/index.js";

export interface SiteSettings {
  /** Public base URL without trailing slash, e.g. "https://raadsinfo.example.dk"; OParl ids are built on it. */
  readonly publicBaseUrl: string;
  readonly siteName: string;
  /**
   * Where readers write about the site's accessibility (CONTACT_EMAIL), named in the accessibility
   * statement as the law asks; null until the operator sets it, and then the statement says so.
   */
  readonly contactEmail: string | null;
  /**
   * Statement timeout of a search on a PostgreSQL server, in ms (/soeg and /api/search); past it the page
   * says so in Danish. PGlite cannot time out a statement: there the search's bounds keep it short.
   */
  readonly searchTimeoutMs: number;
  /**
   * How many proxies in front of the portal append to X-Forwarded-For (TRUSTED_PROXIES); 0 when clients
   * reach it directly. The login limit per address reads the client's address through them.
   */
  readonly trustedProxies: number;
}

/** True when the portal is served over https: cookies get Secure, responses get HSTS. */
export function servedOverHttps(settings: Pick<SiteSettings, "publicBaseUrl">): boolean {
  return settings.publicBaseUrl.toLowerCase().startsWith("https://");
}

/** How the request proved who it is; null fields when nobody is signed in. */
export interface RequestSession {
  /** The session's id in the store (cookie sign-in). */
  readonly id: number;
  /** The cookie's secret token: CSRF tokens are derived from it, log-out ends it. */
  readonly token: string;
}

declare module "hono" {
  interface ContextVariableMap {
    /** The primary store: everything that writes, and whatever must see a write made a moment ago. */
    db: Kysely<Database>;
    /**
     * Where the public read-only surfaces read (pages, /soeg, API GET, OParl, feeds, exports): the read
     * replica (DATABASE_READ_URL), whose connections refuse to write, for a visitor who is not signed in;
     * `db` for the signed-in, who must see their own edits at once, and when there is no replica.
     */
    readDb: Kysely<Database>;
    settings: SiteSettings;
    /** The signed-in user (by session cookie or API token); null for an anonymous request. */
    user: AccountUser | null;
    /** The user's role grants (empty when anonymous): what the visibility policy and role checks read. */
    grants: readonly RoleGrant[];
    /** Who is looking, built by domain/visibility.ts's viewerOf from the grants; PUBLIC_VIEWER when anonymous. */
    viewer: Viewer;
    /** The browser session behind a cookie sign-in; null otherwise. */
    session: RequestSession | null;
    /** The API token a request acts through (Authorization: Bearer); null otherwise. */
    apiTokenId: number | null;
    /** The CSRF token for a POST form's hidden field; an anonymous request gets its cookie when this is called. */
    csrfToken: () => string;
    /** The app's clock (createApp's `now`, real time by default): what "today" and "overdue" are read from. */
    now: () => Date;
  }
}
