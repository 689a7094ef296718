/**
 * @module The decision letter (issue 14): one item of a meeting and its decision as a PDF extract, sent by
 * e-mail to a member municipality. The layout is the minutes' (seeds/004): the body over a rule, the
 * letter's title and addressee, the meeting's date, then the item as the minutes print it (number and
 * title, case line, Indstilling, a shortened Sagsfremstilling) and "Beslutning" set apart in a frame, last,
 * so Rådsinfo's own parse reads the item and its decision back (the foot's "<body> | date" only from page
 * two on, as the agenda's, so a one-page letter's foot is not read as part of the decision). The rich-text helpers are the agenda
 * template's own (taken from AGENDA_TEMPLATE, whose output is unchanged), the engine the same Typst.
 */
import { formatDanishDate, parseRichText, type RichBlock, richTextPlain } from "../../domain/index.js";
import { AGENDA_TEMPLATE } from "./agenda-template.js";
import { headerDate } from "./header-date.js";
import { compileTypstPdf } from "./typst-compiler.js";

/** What a letter says. */
export interface DecisionLetter {
  readonly body: string;
  /** ISO day of the meeting. */
  readonly meetingDate: string;
  /** "Aalborg"; null for a letter to no one in particular (a preview). */
  readonly municipality: string | null;
  readonly item: {
    readonly number: string;
    readonly title: string;
    readonly caseNumber: string | null;
    readonly indstilling: string | null;
    readonly sagsfremstilling: string | null;
  };
  readonly decision: string;
  /** The portal's page of the item, printed as the letter's last line. */
  readonly itemUrl: string | null;
}

/** Sagsfremstilling is shortened to whole paragraphs up to about this many characters. */
const SHORT_TEXT_CHARS = 1500;

/** The agenda template's `spans` and `rich` functions, reused as they are. */
const RICH_HELPERS = (() => {
  const start = AGENDA_TEMPLATE.indexOf("#let spans(line)");
  const end = AGENDA_TEMPLATE.indexOf("// Front page");
  if (start < 0 || end < start) throw new Error("the agenda template's rich-text helpers moved");
  return AGENDA_TEMPLATE.slice(start, end);
})();

const LETTER_TEMPLATE =
  `
#let d = json(bytes(sys.inputs.data))
#set document(title: d.title, author: d.body, keywords: ("Beslutning", d.body))
#set text(lang: "da", region: "dk", font: ("Liberation Sans", "DejaVu Sans", "Libertinus Serif"), size: 10.5pt, hyphenate: false)
#set par(justify: false, leading: 0.62em, spacing: 1.1em)
#set page(
  paper: "a4",
  margin: (top: 2.6cm, bottom: 2.4cm, left: 2.5cm, right: 2.5cm),
  footer: context {
    set text(size: 8.5pt, fill: luma(90))
    set par(spacing: 0.5em)
    align(right)[
      #if counter(page).get().first() > 1 [#d.body | #d.dateShort]

      Side #counter(page).display() af #counter(page).final().first()
    ]
  },
  footer-descent: 25%,
)
#show heading: set block(sticky: true)
#show heading.where(level: 1): it => {
  set text(size: 15pt, weight: "bold")
  block(above: 0pt, below: 1.2em, it.body)
}
#show heading.where(level: 2): it => {
  set text(size: 12pt, weight: "bold")
  block(above: 2em, below: 0.7em, it.body)
}
#show heading.where(level: 3): it => {
  set text(size: 10.5pt, weight: "bold")
  block(above: 1.5em, below: 0.6em, it.body)
}
#show heading.where(level: 4): it => {
  set text(size: 10.5pt, weight: "bold", style: "italic")
  block(above: 1.2em, below: 0.5em, it.body)
}
` +
  RICH_HELPERS +
  `
#block(above: 0pt, below: 0pt, text(size: 13pt, weight: "bold", fill: rgb("#1f4e5f"), d.body))
#v(0.25cm)
#line(length: 100%, stroke: 1.2pt + rgb("#1f4e5f"))
#v(1cm)
#heading(level: 1, outlined: false)[Beslutning fra #d.body]
#block[
  #set par(spacing: 0.8em)
  #if d.to != none [Til: #d.to

  ]
  Møde: #d.dateLong

  #if d.itemUrl != none [Punktets side: #link(d.itemUrl)[#d.itemUrl]]
]
#heading(level: 2)[#d.item.number. #d.item.title]
#if d.item.caseLine != none { block(above: 0.5em, below: 0.9em, d.item.caseLine) }
#for f in d.item.fields {
  heading(level: 3, outlined: false, bookmarked: false, f.heading)
  rich(f.blocks)
  if f.shortened { par(emph[Sagsfremstillingen er forkortet; den fulde tekst står på punktets side.]) }
}
#block(above: 1.6em, width: 100%, inset: (x: 10pt, y: 8pt), stroke: (left: 3pt + rgb("#1f4e5f")), fill: luma(245))[
  #heading(level: 3, outlined: false, bookmarked: false)[Beslutning]
  #rich(d.decision)
]
`;

