/**
 * @module The agenda builder (/sekretariat/moede/{id}/dagsorden, issue 13): a planned meeting's agenda
 * started from the body's template (with the offers from earlier meetings to tick), then its sections and
 * items with their numbers, each with plain POST buttons to move it up, down or to another section and to
 * remove it; the PDFs with their render progress; review copies and "Udsend dagsorden". Everything is a
 * form that works without JavaScript; a small script (agenda-progress.js) only refreshes the progress line.
 */

import {
  AGENDA_PHASE_LABELS,
  agendaVersionTitle,
  type CarryOverOffer,
  formatDanishDate,
} from "../../domain/index.js";
import type {
  AgendaDraft,
  AgendaRecipient,
  AgendaVersionRow,
  DraftItem,
  DraftMeeting,
  DraftSection,
} from "../../store/index.js";
import { DueFollowUps } from "../components/due-follow-ups.js";
import { CsrfField, ErrorSummary, type FieldError } from "../components/form-parts.js";
import { formatDanishDateTime, formatFileSize, formatTimeRange } from "../components/format.js";
import { MeetingWorkNav } from "../components/meeting-work-nav.js";
import { type RenderLine, RenderProgress } from "./agenda-render-progress.js";
import { NewSectionForm, SectionTools } from "./agenda-section-forms.js";
import { SecretariatLayout } from "./workspace-layout.js";
import { SuccessNotice } from "./workspace-notice.js";
import { PostButton } from "./workspace-post-button.js";

/** The builder's paths, all below the meeting's. */
export function meetingPaths(meetingId: number) {
  const base = `/sekretariat/moede/${meetingId}`;
  return {
    builder: `${base}/dagsorden`,
    newItem: `${base}/punkt/nyt`,
    items: `${base}/punkter`,
    render: `${base}/dan`,
    renderStatus: `${base}/dan/status`,
    review: `${base}/gennemlaesning`,
    send: `${base}/udsend`,
    agendaPdf: `${base}/dagsorden.pdf`,
    packPdf: `${base}/bilagspakke.pdf`,
  } as const;
}

/** The paths of one item's forms. */
export function itemPaths(itemId: number) {
  const base = `/sekretariat/punkt/${itemId}`;
  return {
    edit: base,
    move: `${base}/flyt`,
    remove: `${base}/fjern`,
    annexes: `${base}/bilag`,
  } as const;
}

export interface AgendaBuilderPageProps {
  readonly meeting: DraftMeeting;
  /** Null while the meeting has no agenda yet (phase planned). */
  readonly draft: AgendaDraft | null;
  readonly offers: readonly CarryOverOffer[];
  readonly members: readonly AgendaRecipient[];
  readonly reviews: readonly { readonly userId: number; readonly name: string; readonly sentAt: Date }[];
  readonly versions: readonly AgendaVersionRow[];
  readonly renders: readonly RenderLine[];
  readonly csrfToken: string;
  readonly siteName: string;
  readonly notice?: string | null;
  readonly errors?: readonly FieldError[];
}

function meetingTitle(meeting: DraftMeeting): string {
  return `${meeting.bodyName} ${formatDanishDate(meeting.date)}`;
}

/** "PDF, 3 sider, 120 kB". */
function annexFacts(annex: DraftItem["annexes"][number]): string {
  const pages = annex.pageCount === 1 ? "1 side" : `${annex.pageCount} sider`;
  return [annex.format.toUpperCase(), pages, formatFileSize(annex.byteSize)].join(", ");
}

