/**
 * @module `raadsinfo search "QUERY" [--json] [--body --year --kind --page]`: the public search from the
 * command line. --json prints exactly what GET /api/search returns; without it, a short readable list.
 */

import { loadDanishWordChecker } from "../ingest/index.js";
import { parseSearchRequest, SearchRequestError, search } from "../search/index.js";
import { presentSearchJson } from "../web/api/search-json.js";
import { meetingDateLabel } from "../web/components/format.js";
import { resultUrl } from "../web/components/search-urls.js";
import { plural } from "./plural.js";
import { openStoreFromFlags, type StoreFlags } from "./store-options.js";
import { UsageError } from "./usage-error.js";

export interface SearchFlags extends StoreFlags {
  readonly json?: boolean | undefined;
  readonly body?: string | undefined;
  readonly year?: string | undefined;
  readonly kind?: string | undefined;
  readonly page?: string | undefined;
  readonly "as-typed"?: boolean | undefined;
}

export async function searchCommand(query: string, flags: SearchFlags): Promise<void> {
  if (query.trim() === "") throw new UsageError('search needs a QUERY, e.g. raadsinfo search "biokul"');
  let request: ReturnType<typeof parseSearchRequest>;
  try {
    request = parseSearchRequest({
      q: query,
      body: flags.body,
      year: flags.year,
      kind: flags.kind,
      page: flags.page,
      asTyped: flags["as-typed"] ? "1" : undefined,
    });
  } catch (error) {
    if (error instanceof SearchRequestError) throw new UsageError(error.message);
    throw error;
  }
  const store = await openStoreFromFlags(flags, "search");
  try {
    const response = await search(store.db, request, { dictionary: loadDanishWordChecker });
    if (flags.json) {
      process.stdout.write(`${JSON.stringify(presentSearchJson(response), null, 2)}\n`);
      return;
    }
    // Not exact: search stopped counting at its cap, and total is a lower bound.
    const total = `${response.totalExact ? "" : "at least "}${plural(response.total, "result")}`;
    const searched = response.correctedQuery ?? query;
    const lines = [`${total} for "${searched}" (page ${response.page})`];
    if (response.correctedQuery) {
      lines.push(
        `Viser resultater for ${response.correctedQuery}. Søg i stedet efter ${query} med --as-typed`,
      );
    }
    if (response.notice) lines.push(response.notice);
    if (response.suggestion) lines.push(`Mente du: ${response.suggestion}`);
    for (const r of response.results) {
      const where = [
        r.meeting
          ? `${r.meeting.body ?? ""} ${meetingDateLabel(r.meeting.date, r.meeting.dateEstimated)}`.trim()
          : null,
        r.itemNumber ? `punkt ${r.itemNumber}` : null,
        r.source.file ? `${r.source.file} p.${r.source.page ?? "?"} l.${r.source.lineStart ?? "?"}` : null,
      ].filter(Boolean);
      lines.push(
        "",
        `[${r.kind}] ${r.title}  ${resultUrl(r)}`,
        `  ${where.join(" · ")}`,
        // A terminal shows the passage as text; which words matched is the query's own.
        `  ${r.snippet.map((s) => s.text).join("")}`,
      );
      if (r.pages.length > 1) lines.push(`  matching pages, best first: ${r.pages.join(", ")}`);
    }
    process.stdout.write(`${lines.join("\n")}\n`);
  } finally {
    await store.close();
  }
}
