/** @module GET /api/search: the search as JSON (the shape of search-json.ts), for whoever is asking. */

import { Hono } from "hono";
import { loadDanishWordChecker } from "../../ingest/index.js";
import { parseSearchRequest, SearchRequestError, SearchTimeoutError, search } from "../../search/index.js";
import { badRequest, searchTimedOut } from "../http-error.js";
import { presentSearchJson } from "./search-json.js";

/**
 * Mounted at /api/search. Query parameters: q, body, year, kind, municipality, person, sort, page,
 * pageSize, asTyped (search the words as typed, with no reading of a misspelling as another word). A
 * signed-in caller (session cookie or bearer token) also finds what their roles let them see.
 * @example app.route("/api/search", searchApiApp())
 */
export function searchApiApp(): Hono {
  const app = new Hono();
  app.get("/", async function searchApi(c) {
    let request: ReturnType<typeof parseSearchRequest>;
    try {
      request = parseSearchRequest(c.req.query());
    } catch (error) {
      if (error instanceof SearchRequestError) throw badRequest(error.message);
      throw error;
    }
    const viewer = c.get("viewer");
    const response = await search(c.get("readDb"), request, {
      timeoutMs: c.get("settings").searchTimeoutMs,
      viewer,
      dictionary: loadDanishWordChecker,
    }).catch((error: unknown) => {
      // A JSON error with status 503 and the Danish message (onError), never a 500 with a stack.
      throw error instanceof SearchTimeoutError ? searchTimedOut() : error;
    });
    // A signed-in viewer's answer may hold closed items: no shared cache, nor the browser's, keeps it.
    c.header("Cache-Control", viewer.kind === "public" ? "public, max-age=60" : "private, no-store");
    return c.json(presentSearchJson(response));
  });
  return app;
}
