/**
 * @module One entry of an attendance list, in the forms publishers print: "Hans Ejner Bertelsen (V) Morsø
 * Kommune", "Poul-Erik Svendsen, A", "Susanne Due Kristensen: Deltog", "Nicolai Nicolaisen (A)- afbud",
 * "Villy Søvndal, F - Tine Hundahl Jensen stedfortræder", "Marianne Zangenberg (stedfortræder: Per B.
 * Andersen)", "Kirsten Del Campo (for Caroline Møller Jensen)", "Laura Rosenvinge (Socialdemokratiet),
 * ferie." Names are read as names (capitalised words), so running text is no entry.
 */
import type { Attendee } from "../../domain/index.js";
import { findMunicipality } from "../entities/municipalities.js";

/** What one entry says about its person. */
export interface Entry {
  readonly attendee: Attendee;
  /** A status written with the entry (": Deltog", "- afbud"); null where the list it stands in decides. */
  readonly status: "present" | "absent" | null;
  /** The person who stood in for this one ("(stedfortræder: X)", "- X stedfortræder"). */
  readonly standIn: string | null;
  /** Items the person did not take part in ("- deltog ikke i behandlingen af punkt: 6, 8, 9"). */
  readonly partialItems: readonly string[];
}

/** One word of a name: "Anne-Marie", "Møller-Nielsen", "O'Hara", or an initial "G.". */
const NAME_WORD = "(?:\\p{Lu}\\.|\\p{Lu}[\\p{Ll}\\p{Lu}'’]*(?:-\\p{Lu}?[\\p{Ll}\\p{Lu}'’]+)*)";
/** Lower-case name particles: "Kirsten Del Campo" needs none, "Jan van der Berg" does. */
const PARTICLE = "(?:de|da|del|di|du|van|von|der|den|la|le|af|bin|el)";
/** A personal name: two to six words, all capitalised but particles. */
export const NAME = `${NAME_WORD}(?:\\s${PARTICLE})*(?:\\s${NAME_WORD}){1,5}`;
const NAME_ONLY = new RegExp(`^${NAME}$`, "u");

/** Words that begin or make up headings, places and sentences, never a person's name. */
const NOT_NAME_WORDS =
  /^(?:Kommune|Region|Regionen|Udvalget|Udvalg|Referat|Dagsorden|Beslutning|Godkendt|Sager|Sag|Bilag|Punkt|Side|Mødet|Møde|Fra|For|Til|Ikke|Ingen|Alle|Luk|Åbent|Lukket|Sagsnr|Sagsfremstilling|Indstilling|Bemærkninger|Medlemmer|Deltagere|Afbud|Fraværende|Der|Det|Den|Og|Med|Se|Formand|Næstformand)$/u;

/** Role words written before a name ("Borgmester Mads Duedahl", "Formand: Lars Ejby Pedersen"). */
const ROLE_PREFIX =
  /^(?:(?:1\.\s*|2\.\s*)?(?:borgmester|viceborgmester|rådmand|formand|næstformand|kommunalbestyrelsesmedlem|byrådsmedlem|regionsrådsmedlem|regionsrådsformand|medlem|udvalgsformand|udvalgsmedlem)\s*:?\s+)+/iu;

/** A party written after a comma: a letter code ("A", "SF", "Ø") or "løsgænger". */
const COMMA_PARTY = /^(?:\p{Lu}{1,3}|løsgænger|Løsgænger|UP)$/u;

/** True when a text is a personal name. */
export function isName(text: string): boolean {
  if (!NAME_ONLY.test(text)) return false;
  const words = text.split(" ");
  // One initial is a middle name; a name of initials alone ("A. B.") is an abbreviation.
  if (words.every((word) => /^\p{Lu}\.$/u.test(word))) return false;
  return !words.some((word) => NOT_NAME_WORDS.test(word));
}

/** The name as written, without a role before it and punctuation after it; null when it is no name. */
export function cleanName(raw: string): string | null {
  const name = raw
    .replace(ROLE_PREFIX, "")
    .replace(/[\s,;:–-]+$/u, "")
    // A full stop ends the sentence unless it closes an initial ("John G.").
    .replace(/(?<=\p{L}{2})\.$/u, "")
    .trim();
  return isName(name) ? name : null;
}

/** "6, 8, 9", "12-15", "4 og 5": item numbers as printed, ranges expanded. */
export function itemNumbers(text: string): string[] {
  const out: string[] = [];
  for (const part of text.split(/\s*(?:,|\bog\b|&)\s*/u)) {
    const range = /^(\d{1,3})\s*[-–]\s*(\d{1,3})$/u.exec(part.trim());
    if (range) {
      const from = Number(range[1]);
      const to = Number(range[2]);
      for (let n = from; n <= to && to - from <= 50; n++) out.push(String(n));
      continue;
    }
    const single = /^(\d{1,3}(?:\.\d{1,2})?)\.?$/u.exec(part.trim());
    if (single?.[1]) out.push(single[1]);
  }
  return out;
}

