/**
 * @module A body's agenda template (/sekretariat/organ/{id}/skabelon, issue 13): its sections in order,
 * each with a title, a type (ordinary, "Punkter til næste møde", "Eventuelt") and its standing items one a
 * line, plus two empty sections to add; a section left without a title is dropped. New agendas start from
 * it; agendas already begun keep theirs.
 */
import type { AgendaTemplate, SectionPurpose } from "../../domain/index.js";
import { CsrfField, ErrorSummary, type FieldError } from "../components/form-parts.js";
import { SecretariatLayout } from "./workspace-layout.js";
import { SuccessNotice } from "./workspace-notice.js";

export function templatePath(bodyId: number): string {
  return `/sekretariat/organ/${bodyId}/skabelon`;
}

/** Empty sections offered below the template's own, to add. */
export const EXTRA_SECTIONS = 2;

const PURPOSE_LABELS: Readonly<Record<SectionPurpose, string>> = {
  regular: "Almindeligt afsnit",
  "next-meeting": "Punkter til næste møde",
  other: "Eventuelt (nummereres som afsnittet alene)",
};

/** One section as the form shows it. */
export interface TemplateSectionValues {
  readonly title: string;
  readonly purpose: SectionPurpose;
  /** The standing items' titles, one a line. */
  readonly items: string;
}

/** The form's sections from a template. */
export function templateValues(template: AgendaTemplate): TemplateSectionValues[] {
  return template.sections.map((s) => ({
    title: s.title,
    purpose: s.purpose,
    items: s.items.map((i) => i.title).join("\n"),
  }));
}

export interface AgendaTemplatePageProps {
  readonly bodyId: number;
  readonly bodyName: string;
  /** False while the body uses the seed template. */
  readonly stored: boolean;
  readonly sections: readonly TemplateSectionValues[];
  readonly csrfToken: string;
  readonly siteName: string;
  readonly notice?: string | null;
  readonly errors?: readonly FieldError[];
}

export function AgendaTemplatePage(props: AgendaTemplatePageProps) {
  const errors = props.errors ?? [];
  const title = `Dagsordensskabelon: ${props.bodyName}`;
  const rows = [
    ...props.sections,
    ...Array.from({ length: EXTRA_SECTIONS }, () => ({ title: "", purpose: "regular" as const, items: "" })),
  ];
  return (
    <SecretariatLayout
      title={title}
      siteName={props.siteName}
      errors={errors}
      crumbs={[{ label: "Dagsordensskabelon" }]}
    >
      <h1>
        <span class="h1-context">{props.bodyName}</span> Dagsordensskabelon
      </h1>
      <ErrorSummary errors={errors} />
      <SuccessNotice text={props.notice} />
      <p>
        En ny dagsorden starter med skabelonens afsnit og faste punkter. Dagsordener, der allerede er
        oprettet, ændres ikke.{" "}
        {props.stored ? null : "Organet bruger standardskabelonen; gem for at få sin egen."}
      </p>
      <form action={templatePath(props.bodyId)} method="post">
        <CsrfField token={props.csrfToken} />
        {rows.map((row, i) => (
          <fieldset class="template-section">
            <legend class="h3">{i < props.sections.length ? `Afsnit ${i + 1}` : "Nyt afsnit"}</legend>
            <div class="form-group">
              <label class="form-label" for={`afsnit-${i}-titel`}>
                Titel<span class="sr-only">{` på afsnit ${i + 1}`}</span>
              </label>
              {i >= props.sections.length ? (
                <span class="form-hint" id={`afsnit-${i}-hint`}>
                  Tom titel: afsnittet oprettes ikke. Tøm titlen på et afsnit for at fjerne det.
                </span>
              ) : null}
              <input
                class="form-input"
                id={`afsnit-${i}-titel`}
                name={`afsnit-${i}-titel`}
                type="text"
                maxlength={300}
                value={row.title}
                aria-describedby={i >= props.sections.length ? `afsnit-${i}-hint` : undefined}
              />
            </div>
            <div class="form-group">
              <label class="form-label" for={`afsnit-${i}-type`}>
                Type<span class="sr-only">{` af afsnit ${i + 1}`}</span>
              </label>
              <select class="form-select" id={`afsnit-${i}-type`} name={`afsnit-${i}-type`}>
                {(Object.keys(PURPOSE_LABELS) as SectionPurpose[]).map((purpose) => (
                  <option value={purpose} selected={purpose === row.purpose}>
                    {PURPOSE_LABELS[purpose]}
                  </option>
                ))}
              </select>
            </div>
            <div class="form-group">
              <label class="form-label" for={`afsnit-${i}-punkter`}>
                Faste punkter<span class="sr-only">{` i afsnit ${i + 1}`}</span>
              </label>
              <span class="form-hint" id={`afsnit-${i}-punkter-hint`}>
                Ét punkt pr. linje.
              </span>
              <textarea
                class="form-input"
                id={`afsnit-${i}-punkter`}
                name={`afsnit-${i}-punkter`}
                rows={3}
                aria-describedby={`afsnit-${i}-punkter-hint`}
              >
                {row.items}
              </textarea>
            </div>
          </fieldset>
        ))}
        <input type="hidden" name="antal" value={String(rows.length)} />
        <button class="button button-primary" type="submit">
          Gem skabelonen
        </button>
      </form>
    </SecretariatLayout>
  );
}
