/**
 * @module The legislative term (valgperiode) a meeting falls in. Danish local councils are elected for four
 * years from 1 January after the November election (2021, 2025, ...), and KKR members are appointed for the
 * same period, so every meeting date lies in exactly one such term. No I/O.
 */

/** A term as the store keeps it: its Danish name and its first and last day (ISO dates). */
export interface LegislativeTerm {
  readonly name: string;
  readonly startDate: string;
  readonly endDate: string;
}

/** The first year of a known term; the others follow every four years, before and after. */
const TERM_ANCHOR_YEAR = 2022;
const TERM_YEARS = 4;

/**
 * The term a meeting date (ISO, `YYYY-MM-DD`) falls in; only its year counts.
 * @example legislativeTermOf("2024-03-12") // { name: "Valgperiode 2022-2025", startDate: "2022-01-01", endDate: "2025-12-31" }
 */
export function legislativeTermOf(date: string): LegislativeTerm {
  const year = Number(date.slice(0, 4));
  const start = TERM_ANCHOR_YEAR + TERM_YEARS * Math.floor((year - TERM_ANCHOR_YEAR) / TERM_YEARS);
  const end = start + TERM_YEARS - 1;
  return { name: `Valgperiode ${start}-${end}`, startDate: `${start}-01-01`, endDate: `${end}-12-31` };
}
