/**
 * @module Which agenda items are probably the same matter (sag) across meetings (issue 14): the rule
 * behind "Hører disse punkter til samme sag?". The evidence is the title; a shared case number only
 * strengthens a title that already points the same way, because KKR gives every item of a meeting the
 * same case number ("SAG-2024-03326" on all of 20 September 2024). No I/O: the store retrieves
 * candidates by trigram similarity and this module scores them.
 */

/** One item as the rule sees it. */
export interface MatterCandidate {
  readonly title: string;
  readonly caseNumber: string | null;
  readonly meetingId: number;
  readonly bodyId: number;
}

/** Why two items are suggested as one matter, for the secretariat to judge. */
export interface MatterSuggestionScore {
  /** 0..1; suggested from MATTER_SUGGESTION_THRESHOLD. */
  readonly score: number;
  /** The shared words of the titles (their normalised stems), as shown to the secretariat. */
  readonly sharedWords: readonly string[];
  readonly sameCaseNumber: boolean;
}

/** A pair is suggested from this score on. */
export const MATTER_SUGGESTION_THRESHOLD = 0.5;
/** Items of different bodies (KKR Nordjylland and KKR Midtjylland) need a near-identical title. */
export const OTHER_BODY_THRESHOLD = 0.9;
/** What a shared case number adds to a title score of at least CASE_NUMBER_FLOOR. */
const CASE_NUMBER_BONUS = 0.2;
const CASE_NUMBER_FLOOR = 0.35;
/** A token matching part of a compound ("aftale" in "socialaftale") counts this much of a whole word. */
const COMPOUND_PART = 0.7;
/** Short words ("nord", "midt") and kinds of document say less about the subject than a name. */
const LIGHT_WEIGHT = 0.5;

// Danish function words, and the words of procedure that say what the meeting does with a matter, not
// which matter it is ("Andenbehandling af Nordjysk Socialaftale" is the socialaftale of "Proces for …").
const STOP_WORDS = new Set(
  (
    "af alle andet at blev bliver de dem den denne der deres det dette efter eller en end er et for fra " +
    "har hos hvor i ikke ind jf kan med mellem mod nu og om op over pa på sa samt sig sin skal som " +
    "så til under ved vedr vedrørende være ang angående " +
    "kkr kl udkast orientering orienteringssag drøftelse godkendelse andenbehandling førstebehandling " +
    "behandling proces procesplan opfølgning udarbejdelse status forslag indstilling beslutning sag sager " +
    "punkt punkter opdatering nyt nye ny"
  ).split(" "),
);

/** Standing items of every agenda (lower case): the same title at every meeting, never one matter. */
export const STANDING_ITEM_TITLES: readonly string[] = [
  "godkendelse af dagsorden",
  "godkendelse af referat",
  "siden sidst",
  "punkter til næste møde",
  "eventuelt",
  "meddelelser",
  "orientering",
  "orienteringssager",
  "gensidig orientering",
  "formandens orientering",
  "orientering fra formanden",
  "næste møde",
];
const STANDING_TITLES = new Set(STANDING_ITEM_TITLES);

// Kinds of document of one organisation: its budget and its annual report are two matters, even under
// one case number; a budget with its rates ("budget og takster") is still the budget.
const KIND_STEMS = new Set(
  [
    "budget",
    "regnskab",
    "årsberetning",
    "årsrapport",
    "takster",
    "evaluering",
    "handleplan",
    "tilsynsrapport",
    "kvartalsrapport",
    "udviklingsstrategi",
  ].map(stem),
);

/**
 * A title as the rule compares it: lower case, without numbers and years ("2025", "2024-25", "(2.3)"),
 * without punctuation and dashes.
 * @example normaliseMatterTitle("Andenbehandling af Nordjysk Socialaftale 2025-26") // "andenbehandling af nordjysk socialaftale"
 */
export function normaliseMatterTitle(title: string): string {
  return title
    .toLowerCase()
    .normalize("NFC")
    .replace(/\(\s*[\d.\s]+\)/g, " ")
    .replace(/\d+([-–/.]\d+)*/g, " ")
    .replace(/[^\p{L}\s]+/gu, " ")
    .replace(/\s+/g, " ")
    .trim();
}

/**
 * A matter's title from an item's: the years taken out, and a word or dash left dangling by them.
 * @example matterTitleFrom("Socialtilsyn Nords budget for 2025") // "Socialtilsyn Nords budget"
 * @example matterTitleFrom("Regnskab og budget – fælleskommunale sekretariater") // unchanged
 */
export function matterTitleFrom(title: string): string {
  const cut = title
    .replace(/\(?\b(19|20)\d{2}(\s*[-–/]\s*\d{2,4})?\b\)?/g, " ")
    .replace(/\s+/g, " ")
    .trim()
    .replace(/(\s+(for|i|af|til|og|om)|\s*[-–,.:])+$/i, "")
    .trim();
  return cut.length >= 3 ? cut : title.trim();
}

/**
 * A light Danish stem: the inflection endings cut so "rammeaftalen", "rammeaftalens" and "rammeaftale"
 * meet, and "Nords" meets "Nord". Both sides go through it, so a cut too far harms no comparison.
 * @example stem("sekretariaterne") // "sekretariat"
 */