/**
 * Renders the letter as a tagged PDF (PDF/UA-1, language da).
 * @example const pdf = renderDecisionLetterPdf({ body: "KKR Nordjylland", meetingDate: "2024-09-20", municipality: "Aalborg", item, decision: "Godkendt.", itemUrl: null });
 */
export function renderDecisionLetterPdf(letter: DecisionLetter): Uint8Array {
  return compileTypstPdf(LETTER_TEMPLATE, letterData(letter));
}

/** The letter's file name: "beslutning-kkr-nordjylland-2024-09-20-punkt-2-3.pdf". */
export function decisionLetterFileName(
  letter: Pick<DecisionLetter, "body" | "meetingDate" | "item">,
): string {
  const slug = (text: string) =>
    text
      .toLowerCase()
      .replace(/æ/g, "ae")
      .replace(/ø/g, "oe")
      .replace(/å/g, "aa")
      .replace(/[^a-z0-9]+/g, "-")
      .replace(/^-|-$/g, "");
  return `beslutning-${slug(letter.body)}-${letter.meetingDate}-punkt-${slug(letter.item.number)}.pdf`;
}

/** Whole blocks of a text up to about `max` characters; `shortened` when some were left out. */
export function shortBlocks(
  text: string,
  max = SHORT_TEXT_CHARS,
): { blocks: RichBlock[]; shortened: boolean } {
  const all = parseRichText(text);
  const kept: RichBlock[] = [];
  let length = 0;
  for (const block of all) {
    const size = richTextPlain([block]).length;
    if (kept.length > 0 && length + size > max) break;
    kept.push(block);
    length += size;
  }
  return { blocks: kept, shortened: kept.length < all.length };
}

function letterData(letter: DecisionLetter) {
  const dateLong = formatDanishDate(letter.meetingDate);
  const fields: { heading: string; blocks: RichBlock[]; shortened: boolean }[] = [];
  const indstilling = parseRichText(letter.item.indstilling ?? "");
  if (indstilling.length > 0) fields.push({ heading: "Indstilling", blocks: indstilling, shortened: false });
  const sagsfremstilling = shortBlocks(letter.item.sagsfremstilling ?? "");
  if (sagsfremstilling.blocks.length > 0) fields.push({ heading: "Sagsfremstilling", ...sagsfremstilling });
  return {
    title: `Beslutning fra ${letter.body}, ${dateLong}, punkt ${letter.item.number}: ${letter.item.title}`,
    body: letter.body,
    dateLong,
    dateShort: headerDate(letter.meetingDate),
    to: letter.municipality ? `${letter.municipality} Kommune` : null,
    item: {
      number: letter.item.number,
      title: letter.item.title,
      caseLine: letter.item.caseNumber,
      fields,
    },
    decision: parseRichText(letter.decision),
    itemUrl: letter.itemUrl,
  };
}
