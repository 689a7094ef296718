/**
 * Agendas the render tests and benches build: the KKR Nordjylland template with fields in rich text
 * (headings, lists, a table, bold), Danish letters, a closed item and annexes; plus a small and a long one.
 */
import type { AgendaDocument, AgendaItemDocument, AgendaSectionDocument } from "../../../src/domain/index.js";

const INDSTILLING = "Det indstilles, at KKR Nordjylland godkender dagsordenen.";

function item(
  number: string,
  title: string,
  fields: AgendaItemDocument["fields"],
  extra: Partial<AgendaItemDocument> = {},
): AgendaItemDocument {
  return {
    number,
    title,
    closed: false,
    caseNumber: "SAG-2024-03326",
    caseInitials: ["hlth"],
    fields,
    annexes: [],
    ...extra,
  };
}

/** The KKR Nordjylland meeting of 20 September 2024: three sections and Eventuelt, a closed item, a table. */
export function kkrAgenda(edition: AgendaDocument["edition"] = "public"): AgendaDocument {
  return {
    body: "KKR Nordjylland",
    meeting: {
      date: "2024-09-20",
      startTime: "10:00",
      endTime: "12:00",
      location: "Aalborg Rådhus, Boulevarden 13",
    },
    participants: [
      { name: "Hans Ejner Bertelsen", municipality: "Morsø", party: "V" },
      { name: "Lasse Frimand Jensen", municipality: "Aalborg", party: "A" },
      { name: "Mogens Christen Gade", municipality: "Jammerbugt", party: "V" },
      { name: "Mai-Britt Beith", municipality: "Hjørring", party: "A" },
      { name: "Thomas Hjorth", municipality: "Frederikshavn", party: "O" },
      { name: "Frank Østergaard", municipality: "Jammerbugt", party: "F" },
    ],
    absences: [
      { name: "Anna Aaen", municipality: "Aalborg", party: "Ø" },
      { name: "Søren Smalbro", municipality: "Hjørring", party: "V" },
    ],
    edition,
    version: 1,
    changeNote: null,
    sections: [
      {
        number: "1",
        title: "Godkendelse af referat",
        items: [
          item("1.1", "Godkendelse af dagsorden", {
            baggrund: "Godkendelse af KKR Nordjyllands dagsorden.",
            indstilling: INDSTILLING,
            sagsfremstilling:
              "Dagsorden er udsendt den 12. september 2024.\n\nDagens program er følgende:\n\n- 9.30-10.00 Ankomst og morgenmad\n- 10.00-12.00 KKR-møde\n- 12.00-12.30 Frokost",
          }),
          item("1.2", "Godkendelse af referat", {
            baggrund: "Godkendelse af referat fra KKR Nordjyllands møde den 21. juni 2024.",
            indstilling:
              "Det indstilles, at KKR Nordjylland godkender referatet fra mødet den 21. juni 2024.",
            sagsfremstilling: "Referatet er udsendt den 1. juli 2024. Der er ikke indkommet bemærkninger.",
          }),
        ],
      },
      {
        number: "2",
        title: "Regionalpolitiske sager",
        items: [
          item(
            "2.1",
            "Status fra KlimaNord",
            {
              resume: "KlimaNord fortæller om **sekretariatets indsatser** siden etableringen.",
              baggrund:
                "KKR Nordjylland orienteres løbende om status for arbejdet i KlimaNord, da KKR sammen med Business Region North Denmark er politisk udviklingsgruppe for KlimaNord.\n\nKlimaNord er den regionale organisering af den nationale Klimaalliance.",
              indstilling: "Det indstilles, at KKR Nordjylland tager orienteringen til efterretning.",
              sagsfremstilling:
                "## Økonomi\n\nFordelingen af midler til biokul og grøn omstilling i de nordjyske kommuner:\n\n| Kommune | Tilskud | Andel |\n|---|---|---|\n| Aalborg | 1,52 mio. kr. | 40 pct. |\n| Hjørring | 0,84 mio. kr. | 22 pct. |\n| Læsø | 0,10 mio. kr. | 3 pct. |\n\nMidlerne udbetales i to rater.\n\n1. Første rate i oktober\n2. Anden rate i marts",
            },
            {
              caseInitials: ["hlth", "anha"],
              annexes: [
                { annexNumber: 1, title: "Notat om KlimaNords indsatser" },
                { annexNumber: 2, title: "Sager på vej" },
              ],
            },
          ),
          item(
            "2.2",
            "Køb af grund til fælles genbrugsplads",
            {
              baggrund: "Forhandlingerne om købet er fortrolige, indtil aftalen er underskrevet.",
              indstilling: "Det indstilles, at KKR Nordjylland godkender købet.",
            },
            { closed: true, caseNumber: "SAG-2024-04410", caseInitials: ["jeol"] },
          ),
          item(
            "2.3",
            "Drøftelse af rammerne for det fremtidige tværkommunale samarbejde i KKR og praktikpladser til lærlinge",
            {
              baggrund:
                "KL har gennemført en undersøgelse blandt KKR-medlemmerne. Æbler, øl og ål: ÆØÅ æøå skal stå rigtigt.",
              indstilling: "Det indstilles, at KKR Nordjylland drøfter rammerne.",
              sagsfremstilling:
                "Undersøgelsen viser, at medlemmerne ønsker **færre og mere fokuserede** sager.\n\nSe bilaget for detaljer.",
            },
            {
              caseNumber: "SAG-2025-00112",
              annexes: [{ annexNumber: 1, title: "KKR-undersøgelse (datarapport)" }],
            },
          ),
        ],
      },
      {
        number: "3",
        title: "Orienteringssager",
        items: [
          item("3.1", "Orientering om rammeaftale 2025-26", {
            indstilling: "Det indstilles, at KKR Nordjylland tager orienteringen til efterretning.",
            sagsfremstilling: "Rammeaftalen for 2025-26 er godkendt i alle 11 kommuner.",
          }),
        ],
      },
      { number: "4", title: "Eventuelt", items: [] },
    ],
  };
}