export function stem(word: string): string {
  for (const ending of ["erne", "ernes", "ene", "ens", "ets", "en", "et", "er", "e", "s"]) {
    if (word.endsWith(ending) && word.length - ending.length >= 4) return word.slice(0, -ending.length);
  }
  return word;
}

/**
 * The title's words that say which matter it is: normalised, stop words dropped, stemmed.
 * @example matterWords("Socialtilsyn Nords budget for 2025") // ["socialtilsyn", "nord", "budg"]
 */
export function matterWords(title: string): string[] {
  const normal = normaliseMatterTitle(title);
  if (STANDING_TITLES.has(normal)) return [];
  const words = normal.split(" ").filter((w) => w.length > 1 && !STOP_WORDS.has(w));
  return [...new Set(words.map(stem))];
}

function weight(word: string): number {
  return word.length < 5 || KIND_STEMS.has(word) ? LIGHT_WEIGHT : 1;
}

/** 1 for the same stem; COMPOUND_PART when one is the head or tail of the other's compound; else 0. */
function wordMatch(a: string, b: string): number {
  if (a === b) return 1;
  const [short, long] = a.length < b.length ? [a, b] : [b, a];
  if (short.length >= 5 && (long.endsWith(short) || long.startsWith(short))) return COMPOUND_PART;
  return 0;
}

/**
 * How alike two titles are as matters: a weighted Dice coefficient over their matter words, a compound
 * part counting COMPOUND_PART. 0 when the titles name different kinds of document (budget / årsberetning)
 * or share no word that names a subject (a whole word of five letters or more that is not a kind).
 * @example titleSimilarity("Socialtilsyn Nords budget for 2025", "Socialtilsyn Nords budget for 2026") // 1
 */
export function titleSimilarity(a: string, b: string): { readonly score: number; readonly shared: string[] } {
  const wa = matterWords(a);
  const wb = matterWords(b);
  if (wa.length === 0 || wb.length === 0) return { score: 0, shared: [] };
  const kindsA = wa.filter((w) => KIND_STEMS.has(w));
  const kindsB = wb.filter((w) => KIND_STEMS.has(w));
  if (kindsA.length > 0 && kindsB.length > 0 && !kindsA.some((k) => kindsB.includes(k))) {
    return { score: 0, shared: [] };
  }
  let overlap = 0;
  let subjectShared = false;
  const shared: string[] = [];
  for (const x of wa) {
    let best = 0;
    let with_ = "";
    for (const y of wb) {
      const m = wordMatch(x, y);
      if (m > best) {
        best = m;
        with_ = y;
      }
    }
    if (best === 0) continue;
    const w = Math.min(weight(x), weight(with_));
    overlap += best * w;
    shared.push(x.length <= with_.length ? x : with_);
    if (w === 1) subjectShared = true;
  }
  if (!subjectShared) return { score: 0, shared: [] };
  const total = wa.reduce((s, w) => s + weight(w), 0) + wb.reduce((s, w) => s + weight(w), 0);
  return { score: Math.min(1, (2 * overlap) / total), shared };
}

/**
 * The suggestion for two items, or null when they are probably not one matter. Items of one meeting
 * are never one matter (a matter runs across meetings); a shared case number adds CASE_NUMBER_BONUS to
 * a title score of at least CASE_NUMBER_FLOOR and makes nothing by itself.
 * @example
 * scoreMatterPair(
 *   { title: "Socialtilsyn Nords budget for 2025", caseNumber: "SAG-2024-03326", meetingId: 1, bodyId: 1 },
 *   { title: "Socialtilsyn Nords budget for 2026", caseNumber: "SAG-2025-01001", meetingId: 2, bodyId: 1 },
 * ) // { score: 1, sharedWords: ["socialtilsyn", "nord", "budg"], sameCaseNumber: false }
 * scoreMatterPair(
 *   { title: "Socialtilsyn Nords Årsberetning 2023", caseNumber: "SAG-2024-03326", meetingId: 1, bodyId: 1 },
 *   { title: "Socialtilsyn Nords budget for 2026", caseNumber: "SAG-2024-03326", meetingId: 2, bodyId: 1 },
 * ) // null: an annual report and a budget, whatever the case number
 */
export function scoreMatterPair(a: MatterCandidate, b: MatterCandidate): MatterSuggestionScore | null {
  if (a.meetingId === b.meetingId) return null;
  const { score: titleScore, shared } = titleSimilarity(a.title, b.title);
  const sameCaseNumber = a.caseNumber !== null && a.caseNumber === b.caseNumber;
  const score =
    sameCaseNumber && titleScore >= CASE_NUMBER_FLOOR
      ? Math.min(1, titleScore + CASE_NUMBER_BONUS)
      : titleScore;
  const threshold = a.bodyId === b.bodyId ? MATTER_SUGGESTION_THRESHOLD : OTHER_BODY_THRESHOLD;
  if (score < threshold) return null;
  return { score: Math.round(score * 100) / 100, sharedWords: shared, sameCaseNumber };
}
