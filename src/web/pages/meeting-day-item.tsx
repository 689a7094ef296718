/**
 * @module One agenda item on the meeting-day screen (issue 14): its Indstilling for reference, the
 * decision form (a standard phrase chosen from a select fills an empty text, so it works without
 * JavaScript; free text; discussion notes apart; a vote by member or by party letters; "vedrører
 * kommunerne"), the protocol remarks with a form to add one by a chosen member, and the members who did
 * not take part with their reason. A save that another overtook shows the other's decision beside the form.
 */
import type { RecordItem, RecordPerson, RecordVoter } from "../../domain/index.js";
import type { StoredDecision } from "../../store/index.js";
import { CsrfField } from "../components/form-parts.js";
import { PostButton } from "./workspace-post-button.js";

/** The paths of an item's meeting-day forms. */
export function recordItemPaths(itemId: number) {
  const base = `/sekretariat/moededag/punkt/${itemId}`;
  return {
    decision: `${base}/beslutning`,
    remark: `${base}/protokolbemaerkning`,
    recusal: `${base}/deltog-ikke`,
    removeRecusal: `${base}/deltog-ikke/fjern`,
  } as const;
}

export function removeRemarkPath(remarkId: number): string {
  return `/sekretariat/moededag/protokolbemaerkning/${remarkId}/fjern`;
}

/** What the decision form shows when a save was refused: what this user wrote. */
export interface DecisionFormValues {
  readonly decision: string;
  readonly discussion: string;
  readonly concernsMunicipalities: boolean;
}

export interface DecisionConflictView {
  readonly itemId: number;
  readonly written: DecisionFormValues;
  /** The decision as the other save left it. */
  readonly stored: StoredDecision;
}

const VOTE_CHOICES = [
  { value: "", label: "Ikke stemt" },
  { value: "for", label: "For" },
  { value: "imod", label: "Imod" },
  { value: "undlod", label: "Undlod" },
] as const;

function voteOf(item: RecordItem, personId: number): string {
  const vote = item.decision?.vote;
  if (!vote) return "";
  const has = (list: readonly RecordVoter[]) =>
    list.some((v) => v.kind === "person" && v.personId === personId);
  if (has(vote.for)) return "for";
  if (has(vote.against)) return "imod";
  if (has(vote.abstaining)) return "undlod";
  return "";
}

function partiesOf(list: readonly RecordVoter[] | undefined): string {
  return (list ?? []).flatMap((v) => (v.kind === "party" ? [v.party] : [])).join(", ");
}

