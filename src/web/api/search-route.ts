/** @module GET /api/search: the search as JSON (the shape of src/search/search-json.ts). */
import { Hono } from "hono";
import {
  parseSearchRequest,
  presentSearchJson,
  SearchRequestError,
  SearchTimeoutError,
  search,
} from "../../search/index.js";
import { badRequest, searchTimedOut } from "../http-error.js";

/**
 * Mounted at /api/search. Query parameters: q, body, year, kind, municipality, person, sort, page.
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
    const response = await search(c.get("db"), request, {
      timeoutMs: c.get("settings").searchTimeoutMs,
    }).catch((error: unknown) => {
      // A JSON error with status 503 and the Danish message (onError), never a 500 with a stack.
      throw error instanceof SearchTimeoutError ? searchTimedOut() : error;
    });
    c.header("Cache-Control", "public, max-age=60");
    return c.json(presentSearchJson(response));
  });
  return app;
}
