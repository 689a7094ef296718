/**
 * @module One onError and one notFound: every error keeps its status (http-error.ts's closed set) and is
 * answered as a Danish page or as JSON `{"error": {"status", "code", "message"}}` by the request's Accept;
 * never a stack. Unexpected errors are logged here and answered as a bland 500.
 */
import type { Context, ErrorHandler, NotFoundHandler } from "hono";
import { HTTPException } from "hono/http-exception";
import { DEFAULT_CODE, type ErrorStatus, isErrorStatus, PortalError } from "./http-error.js";
import { Layout } from "./layout.js";

/**
 * JSON for the machine surfaces (/api, /oparl) and for a client that prefers JSON to HTML; a page for
 * everyone else, browsers included (they send text/html first).
 */
export function wantsJson(c: Context): boolean {
  if (c.req.path.startsWith("/api/") || c.req.path === "/api" || c.req.path.startsWith("/oparl/"))
    return true;
  const accept = (c.req.header("accept") ?? "").toLowerCase();
  const json = accept.search(/application\/(?:[\w.+-]+\+)?json/);
  if (json < 0) return false;
  const html = accept.indexOf("text/html");
  return html < 0 || json < html;
}

const TITLES: Readonly<Record<ErrorStatus, string>> = {
  400: "Forkert forespørgsel",
  401: "Du skal logge ind",
  403: "Adgang nægtet",
  404: "Siden findes ikke",
  409: "Konflikt",
  410: "Siden findes ikke længere",
  413: "Forespørgslen er for stor",
  422: "Oplysningerne kan ikke bruges",
  429: "For mange forsøg",
  500: "Der opstod en fejl",
  503: "Søgningen tog for lang tid",
};

/** What a page says when the error brought no message of its own (Hono's bodyLimit, a bare HTTPException). */
const MESSAGES: Readonly<Record<ErrorStatus, string>> = {
  400: "Forespørgslen kunne ikke forstås.",
  401: "Log ind for at se siden.",
  403: "Du har ikke adgang til siden.",
  404: "Vi kunne ikke finde den side, du leder efter.",
  409: "Ændringen strider mod det, der allerede er gemt. Indlæs siden igen.",
  410: "Siden er fjernet eller udløbet.",
  413: "Det sendte er for stort.",
  422: "Oplysningerne kunne ikke bruges. Ret dem, og prøv igen.",
  429: "For mange forsøg. Vent lidt, og prøv igen.",
  500: "Siden kunne ikke vises. Prøv igen om lidt.",
  503: "Tjenesten er optaget. Prøv igen om lidt.",
};

/** What the next step is, under the message: sign in, go back to the form, or find the way from the front. */
function NextStep(props: { readonly status: ErrorStatus; readonly code: string; readonly path: string }) {
  if (props.status === 401) {
    return (
      <p>
        <a href="/log-ind">Log ind</a> eller gå til <a href="/">forsiden</a>.
      </p>
    );
  }
  if (props.code === "csrf-invalid" || props.code === "import-too-large" || props.status === 429) {
    return (
      <p>
        <a href={props.path}>Gå tilbage til formularen</a> eller til <a href="/">forsiden</a>.
      </p>
    );
  }
  return (
    <p>
      <a href="/">Gå til forsiden</a> eller <a href="/soeg">søg</a>.
    </p>
  );
}

/**
 * Answers an error: the status kept, a Danish page or JSON by Accept, Retry-After when known.
 * @example return errorResponse(c, 403, "forbidden", "Siden er kun for administratorer.");
 */
export function errorResponse(
  c: Context,
  status: ErrorStatus,
  code: string,
  message: string,
  retryAfter: Date | null = null,
): Response | Promise<Response> {
  if (retryAfter) {
    c.header("Retry-After", String(Math.max(1, Math.ceil((retryAfter.getTime() - Date.now()) / 1000))));
  }
  // An error is about this one request: no shared cache keeps it.
  c.header("Cache-Control", "no-store");
  if (wantsJson(c)) return c.json({ error: { status, code, message } }, status);
  const title = TITLES[status];
  return c.html(
    <Layout title={title}>
      <h1>{title}</h1>
      <p class="error-message">{message}</p>
      <NextStep status={status} code={code} path={c.req.path} />
    </Layout>,
    status,
  );
}

export const onError: ErrorHandler = (error, c) => {
  if (error instanceof PortalError) {
    return errorResponse(c, error.status, error.code, error.message, error.retryAfter);
  }
  if (error instanceof HTTPException && isErrorStatus(error.status) && error.status !== 500) {
    // Hono's own (bodyLimit's 413, a malformed body's 400): keep the status, say it in Danish.
    return errorResponse(c, error.status, DEFAULT_CODE[error.status], MESSAGES[error.status]);
  }
  console.error(`${c.req.method} ${c.req.path}:`, error);
  return errorResponse(c, 500, DEFAULT_CODE[500], MESSAGES[500]);
};

export const notFoundHandler: NotFoundHandler = (c) =>
  errorResponse(c, 404, "not-found", "Vi kunne ikke finde den side, du leder efter.");