/**
 * An agenda as the KKR Nordjylland template builds it: sections without items ("Siden sidst",
 * "Eventuelt") and a section whose one item has the section's own title ("4. Punkter til næste møde",
 * "4.1 Punkter til næste møde"), as the browser test's meeting has them.
 */
export function templateAgenda(): AgendaDocument {
  const base = kkrAgenda("public");
  const [first, second] = base.sections;
  return {
    ...base,
    sections: [
      first as AgendaSectionDocument,
      { ...(second as AgendaSectionDocument), title: "Sager til drøftelse og beslutning" },
      { number: "3", title: "Siden sidst", items: [] },
      {
        number: "4",
        title: "Punkter til næste møde",
        items: [
          item("4.1", "Punkter til næste møde", {
            indstilling: "Det indstilles, at KKR Nordjylland drøfter punkter til næste møde.",
          }),
        ],
      },
      { number: "5", title: "Eventuelt", items: [] },
    ],
  };
}

/** A small agenda of another body with no annexes, one section, no participants listed. */
export function smallAgenda(): AgendaDocument {
  return {
    body: "KKR Midtjylland",
    meeting: { date: "2025-01-31", startTime: "09:00", endTime: null, location: null },
    participants: [],
    absences: [],
    edition: "public",
    version: 2,
    changeNote: "Punkt 1.2 er tilføjet efter udsendelsen.",
    sections: [
      {
        number: "1",
        title: "Sager til beslutning",
        items: [
          item("1.1", "Budget for det tværkommunale sekretariat", {
            indstilling: "Det indstilles, at budgettet godkendes.",
          }),
          item("1.2", "Høring om kollektiv trafik", {
            baggrund: "Midttrafik har sendt forslaget i høring.",
            indstilling: "Det indstilles, at KKR Midtjylland afgiver høringssvar.",
          }),
        ],
      },
    ],
  };
}

/** Topics for the long agenda: its items must differ in words, not only in numbers (see longAgenda). */
const TOPICS = [
  "infrastruktur og kollektiv trafik",
  "uddannelse og lærepladser",
  "beskæftigelse og integration",
  "klimatilpasning og kystbeskyttelse",
  "sundhed og det nære sundhedsvæsen",
  "digitalisering og cybersikkerhed",
  "affald og cirkulær økonomi",
  "turisme og bosætning",
] as const;

/**
 * A long agenda: `sections` sections of `perSection` items, each with a few paragraphs and a list. The
 * text differs in words from item to item: lines that differ only in digits at the same place on many
 * pages are what the importer drops as running headers and footers, and real agendas have none.
 */
export function longAgenda(sections: number, perSection: number): AgendaDocument {
  const text = (n: number) => {
    const topic = TOPICS[n % TOPICS.length] as string;
    const other = TOPICS[(n * 3 + 1) % TOPICS.length] as string;
    return `Sagen handler om ${topic} i Nordjylland. Kommunerne samarbejder på tværs om ${other}, og sekretariatet har samlet erfaringerne fra de seneste ${n + 2} måneder.`;
  };
  let counter = 0;
  const all: AgendaSectionDocument[] = Array.from({ length: sections }, (_, s) => ({
    number: String(s + 1),
    title: `Sager om ${TOPICS[s % TOPICS.length]}`,
    items: Array.from({ length: perSection }, (_, i) => {
      const n = `${s + 1}.${i + 1}`;
      const k = counter++;
      return item(n, `Status for ${TOPICS[(k + s) % TOPICS.length]} (${n})`, {
        baggrund: `${text(k)}\n\n${text(k + 5)}`,
        indstilling: `Det indstilles, at KKR drøfter ${TOPICS[(k + 2) % TOPICS.length]}.`,
        sagsfremstilling: `${text(k + 11)}\n\n- ${TOPICS[(k + 3) % TOPICS.length]}\n- ${TOPICS[(k + 4) % TOPICS.length]}`,
      });
    }),
  }));
  return { ...smallAgenda(), body: "KKR Syddanmark", version: 1, changeNote: null, sections: all };
}
