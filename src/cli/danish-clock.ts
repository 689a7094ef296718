/**
 * @module Times as an operator in Denmark reads them on the terminal, "2026-12-03 10:45" (sv-SE gives
 * the ISO order), whatever the machine's own time zone. Formatters are built once.
 */
const DANISH_MINUTE = new Intl.DateTimeFormat("sv-SE", {
  dateStyle: "short",
  timeStyle: "short",
  timeZone: "Europe/Copenhagen",
});

const DANISH_SECOND = new Intl.DateTimeFormat("sv-SE", {
  dateStyle: "short",
  timeStyle: "medium",
  timeZone: "Europe/Copenhagen",
});

/** @example danishMinute(new Date("2026-12-02T07:05:00Z")) // "2026-12-02 08:05" */
export const danishMinute = (date: Date): string => DANISH_MINUTE.format(date);

/** @example danishSecond(new Date("2026-12-03T09:45:06Z")) // "2026-12-03 10:45:06" */
export const danishSecond = (date: Date): string => DANISH_SECOND.format(date);