function MoveForms(props: {
  readonly item: DraftItem;
  readonly section: DraftSection;
  readonly sections: readonly DraftSection[];
  readonly csrfToken: string;
}) {
  const { item, section, sections, csrfToken } = props;
  const paths = itemPaths(item.id);
  const index = section.items.findIndex((i) => i.id === item.id);
  const label = ` punkt ${item.number}`;
  const others = sections.filter((s) => s.id !== section.id);
  return (
    <div class="agenda-builder__actions">
      <div class="agenda-builder__buttons">
        <a class="button button-secondary" href={paths.edit}>
          Rediger<span class="sr-only">{label}</span>
        </a>
        {index > 0 ? (
          <PostButton
            action={paths.move}
            csrfToken={csrfToken}
            label="Flyt op"
            what={label}
            fields={{ afsnit: String(section.id), plads: String(index - 1) }}
          />
        ) : null}
        {index < section.items.length - 1 ? (
          <PostButton
            action={paths.move}
            csrfToken={csrfToken}
            label="Flyt ned"
            what={label}
            fields={{ afsnit: String(section.id), plads: String(index + 1) }}
          />
        ) : null}
        <PostButton action={paths.remove} csrfToken={csrfToken} label="Fjern" what={label} />
      </div>
      {others.length > 0 ? (
        <form action={paths.move} method="post" class="agenda-builder__move">
          <CsrfField token={csrfToken} />
          <label class="form-label" for={`flyt-${item.id}`}>
            Flyt til afsnit<span class="sr-only">{label}</span>
          </label>
          <div class="agenda-builder__move-row">
            <select class="form-select" id={`flyt-${item.id}`} name="afsnit">
              {others.map((s) => (
                <option value={String(s.id)}>
                  {s.number}. {s.title}
                </option>
              ))}
            </select>
            <button class="button button-secondary" type="submit">
              Flyt<span class="sr-only">{label}</span>
            </button>
          </div>
        </form>
      ) : null}
    </div>
  );
}

function ItemEntry(props: {
  readonly item: DraftItem;
  readonly section: DraftSection;
  readonly sections: readonly DraftSection[];
  readonly csrfToken: string;
}) {
  const { item } = props;
  const facts = [
    item.caseNumber,
    item.initials.length > 0 ? item.initials.join(", ") : null,
    item.carriedFrom ? "Taget op fra et tidligere møde" : null,
    item.takeUpAgain ? "Tages op igen" : null,
  ].filter(Boolean);
  const filled = (["resume", "baggrund", "indstilling", "sagsfremstilling"] as const).filter(
    (key) => item.fields[key],
  );
  return (
    <li
      class={item.public ? "agenda-builder__item" : "agenda-builder__item agenda-builder__item--closed"}
      id={`punkt-${item.id}`}
    >
      <h3 class="agenda-builder__title">
        <span class="agenda__number">{item.number}</span> {item.title}
        {item.public ? null : <span class="agenda-builder__closed"> Lukket punkt</span>}
      </h3>
      {facts.length > 0 || filled.length > 0 ? (
        <p class="meeting-list__meta">
          {[...facts, filled.length > 0 ? `Felter: ${filled.map(fieldName).join(", ")}` : null]
            .filter(Boolean)
            .join(" · ")}
        </p>
      ) : null}
      {item.annexes.length > 0 ? (
        <ul class="agenda-builder__annexes">
          {item.annexes.map((a) => (
            <li>
              Bilag {a.position}: {a.title} <span class="meeting-list__meta">({annexFacts(a)})</span>
              {a.cprPages.length > 0 ? (
                <strong class="agenda-builder__cpr">
                  {" "}
                  CPR-nummer på side {a.cprPages.join(", ")}: siderne holdes tilbage fra offentligheden.
                </strong>
              ) : null}
            </li>
          ))}
        </ul>
      ) : null}
      <MoveForms item={item} section={props.section} sections={props.sections} csrfToken={props.csrfToken} />
    </li>
  );
}

const FIELD_NAMES = {
  resume: "Resume",
  baggrund: "Baggrund",
  indstilling: "Indstilling",
  sagsforloeb: "Sagsforløb",
  sagsfremstilling: "Sagsfremstilling",
} as const;

function fieldName(key: keyof typeof FIELD_NAMES): string {
  return FIELD_NAMES[key];
}

function StartForm(props: {
  readonly meeting: DraftMeeting;
  readonly offers: readonly CarryOverOffer[];
  readonly csrfToken: string;
}) {
  const paths = meetingPaths(props.meeting.id);
  return (
    <section aria-labelledby="start">
      <h2 id="start">Opret dagsorden</h2>
      <p>
        Dagsordenen starter fra {props.meeting.bodyName}s skabelon: afsnit og faste punkter (fx Godkendelse af
        dagsorden og referat, Punkter til næste møde, Eventuelt). Alt kan rettes bagefter.
      </p>
      <form action={paths.builder} method="post">
        <CsrfField token={props.csrfToken} />
        {props.offers.length > 0 ? (
          <fieldset>
            <legend class="h4">Punkter fra tidligere møder</legend>
            <p class="form-hint">Sæt flueben ved dem, der skal på dagsordenen.</p>
            {props.offers.map((o, i) => (
              <div class="form-group-checkbox">
                <input
                  class="form-checkbox"
                  type="checkbox"
                  id={`tilbud-${i}`}
                  name="tilbud"
                  value={o.key}
                  checked
                />
                <label class="form-label" for={`tilbud-${i}`}>
                  {o.title}{" "}
                  <span class="meeting-list__meta">
                    (punkt {o.fromItemNumber}, {formatDanishDate(o.fromMeetingDate)})
                  </span>
                </label>
              </div>
            ))}
          </fieldset>
        ) : null}
        <button class="button button-primary" type="submit">
          Opret dagsorden fra skabelonen
        </button>
      </form>
    </section>
  );
}

