/** @module Routes of a body's feeds: /organ/{id}/feed.rss, /organ/{id}/feed.atom, /organ/{id}/moeder.ics. */
import { Hono } from "hono";
import { getBodyFeed } from "../../store/index.js";
import { notFound } from "../http-error.js";
import { idParam } from "../pages/route-params.js";
import { renderAtom } from "./atom.js";
import { buildBodyFeed } from "./feed-entries.js";
import { renderIcs } from "./ics.js";
import { renderRss } from "./rss.js";

export function feedApp(): Hono {
  const app = new Hono();
  app.get("/organ/:id/:feed{feed\\.rss|feed\\.atom|moeder\\.ics}", async (c) => {
    const data = await getBodyFeed(c.get("readDb"), idParam(c), { viewer: c.get("viewer") });
    if (!data) throw notFound("Organet");
    const baseUrl = c.get("settings").publicBaseUrl;
    const kind = c.req.param("feed");
    const headers = { "cache-control": "public, max-age=300" };
    if (kind === "moeder.ics") {
      return c.body(renderIcs(data, baseUrl), 200, {
        ...headers,
        "content-type": "text/calendar; charset=utf-8",
        "content-disposition": `inline; filename="moeder-${data.id}.ics"`,
      });
    }
    const feed = buildBodyFeed(data, baseUrl, c.req.path);
    return kind === "feed.rss"
      ? c.body(renderRss(feed), 200, { ...headers, "content-type": "application/rss+xml; charset=utf-8" })
      : c.body(renderAtom(feed), 200, { ...headers, "content-type": "application/atom+xml; charset=utf-8" });
  });
  return app;
}
