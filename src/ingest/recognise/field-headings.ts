/**
 * @module The field headings of municipal and regional layouts beyond the six fields of the contract:
 * "Økonomi", "Kompetence", "Sagen afgøres af", "Beslutningstema", "Sagens kerne", "Høring", ... Each
 * name maps to a stable key, so that "Økonomiske konsekvenser" and "Økonomi" are one kind of field while
 * the printed heading is kept. Also reads headings glued to the end of the previous sentence
 * ("...kl. 16.30.Sagsfremstilling") and labels with their text on the same line ("Kompetence: Byrådet").
 */
import type { ItemFieldKey } from "../../domain/index.js";
import { type DecisionHeading, parseDecisionHeading } from "./decisions.js";
import { parseFieldHeading } from "./headings.js";

/** What a heading line opens: one of the contract's fields, a dated decision, or an extra field. */
export type FieldTarget =
  | { readonly kind: "field"; readonly key: ItemFieldKey }
  | { readonly kind: "decision"; readonly decision: DecisionHeading }
  | { readonly kind: "extra"; readonly key: string };

/** A heading as read from a line: what it opens and the heading as printed (without a closing colon). */
export interface FieldHeadingMatch {
  readonly target: FieldTarget;
  readonly heading: string;
}

/**
 * Extra field keys by heading name (lower case). Names are whole headings: a line is a heading only when
 * it is one of them, so running text that begins with the same word ("Økonomien er ...") is none.
 */
const EXTRA_NAMES: ReadonlyMap<string, string> = new Map(
  (
    [
      ["beslutningstema", ["beslutningstema", "beslutningstemaer", "tema for beslutning"]],
      ["sagens_kerne", ["sagens kerne"]],
      ["sagens_indhold", ["sagens indhold", "beskrivelse af sagen", "sagens baggrund og indhold"]],
      [
        "sagsgang",
        ["sagens gang", "sagsgang", "forventet sagsgang", "sagsgang og sagstype", "sagens videre gang"],
      ],
      [
        "oekonomi",
        [
          "økonomi",
          "økonomiske konsekvenser",
          "økonomiske forhold",
          "økonomiske forhold og konsekvenser",
          "økonomi og finansiering",
          "økonomi og bevilling",
          "økonomisk vurdering",
          "økonomiske og bevillingsmæssige konsekvenser",
          "bevillingsmæssige konsekvenser",
          "bevilling",
          "finansiering",
        ],
      ],
      [
        "kompetence",
        [
          "kompetence",
          "beslutningskompetence",
          "kompetenceforhold",
          "sagen afgøres af",
          "sagen afgøres i",
          "afgøres af",
          "beslutningsniveau",
        ],
      ],
      ["anledning", ["anledning"]],
      ["beslutningspunkter", ["beslutningspunkter"]],
      [
        "supplerende_sagsfremstilling",
        ["supplerende sagsfremstilling", "supplerende oplysninger", "supplerende bemærkninger"],
      ],
      ["bilag", ["bilag", "bilagsfortegnelse", "vedhæftede bilag", "bilagsliste"]],
      [
        "hoering",
        [
          "høring",
          "høringer",
          "høringssvar",
          "høring og inddragelse",
          "inddragelse",
          "inddragelse og høring",
          "borgerinddragelse",
          "offentlig høring",
        ],
      ],
      [
        "lovgrundlag",
        [
          "lovgrundlag",
          "lovgivning",
          "retsgrundlag",
          "lovhjemmel",
          "hjemmel",
          "regelgrundlag",
          "juridiske forhold",
          "juridisk vurdering",
          "juridiske og planmæssige forhold",
        ],
      ],
      ["konsekvenser", ["konsekvenser", "konsekvensvurdering"]],
      [
        "tidsplan",
        [
          "tidsplan",
          "tidsperspektiv",
          "videre proces",
          "det videre forløb",
          "det videre arbejde",
          "videre forløb",
          "tidsplan og proces",
          "proces og tidsplan",
          "procesplan",
        ],
      ],
      [
        "vurdering",
        ["vurdering", "administrationens vurdering", "forvaltningens vurdering", "direktionens vurdering"],
      ],
      ["begrundelse", ["begrundelse"]],
      ["beslutningsforslag", ["beslutningsforslag"]],
      ["alternativer", ["alternativer", "alternative løsninger"]],
      ["kommunikation", ["kommunikation"]],
    ] as const
  ).flatMap(([key, names]) => names.map((name) => [name, key] as const)),
);

