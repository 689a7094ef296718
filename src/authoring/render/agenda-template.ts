/**
 * @module The agenda's Typst template, in the layout of the KKR documents in the seeds: a front page
 * (body, "Dagsorden", date, time, place, version, and the participants: "Deltagere" and "Afbud", one per
 * line as "Name (A) Aalborg Kommune", the form of seeds/004 lines 29-80), a contents page with dotted leaders, then each section on a new page
 * and its items one after another: number and title, the case line, the annexes as "./." lines, and the
 * headed fields. The foot "<body> | dd-mm-yyyy" over "Side n af m" is the KL template's, so the importer
 * drops it as running lines. All text comes from the JSON data (agenda-pdf.ts), never
 * from markup.
 */

/**
 * The contents page with dotted leaders to each section and item (labels "s-<number>" and "i-<number>"),
 * shared with the minutes template.
 */
export const CONTENTS_PAGE = `// Contents.
#pagebreak()
#heading(level: 1, outlined: false)[Indholdsfortegnelse]
#let entry(text-content, target, bold: false) = context {
  let page-number = counter(page).at(locate(label(target))).first()
  block(above: if bold { 1.1em } else { 0.55em }, below: 0pt, {
    set text(weight: if bold { "bold" } else { "regular" })
    text-content
    box(width: 1fr, repeat(gap: 0pt)[.])
    str(page-number)
  })
}
#for s in d.sections {
  entry(s.number + ". " + s.title, "s-" + s.number, bold: true)
  for it in s.items {
    entry(it.number + ". " + it.title, "i-" + it.number)
  }
}`;

/** The template. Kept in TypeScript so the build needs no asset copying. */
export const AGENDA_TEMPLATE = String.raw`
#let d = json(bytes(sys.inputs.data))
#set document(title: d.title, author: d.body, keywords: ("Dagsorden", d.body))
#set text(lang: "da", region: "dk", font: ("Liberation Sans", "DejaVu Sans", "Libertinus Serif"), size: 10.5pt, hyphenate: false)
#set par(justify: false, leading: 0.62em, spacing: 1.1em)
#set page(
  paper: "a4",
  margin: (top: 2.6cm, bottom: 2.4cm, left: 2.5cm, right: 2.5cm),
  // The KL template's foot: "<body> | dd-mm-yyyy" over "Side n af m" (seeds/004 lines 682-684). Two
  // lines, so that the body text's last line stands three lines from the page number and is not taken
  // for a running line beside it.
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
  set text(size: if it.at("label", default: none) == <front-title> { 30pt } else { 15pt }, weight: "bold")
  block(above: 0pt, below: 1.4em, it.body)
}
#show heading.where(level: 2): it => {
  set text(size: 12pt, weight: "bold")
  block(above: 2.2em, below: 0.7em, it.body)
}
#show heading.where(level: 3): it => {
  set text(size: 10.5pt, weight: "bold")
  block(above: 1.5em, below: 0.6em, it.body)
}
// A heading inside a field is italic, not bold, so that the parser tells it from the bold field headings
// even where its words name a field of another layout ("Økonomi").
#show heading.where(level: 4): it => {
  set text(size: 10.5pt, weight: "regular", style: "italic")
  block(above: 1.2em, below: 0.5em, it.body)
}

#let spans(line) = {
  for s in line {
    if s.bold { strong(s.text) } else { s.text }
  }
}

#let rich(blocks) = {
  for b in blocks {
    if b.kind == "paragraph" {
      par(spans(b.spans))
    } else if b.kind == "heading" {
      heading(level: 4, outlined: false, bookmarked: false, spans(b.spans))
    } else if b.kind == "list" {
      if b.ordered {
        enum(start: b.start, spacing: 0.65em, indent: 0.4em, body-indent: 0.6em, ..b.items.map(spans))
      } else {
        list(marker: [–], spacing: 0.65em, indent: 0.4em, body-indent: 0.6em, ..b.items.map(spans))
      }
    } else if b.kind == "table" {
      let cols = calc.max(..(if b.header != none { (b.header,) } else { () }).map(r => r.len()), ..b.rows.map(r => r.len()), 1)
      let pad(row) = row.map(spans) + range(cols - row.len()).map(_ => [])
      block(above: 1em, below: 1.1em, table(
        columns: cols,
        inset: (x: 5pt, y: 4pt),
        stroke: 0.5pt + luma(150),
        align: left,
        ..(if b.header != none { (table.header(..pad(b.header).map(strong)),) } else { () }),
        ..b.rows.map(pad).flatten(),
      ))
    }
  }
}

// Front page: body, title, date, time and place, the version, then who takes part.
#block(above: 0pt, below: 0pt, text(size: 13pt, weight: "bold", fill: rgb("#1f4e5f"), d.body))
#v(0.25cm)
#line(length: 100%, stroke: 1.2pt + rgb("#1f4e5f"))
#v(1.6cm)
#heading(level: 1, outlined: false, bookmarked: false)[Dagsorden] <front-title>
#if d.changeNote != none [
  #block(above: 0.4cm, text(size: 16pt, weight: "bold")[Tillæg til dagsorden])
]
#v(0.6cm)
#block[
  #set text(size: 11.5pt)
  #set par(spacing: 0.8em)
  Dato: #d.dateLong

  #if d.time != none [Tidspunkt: #d.time]

  #if d.location != none [Sted: #d.location]

  #if d.version > 1 [Version: #d.version]
]
#if d.changeNote != none [
  #v(0.5cm)
  #block(width: 100%, inset: 10pt, stroke: 0.8pt + luma(120))[
    #strong[Ændringer i denne version] \
    #d.changeNote
  ]
]
#if d.editionNote != none [
  #v(0.5cm)
  #block(width: 100%, inset: 8pt, fill: luma(235), text(size: 10pt, d.editionNote))
]
#if d.participants.len() > 0 [
  #heading(level: 2, outlined: false)[Deltagere]
  #block(text(size: 10pt, { for p in d.participants [#p \ ] }))
]
#if d.absences.len() > 0 [
  #heading(level: 2, outlined: false)[Afbud]
  #block(text(size: 10pt, { for p in d.absences [#p \ ] }))
]

${CONTENTS_PAGE}

// Sections and items.
#for s in d.sections {
  pagebreak()
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
  }
}
`;
