/**
 * @module A body's agenda template (issue 13): its sections in order, each with its standing items, from
 * which every new agenda starts. KKR bodies get the sections their minutes show (seed 004: "1. Godkendelse
 * af referat" with 1.1 Godkendelse af dagsorden and 1.2 Godkendelse af referat, "2. Regionalpolitiske
 * sager", "3. Siden sidst", "4. Punkter til næste møde", "5. Eventuelt") until the secretariat edits it.
 */

/**
 * Why a section is there: an ordinary one; "Punkter til næste møde", whose items the next agenda is
 * offered (agenda-carry-over.ts); "Eventuelt", numbered as its section alone (agenda-numbering.ts).
 */
export const SECTION_PURPOSES = ["regular", "next-meeting", "other"] as const;
export type SectionPurpose = (typeof SECTION_PURPOSES)[number];

export function isSectionPurpose(value: unknown): value is SectionPurpose {
  return typeof value === "string" && (SECTION_PURPOSES as readonly string[]).includes(value);
}

/** A standing item of a template section, with the Indstilling it usually has. */
export interface TemplateItem {
  readonly title: string;
  readonly indstilling: string | null;
}

export interface TemplateSection {
  readonly title: string;
  readonly purpose: SectionPurpose;
  readonly items: readonly TemplateItem[];
}

export interface AgendaTemplate {
  readonly sections: readonly TemplateSection[];
}

/** The standard phrase an Indstilling starts with: "Det indstilles, at KKR Nordjylland ...". */
export function indstillingPhrase(bodyName: string, rest = "tager orienteringen til efterretning."): string {
  return `Det indstilles, at ${bodyName} ${rest}`;
}

/** A body whose template is seeded the KKR way: "KKR Nordjylland", "KKR Hovedstaden". */
export function isKkrBody(bodyName: string): boolean {
  return /^KKR\b/i.test(bodyName.trim());
}

/**
 * The template a body starts with before its secretariat edits it.
 * @example seedAgendaTemplate("KKR Nordjylland").sections[0].items[1].title // "Godkendelse af referat"
 */
export function seedAgendaTemplate(bodyName: string): AgendaTemplate {
  const approve = (title: string, what: string): TemplateItem => ({
    title,
    indstilling: indstillingPhrase(bodyName, `godkender ${what}.`),
  });
  const nextMeeting: TemplateSection = {
    title: "Punkter til næste møde",
    purpose: "next-meeting",
    items: [
      {
        title: "Punkter til næste møde",
        indstilling: indstillingPhrase(bodyName, "drøfter punkter til næste møde."),
      },
    ],
  };
  const other: TemplateSection = {
    title: "Eventuelt",
    purpose: "other",
    items: [{ title: "Eventuelt", indstilling: null }],
  };
  if (!isKkrBody(bodyName)) {
    return {
      sections: [
        {
          title: "Godkendelse af dagsorden",
          purpose: "regular",
          items: [approve("Godkendelse af dagsorden", "dagsordenen")],
        },
        { title: "Sager", purpose: "regular", items: [] },
        nextMeeting,
        other,
      ],
    };
  }
  return {
    sections: [
      {
        title: "Godkendelse af referat",
        purpose: "regular",
        items: [
          approve("Godkendelse af dagsorden", "dagsordenen"),
          approve("Godkendelse af referat", "referatet"),
        ],
      },
      { title: "Regionalpolitiske sager", purpose: "regular", items: [] },
      { title: "Siden sidst", purpose: "regular", items: [] },
      nextMeeting,
      other,
    ],
  };
}

/** The most sections and items a template may hold: far above any agenda in the seeds. */
export const TEMPLATE_LIMITS = { sections: 30, itemsPerSection: 30, titleLength: 300 } as const;

/**
 * What is wrong with a template, in one Danish line, or null when it may be saved: every title given and
 * not too long, at most one "Punkter til næste møde" and one "Eventuelt" section.
 * @example templateProblem({ sections: [] }) // "Skabelonen skal have mindst ét afsnit."
 */
export function templateProblem(template: AgendaTemplate): string | null {
  const { sections } = template;
  if (sections.length === 0) return "Skabelonen skal have mindst ét afsnit.";
  if (sections.length > TEMPLATE_LIMITS.sections) {
    return `Skabelonen må højst have ${TEMPLATE_LIMITS.sections} afsnit.`;
  }
  for (const [index, section] of sections.entries()) {
    const where = `Afsnit ${index + 1}`;
    if (!isSectionPurpose(section.purpose)) return `${where} har en ukendt type.`;
    const titleProblem = titleLengthProblem(section.title, where);
    if (titleProblem) return titleProblem;
    if (section.items.length > TEMPLATE_LIMITS.itemsPerSection) {
      return `${where} må højst have ${TEMPLATE_LIMITS.itemsPerSection} faste punkter.`;
    }
    for (const [n, item] of section.items.entries()) {
      const itemProblem = titleLengthProblem(item.title, `${where}, punkt ${n + 1}`);
      if (itemProblem) return itemProblem;
    }
  }
  for (const purpose of ["next-meeting", "other"] as const) {
    if (sections.filter((s) => s.purpose === purpose).length > 1) {
      return `Skabelonen må kun have ét afsnit "${purpose === "other" ? "Eventuelt" : "Punkter til næste møde"}".`;
    }
  }
  return null;
}

/** A title that is empty or too long, as one Danish line naming `where`; null when it is fine. */
export function titleLengthProblem(title: string, where: string): string | null {
  if (title.trim() === "") return `${where} mangler en titel.`;
  if (title.length > TEMPLATE_LIMITS.titleLength) {
    return `${where} har en titel på over ${TEMPLATE_LIMITS.titleLength} tegn.`;
  }
  return null;
}