/** "deltog ikke i behandlingen af punkt: 6, 8, 9" / "deltog ikke under punkterne 12-15" -> item numbers. */
export const PARTIAL =
  /deltog\s+ikke\s+(?:i\s+behandlingen\s+af|under|ved|i)\s+(?:punkt(?:erne|et)?|pkt\.?|sag(?:erne)?)\s*:?\s*(\d{1,3}(?:\s*(?:,|og|&|[-–])\s*\d{1,3})*)/iu;

const STATUS_WORDS: readonly (readonly [RegExp, "present" | "absent"])[] = [
  [/^(?:deltog|til stede|tilstede|mødt|fremmødt)$/iu, "present"],
  [/^(?:afbud|fraværende|meldt afbud|forfald|ikke mødt|syg|ferie|ikke til stede)$/iu, "absent"],
];

function statusOf(word: string): "present" | "absent" | null {
  for (const [pattern, status] of STATUS_WORDS) if (pattern.test(word.trim())) return status;
  return null;
}

/** Splits a text at top level (outside brackets) on the given separator. */
function splitOutsideBrackets(text: string, separator: RegExp): string[] {
  const parts: string[] = [];
  let depth = 0;
  let start = 0;
  for (let index = 0; index < text.length; index++) {
    const char = text[index];
    if (char === "(") depth++;
    else if (char === ")") depth = Math.max(0, depth - 1);
    if (depth > 0) continue;
    separator.lastIndex = index;
    const match = separator.exec(text);
    if (match && match.index === index) {
      parts.push(text.slice(start, index));
      start = index + match[0].length;
      index = start - 1;
    }
  }
  parts.push(text.slice(start));
  return parts.map((part) => part.trim()).filter((part) => part.length > 0);
}

/**
 * Splits a list written on one line: "A, B, C og D", "A (V), B (A)", "A (stedfortræder: X) og B (...)",
 * "A (A) B (V)" (entries set one after another with no separator).
 */