function VoteFieldset(props: { readonly item: RecordItem; readonly voters: readonly RecordPerson[] }) {
  const { item } = props;
  const id = (s: string) => `p${item.id}-${s}`;
  const vote = item.decision?.vote;
  return (
    <details class="meeting-day__vote" open={vote ? true : undefined}>
      <summary>Afstemning{vote ? " (registreret)" : ""}</summary>
      <p class="form-hint">Udfyld kun, hvis der blev stemt: pr. medlem eller pr. parti (partibogstaver).</p>
      <table class="table table--compact table--responsive-headers">
        <caption class="sr-only">Stemmer pr. medlem under punkt {item.number}</caption>
        <thead>
          <tr>
            <th scope="col">Medlem</th>
            <th scope="col">Stemme</th>
          </tr>
        </thead>
        <tbody>
          {props.voters.map((p) => {
            const current = voteOf(item, p.personId);
            return (
              <tr>
                <th scope="row" data-title="Medlem">
                  {p.name}
                  {p.party ? ` (${p.party})` : ""}
                </th>
                <td data-title="Stemme">
                  <fieldset class="meeting-day__choices">
                    <legend class="sr-only">
                      {p.name}s stemme under punkt {item.number}
                    </legend>
                    {VOTE_CHOICES.map((choice) => (
                      <div class="form-group-radio">
                        <input
                          class="form-radio"
                          type="radio"
                          id={id(`stemme-${p.personId}-${choice.value || "ingen"}`)}
                          name={`stemme-${p.personId}`}
                          value={choice.value}
                          checked={current === choice.value}
                        />
                        <label for={id(`stemme-${p.personId}-${choice.value || "ingen"}`)}>
                          {choice.label}
                        </label>
                      </div>
                    ))}
                  </fieldset>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      {[
        { key: "for", label: "Partier for", value: partiesOf(vote?.for) },
        { key: "imod", label: "Partier imod", value: partiesOf(vote?.against) },
        { key: "undlod", label: "Partier, der undlod at stemme", value: partiesOf(vote?.abstaining) },
      ].map((f) => (
        <div class="form-group">
          <label class="form-label" for={id(`parti-${f.key}`)}>
            {f.label}
          </label>
          <span class="form-hint" id={id(`parti-${f.key}-hint`)}>
            Partibogstaver adskilt af komma, fx A, V, Ø.
          </span>
          <input
            class="form-input input-width-s"
            type="text"
            id={id(`parti-${f.key}`)}
            name={`parti-${f.key}`}
            value={f.value}
            maxlength={60}
            aria-describedby={id(`parti-${f.key}-hint`)}
          />
        </div>
      ))}
    </details>
  );
}

function StoredDecisionView(props: { readonly stored: StoredDecision }) {
  return (
    <section class="agenda-item__conflict" aria-label="Den gemte beslutning">
      <h4>Den gemte udgave (revision {props.stored.revision})</h4>
      <dl class="facts">
        <dt>Beslutning</dt>
        <dd>
          <pre class="agenda-item__stored">{props.stored.decision || "—"}</pre>
        </dd>
        <dt>Drøftelse</dt>
        <dd>
          <pre class="agenda-item__stored">{props.stored.discussion || "—"}</pre>
        </dd>
      </dl>
    </section>
  );
}

export interface MeetingDayItemProps {
  readonly item: RecordItem;
  readonly phrases: readonly { readonly key: string; readonly text: string }[];
  /** Who may vote, remark or step aside: those present and the substitutes (the members before attendance). */
  readonly participants: readonly RecordPerson[];
  readonly conflict: DecisionConflictView | null;
  readonly csrfToken: string;
}

export function MeetingDayItem(props: MeetingDayItemProps) {
  const { item, conflict } = props;
  const paths = recordItemPaths(item.id);
  const id = (s: string) => `p${item.id}-${s}`;
  const mine = conflict?.itemId === item.id ? conflict : null;
  const values: DecisionFormValues = mine?.written ?? {
    decision: item.decision?.text ?? "",
    discussion: item.decision?.discussion ?? "",
    concernsMunicipalities: item.decision?.concernsMunicipalities ?? false,
  };
  const revision = mine?.stored.revision ?? item.decision?.revision ?? 0;
  const what = ` punkt ${item.number}`;
  return (
    <li class="meeting-day__item" id={`punkt-${item.id}`}>
      <h3>
        {item.number} {item.title}
        {item.closed ? <span class="meeting-day__closed"> (lukket punkt)</span> : null}
      </h3>
      {item.fields.indstilling ? (
        <p class="meeting-day__recommendation">
          <strong>Indstilling:</strong> {item.fields.indstilling}
        </p>
      ) : null}
      {mine ? <StoredDecisionView stored={mine.stored} /> : null}
      <form action={paths.decision} method="post" class="meeting-day__decision">
        <CsrfField token={props.csrfToken} />
        <input type="hidden" name="revision" value={String(revision)} />
        <div class="form-group">
          <label class="form-label" for={id("standardtekst")}>
            Standardtekst
          </label>
          <span class="form-hint" id={id("standardtekst-hint")}>
            Bruges, når beslutningsfeltet er tomt.
          </span>
          <select
            class="form-select"
            id={id("standardtekst")}
            name="standardtekst"
            aria-describedby={id("standardtekst-hint")}
          >
            <option value="">Ingen</option>
            {props.phrases.map((p) => (
              <option value={p.key}>{p.text}</option>
            ))}
          </select>
        </div>
        <div class="form-group">
          <label class="form-label" for={id("beslutning")}>
            Beslutning
          </label>
          <textarea class="form-input" id={id("beslutning")} name="beslutning" rows={3}>
            {values.decision}
          </textarea>
        </div>
        <div class="form-group">
          <label class="form-label" for={id("droeftelse")}>
            Drøftelse (noter, adskilt fra beslutningen)
          </label>
          <textarea class="form-input" id={id("droeftelse")} name="droeftelse" rows={2}>
            {values.discussion}
          </textarea>
        </div>
        <VoteFieldset item={item} voters={props.participants} />
        <div class="form-group-checkbox">
          <input
            class="form-checkbox"
            type="checkbox"
            id={id("kommuner")}
            name="kommuner"
            value="ja"
            checked={values.concernsMunicipalities}
          />
          <label for={id("kommuner")}>Beslutningen vedrører medlemskommunerne</label>
        </div>
        <button class="button button-primary" type="submit">
          Gem beslutning<span class="sr-only">{what}</span>
        </button>
      </form>

      <h4>Protokolbemærkninger</h4>
      {item.protocolRemarks.length === 0 ? (
        <p>Ingen.</p>
      ) : (
        <ul class="meeting-day__remarks">
          {item.protocolRemarks.map((r) => (
            <li>
              <strong>Protokolbemærkning fra {r.person.name}:</strong> {r.text}
              <PostButton
                action={removeRemarkPath(r.id)}
                csrfToken={props.csrfToken}
                label="Fjern"
                what={` protokolbemærkning fra ${r.person.name}${what}`}
              />
            </li>
          ))}
        </ul>
      )}
      <details class="meeting-day__add">
        <summary>
          Tilføj protokolbemærkning<span class="sr-only">{what}</span>
        </summary>
        <form action={paths.remark} method="post" class="meeting-day__small-form">
          <CsrfField token={props.csrfToken} />
          <PersonSelect id={id("bemaerkning-person")} label="Medlem" people={props.participants} />
          <div class="form-group">
            <label class="form-label" for={id("bemaerkning-tekst")}>
              Protokolbemærkning
            </label>
            <textarea class="form-input" id={id("bemaerkning-tekst")} name="tekst" rows={2} required />
          </div>
          <button class="button button-secondary" type="submit">
            Tilføj protokolbemærkning<span class="sr-only">{what}</span>
          </button>
        </form>
      </details>

      <h4>Deltog ikke i behandlingen</h4>
      {item.recusals.length === 0 ? (
        <p>Alle deltog.</p>
      ) : (
        <ul class="meeting-day__recusals">
          {item.recusals.map((r) => (
            <li>
              {r.person.name} deltog ikke i behandlingen af punkt {item.number}
              {r.reason ? ` (${r.reason})` : ""}.
              <PostButton
                action={paths.removeRecusal}
                csrfToken={props.csrfToken}
                label="Fjern"
                what={` ${r.person.name}${what}`}
                fields={{ person: String(r.person.personId) }}
              />
            </li>
          ))}
        </ul>
      )}
      <details class="meeting-day__add">
        <summary>
          Noter et medlem, der ikke deltog<span class="sr-only">{what}</span>
        </summary>
        <form action={paths.recusal} method="post" class="meeting-day__small-form">
          <CsrfField token={props.csrfToken} />
          <PersonSelect id={id("deltog-ikke-person")} label="Medlem" people={props.participants} />
          <div class="form-group">
            <label class="form-label" for={id("deltog-ikke-grund")}>
              Begrundelse
            </label>
            <input
              class="form-input"
              type="text"
              id={id("deltog-ikke-grund")}
              name="grund"
              maxlength={500}
              placeholder="fx inhabil"
            />
          </div>
          <button class="button button-secondary" type="submit">
            Noter: deltog ikke<span class="sr-only">{what}</span>
          </button>
        </form>
      </details>
    </li>
  );
}

function PersonSelect(props: {
  readonly id: string;
  readonly label: string;
  readonly people: readonly RecordPerson[];
}) {
  return (
    <div class="form-group">
      <label class="form-label" for={props.id}>
        {props.label}
      </label>
      <select class="form-select" id={props.id} name="person" required>
        <option value="">Vælg medlem</option>
        {props.people.map((p) => (
          <option value={String(p.personId)}>
            {p.name}
            {p.party ? ` (${p.party})` : ""}
          </option>
        ))}
      </select>
    </div>
  );
}
