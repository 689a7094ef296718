/**
 * @module The secretariat's workspace (/sekretariat, issue 13): for each of the viewer's bodies what to do
 * next, the items waiting for the next meeting (carry-over offers), the meetings by phase, and forms to
 * plan one meeting or a year's meetings. Lists, not tables, so nothing scrolls sideways on a phone.
 */
import {
  AGENDA_PHASE_LABELS,
  AGENDA_PHASES,
  type AgendaPhase,
  type CarryOverOffer,
  formatDanishDate,
} from "../../domain/index.js";
import type { DraftMeeting, SecretariatBody } from "../../store/index.js";
import { CsrfField, ErrorSummary, type FieldError } from "../components/form-parts.js";
import { formatTimeRange } from "../components/format.js";
import { agendaBuilderPath, type NextStep } from "../secretariat/next-steps.js";
import { templatePath } from "./agenda-template-page.js";
import { IMPORT_PATH } from "./import-page.js";
import { SecretariatLayout } from "./workspace-layout.js";
import { SuccessNotice } from "./workspace-notice.js";

/** The workspace's address; the meeting forms post to MEETINGS_PATH. */
export const WORKSPACE_PATH = "/sekretariat";
export const MEETINGS_PATH = "/sekretariat/moeder";

/** The fields of the meeting forms. */
export const MEETING_FIELDS = {
  body: "organ",
  date: "dato",
  dates: "datoer",
  start: "start",
  end: "slut",
  place: "sted",
} as const;

export interface WorkspaceBody {
  readonly body: SecretariatBody;
  readonly plan: readonly DraftMeeting[];
  readonly steps: readonly NextStep[];
  /** The next meeting, whose agenda the offers are for. */
  readonly next: DraftMeeting | null;
  readonly offers: readonly CarryOverOffer[];
}

/** What a refused meeting form had, shown again. */
export type MeetingFormValues = Partial<Record<(typeof MEETING_FIELDS)[keyof typeof MEETING_FIELDS], string>>;

export interface WorkspacePageProps {
  readonly bodies: readonly WorkspaceBody[];
  readonly csrfToken: string;
  readonly siteName: string;
  readonly today: string;
  /** True for a viewer domain lets import files: the workspace links to the upload. */
  readonly mayImport?: boolean;
  readonly notice?: string | null;
  readonly errors?: readonly FieldError[];
  /** The form that was refused: "one" or "year", and its values. */
  readonly refused?: { readonly form: "one" | "year"; readonly values: MeetingFormValues } | null;
}

/** Past phases are folded away: the workspace is about what comes. */
const FOLDED: readonly AgendaPhase[] = ["held", "minutes-approved"];

function MeetingLine(props: { readonly meeting: DraftMeeting; readonly today: string }) {
  const { meeting } = props;
  const time = formatTimeRange(meeting.startTime, meeting.endTime);
  const builder =
    meeting.phase === "planned" || meeting.phase === "agenda-draft" || meeting.phase === "agenda-sent";
  return (
    <li>
      <a href={builder ? agendaBuilderPath(meeting.id) : `/moede/${meeting.id}`}>
        {formatDanishDate(meeting.date)}
      </a>
      <span class="meeting-list__meta">
        {[
          time,
          meeting.location,
          meeting.versions > 1 ? `${meeting.versions} udgaver sendt` : null,
          meeting.date < props.today && builder ? "Mødedatoen er passeret" : null,
        ]
          .filter(Boolean)
          .join(" · ")}
      </span>
    </li>
  );
}

function MeetingsByPhase(props: {
  readonly plan: readonly DraftMeeting[];
  readonly index: number;
  readonly today: string;
}) {
  const groups = AGENDA_PHASES.map((phase) => ({
    phase,
    meetings: props.plan.filter((m) => m.phase === phase),
  })).filter((g) => g.meetings.length > 0);
  if (groups.length === 0) return <p>Organet har ingen møder endnu.</p>;
  return (
    <>
      {groups.map((group) => {
        const heading = `${AGENDA_PHASE_LABELS[group.phase]} (${group.meetings.length})`;
        const list = (
          <ul class="meeting-list">
            {(FOLDED.includes(group.phase) ? [...group.meetings].reverse() : group.meetings).map((m) => (
              <MeetingLine meeting={m} today={props.today} />
            ))}
          </ul>
        );
        return FOLDED.includes(group.phase) ? (
          <details class="workspace-past">
            <summary>
              <h4 class="workspace-past__heading">{heading}</h4>
            </summary>
            {list}
          </details>
        ) : (
          <>
            <h4>{heading}</h4>
            {list}
          </>
        );
      })}
    </>
  );
}

