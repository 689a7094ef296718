/** @module Renders a Feed as Atom (RFC 4287). */
import type { Feed } from "./feed-entries.js";
import { xmlEscape } from "./xml-escape.js";

export function renderAtom(feed: Feed): string {
  const entries = feed.entries
    .map(
      (e) => `<entry>
<id>${xmlEscape(e.id)}</id>
<title>${xmlEscape(e.title)}</title>
<link rel="alternate" type="text/html" href="${xmlEscape(e.url)}"/>
<updated>${e.updated.toISOString()}</updated>
<summary>${xmlEscape(e.summary)}</summary>
</entry>`,
    )
    .join("\n");
  return `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="da">
<id>${xmlEscape(feed.url)}</id>
<title>${xmlEscape(feed.title)}</title>
<link rel="alternate" type="text/html" href="${xmlEscape(feed.url)}"/>
<link rel="self" type="application/atom+xml" href="${xmlEscape(feed.selfUrl)}"/>
<updated>${feed.updated.toISOString()}</updated>
<author><name>Rådsinfo</name></author>
${entries}
</feed>
`;
}
