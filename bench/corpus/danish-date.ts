/** @module Dates written the Danish way in the synthetic documents: "20. september 2024". */

const MONTHS = [
  "januar",
  "februar",
  "marts",
  "april",
  "maj",
  "juni",
  "juli",
  "august",
  "september",
  "oktober",
  "november",
  "december",
] as const;

/** "2024-09-20" -> "20. september 2024" */
export function danishDate(iso: string): string {
  const [y, m, d] = iso.split("-").map(Number) as [number, number, number];
  return `${d}. ${MONTHS[m - 1]} ${y}`;
}