function Offers(props: { readonly next: DraftMeeting | null; readonly offers: readonly CarryOverOffer[] }) {
  const { next, offers } = props;
  if (!next) return <p>Der er intet kommende møde at tage punkter op på.</p>;
  if (offers.length === 0) {
    return <p>Ingen punkter venter på mødet {formatDanishDate(next.date)}.</p>;
  }
  return (
    <>
      <p>
        Til mødet {formatDanishDate(next.date)}, fra "Punkter til næste møde" og punkter markeret til at blive
        taget op igen. <a href={agendaBuilderPath(next.id)}>Tag dem med på dagsordenen</a>.
      </p>
      <ul class="meeting-list">
        {offers.map((o) => (
          <li>
            {o.title}
            <span class="meeting-list__meta">
              {" · fra punkt "}
              <a href={`/moede/${o.fromMeetingId}`}>
                {o.fromItemNumber} den {formatDanishDate(o.fromMeetingDate)}
              </a>
              {o.caseNumber ? ` · ${o.caseNumber}` : null}
            </span>
          </li>
        ))}
      </ul>
    </>
  );
}

function BodyChoice(props: {
  readonly bodies: readonly SecretariatBody[];
  readonly id: string;
  readonly value: string | undefined;
}) {
  const [only] = props.bodies;
  if (props.bodies.length === 1 && only) {
    return <input type="hidden" name={MEETING_FIELDS.body} value={String(only.id)} />;
  }
  return (
    <div class="form-group">
      <label class="form-label" for={props.id}>
        Organ
      </label>
      <select class="form-select" id={props.id} name={MEETING_FIELDS.body} required>
        {props.bodies.map((b) => (
          <option value={String(b.id)} selected={props.value === String(b.id)}>
            {b.name}
          </option>
        ))}
      </select>
    </div>
  );
}

function TimeAndPlace(props: { readonly prefix: string; readonly values: MeetingFormValues }) {
  const { prefix, values } = props;
  return (
    <>
      <div class="workspace-times">
        <div class="form-group">
          <label class="form-label" for={`${prefix}-start`}>
            Starttidspunkt
          </label>
          <input
            class="form-input input-width-xs"
            id={`${prefix}-start`}
            name={MEETING_FIELDS.start}
            type="time"
            value={values.start ?? "10:00"}
          />
        </div>
        <div class="form-group">
          <label class="form-label" for={`${prefix}-slut`}>
            Sluttidspunkt
          </label>
          <input
            class="form-input input-width-xs"
            id={`${prefix}-slut`}
            name={MEETING_FIELDS.end}
            type="time"
            value={values.slut ?? "12:00"}
          />
        </div>
      </div>
      <div class="form-group">
        <label class="form-label" for={`${prefix}-sted`}>
          Mødested
        </label>
        <input
          class="form-input"
          id={`${prefix}-sted`}
          name={MEETING_FIELDS.place}
          type="text"
          maxlength={300}
          value={values.sted ?? ""}
        />
      </div>
    </>
  );
}

