/**
 * @module /sekretariat/sager (issue 14): the secretariat's matters across meetings: the suggestions
 * "Hører disse punkter til samme sag?" with a yes and a no for each, a form to make a matter from an
 * item, and the matters of its bodies.
 */
import type { MatterSuggestion } from "../../store/index.js";
import { CsrfField, ErrorSummary, type FieldError, TextField } from "../components/form-parts.js";
import { MATTER_ITEM_FIELD, SuggestionCard } from "./matter-page.js";
import { SecretariatLayout } from "./workspace-layout.js";
import { SuccessNotice } from "./workspace-notice.js";

export const MATTERS_PATH = "/sekretariat/sager";
export const MATTER_TITLE_FIELD = "titel";

export function MatterSuggestionsPage(props: {
  readonly siteName: string;
  readonly csrfToken: string;
  readonly suggestions: readonly MatterSuggestion[];
  readonly matters: readonly { readonly id: number; readonly title: string; readonly itemCount: number }[];
  readonly notice: string | null;
  readonly errors: readonly FieldError[];
  readonly values: { readonly item: string; readonly title: string };
}) {
  const fieldError = (field: string) => props.errors.find((e) => e.field === field)?.message ?? null;
  return (
    <SecretariatLayout
      title="Sager på tværs af møder"
      siteName={props.siteName}
      errors={props.errors}
      crumbs={[{ label: "Sager" }]}
      head={<link rel="stylesheet" href="/static/matter.css" />}
    >
      <ErrorSummary errors={props.errors} />
      <SuccessNotice text={props.notice} />
      <h1>Sager på tværs af møder</h1>
      <p>
        En sag samler punkter om det samme fra flere møder, fx et budget år for år. Rådsinfo foreslår punkter
        med næsten samme titel; samme sagsnummer alene er ikke nok, for KKR giver alle et mødes punkter samme
        nummer.
      </p>
      <section aria-labelledby="forslag">
        <h2 id="forslag">Hører disse punkter til samme sag?</h2>
        {props.suggestions.length === 0 ? (
          <p>Ingen forslag lige nu.</p>
        ) : (
          <ol class="nobullet-list matter-suggestions">
            {props.suggestions.map((s) => (
              <SuggestionCard suggestion={s} csrfToken={props.csrfToken} back={MATTERS_PATH} />
            ))}
          </ol>
        )}
      </section>
      <section aria-labelledby="ny-sag">
        <h2 id="ny-sag">Opret en sag fra et punkt</h2>
        <form action={`${MATTERS_PATH}/ny`} method="post">
          <CsrfField token={props.csrfToken} />
          <TextField
            id={MATTER_ITEM_FIELD}
            label="Punktets id eller adresse"
            hint="Fx 42 eller /punkt/42: id'et står i adressen på punktets side."
            value={props.values.item}
            error={fieldError(MATTER_ITEM_FIELD)}
            required
          />
          <TextField
            id={MATTER_TITLE_FIELD}
            label="Sagens titel (valgfri)"
            hint="Uden titel får sagen punktets titel uden årstal."
            value={props.values.title}
            error={fieldError(MATTER_TITLE_FIELD)}
            maxlength={300}
          />
          <button class="button button-primary" type="submit">
            Opret sag
          </button>
        </form>
      </section>
      <section aria-labelledby="sager">
        <h2 id="sager">Sager</h2>
        {props.matters.length === 0 ? (
          <p>Ingen sager endnu.</p>
        ) : (
          <ul class="meeting-list">
            {props.matters.map((m) => (
              <li>
                <a href={`/sag/${m.id}`}>{m.title}</a>
                <span class="meeting-list__meta">{`${m.itemCount} ${m.itemCount === 1 ? "punkt" : "punkter"}`}</span>
              </li>
            ))}
          </ul>
        )}
      </section>
    </SecretariatLayout>
  );
}
