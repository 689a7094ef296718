/**
 * @module Danish CPR numbers (personnumre) in running text, so that none reaches a public page. A CPR
 * number is a birth date (ddmmyy) and four digits, written ddmmyy-nnnn or ddmmyynnnn; the seventh digit
 * and the year give the century (CPR-kontoret's table), which decides whether 29 February is a date.
 * Since 2007 not every number passes the old modulus-11 check, so it is not required. Look-alikes in
 * council records are left alone: case numbers (SAG-2024-030526-1234, 24/120390-1234), amounts
 * (1203901234 kr.), phone numbers (tlf. 1203901234), account and register numbers, and digit runs inside
 * longer numbers, dates or URLs.
 */

/** One CPR number found in a text, by its character offsets. */
export interface CprMatch {
  /** Offset of its first character. */
  readonly start: number;
  /** Offset after its last character. */
  readonly end: number;
  /** As written, e.g. "120390-1234". */
  readonly text: string;
}

// Not glued to a longer number, word, path or case number on either side: a run of exactly 6 + 4 digits.
const CANDIDATE =
  /(?<![\p{L}\p{N}/\\_.-]|[\p{N}][.,])(\d{2})(\d{2})(\d{2})-?(\d{4})(?![\p{L}\p{N}/\\_-]|[.,]\p{N})/gu;

/** Words that, just before the digits, say what they are when it is not a person. */
const NOT_A_PERSON_BEFORE =
  /(?:tlf|telefon|telefonnr|mobil|mobilnr|fax|kr|dkk|beløb|sag|sagsnr|sags-?nr|j\.?\s?nr|journalnr|journal|ean|ean-nr|cvr|cvr-nr|se-nr|p-nr|konto|kontonr|reg|reg-nr|regnr|faktura|fakturanr|ordre|ordrenr|bilag|id|nr)\.?\s*:?\s*$/iu;
/** Words just after the digits that make them an amount or a measure. */
const NOT_A_PERSON_AFTER = /^\s*(?:kr\b|kroner|dkk\b|mio\b|mia\b|%|m2\b|m²|km\b|stk\b)/iu;
/** Words just before the digits that name a CPR number: these win over everything above. */
const NAMED_CPR_BEFORE = /(?:cpr|cpr-nr|cpr\.nr|personnummer|personnr|cpr-nummer)\.?\s*:?\s*$/iu;

/**
 * Finds the CPR numbers in a text.
 * @example findCprNumbers("Borger, cpr. 120390-1234, har klaget"); // [{ start: 12, end: 23, text: "120390-1234" }]
 * @example findCprNumbers("Sag SAG-2024-03326, tlf. 1203901234, 1203901234 kr."); // []
 */
export function findCprNumbers(text: string): CprMatch[] {
  const found: CprMatch[] = [];
  for (const match of text.matchAll(CANDIDATE)) {
    const [whole, day, month, year, serial] = match;
    const start = match.index ?? 0;
    if (!isCprDate(Number(day), Number(month), Number(year), Number(serial?.[0]))) continue;
    const before = text.slice(Math.max(0, start - 24), start);
    const after = text.slice(start + whole.length, start + whole.length + 12);
    const named = NAMED_CPR_BEFORE.test(before);
    if (!named && (NOT_A_PERSON_BEFORE.test(before) || NOT_A_PERSON_AFTER.test(after))) continue;
    found.push({ start, end: start + whole.length, text: whole });
  }
  return found;
}

/**
 * True when a text holds a CPR number.
 * @example hasCprNumber("cpr-nr. 010203-4567"); // true
 */
export function hasCprNumber(text: string): boolean {
  return findCprNumbers(text).length > 0;
}

/**
 * The full year of a CPR number's birth date, from its two-digit year and the seventh digit.
 * @example cprCentury(90, 1); // 1990
 * @example cprCentury(10, 4); // 2010
 */
export function cprYear(twoDigitYear: number, seventhDigit: number): number {
  if (seventhDigit <= 3) return 1900 + twoDigitYear;
  if (seventhDigit === 4 || seventhDigit === 9) return (twoDigitYear <= 36 ? 2000 : 1900) + twoDigitYear;
  return (twoDigitYear <= 57 ? 2000 : 1800) + twoDigitYear;
}

function isCprDate(day: number, month: number, twoDigitYear: number, seventhDigit: number): boolean {
  if (month < 1 || month > 12 || day < 1) return false;
  const year = cprYear(twoDigitYear, seventhDigit);
  // Day 0 of the next month is the last day of this one.
  const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return day <= daysInMonth;
}