function MeetingForms(props: {
  readonly bodies: readonly SecretariatBody[];
  readonly csrfToken: string;
  readonly refused: WorkspacePageProps["refused"];
}) {
  const one = props.refused?.form === "one" ? props.refused.values : {};
  const year = props.refused?.form === "year" ? props.refused.values : {};
  return (
    <section aria-labelledby="opret-moeder" class="workspace-forms">
      <h2 id="opret-moeder">Opret møder</h2>
      <form action={MEETINGS_PATH} method="post" class="workspace-form">
        <h3>Et møde</h3>
        <CsrfField token={props.csrfToken} />
        <BodyChoice bodies={props.bodies} id="et-organ" value={one.organ} />
        <div class="form-group">
          <label class="form-label" for="et-dato">
            Dato
          </label>
          <input
            class="form-input input-width-s"
            id="et-dato"
            name={MEETING_FIELDS.date}
            type="date"
            value={one.dato ?? ""}
            required
          />
        </div>
        <TimeAndPlace prefix="et" values={one} />
        <button class="button button-primary" type="submit">
          Opret mødet
        </button>
      </form>
      <form action={MEETINGS_PATH} method="post" class="workspace-form">
        <h3>Årets møder</h3>
        <CsrfField token={props.csrfToken} />
        <BodyChoice bodies={props.bodies} id="aar-organ" value={year.organ} />
        <div class="form-group">
          <label class="form-label" for="aar-datoer">
            Datoer
          </label>
          <span class="form-hint" id="aar-datoer-hint">
            Én dato pr. linje, som 2027-03-12 eller 12-03-2027. Alle møderne får samme tid og sted; det kan
            rettes bagefter. Står en dato der allerede, oprettes ingen af dem.
          </span>
          <textarea
            class="form-input"
            id="aar-datoer"
            name={MEETING_FIELDS.dates}
            rows={5}
            aria-describedby="aar-datoer-hint"
            required
          >
            {year.datoer ?? ""}
          </textarea>
        </div>
        <TimeAndPlace prefix="aar" values={year} />
        <button class="button button-primary" type="submit">
          Opret møderne
        </button>
      </form>
    </section>
  );
}

/** The workspace; with `errors` it is the answer to a refused meeting form. */
export function WorkspacePage(props: WorkspacePageProps) {
  const errors = props.errors ?? [];
  return (
    <SecretariatLayout title="Sekretariat" siteName={props.siteName} errors={errors} crumbs={[]}>
      <h1>Sekretariat</h1>
      <ErrorSummary errors={errors} />
      <SuccessNotice text={props.notice} />
      <p>
        Her forbereder du organets møder: mødeplan, dagsorden, bilag og udsendelse.{" "}
        <a href="/sekretariat/tilbageholdt">Se hvad der er tilbageholdt fra offentligheden</a>.{" "}
        <a href="/sekretariat/personer/dubletter">Se mulige dubletter blandt personer</a>.
        {props.mayImport ? (
          <>
            {" "}
            <a href={IMPORT_PATH}>Importér møderegistre</a> (referater, dagsordener og bilagspakker).
          </>
        ) : null}
      </p>
      {props.bodies.length === 0 ? <p>Du er ikke sekretariat for noget organ.</p> : null}
      {props.bodies.map((entry, index) => (
        <section aria-labelledby={`organ-${index}`} class="workspace-body">
          <h2 id={`organ-${index}`}>{entry.body.name}</h2>
          <h3>Næste skridt</h3>
          <ul class="workspace-steps">
            {entry.steps.map((step) => (
              <li class={step.urgent ? "workspace-step workspace-step--urgent" : "workspace-step"}>
                {step.urgent ? <strong>{step.text}</strong> : step.text}
                {step.href && step.linkLabel ? (
                  <>
                    {" "}
                    <a href={step.href}>{step.linkLabel}</a>
                  </>
                ) : null}
              </li>
            ))}
          </ul>
          <h3>Punkter til næste møde</h3>
          <Offers next={entry.next} offers={entry.offers} />
          <p>
            <a href={templatePath(entry.body.id)}>
              Rediger dagsordensskabelonen<span class="sr-only">{` for ${entry.body.name}`}</span>
            </a>
          </p>
          <h3>Møder</h3>
          <MeetingsByPhase plan={entry.plan} index={index} today={props.today} />
        </section>
      ))}
      {props.bodies.length > 0 ? (
        <MeetingForms
          bodies={props.bodies.map((b) => b.body)}
          csrfToken={props.csrfToken}
          refused={props.refused ?? null}
        />
      ) : null}
    </SecretariatLayout>
  );
}
