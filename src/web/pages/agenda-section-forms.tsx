/**
 * @module The agenda builder's section forms (issue 13): under each section, renaming it and (when it is
 * empty and not "Punkter til næste møde") removing it; after the sections, adding one at a chosen place.
 * Plain POST forms with the CSRF field, for the routes of secretariat/section-routes.tsx.
 */
import { newSectionPlace } from "../../domain/index.js";
import type { DraftSection } from "../../store/index.js";
import { CsrfField } from "../components/form-parts.js";
import { PostButton } from "./workspace-post-button.js";

/** The paths of the section forms. */
export function sectionPaths(sectionId: number) {
  const base = `/sekretariat/afsnit/${sectionId}`;
  return { rename: base, remove: `${base}/fjern` } as const;
}

/** Where the new-section form posts, below the meeting's paths. */
export function newSectionPath(meetingId: number): string {
  return `/sekretariat/moede/${meetingId}/afsnit`;
}

/** Rename (and remove, when empty) one section. */
export function SectionTools(props: { readonly section: DraftSection; readonly csrfToken: string }) {
  const { section } = props;
  const what = ` afsnit ${section.number}. ${section.title}`;
  const field = `afsnit-${section.id}-titel`;
  return (
    <details class="agenda-builder__section-tools">
      <summary>
        Ret afsnittet<span class="sr-only">{what}</span>
      </summary>
      <form action={sectionPaths(section.id).rename} method="post">
        <CsrfField token={props.csrfToken} />
        <div class="form-group">
          <label class="form-label" for={field}>
            Afsnittets titel
          </label>
          <input class="form-input" id={field} name="titel" value={section.title} required maxlength={300} />
        </div>
        <button class="button button-secondary" type="submit">
          Omdøb<span class="sr-only">{what}</span>
        </button>
      </form>
      {section.items.length === 0 && section.purpose !== "next-meeting" ? (
        <PostButton
          action={sectionPaths(section.id).remove}
          csrfToken={props.csrfToken}
          label="Fjern afsnit"
          what={what}
        />
      ) : null}
    </details>
  );
}

/** Add a section: its title and its place among the sections (by default after the ordinary ones). */
export function NewSectionForm(props: {
  readonly meetingId: number;
  readonly sections: readonly DraftSection[];
  readonly csrfToken: string;
}) {
  const { sections } = props;
  const preferred = newSectionPlace(sections.map((s) => s.purpose));
  return (
    <section aria-labelledby="nyt-afsnit">
      <h2 id="nyt-afsnit">Tilføj afsnit</h2>
      <form action={newSectionPath(props.meetingId)} method="post">
        <CsrfField token={props.csrfToken} />
        <div class="form-group">
          <label class="form-label" for="nyt-afsnit-titel">
            Afsnittets titel
          </label>
          <input class="form-input" id="nyt-afsnit-titel" name="titel" required maxlength={300} />
        </div>
        <div class="form-group">
          <label class="form-label" for="nyt-afsnit-placering">
            Placering
          </label>
          <select class="form-select" id="nyt-afsnit-placering" name="placering">
            {[0, ...sections.map((_, n) => n + 1)].map((place) => (
              <option value={String(place)} selected={place === preferred}>
                {place === 0
                  ? "Først"
                  : `Efter ${sections[place - 1]?.number}. ${sections[place - 1]?.title}`}
              </option>
            ))}
          </select>
        </div>
        <button class="button button-secondary" type="submit">
          Tilføj afsnit
        </button>
      </form>
    </section>
  );
}
