/**
 * @module /sekretariat/personer/dubletter (issue 16): the persons whose names may be one person written
 * two ways, by the rule the import warns by, each pair with "Slå sammen" (choosing the name to keep) and
 * "Ikke samme person". Plain forms with CSRF, no JavaScript.
 */
import { partyLabel } from "../../domain/index.js";
import type { DuplicatePerson, PersonDuplicateSuggestion } from "../../store/index.js";
import { CsrfField, ErrorSummary, type FieldError } from "../components/form-parts.js";
import { municipalityLabel } from "../components/format.js";
import { SecretariatLayout } from "./workspace-layout.js";
import { SuccessNotice } from "./workspace-notice.js";
import { PostButton } from "./workspace-post-button.js";

export const PERSON_DUPLICATES_PATH = "/sekretariat/personer/dubletter";
export const MERGE_PATH = `${PERSON_DUPLICATES_PATH}/slaa-sammen`;
export const DISMISS_PATH = `${PERSON_DUPLICATES_PATH}/afvis`;
/** The form's fields: the pair, and which of the two to keep. */
export const PERSON_FIELD = "person";
export const OTHER_PERSON_FIELD = "anden";
export const KEEP_FIELD = "behold";

function personFacts(p: DuplicatePerson): string {
  const facts = [
    p.party ? partyLabel(p.party) : null,
    municipalityLabel(p.municipality),
    p.bodyNames.length > 0 ? p.bodyNames.join(", ") : null,
    `${p.meetings} ${p.meetings === 1 ? "møde" : "møder"}`,
  ];
  return facts.filter(Boolean).join(" · ");
}

/**
 * The name offered as kept: the fuller one ("Birgit Stenbak Hansen" over "Birgit Hansen"), else the one
 * with more meetings; the secretariat can choose the other.
 */
function suggestedKeep(s: PersonDuplicateSuggestion): number {
  const { person, other } = s;
  if (person.name.length !== other.name.length)
    return person.name.length > other.name.length ? person.id : other.id;
  return other.meetings > person.meetings ? other.id : person.id;
}

function DuplicateCard(props: {
  readonly suggestion: PersonDuplicateSuggestion;
  readonly csrfToken: string;
}) {
  const { person, other } = props.suggestion;
  const keep = suggestedKeep(props.suggestion);
  const pair = { [PERSON_FIELD]: String(person.id), [OTHER_PERSON_FIELD]: String(other.id) };
  return (
    <li class="matter-suggestion person-duplicate">
      <ul class="nobullet-list">
        {[person, other].map((p) => (
          <li>
            <a href={`/person/${p.id}`}>{p.name}</a>
            <span class="meeting-list__meta">{personFacts(p)}</span>
          </li>
        ))}
      </ul>
      <form action={MERGE_PATH} method="post">
        <CsrfField token={props.csrfToken} />
        {Object.entries(pair).map(([name, value]) => (
          <input type="hidden" name={name} value={value} />
        ))}
        <fieldset>
          <legend class="form-label">Hvilket navn skal beholdes?</legend>
          {[person, other].map((p) => (
            <div class="form-group-radio">
              <input
                class="form-radio"
                type="radio"
                id={`behold-${person.id}-${other.id}-${p.id}`}
                name={KEEP_FIELD}
                value={String(p.id)}
                checked={p.id === keep}
              />
              <label class="form-label" for={`behold-${person.id}-${other.id}-${p.id}`}>
                {p.name}
              </label>
            </div>
          ))}
        </fieldset>
        <div class="matter-suggestion__answers">
          <button class="button button-primary" type="submit">
            Slå sammen
            <span class="sr-only">{` ${person.name} og ${other.name}`}</span>
          </button>
        </div>
      </form>
      <div class="matter-suggestion__answers">
        <PostButton
          action={DISMISS_PATH}
          csrfToken={props.csrfToken}
          label="Ikke samme person"
          what={`: ${person.name} og ${other.name}`}
          fields={pair}
        />
      </div>
    </li>
  );
}

export function PersonDuplicatesPage(props: {
  readonly siteName: string;
  readonly csrfToken: string;
  readonly suggestions: readonly PersonDuplicateSuggestion[];
  readonly notice: string | null;
  readonly errors: readonly FieldError[];
}) {
  return (
    <SecretariatLayout
      title="Mulige dubletter blandt personer"
      siteName={props.siteName}
      errors={props.errors}
      crumbs={[{ label: "Personer", href: "/personer" }, { label: "Dubletter" }]}
      head={<link rel="stylesheet" href="/static/matter.css" />}
    >
      <ErrorSummary errors={props.errors} />
      <SuccessNotice text={props.notice} />
      <h1>Mulige dubletter blandt personer</h1>
      <p>
        Rådsinfo foreslår to personer, når navnene kan være den samme person skrevet på to måder: samme for-
        og efternavn, hvor det ene navn har et mellemnavn (fx »Birgit Hansen« og »Birgit Stenbak Hansen«), og
        de har siddet i samme organ eller kommer fra samme kommune. Importen advarer om de samme par.
      </p>
      <p>
        Slår du dem sammen, flyttes fremmøde, medlemskaber, bemærkninger og stemmer til det navn, du beholder.
        Det andet navn huskes, så en senere import finder den samme person, og den gamle personside sender
        videre.
      </p>
      <section aria-labelledby="forslag">
        <h2 id="forslag">Er det samme person?</h2>
        {props.suggestions.length === 0 ? (
          <p>Ingen forslag lige nu.</p>
        ) : (
          <ol class="nobullet-list matter-suggestions">
            {props.suggestions.map((s) => (
              <DuplicateCard suggestion={s} csrfToken={props.csrfToken} />
            ))}
          </ol>
        )}
      </section>
    </SecretariatLayout>
  );
}
