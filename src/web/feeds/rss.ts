/** @module Renders a Feed as RSS 2.0. */
import { dayInstant, type Feed } from "./feed-entries.js";
import { xmlEscape } from "./xml-escape.js";

export function renderRss(feed: Feed): string {
  const items = feed.entries
    .map(
      (e) => `<item>
<title>${xmlEscape(e.title)}</title>
<link>${xmlEscape(e.url)}</link>
<guid isPermaLink="true">${xmlEscape(e.id)}</guid>
<pubDate>${dayInstant(e.date).toUTCString()}</pubDate>
<description>${xmlEscape(e.summary)}</description>
</item>`,
    )
    .join("\n");
  return `<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom">
<channel>
<title>${xmlEscape(feed.title)}</title>
<link>${xmlEscape(feed.url)}</link>
<atom:link href="${xmlEscape(feed.selfUrl)}" rel="self" type="application/rss+xml"/>
<description>${xmlEscape(feed.title)}</description>
<language>da</language>
<lastBuildDate>${feed.updated.toUTCString()}</lastBuildDate>
${items}
</channel>
</rss>
`;
}
