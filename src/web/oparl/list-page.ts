/**
 * @module OParl list pages (OParl 1.1 §2.5 "Paginierung" and "Filter"): reads the four date filters, the
 * page and elementsPerPage from the query, and builds `pagination` and `links` that keep every filter.
 */
import type { OparlFilter, OparlPageRequest } from "../../store/index.js";
import { badRequest } from "../http-error.js";
import { boundedInt } from "../request-params.js";
import type { OparlObject } from "./oparl-json.js";

export const DEFAULT_PAGE_SIZE = 50;
export const MAX_PAGE_SIZE = 100;

const FILTER_PARAMS = ["created_since", "created_until", "modified_since", "modified_until"] as const;

export interface ListRequest {
  readonly filter: OparlFilter;
  readonly page: OparlPageRequest;
  /** 1-based page number. */
  readonly pageNumber: number;
  /** The filters as the client sent them, for the links of every page. */
  readonly kept: ReadonlyMap<string, string>;
}

export interface ListPage {
  readonly data: readonly OparlObject[];
  readonly pagination: {
    readonly totalElements: number;
    readonly elementsPerPage: number;
    readonly currentPage: number;
    readonly totalPages: number;
  };
  readonly links: { readonly [key in "first" | "prev" | "self" | "next" | "last"]?: string };
}

/** Page numbers above this are a malformed request: with 100 per page it is 100 million objects in. */
export const MAX_PAGE = 1_000_000;

/** Parses a list request's query; a malformed date-time or number is a 400, never silently ignored. */
export function readListRequest(query: (name: string) => string | undefined): ListRequest {
  const kept = new Map<string, string>();
  const dates: Partial<Record<(typeof FILTER_PARAMS)[number], Date>> = {};
  for (const name of FILTER_PARAMS) {
    const raw = query(name);
    if (raw === undefined) continue;
    dates[name] = filterDate(raw, name);
    kept.set(name, raw);
  }
  // More than MAX_PAGE_SIZE is served as MAX_PAGE_SIZE (§2.5 lets the server choose); a number that is
  // no number, or absurdly large, is refused.
  const size = boundedInt(query("elementsPerPage"), "elementsPerPage", 1, MAX_PAGE) ?? DEFAULT_PAGE_SIZE;
  const limit = Math.min(size, MAX_PAGE_SIZE);
  if (query("elementsPerPage") !== undefined) kept.set("elementsPerPage", String(limit));
  const pageNumber = boundedInt(query("page"), "page", 1, MAX_PAGE) ?? 1;
  return {
    filter: {
      createdSince: dates.created_since,
      createdUntil: dates.created_until,
      modifiedSince: dates.modified_since,
      modifiedUntil: dates.modified_until,
    },
    page: { offset: (pageNumber - 1) * limit, limit },
    pageNumber,
    kept,
  };
}

/** §2.5: the filters take a full date-time; a bare date is accepted as its UTC midnight. */
const DATE_TIME =
  /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?(Z|[+-](\d{2}):?(\d{2}))?)?$/;

/**
 * A filter's date-time, checked against the calendar: 2024-02-30 and 25:00 are refused, as is a year
 * before 1000 (PostgreSQL has no year 0, so 0000-01-01 was a 500) or an offset beyond ±14:00.
 */
function filterDate(raw: string, name: string): Date {
  const refuse = () => badRequest(`${name} skal være et gyldigt tidspunkt (date-time), fik "${raw}".`);
  const m = DATE_TIME.exec(raw);
  if (!m) throw refuse();
  const [
    year = 0,
    month = 0,
    day = 0,
    hour = 0,
    minute = 0,
    second = 0,
    ,
    offsetHours = 0,
    offsetMinutes = 0,
  ] = m.slice(1).map((part) => (part === undefined ? 0 : Number(part)));
  const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate();
  const valid =
    year >= 1000 &&
    month >= 1 &&
    month <= 12 &&
    day >= 1 &&
    day <= daysInMonth &&
    hour <= 23 &&
    minute <= 59 &&
    second <= 59 &&
    offsetMinutes <= 59 &&
    offsetHours * 60 + offsetMinutes <= 14 * 60;
  const date = new Date(raw.replace(" ", "T"));
  if (!valid || Number.isNaN(date.getTime())) throw refuse();
  return date;
}

/**
 * Builds a list page. `links.next` is on every page but the last (§2.5), and every link carries the
 * client's filters so that following `next` never widens the list.
 */
export function listPage(
  listUrl: string,
  request: ListRequest,
  total: number,
  data: readonly OparlObject[],
): ListPage {
  const perPage = request.page.limit;
  const totalPages = Math.max(1, Math.ceil(total / perPage));
  const at = (page: number): string => {
    const params = new URLSearchParams();
    for (const [key, value] of request.kept) params.set(key, value);
    if (page > 1) params.set("page", String(page));
    const query = params.toString();
    return query ? `${listUrl}?${query}` : listUrl;
  };
  const current = request.pageNumber;
  return {
    data,
    pagination: { totalElements: total, elementsPerPage: perPage, currentPage: current, totalPages },
    links: {
      first: at(1),
      ...(current > 1 ? { prev: at(Math.min(current - 1, totalPages)) } : {}),
      self: at(current),
      ...(current < totalPages ? { next: at(current + 1) } : {}),
      last: at(totalPages),
    },
  };
}