function ReviewForm(props: AgendaBuilderPageProps) {
  const paths = meetingPaths(props.meeting.id);
  return (
    <section aria-labelledby="gennemlaesning">
      <h2 id="gennemlaesning">Gennemlæsning</h2>
      {props.reviews.length > 0 ? (
        <p>
          Sendt til gennemlæsning:{" "}
          {props.reviews.map((r) => `${r.name} (${formatDanishDateTime(r.sentAt)})`).join(", ")}.
        </p>
      ) : null}
      {props.members.length === 0 ? (
        <p>Organet har ingen medlemmer med login at sende udkastet til.</p>
      ) : (
        <form action={paths.review} method="post">
          <CsrfField token={props.csrfToken} />
          <fieldset>
            <legend class="h4">Send udkastet til</legend>
            {props.members.map((m) => (
              <div class="form-group-checkbox">
                <input
                  class="form-checkbox"
                  type="checkbox"
                  id={`laeser-${m.userId}`}
                  name="modtager"
                  value={String(m.userId)}
                />
                <label class="form-label" for={`laeser-${m.userId}`}>
                  {m.name}
                </label>
              </div>
            ))}
          </fieldset>
          <button class="button button-secondary" type="submit">
            Send til gennemlæsning
          </button>
        </form>
      )}
    </section>
  );
}

function SendForm(props: AgendaBuilderPageProps) {
  const paths = meetingPaths(props.meeting.id);
  const sent = props.versions.length > 0;
  const next = props.versions.length + 1;
  return (
    <section aria-labelledby="udsend">
      <h2 id="udsend">{sent ? "Udsend tillæg" : "Udsend dagsorden"}</h2>
      {props.versions.length > 0 ? (
        <ul class="meeting-list">
          {props.versions.map((v) => (
            <li>
              {agendaVersionTitle(v.number)} (udgave {v.number}) udsendt {formatDanishDateTime(v.sentAt)} til{" "}
              {v.recipients === 1 ? "1 medlem" : `${v.recipients} medlemmer`}
              {v.changeNote ? <span class="meeting-list__meta">{` · ${v.changeNote}`}</span> : null}
            </li>
          ))}
        </ul>
      ) : null}
      <p>
        {sent
          ? "Dagsordenen er udsendt. Ændringer siden da udsendes som Tillæg til dagsorden med en ændringsnote, som medlemmerne og portalen viser."
          : "Udsend gør dagsordenen offentlig på portalen (lukkede punkter som Lukket punkt), i feeds og kalender, og sender en mail med links til organets medlemmer."}
      </p>
      <form action={paths.send} method="post">
        <CsrfField token={props.csrfToken} />
        {sent ? (
          <div class="form-group">
            <label class="form-label" for="aendringsnote">
              Ændringsnote
            </label>
            <span class="form-hint" id="aendringsnote-hint">
              Hvad er ændret siden udgave {next - 1}? Fx "Punkt 2.3 er tilføjet."
            </span>
            <textarea
              class="form-input"
              id="aendringsnote"
              name="aendringsnote"
              rows={3}
              maxlength={2000}
              aria-describedby="aendringsnote-hint"
              required
            />
          </div>
        ) : null}
        <button class="button button-primary" type="submit">
          {sent ? "Udsend tillæg til dagsorden" : "Udsend dagsorden"}
        </button>
      </form>
    </section>
  );
}

