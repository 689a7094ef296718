/**
 * @module An agenda item's form (issue 13): add one to a section, or edit one (title, case number,
 * initials, closed, the fields as the small Markdown of domain/rich-text.ts, a standard phrase for
 * Indstilling), and upload its annexes (PDF or DOCX, multipart). A save that another save overtook (409)
 * shows both: the form keeps what this user wrote, beside it the item as the other save left it, so
 * nothing is lost; saving again builds on the other's revision.
 */
import { formatDanishDate } from "../../domain/index.js";
import type { DraftAnnex, DraftItem, DraftMeeting } from "../../store/index.js";
import { CsrfField, ErrorSummary, type FieldError, TextField } from "../components/form-parts.js";
import { formatFileSize } from "../components/format.js";
import { itemPaths, meetingPaths } from "./agenda-builder-page.js";
import { SecretariatLayout } from "./workspace-layout.js";
import { SuccessNotice } from "./workspace-notice.js";
import { PostButton } from "./workspace-post-button.js";

/** The item fields in the form, in the order the agenda prints them, with their names. */
export const ITEM_TEXT_FIELDS = [
  { key: "resume", label: "Resume", hint: "Kort resume, hvor organet bruger det." },
  { key: "baggrund", label: "Baggrund", hint: null },
  { key: "indstilling", label: "Indstilling", hint: null },
  { key: "sagsfremstilling", label: "Sagsfremstilling", hint: null },
] as const;

export type ItemTextKey = (typeof ITEM_TEXT_FIELDS)[number]["key"];

/** What the form shows: the item's values, or what was sent when refused. */
export interface ItemFormValues {
  readonly titel: string;
  readonly sagsnummer: string;
  readonly initialer: string;
  readonly lukket: boolean;
  readonly tagesop: boolean;
  readonly fields: Readonly<Record<ItemTextKey, string>>;
}

/** The form's values from a stored item. */
export function itemFormValues(item: DraftItem): ItemFormValues {
  return {
    titel: item.title,
    sagsnummer: item.caseNumber ?? "",
    initialer: item.initials.join(", "),
    lukket: !item.public,
    tagesop: item.takeUpAgain,
    fields: {
      resume: item.fields.resume ?? "",
      baggrund: item.fields.baggrund ?? "",
      indstilling: item.fields.indstilling ?? "",
      sagsfremstilling: item.fields.sagsfremstilling ?? "",
    },
  };
}

export const EMPTY_ITEM_VALUES: ItemFormValues = {
  titel: "",
  sagsnummer: "",
  initialer: "",
  lukket: false,
  tagesop: false,
  fields: { resume: "", baggrund: "", indstilling: "", sagsfremstilling: "" },
};

export interface AgendaItemPageProps {
  readonly meeting: DraftMeeting;
  /** The item edited; null when adding. */
  readonly item: DraftItem | null;
  /** For a new item: the sections to pick from, and the one chosen. */
  readonly sections: readonly { readonly id: number; readonly number: string; readonly title: string }[];
  readonly sectionId: number | null;
  readonly values: ItemFormValues;
  /** The standard phrases for Indstilling ("Det indstilles, at KKR Nordjylland ..."). */
  readonly phrases: readonly string[];
  /** On a 409: the item as the other save left it. */
  readonly conflict?: DraftItem | null;
  readonly csrfToken: string;
  readonly siteName: string;
  readonly notice?: string | null;
  readonly errors?: readonly FieldError[];
}

const RICH_TEXT_HINT =
  "Afsnit adskilles af en tom linje. ## Overskrift, - punktopstilling, 1. nummereret liste, **fed**, og tabeller med | mellem cellerne.";

function StoredVersion(props: { readonly item: DraftItem }) {
  const values = itemFormValues(props.item);
  return (
    <section class="agenda-item__conflict" aria-labelledby="gemt-udgave">
      <h2 id="gemt-udgave">Den gemte udgave (revision {props.item.revision})</h2>
      <dl class="facts">
        <dt>Titel</dt>
        <dd>{values.titel}</dd>
        <dt>Sagsnummer</dt>
        <dd>{values.sagsnummer || "—"}</dd>
        <dt>Initialer</dt>
        <dd>{values.initialer || "—"}</dd>
        <dt>Lukket punkt</dt>
        <dd>{values.lukket ? "Ja" : "Nej"}</dd>
        {ITEM_TEXT_FIELDS.map((f) => (
          <>
            <dt>{f.label}</dt>
            <dd>
              <pre class="agenda-item__stored">{values.fields[f.key] || "—"}</pre>
            </dd>
          </>
        ))}
      </dl>
    </section>
  );
}

