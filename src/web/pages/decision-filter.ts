/**
 * @module The decision overview's filter as URL parameters, read one way by the page, its Atom feed and
 * its CSV: organ (body id), aar, kommune, udfald (domain's outcome) and side. A malformed value is a
 * Danish 400, an unknown municipality or outcome too.
 */
import type { Context } from "hono";
import { type DecisionOutcome, isDecisionOutcome, isMunicipality } from "../../domain/index.js";
import type { DecisionFilter } from "../../store/index.js";
import { badRequest } from "../http-error.js";
import { boundedInt, MAX_ROW_ID } from "../request-params.js";

export interface DecisionRequest {
  readonly filter: DecisionFilter;
  readonly page: number;
}

/** Reads the filter from the query string. */
export function decisionRequest(c: Context): DecisionRequest {
  const bodyId = boundedInt(c.req.query("organ"), "organ", 1, MAX_ROW_ID);
  const year = boundedInt(c.req.query("aar"), "aar", 1900, 2100);
  const municipality = c.req.query("kommune") || undefined;
  if (municipality !== undefined && !isMunicipality(municipality))
    throw badRequest(`kommune skal være navnet på en dansk kommune, fx Aalborg.`);
  const outcomeParam = c.req.query("udfald") || undefined;
  if (outcomeParam !== undefined && !isDecisionOutcome(outcomeParam))
    throw badRequest("udfald skal være godkendt, efterretning, anbefalet, udsat eller andet.");
  const outcome: DecisionOutcome | undefined = outcomeParam;
  const page = boundedInt(c.req.query("side"), "side", 1, 10_000) ?? 1;
  return {
    filter: {
      ...(bodyId !== undefined ? { bodyId } : {}),
      ...(year !== undefined ? { year } : {}),
      ...(municipality !== undefined ? { municipality } : {}),
      ...(outcome !== undefined ? { outcome } : {}),
    },
    page,
  };
}

/** The query string of a filter (and a page other than the first), "" when nothing is set. */
export function decisionQuery(filter: DecisionFilter, page = 1): string {
  const params = new URLSearchParams();
  if (filter.bodyId !== undefined) params.set("organ", String(filter.bodyId));
  if (filter.year !== undefined) params.set("aar", String(filter.year));
  if (filter.municipality !== undefined) params.set("kommune", filter.municipality);
  if (filter.outcome !== undefined) params.set("udfald", filter.outcome);
  if (page > 1) params.set("side", String(page));
  const query = params.toString();
  return query ? `?${query}` : "";
}