/** Extra headings written as a pattern rather than a name: "Borgmesterens Afdelings påtegning", "Miljømæssige konsekvenser". */
const EXTRA_PATTERNS: readonly {
  readonly pattern: RegExp;
  readonly key: string;
  /** Words the pattern cannot match without: a line without them is not tried (most lines are text). */
  readonly words: string;
}[] = [
  { pattern: /^[\p{L}' -]{3,60} påtegning$/u, key: "paategning", words: " påtegning" },
  {
    pattern: /^[\p{L}-]{3,30}(?:mæssige|ske) konsekvenser$/u,
    key: "konsekvenser",
    words: " konsekvenser",
  },
  {
    pattern: /^beslutningsforslag fra \p{L}[\p{L}\d .,&()-]{0,60}$/u,
    key: "beslutningsforslag",
    words: "beslutningsforslag fra ",
  },
];

/** A heading starts with a capital letter: "Økonomi" or "ØKONOMI", never "økonomi" in running text. */
function startsCapital(text: string): boolean {
  return /^\p{Lu}/u.test(text);
}

function extraKey(lower: string): string | null {
  const named = EXTRA_NAMES.get(lower);
  if (named) return named;
  // "Økonomiske konsekvenser" is named above; the patterns add the rest.
  for (const { pattern, key, words } of EXTRA_PATTERNS)
    if (lower.includes(words) && pattern.test(lower)) return key;
  return null;
}

/** A leading bullet as portals print nested headings ("• Resume"); the heading is read without it. */
const BULLET = /^[•·▪◦‣∙*-]\s{0,3}/u;

/**
 * The fold control a portal prints before each heading of an item ("fold dette punkt ind Resume",
 * Region Syddanmark's pages, real-world 12): page furniture, not part of the heading.
 */
const FOLD_CONTROL = /^(?:fold (?:dette punkt|punktet|afsnittet) (?:ind|ud)|vis mere|skjul)\s+(?=\p{Lu})/iu;

/** Removes a leading bullet, or returns the text as it is. */
export function withoutBullet(text: string): string {
  return text.replace(BULLET, "");
}

/** True when the line starts with a bullet. */
export function hasBullet(text: string): boolean {
  return BULLET.test(text) && !/^-\d/.test(text);
}

/**
 * Reads a field heading standing alone on its line, or null: the contract's fields ("Baggrund",
 * "SAGSFREMSTILLING", "Politisk behandling"), dated decisions ("Beslutning i Byrådet den 27. august
 * 2025") and the extra fields of other layouts ("Økonomi", "Sagen afgøres af").
 *
 * @example
 * readFieldHeading("Økonomiske konsekvenser"); // { target: { kind: "extra", key: "oekonomi" }, heading: "Økonomiske konsekvenser" }
 */
export function readFieldHeading(line: string): FieldHeadingMatch | null {
  const text = withoutBullet(line).replace(FOLD_CONTROL, "").trim();
  if (text.length < 3 || text.length > 120 || !startsCapital(text)) return null;
  const heading = text.replace(/\s*:\s*$/, "");
  if (/[.!?;]$/.test(heading)) return null;
  const decision = parseDecisionHeading(heading);
  if (decision) return { target: { kind: "decision", decision }, heading };
  const key = parseFieldHeading(heading);
  if (key) return { target: { kind: "field", key }, heading };
  const lower = heading.toLowerCase();
  const core = CORE_SYNONYMS.get(lower) ?? (/^\p{L}+s indstilling$/u.test(lower) ? "indstilling" : null);
  if (core) return { target: { kind: "field", key: core }, heading };
  const extra = extraKey(lower);
  return extra ? { target: { kind: "extra", key: extra }, heading } : null;
}

/** Other names of the contract's fields, as municipal and regional layouts print them. */
const CORE_SYNONYMS: ReadonlyMap<string, ItemFieldKey> = new Map([
  ["politisk behandling", "beslutning"],
  ["åben beslutning", "beslutning"],
  ["udvalgets beslutning", "beslutning"],
  ["sagens forløb", "sagsforloeb"],
  ["resumé og indstilling", "resume"],
  ["kort resume", "resume"],
  ["kort resumé", "resume"],
]);

/** Names that may be glued or written inline: whole names only, never the patterns. */
function namedHeading(name: string): FieldHeadingMatch | null {
  const lower = name.toLowerCase();
  const extra = EXTRA_NAMES.get(lower);
  if (extra) return { target: { kind: "extra", key: extra }, heading: name };
  const core = CORE_NAMES.get(lower) ?? CORE_SYNONYMS.get(lower);
  return core ? { target: { kind: "field", key: core }, heading: name } : null;
}

const CORE_NAMES: ReadonlyMap<string, ItemFieldKey> = new Map([
  ["baggrund", "baggrund"],
  ["indstilling", "indstilling"],
  ["indstillinger", "indstilling"],
  ["sagsfremstilling", "sagsfremstilling"],
  ["sagsbeskrivelse", "sagsfremstilling"],
  ["beslutning", "beslutning"],
  ["beslutninger", "beslutning"],
  ["resume", "resume"],
  ["resumé", "resume"],
  ["sagsforløb", "sagsforloeb"],
]);

/** A heading glued to the end of a sentence: where the heading starts in the line, and the heading. */
export interface GluedHeading extends FieldHeadingMatch {
  readonly at: number;
}

/** Marks that end a sentence right before a glued heading ("16.30.Sagsfremstilling"). */
const SENTENCE_END = '.!?)”"';
/** Marks that end a sentence before the space and the heading ("2026. Beslutningspunkter"). */
const CLOSING_END = '.!?”"';

/**
 * Reads a heading glued to the end of the previous sentence, as portals that drop the paragraph break
 * write it: "Vestskolens bestyrelse er inviteret til dialogmøde kl. 16.30.Sagsfremstilling" (real-world
 * 07), "...ny grøn parkeringspolitik 2026. Beslutningspunkter" (the Aarhus minutes). Only a whole heading
 * name after a finished sentence counts, so "Bilag 2:" after a title or a sentence that ends on a field
 * word ("... under punktet Økonomi") is none.
 */
export function readGluedHeading(line: string): GluedHeading | null {
  if (line.length < 8) return null;
  for (let at = Math.max(2, line.length - 45); at < line.length - 3; at++) {
    // The mark before is looked at first: it is two character comparisons, and rules out nearly every
    // place of a line before the capital is tested.
    const before = line[at - 1] as string;
    const end = SENTENCE_END.includes(before)
      ? at
      : before === " " && CLOSING_END.includes(line[at - 2] as string)
        ? at - 1
        : -1;
    if (end < 0 || !/\p{Lu}/u.test(line[at] as string)) continue;
    const sentenceEnd = line.slice(0, end);
    if (sentenceEnd.trim().length < 3) continue;
    // A sentence end, not an abbreviation or a number: "kl. 16.30." ends on a digit and a dot, fine;
    // "jf." or "bl.a." before a capital is an abbreviation the heading cannot follow.
    if (/(?:^|\s)(?:jf|bl\.a|f\.eks|pkt|nr|ca|kl|mv|stk)\.$/iu.test(sentenceEnd)) continue;
    const found = namedHeading(line.slice(at));
    if (found) return { ...found, at };
  }
  return null;
}

/** A label with its text on the same line: "Kompetence: Byrådet", "Beslutningskompetence: ØU". */
export interface InlineHeading extends FieldHeadingMatch {
  /** Length of the label with its colon and the spaces after it. */
  readonly labelLength: number;
}

const INLINE_LABEL = /^([\p{Lu}][\p{L} ]{1,40}?)\s{0,3}:\s*(?=\S)/u;

/** Reads a field label that has its text on the same line, or null. */
export function readInlineHeading(line: string): InlineHeading | null {
  const match = INLINE_LABEL.exec(line);
  if (!match?.[1]) return null;
  const found = namedHeading(match[1].trim());
  return found ? { ...found, labelLength: match[0].length } : null;
}
