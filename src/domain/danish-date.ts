/** @module Danish date formatting for the interface ("20. september 2024"). */
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

/** Month names in Danish, index 0 = januar. */
export const DANISH_MONTHS: readonly string[] = MONTHS;

/**
 * Formats an ISO date as Danish long form.
 * @example formatDanishDate("2024-09-20") // "20. september 2024"
 */
export function formatDanishDate(iso: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso);
  if (!match) return iso;
  const [, year, month, day] = match;
  return `${Number(day)}. ${MONTHS[Number(month) - 1] ?? month} ${year}`;
}