/** The paths of one annex's forms. */
export function annexPaths(annexId: number) {
  const base = `/sekretariat/bilag/${annexId}`;
  return { edit: base, move: `${base}/flyt`, remove: `${base}/fjern` } as const;
}

/** Retitle, move up or down, remove: plain POST forms under each annex. */
function AnnexForms(props: {
  readonly annex: DraftAnnex;
  readonly count: number;
  readonly csrfToken: string;
}) {
  const { annex } = props;
  const paths = annexPaths(annex.id);
  const label = ` Bilag ${annex.position}`;
  return (
    <div class="agenda-item__annex-forms">
      <form action={paths.edit} method="post" class="agenda-builder__move">
        <CsrfField token={props.csrfToken} />
        <label class="form-label" for={`bilag-${annex.id}-titel`}>
          Titel på bilag {annex.position}
        </label>
        <div class="agenda-builder__move-row">
          <input
            class="form-input"
            id={`bilag-${annex.id}-titel`}
            name="titel"
            type="text"
            maxlength={300}
            value={annex.title}
            required
          />
          <button class="button button-secondary" type="submit">
            Gem titel<span class="sr-only">{label}</span>
          </button>
        </div>
      </form>
      <div class="agenda-builder__buttons">
        {annex.position > 1 ? (
          <PostButton
            action={paths.move}
            csrfToken={props.csrfToken}
            label="Flyt op"
            what={label}
            fields={{ nummer: String(annex.position - 1) }}
          />
        ) : null}
        {annex.position < props.count ? (
          <PostButton
            action={paths.move}
            csrfToken={props.csrfToken}
            label="Flyt ned"
            what={label}
            fields={{ nummer: String(annex.position + 1) }}
          />
        ) : null}
        <PostButton action={paths.remove} csrfToken={props.csrfToken} label="Fjern" what={label} />
      </div>
    </div>
  );
}

function AnnexSection(props: { readonly item: DraftItem; readonly csrfToken: string }) {
  const { item } = props;
  const paths = itemPaths(item.id);
  return (
    <section aria-labelledby="bilag">
      <h2 id="bilag">Bilag</h2>
      {item.annexes.length === 0 ? (
        <p>Punktet har ingen bilag.</p>
      ) : (
        <ol class="agenda-builder__annexes">
          {item.annexes.map((a) => (
            <li>
              {item.number} Bilag {a.position}: {a.title}{" "}
              <span class="meeting-list__meta">
                ({a.fileName}, {a.format.toUpperCase()},{" "}
                {a.pageCount === 1 ? "1 side" : `${a.pageCount} sider`}, {formatFileSize(a.byteSize)})
              </span>
              {a.cprPages.length > 0 ? (
                <strong class="agenda-builder__cpr">
                  {" "}
                  CPR-nummer på side {a.cprPages.join(", ")}: siderne holdes tilbage fra offentligheden.
                </strong>
              ) : null}
              <AnnexForms annex={a} count={item.annexes.length} csrfToken={props.csrfToken} />
            </li>
          ))}
        </ol>
      )}
      <form action={paths.annexes} method="post" enctype="multipart/form-data" class="agenda-item__upload">
        <h3>Tilføj bilag</h3>
        <CsrfField token={props.csrfToken} />
        <TextField id="bilagstitel" label="Bilagets titel" hint="Tom: filens navn." maxlength={300} />
        <div class="form-group">
          <label class="form-label" for="bilagsfil">
            Fil
          </label>
          <span class="form-hint" id="bilagsfil-hint">
            PDF eller Word (DOCX), højst 50 MB. Bilaget får næste nummer ({item.number} Bilag{" "}
            {item.annexes.length + 1}
            ). Sider med et CPR-nummer holdes tilbage fra offentligheden.
          </span>
          <input
            class="form-input agenda-item__file"
            id="bilagsfil"
            name="fil"
            type="file"
            accept=".pdf,.docx,application/pdf,application/vnd.openxmlformats-officedocument.wordprocessingml.document"
            aria-describedby="bilagsfil-hint"
            required
          />
        </div>
        <button class="button button-secondary" type="submit">
          Upload bilag
        </button>
      </form>
    </section>
  );
}

