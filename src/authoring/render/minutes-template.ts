/**
 * @module The minutes' Typst template, in the layout of the KKR minutes in the seeds (seeds/004): a
 * front page with "Referat", date, time and place and the list of participants ("Deltagerfortegnelse":
 * "Deltagere" with substitutes written "Name (A) Aalborg Kommune, Suppl. for Other Name", "Afbud", and
 * "Øvrige deltagere"), a contents page, then each section on a new page and its items with their fields
 * and the decision set apart under "Beslutning", followed by protocol remarks ("Protokolbemærkning") and
 * the discussion notes ("Drøftelse"). Page set-up, headings and rich text are the agenda's own (the part
 * of agenda-template.ts before its front page), so both documents look and read back alike.
 */
import { AGENDA_TEMPLATE, CONTENTS_PAGE } from "./agenda-template.js";

const FRONT_PAGE_MARK = "// Front page";

/** The agenda template's set-up (page, foot, headings, `spans`, `rich`), with the minutes' keyword. */
function sharedPreamble(): string {
  const end = AGENDA_TEMPLATE.indexOf(FRONT_PAGE_MARK);
  if (end < 0) throw new Error("agenda-template.ts has no front page mark; the minutes template needs it");
  return AGENDA_TEMPLATE.slice(0, end).replace(
    'keywords: ("Dagsorden", d.body)',
    'keywords: ("Referat", d.body)',
  );
}

const MINUTES_BODY = String.raw`
// The foot has a third line, "Referat", between "<body> | dd-mm-yyyy" and "Side n af m": a short decision
// ends many a page ("Godkendt."), and the parser takes a line that recurs within two lines of the page
// number for a running line. Three lines keep the body text's last line out of that reach.
#set page(footer: context {
  set text(size: 8.5pt, fill: luma(90))
  set par(spacing: 0.5em)
  align(right)[
    #if counter(page).get().first() > 1 [#d.body | #d.dateShort

    Referat]

    Side #counter(page).display() af #counter(page).final().first()
  ]
})
// Front page: body, title, date, time and place, then who took part.
#block(above: 0pt, below: 0pt, text(size: 13pt, weight: "bold", fill: rgb("#1f4e5f"), d.body))
#v(0.25cm)
#line(length: 100%, stroke: 1.2pt + rgb("#1f4e5f"))
#v(1.6cm)
#heading(level: 1, outlined: false, bookmarked: false)[Referat] <front-title>
#v(0.6cm)
#block[
  #set text(size: 11.5pt)
  #set par(spacing: 0.8em)
  Dato: #d.dateLong

  #if d.time != none [Tidspunkt: #d.time]

  #if d.location != none [Sted: #d.location]
]
#if d.editionNote != none [
  #v(0.5cm)
  #block(width: 100%, inset: 8pt, fill: luma(235), text(size: 10pt, d.editionNote))
]
#if d.participants.len() + d.absences.len() + d.guests.len() > 0 [
  #heading(level: 2, outlined: false)[Deltagerfortegnelse]
]
#if d.participants.len() > 0 [
  #heading(level: 3, outlined: false)[Deltagere]
  #block(text(size: 10pt, { for p in d.participants [#p \ ] }))
]
#if d.absences.len() > 0 [
  #heading(level: 3, outlined: false)[Afbud]
  #block(text(size: 10pt, { for p in d.absences [#p \ ] }))
]
#if d.guests.len() > 0 [
  #heading(level: 3, outlined: false)[Øvrige deltagere]
  #block(text(size: 10pt, { for p in d.guests [#p \ ] }))
]

${CONTENTS_PAGE}

// Sections and items; the decision set apart by a rule on its left.
#let decision-block(paragraphs) = block(
  width: 100%,
  above: 0.6em,
  below: 1em,
  inset: (left: 10pt, top: 3pt, bottom: 3pt),
  stroke: (left: 2.5pt + rgb("#1f4e5f")),
  { for p in paragraphs { par(p) } },
)
// Sections run on after the contents page, one after another, rather than each on a page of its own as
// the agenda has them: minutes of short items without case lines would otherwise put the same lines
// (section, item, "Indstilling") at the top of page after page, and the parser drops a line that recurs
// at one page edge on half the pages as a running header.
#pagebreak()
#for (index, s) in d.sections.enumerate() {
  if index > 0 { v(2.4em) }
  [#heading(level: 1)[#s.number. #s.title] #label("s-" + s.number)]
  for it in s.items {
    [#heading(level: 2)[#it.number. #it.title] #label("i-" + it.number)]
    if it.caseLine != none { block(above: 0.5em, below: 0.9em, it.caseLine) }
    if it.annexes.len() > 0 {
      block(above: 0.9em, below: 0.9em, { for a in it.annexes [#a \ ] })
    }
    for f in it.fields {
      heading(level: 3, outlined: false, bookmarked: false, f.heading)
      rich(f.blocks)
    }
    if it.decision.len() > 0 {
      heading(level: 3, outlined: false, bookmarked: false)[Beslutning]
      decision-block(it.decision)
    }
    if it.remarks.len() > 0 {
      heading(level: 3, outlined: false, bookmarked: false)[Protokolbemærkning]
      for r in it.remarks { par(r) }
    }
    if it.discussion.len() > 0 {
      heading(level: 3, outlined: false, bookmarked: false)[Drøftelse]
      rich(it.discussion)
    }
  }
}
`;

/** The template. Kept in TypeScript so the build needs no asset copying. */
export const MINUTES_TEMPLATE = sharedPreamble() + MINUTES_BODY;