export function splitNames(text: string): string[] {
  const parts = splitOutsideBrackets(text.replace(/\.\s*$/u, ""), /\s*[,;]\s*|\s+og\s+|\s+samt\s+/uy);
  const out: string[] = [];
  for (const part of parts) {
    // "Bente Ankersen (A) Christian Jørgensen (V)": a closing party bracket followed by another name.
    for (const piece of part.split(/(?<=\(\p{Lu}{1,3}\))\s+(?=\p{Lu}[^()]{1,60}\()/u)) out.push(piece);
  }
  return out;
}

/** The bracket groups after a name, each classified. */
interface Brackets {
  party: string | null;
  substituteFor: string | null;
  standIn: string | null;
}

function readBracket(inner: string, into: Brackets): boolean {
  const text = inner.trim();
  const standIn = /^(?:stedfortræder|suppleant)\s*:\s*(.+)$/iu.exec(text);
  if (standIn?.[1]) {
    into.standIn = cleanName(standIn[1]) ?? standIn[1].trim();
    return true;
  }
  const forWhom = /^(?:(?:suppl\.?|suppleant|stedfortræder)\s+)?for\s+(.+)$/iu.exec(text);
  if (forWhom?.[1]) {
    const name = cleanName(forWhom[1].replace(/\s*\(.*$/u, ""));
    if (!name) return false;
    into.substituteFor = name;
    return true;
  }
  if (/^(?:formand|næstformand|borgmester|viceborgmester|rådmand)$/iu.test(text)) return true;
  // A party: a letter code ("A", "SF") or a party's name ("Socialdemokratiet", "Løsgænger").
  if (/^(?:\p{Lu}{1,4}|\p{L}[\p{L}-]{1,30}(?:\s\p{L}[\p{L}-]{1,30}){0,3})$/u.test(text)) {
    into.party ??= text;
    return true;
  }
  return false;
}

const SUBSTITUTE_REST =
  /^[,;]?\s*\(?\s*(?:suppl\.?|suppleant|stedfortræder)\s+(?:for\s+)?(?<for>[^)]{2,80}?)\)?\s*$/iu;

/**
 * Reads one entry, or null when the text is none. `bare` admits a name alone ("Rikke Lauritzen"), as
 * lists under a heading and lists on one line write them; elsewhere a party or status must go with it.
 */
export function readEntry(line: string, bare = false): Entry | null {
  // A bullet or dash before the name is list layout, not part of it; a full stop ends the entry.
  let text = line
    .replace(/^[\s•·▪●○*–—-]+/u, "")
    .replace(/\s*\.\s*$/u, "")
    .trim();
  text = text.replace(ROLE_PREFIX, "");
  const nameMatch = new RegExp(`^(${NAME})`, "u").exec(text);
  if (!nameMatch?.[1]) return null;
  let name = nameMatch[1];
  let rest = text.slice(name.length);
  // The name may have run into a capitalised municipality ("Jens Hansen Vejle Kommune" is not a form
  // seen, but "Hans Toft Fraværende" in one long line is): cut at a word that is no name.
  const words = name.split(" ");
  const stop = words.findIndex((word, index) => index > 0 && NOT_NAME_WORDS.test(word));
  if (stop > 0) {
    name = words.slice(0, stop).join(" ");
    rest = text.slice(name.length);
  }
  if (!isName(name)) return null;

  const brackets: Brackets = { party: null, substituteFor: null, standIn: null };
  let sawBracket = false;
  // ", (A)" (real-world/04) and " (A)" and several groups: "(A)(næstformand)", "(O) (formand)".
  for (;;) {
    const group = /^\s*,?\s*\(([^()]{1,120})\)/u.exec(rest);
    if (!group?.[1]) break;
    if (!readBracket(group[1], brackets)) return null;
    sawBracket = true;
    rest = rest.slice(group[0].length);
  }
  let status: "present" | "absent" | null = null;
  let standIn = brackets.standIn;
  let substituteFor = brackets.substituteFor;
  let partialItems: string[] = [];
  let party = brackets.party;
  let sawMark = sawBracket;

  // "Poul-Erik Svendsen, A" / "Villy Søvndal, F - Tine Hundahl Jensen stedfortræder".
  const commaParty = /^\s*,\s*([^\s,-]{1,12})(?=\s*(?:[-–]|$))/u.exec(rest);
  if (!sawBracket && commaParty?.[1] && COMMA_PARTY.test(commaParty[1])) {
    party = commaParty[1];
    rest = rest.slice(commaParty[0].length);
    sawMark = true;
  }
  // "Anna Aaen, Aalborg Kommune (Ø)": the party written last.
  const partyLast = /\s*\((\p{Lu}{1,3})\)\s*$/u.exec(rest);
  if (!sawBracket && partyLast?.[1] && rest.trim().startsWith(",")) {
    party = partyLast[1];
    rest = rest.slice(0, partyLast.index);
  }
  rest = rest.trim();
  if (rest !== "") {
    const partial = PARTIAL.exec(rest);
    const statusMatch = /^[-–:]\s*(.+)$/u.exec(rest);
    const pairedStandIn = new RegExp(`^[-–]\\s*(${NAME})\\s+(?:stedfortræder|suppleant)$`, "iu").exec(rest);
    const substitute = SUBSTITUTE_REST.exec(rest);
    if (partial && /^[-–:]?\s*deltog/iu.test(rest)) {
      partialItems = itemNumbers(partial[1] ?? "");
      status = "present";
    } else if (pairedStandIn?.[1]) {
      standIn = cleanName(pairedStandIn[1]);
    } else if (statusMatch?.[1] && statusOf(statusMatch[1])) {
      status = statusOf(statusMatch[1]);
    } else if (substitute?.groups) {
      substituteFor = cleanName(substitute.groups.for ?? "") ?? (substitute.groups.for ?? "").trim();
    } else {
      // "Aalborg Kommune", "borgmester, Aalborg Kommune, Suppl. for X", ", ferie.": a place, role or reason.
      const tail =
        /^(?<place>.*?)[,;]?\s*(?:\(?\s*)?(?:suppl\.?|suppleant|stedfortræder)\s+(?:for\s+)?(?<for>[^)]{2,80})\)?\s*$/iu.exec(
          rest,
        );
      if (tail?.groups) {
        substituteFor = (tail.groups.for ?? "").trim().replace(/[.,;]$/, "") || null;
        rest = (tail.groups.place ?? "").trim();
      }
      if (!sawMark && !/\bkommune\b/iu.test(rest)) return null;
      if (!sawMark && !rest.startsWith(",")) return null;
    }
    sawMark = true;
  }
  if (!sawMark && !bare) return null;
  return {
    attendee: { name, party, municipality: municipalityOf(rest), substituteFor: substituteFor ?? null },
    status,
    standIn,
    partialItems,
  };
}

/**
 * "Vesthimmerlands Kommune" -> "Vesthimmerlands" (as written, seeds/004 line 67); a bare name is taken
 * only when it is one of the 98 municipalities; "Region Nordjylland" -> null.
 */
function municipalityOf(rest: string): string | null {
  const cleaned = rest
    .replace(/^[,;–-]\s*/, "")
    .replace(/[.,;]\s*$/, "")
    .trim();
  // The segment that names the municipality: "borgmester, Aalborg Kommune" -> "Aalborg".
  const kommune = /(?:^|,\s*)([^,]{2,40}?)\s+(?:[Rr]egions)?[Kk]ommune\b/u.exec(cleaned);
  if (kommune?.[1]) return kommune[1].trim();
  const after = /^[Kk]ommune\s*:?\s*(\S.{1,40})$/u.exec(cleaned);
  if (after?.[1]) return after[1].trim();
  if (cleaned === "") return null;
  return findMunicipality(cleaned);
}