/** The item form page; with `errors` it answers a refused save. */
export function AgendaItemPage(props: AgendaItemPageProps) {
  const { meeting, item, values } = props;
  const errors = props.errors ?? [];
  const paths = meetingPaths(meeting.id);
  const heading = item ? `Punkt ${item.number} ${item.title}` : "Nyt punkt";
  const revision = props.conflict?.revision ?? item?.revision ?? 0;
  const errorOf = (field: string) => errors.find((e) => e.field === field)?.message ?? null;
  return (
    <SecretariatLayout
      title={heading}
      siteName={props.siteName}
      errors={errors}
      crumbs={[
        { label: `Dagsorden ${formatDanishDate(meeting.date)}`, href: paths.builder },
        { label: item ? `Punkt ${item.number}` : "Nyt punkt" },
      ]}
    >
      <h1>
        <span class="h1-context">
          {meeting.bodyName} {formatDanishDate(meeting.date)}
        </span>{" "}
        {heading}
      </h1>
      <ErrorSummary errors={errors} />
      <SuccessNotice text={props.notice} />
      {meeting.phase === "agenda-sent" ? (
        <p>
          Dagsordenen er udsendt: ændringer når medlemmerne og portalen, når du udsender et tillæg til
          dagsordenen med en ændringsnote.
        </p>
      ) : null}
      <div class={props.conflict ? "agenda-item__columns" : undefined}>
        <form action={item ? itemPaths(item.id).edit : paths.items} method="post" class="agenda-item__form">
          {props.conflict ? <h2>Din udgave</h2> : null}
          <CsrfField token={props.csrfToken} />
          {item ? <input type="hidden" name="revision" value={String(revision)} /> : null}
          {item ? null : (
            <div class="form-group">
              <label class="form-label" for="afsnit">
                Afsnit
              </label>
              <select class="form-select" id="afsnit" name="afsnit">
                {props.sections.map((s) => (
                  <option value={String(s.id)} selected={s.id === props.sectionId}>
                    {s.number}. {s.title}
                  </option>
                ))}
              </select>
            </div>
          )}
          <TextField
            id="titel"
            label="Titel"
            value={values.titel}
            maxlength={300}
            error={errorOf("titel")}
            required
          />
          <TextField
            id="sagsnummer"
            label="Sagsnummer"
            hint="Som SAG-2024-03326."
            value={values.sagsnummer}
            maxlength={40}
            error={errorOf("sagsnummer")}
          />
          <TextField
            id="initialer"
            label="Initialer"
            hint="Sagsbehandlerens initialer, flere adskilt af komma: hlth, mni."
            value={values.initialer}
            maxlength={100}
            error={errorOf("initialer")}
          />
          <div class="form-group-checkbox">
            <input
              class="form-checkbox"
              type="checkbox"
              id="lukket"
              name="lukket"
              value="ja"
              checked={values.lukket}
            />
            <label class="form-label" for="lukket">
              Lukket punkt (offentligheden ser kun nummeret og "Lukket punkt")
            </label>
          </div>
          <div class="form-group-checkbox">
            <input
              class="form-checkbox"
              type="checkbox"
              id="tagesop"
              name="tagesop"
              value="ja"
              checked={values.tagesop}
            />
            <label class="form-label" for="tagesop">
              Tages op igen på et senere møde
            </label>
          </div>
          <p class="form-hint" id="felter-hint">
            {RICH_TEXT_HINT}
          </p>
          {ITEM_TEXT_FIELDS.map((f) => (
            <>
              {f.key === "indstilling" && props.phrases.length > 0 ? (
                <div class="form-group">
                  <label class="form-label" for="frase">
                    Standardformulering til Indstilling
                  </label>
                  <span class="form-hint" id="frase-hint">
                    Bruges, når feltet Indstilling er tomt; ellers sættes den ind først i feltet.
                  </span>
                  <select class="form-select" id="frase" name="frase" aria-describedby="frase-hint">
                    <option value="">Ingen</option>
                    {props.phrases.map((p, i) => (
                      <option value={String(i)}>{p}</option>
                    ))}
                  </select>
                </div>
              ) : null}
              <div class="form-group">
                <label class="form-label" for={f.key}>
                  {f.label}
                </label>
                {f.hint ? (
                  <span class="form-hint" id={`${f.key}-hint`}>
                    {f.hint}
                  </span>
                ) : null}
                <textarea
                  class="form-input agenda-item__text"
                  id={f.key}
                  name={f.key}
                  rows={f.key === "sagsfremstilling" ? 12 : 5}
                  aria-describedby={f.hint ? `${f.key}-hint felter-hint` : "felter-hint"}
                >
                  {values.fields[f.key]}
                </textarea>
              </div>
            </>
          ))}
          <button class="button button-primary" type="submit">
            {item ? (props.conflict ? "Gem min udgave" : "Gem punktet") : "Tilføj punktet"}
          </button>{" "}
          <a href={paths.builder}>Tilbage til dagsordenen</a>
        </form>
        {props.conflict ? <StoredVersion item={props.conflict} /> : null}
      </div>
      {item && !props.conflict ? <AnnexSection item={item} csrfToken={props.csrfToken} /> : null}
    </SecretariatLayout>
  );
}
