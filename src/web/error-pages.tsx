/** @module One onError and one notFound: a Danish page or JSON by Accept; never a stack trace. */
import type { Context, ErrorHandler, NotFoundHandler } from "hono";
import { HTTPException } from "hono/http-exception";
import { PortalError } from "./http-error.js";
import { Layout } from "./layout.js";

function wantsJson(c: Context): boolean {
  return (
    c.req.path.startsWith("/api/") ||
    c.req.path.startsWith("/oparl/") ||
    (c.req.header("accept") ?? "").includes("application/json")
  );
}

type ErrorStatus = 400 | 404 | 500 | 503;

const TITLES: Readonly<Record<Exclude<ErrorStatus, 500>, string>> = {
  400: "Forkert forespørgsel",
  404: "Siden findes ikke",
  503: "Søgningen tog for lang tid",
};

function errorPage(c: Context, status: ErrorStatus, title: string, message: string) {
  if (wantsJson(c)) return c.json({ error: { status, message } }, status);
  return c.html(
    <Layout title={title}>
      <h1>{title}</h1>
      <p>{message}</p>
      <p>
        <a href="/">Gå til forsiden</a> eller <a href="/soeg">søg</a>.
      </p>
    </Layout>,
    status,
  );
}

export const onError: ErrorHandler = (error, c) => {
  if (error instanceof PortalError || error instanceof HTTPException) {
    const status = error.status;
    if (status === 400 || status === 404 || status === 503) {
      const title = TITLES[status];
      return errorPage(c, status, title, error.message || title);
    }
  }
  console.error(`${c.req.method} ${c.req.path}:`, error);
  return errorPage(c, 500, "Der opstod en fejl", "Siden kunne ikke vises. Prøv igen om lidt.");
};

export const notFoundHandler: NotFoundHandler = (c) =>
  errorPage(c, 404, "Siden findes ikke", "Vi kunne ikke finde den side, du leder efter.");
