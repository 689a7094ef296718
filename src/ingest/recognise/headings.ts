/**
 * @module Line patterns shared by the recognisers: item and section headings, case lines, the headed
 * fields of an item and the standing items every KKR agenda has.
 */
import type { ItemFieldKey } from "../../domain/index.js";

/** A numbered heading as written: "2.3. Aftale om Grønt Danmark", " 5. Eventuelt", "Punkt 4: Siden sidst". */
export interface NumberedHeading {
  readonly major: number;
  /** Sub-number ("3" of "2.3"), or null for a one-level number. */
  readonly minor: number | null;
  /** The number as the contract writes it: "2.3" or "5". */
  readonly number: string;
  readonly title: string;
}

// Bounded quantifiers only: these run once per line, so no pattern may backtrack on long lines.
const NUMBERED =
  /^(?:(?:punkt|pkt\.?)\s{0,3})?(\d{1,2})(?:\.(\d{1,2}))?(\.?)(?:\s{1,3}[-–]\s{1,8}|\s{1,8}|\s{0,3}[:)]\s{0,8})(\S.{0,400})$/iu;
const NUMBER_ONLY = /^(?:(?:punkt|pkt\.?)\s{0,3})?(\d{1,2})(?:\.(\d{1,2}))?\.?$/iu;

/** A title starts like a heading: a capital letter, a digit or an opening quote. */
function titleLike(title: string): boolean {
  return /^[\p{Lu}\d"“”„«'‘’(]/u.test(title);
}

/**
 * Reads a numbered heading from a normalised line. A one-level number must be followed by a dot or a
 * colon ("5. Eventuelt", "Punkt 5: Eventuelt") so that "16 Tema 7 / ..." page footers of embedded
 * publications (seeds/003 line 347) are not taken.
 */
export function parseNumberedHeading(text: string): NumberedHeading | null {
  if (text.length > 420) return null;
  const match = NUMBERED.exec(text);
  if (!match) return null;
  const [, majorText, minorText, dot, title] = match;
  if (!majorText || !title) return null;
  if (
    minorText === undefined &&
    dot !== "." &&
    !/^(?:punkt|pkt)/i.test(text) &&
    !/^\d{1,2}\s{0,3}[:)]/.test(text)
  )
    return null;
  if (!titleLike(title)) return null;
  const major = Number(majorText);
  const minor = minorText === undefined ? null : Number(minorText);
  if (major === 0) return null;
  return {
    major,
    minor,
    number: minor === null ? String(major) : `${major}.${minor}`,
    title: title.trim(),
  };
}

/** Reads a heading number standing alone on its line ("2.3" with the title on the next line, as some PDFs set it). */
export function parseNumberOnly(text: string): { major: number; minor: number | null } | null {
  const match = NUMBER_ONLY.exec(text);
  if (!match?.[1]) return null;
  return { major: Number(match[1]), minor: match[2] === undefined ? null : Number(match[2]) };
}

/** Case number and the initials of the case workers: "SAG-2024-03326 hlth/hast", "Sagsnr.: 24/1234". */
export interface CaseLine {
  readonly caseNumber: string;
  readonly initials: readonly string[];
}

const KL_CASE =
  /^(?:sags?(?:nr|nummer)\.?\s{0,3}:?\s{0,3})?([A-ZÆØÅ]{2,6}-\d{4}-\d{2,8})(?:\s{1,8}([a-zæøå]{2,8}(?:\s{0,2}[/,]\s{0,2}[a-zæøå]{2,8}){0,8}))?\s*$/iu;
const LABELLED_CASE =
  /^(?:sags?[\s-]?(?:nr|nummer|id)|j\.?\s?nr|journal\s?(?:nr|nummer))\.?\s{0,3}:?\s{0,3}([\w./-]{3,40})(?:\s{1,8}([a-zæøå]{2,8}(?:\/[a-zæøå]{2,8}){0,8}))?\s*$/iu;

/** Reads a case line, or null. */
export function parseCaseLine(text: string): CaseLine | null {
  if (text.length > 120) return null;
  const match = KL_CASE.exec(text) ?? LABELLED_CASE.exec(text);
  if (!match?.[1]) return null;
  const initials = match[2] ? match[2].split(/\s*[/,]\s*/).filter((part) => part.length > 0) : [];
  return { caseNumber: match[1], initials };
}

const FIELD_NAMES: ReadonlyMap<string, ItemFieldKey> = new Map([
  ["baggrund", "baggrund"],
  ["indstilling", "indstilling"],
  ["indstillinger", "indstilling"],
  ["forslag til beslutning", "indstilling"],
  ["sagsfremstilling", "sagsfremstilling"],
  ["sagsbeskrivelse", "sagsfremstilling"],
  ["beslutning", "beslutning"],
  ["beslutninger", "beslutning"],
  ["resume", "resume"],
  ["resumé", "resume"],
  ["sagsforløb", "sagsforloeb"],
  ["sagsforloeb", "sagsforloeb"],
]);

const FIELD_FIRST_WORDS: ReadonlySet<string> = new Set([
  ...[...FIELD_NAMES.keys()].map((name) => name.split(" ")[0] as string),
  "beslutning",
  "indstilling",
]);

/**
 * Reads a field heading ("Baggrund", "Beslutning:", "Beslutning den 20. september 2024", "Beslutning i
 * KKR Nordjylland"), or null. The heading stands alone on its line.
 */
export function parseFieldHeading(text: string): ItemFieldKey | null {
  if (text.length > 80) return null;
  // Cheap rejection first: this runs on every line, and a field heading starts with one of a few words.
  const firstWord = /^[\p{L}]+/u.exec(text)?.[0]?.toLowerCase() ?? "";
  if (!FIELD_FIRST_WORDS.has(firstWord)) return null;
  const bare = text.replace(/\s*:\s*$/, "").toLowerCase();
  const exact = FIELD_NAMES.get(bare);
  if (exact) return exact;
  // "Beslutning i KKR Nordjylland den 20-09-2024": a decision heading that names body or date.
  const qualified = /^(beslutning|indstilling)(?:\s+(?:i|fra|den|på|af)\s+[^.]{1,70})$/u.exec(bare);
  if (qualified?.[1]) return qualified[1] === "beslutning" ? "beslutning" : "indstilling";
  // "Beslutning Økonomiudvalget den 12-03-2025": a municipal decision heading naming the committee.
  const named = /^(Beslutning|Indstilling)\s+\p{Lu}[\p{L}-]{2,40}(?:\s[^.]{0,50})?$/u.exec(
    text.replace(/\s*:\s*$/, ""),
  );
  if (named?.[1] && /\d{4}|udvalg|byråd|råd|bestyrelse|kkr/iu.test(text)) {
    return named[1] === "Beslutning" ? "beslutning" : "indstilling";
  }
  return null;
}

/** Standing items of a KKR agenda; a one-level heading with such a title is a section-level item. */
const STANDING_TITLES =
  /^(?:godkendelse af (?:dagsorden|referat)|siden sidst|punkter til (?:næste|kommende) møde|eventuelt|evt\.|meddelelser|orientering(?:ssager)?|gensidig orientering|lukket (?:punkt|møde|dagsorden)|næste møde)\b/iu;

/** True for the title of a standing item ("Eventuelt", "Siden sidst", "Punkter til næste møde"). */
export function isStandingTitle(title: string): boolean {
  return STANDING_TITLES.test(title.trim());
}