/** The builder; with `errors` it is the answer to a refused form. */
export function AgendaBuilderPage(props: AgendaBuilderPageProps) {
  const { meeting, draft } = props;
  const errors = props.errors ?? [];
  const paths = meetingPaths(meeting.id);
  const title = `Dagsorden: ${meetingTitle(meeting)}`;
  const time = formatTimeRange(meeting.startTime, meeting.endTime);
  const editable = meeting.phase === "agenda-draft" || meeting.phase === "agenda-sent";
  return (
    <SecretariatLayout
      title={title}
      siteName={props.siteName}
      errors={errors}
      crumbs={[{ label: `Dagsorden ${formatDanishDate(meeting.date)}` }]}
      head={<script src="/static/agenda-progress.js" defer />}
    >
      <h1>
        <span class="h1-context">{meeting.bodyName}</span> Dagsorden {formatDanishDate(meeting.date)}
      </h1>
      <ErrorSummary errors={errors} />
      <SuccessNotice text={props.notice} />
      <p class="meeting-list__meta">
        {[AGENDA_PHASE_LABELS[meeting.phase], time, meeting.location].filter(Boolean).join(" · ")}
      </p>
      {meeting.phase === "agenda-draft" ? (
        <p>
          <a href={`/moede/${meeting.id}`}>Mødets offentlige side</a>
        </p>
      ) : meeting.phase !== "planned" ? (
        <MeetingWorkNav meetingId={meeting.id} current="agenda" />
      ) : null}
      {!draft || meeting.phase === "planned" ? (
        meeting.phase === "planned" ? (
          <StartForm meeting={meeting} offers={props.offers} csrfToken={props.csrfToken} />
        ) : (
          <p>Mødet er {AGENDA_PHASE_LABELS[meeting.phase].toLowerCase()}; dagsordenen kan ikke ændres her.</p>
        )
      ) : (
        <>
          {draft.sections.map((section) => (
            <section aria-labelledby={`afsnit-${section.id}`} class="agenda-builder__section">
              <h2 id={`afsnit-${section.id}`}>
                {section.number}. {section.title}
              </h2>
              {section.items.length === 0 ? (
                <p>Afsnittet har ingen punkter.</p>
              ) : (
                <ol class="agenda-builder__items">
                  {section.items.map((item) =>
                    editable ? (
                      <ItemEntry
                        item={item}
                        section={section}
                        sections={draft.sections}
                        csrfToken={props.csrfToken}
                      />
                    ) : (
                      <li>
                        {item.number} {item.title}
                      </li>
                    ),
                  )}
                </ol>
              )}
              {editable ? (
                <p>
                  <a href={`${paths.newItem}?afsnit=${section.id}`}>
                    Tilføj punkt<span class="sr-only">{` i afsnit ${section.number} ${section.title}`}</span>
                  </a>
                </p>
              ) : null}
              {editable ? <SectionTools section={section} csrfToken={props.csrfToken} /> : null}
            </section>
          ))}
          {editable ? (
            <NewSectionForm meetingId={meeting.id} sections={draft.sections} csrfToken={props.csrfToken} />
          ) : null}
          {props.offers.length > 0 && editable ? (
            <section aria-labelledby="tilbud">
              <h2 id="tilbud">Punkter fra tidligere møder</h2>
              <ul class="meeting-list">
                {props.offers.map((o) => (
                  <li>
                    <form action={paths.items} method="post" class="agenda-builder__offer">
                      <CsrfField token={props.csrfToken} />
                      <input type="hidden" name="tilbud" value={o.key} />
                      <span>
                        {o.title}{" "}
                        <span class="meeting-list__meta">
                          (punkt {o.fromItemNumber}, {formatDanishDate(o.fromMeetingDate)})
                        </span>
                      </span>
                      <button class="button button-secondary" type="submit">
                        Tag med<span class="sr-only">{`: ${o.title}`}</span>
                      </button>
                    </form>
                  </li>
                ))}
              </ul>
            </section>
          ) : null}
          {editable ? <DueFollowUps meeting={meeting} /> : null}
          <section aria-labelledby="pdf">
            <h2 id="pdf">Dagsorden og bilagspakke som PDF</h2>
            <RenderProgress lines={props.renders} statusUrl={paths.renderStatus} />
            {editable ? (
              <form action={paths.render} method="post">
                <CsrfField token={props.csrfToken} />
                <button class="button button-secondary" type="submit">
                  Dan dagsorden og bilagspakke
                </button>
              </form>
            ) : null}
          </section>
          {editable ? <ReviewForm {...props} /> : null}
          {editable ? <SendForm {...props} /> : null}
        </>
      )}
    </SecretariatLayout>
  );
}
