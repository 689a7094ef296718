/**
 * @module The minutes page at /sekretariat/moede/{id}/referat (issue 14): the minutes' state, the PDF
 * with its progress line while the render job runs ("Referat: dannes (0 af 1) – Danner referatet."), the
 * internal PDF to download, "Send til bemærkninger" (to the chair or all members), "Godkend" (the chair's
 * click, or the next meeting's item "Godkendelse af referat"), "Offentliggør", and the steps taken, each
 * with who and when. Plain forms, no JavaScript; prints as a list of steps.
 */

import {
  formatDanishDate,
  MINUTES_STATE_LABELS,
  type MinutesState,
  minutesApprovalText,
} from "../../domain/index.js";
import type { JobStatus } from "../../store/index.js";
import { CsrfField, ErrorSummary, type FieldError } from "../components/form-parts.js";
import { formatDanishDateTime, formatFileSize } from "../components/format.js";
import { MeetingWorkNav } from "../components/meeting-work-nav.js";
import { meetingPaths } from "./agenda-builder-page.js";
import { SecretariatLayout } from "./workspace-layout.js";
import { SuccessNotice } from "./workspace-notice.js";

/** The paths of the minutes page and its forms. */
export function minutesPaths(meetingId: number) {
  const base = `/sekretariat/moede/${meetingId}/referat`;
  return {
    page: base,
    render: `${base}/dan`,
    status: `${base}/dan/status`,
    pdf: `${base}/referat.pdf`,
    draft: `/moede/${meetingId}/referat/udkast.pdf`,
    remarks: `${base}/bemaerkninger`,
    approve: `${base}/godkend`,
    publish: `${base}/offentliggoer`,
    publicPdf: `/moede/${meetingId}/referat.pdf`,
  } as const;
}

/** The minutes PDF's line: the latest internal rendering and the job under way or failed since. */
export interface MinutesRenderLine {
  readonly renderedAt: Date | null;
  readonly pageCount: number | null;
  readonly byteSize: number | null;
  readonly job: Pick<JobStatus, "id" | "state" | "progress" | "error"> | null;
}

/** The line's text as the page and the JSON both say it. */
export function minutesLineText(line: MinutesRenderLine): string {
  const job = line.job;
  if (job?.state === "queued") return "Referat: venter på at blive dannet.";
  if (job?.state === "running") {
    const p = job.progress;
    return p
      ? `Referat: dannes (${p.done} af ${p.total})${p.step ? ` – ${p.step}` : ""}.`
      : "Referat: dannes.";
  }
  if (job?.state === "failed") return `Referat: kunne ikke dannes: ${job.error ?? "ukendt fejl"}.`;
  if (!line.renderedAt) return "Referat: ikke dannet endnu.";
  return `Referat: dannet ${formatDanishDateTime(line.renderedAt)}.`;
}

/** One step taken on the minutes' path, with who and when. */
export interface MinutesStepView {
  readonly text: string;
  readonly who: string | null;
  readonly at: Date;
}

/** A later meeting of the body with an item "Godkendelse af referat", offered for approval there. */
export interface NextMeetingOption {
  readonly id: number;
  readonly date: string;
}

export interface MinutesPageProps {
  readonly meeting: { readonly id: number; readonly bodyName: string; readonly date: string };
  readonly state: MinutesState;
  readonly line: MinutesRenderLine;
  readonly steps: readonly MinutesStepView[];
  readonly nextMeetings: readonly NextMeetingOption[];
  readonly approval: {
    readonly via: "chair" | "next-meeting";
    readonly who: string | null;
    readonly when: string;
  } | null;
  readonly csrfToken: string;
  readonly siteName: string;
  readonly notice?: string | null;
  readonly errors?: readonly FieldError[];
}

export function MinutesPage(props: MinutesPageProps) {
  const { meeting, state, line } = props;
  const paths = minutesPaths(meeting.id);
  const when = formatDanishDate(meeting.date);
  const title = `Referat af ${meeting.bodyName} ${when}`;
  const running = line.job?.state === "running" || line.job?.state === "queued";
  const open = state === "draft" || state === "remarks";
  return (
    <SecretariatLayout
      title={title}
      siteName={props.siteName}
      errors={props.errors ?? []}
      head={<script src="/static/agenda-progress.js" defer />}
      crumbs={[
        { label: `Dagsorden ${when}`, href: meetingPaths(meeting.id).builder },
        { label: "Mødedag", href: `/sekretariat/moede/${meeting.id}/moededag` },
        { label: "Referat" },
      ]}
    >
      <h1>{title}</h1>
      <MeetingWorkNav meetingId={meeting.id} current="minutes" />
      <ErrorSummary errors={props.errors ?? []} />
      <SuccessNotice text={props.notice} />
      <p class="minutes__state">
        Status: <strong>{MINUTES_STATE_LABELS[state]}</strong>
        {props.approval
          ? ` – ${minutesApprovalText(props.approval.via, props.approval.who, props.approval.when)}`
          : ""}
      </p>

      <section aria-labelledby="pdf">
        <h2 id="pdf">PDF</h2>
        <div
          id="render-lines"
          role="status"
          data-status-url={paths.status}
          data-busy={running ? "true" : "false"}
        >
          <div class="render-lines">
            <p class="render-line" data-render-kind="minutes">
              <span class="render-line__text">{minutesLineText(line)}</span>
              {running ? (
                <progress
                  class="render-line__bar"
                  max={line.job?.progress ? String(Math.max(1, line.job.progress.total)) : undefined}
                  value={line.job?.progress ? String(line.job.progress.done) : undefined}
                  aria-label="Referatet dannes"
                />
              ) : null}
              {line.renderedAt ? (
                <>
                  {" "}
                  <a href={paths.pdf} class="render-line__download">
                    Hent referat (PDF, {line.pageCount} sider, {formatFileSize(line.byteSize ?? 0)})
                  </a>
                </>
              ) : null}
            </p>
          </div>
        </div>
        {state !== "published" ? (
          <form action={paths.render} method="post">
            <CsrfField token={props.csrfToken} />
            <button class="button button-secondary" type="submit">
              Dan referat
            </button>
          </form>
        ) : (
          <p>
            Offentligt referat: <a href={paths.publicPdf}>referat.pdf</a>
          </p>
        )}
      </section>

      {open ? (
        <section aria-labelledby="bemaerkninger">
          <h2 id="bemaerkninger">Send til bemærkninger</h2>
          <form action={paths.remarks} method="post">
            <CsrfField token={props.csrfToken} />
            <fieldset>
              <legend>Hvem skal have udkastet?</legend>
              <div class="form-group-radio">
                <input class="form-radio" type="radio" id="til-formand" name="til" value="formand" checked />
                <label for="til-formand">Formanden</label>
              </div>
              <div class="form-group-radio">
                <input class="form-radio" type="radio" id="til-alle" name="til" value="alle" />
                <label for="til-alle">Alle medlemmer</label>
              </div>
            </fieldset>
            <button class="button button-secondary" type="submit">
              Send til bemærkninger
            </button>
          </form>
        </section>
      ) : null}

      {open ? (
        <section aria-labelledby="godkend">
          <h2 id="godkend">Godkend referatet</h2>
          <form action={paths.approve} method="post">
            <CsrfField token={props.csrfToken} />
            <input type="hidden" name="via" value="formand" />
            <button class="button button-primary" type="submit">
              Godkend som formand
            </button>
          </form>
          {props.nextMeetings.length > 0 ? (
            <form action={paths.approve} method="post">
              <CsrfField token={props.csrfToken} />
              <input type="hidden" name="via" value="naeste-moede" />
              <label class="form-label" for="moede">
                Godkendt under "Godkendelse af referat" på mødet
              </label>
              <select class="form-select" id="moede" name="moede">
                {props.nextMeetings.map((m) => (
                  <option value={String(m.id)}>{formatDanishDate(m.date)}</option>
                ))}
              </select>
              <button class="button button-secondary" type="submit">
                Godkend på næste møde
              </button>
            </form>
          ) : null}
        </section>
      ) : null}

      {state === "approved" ? (
        <section aria-labelledby="offentliggoer">
          <h2 id="offentliggoer">Offentliggør</h2>
          <p>Fremmøde og beslutninger bliver offentlige på mødets side. Lukkede punkter forbliver lukkede.</p>
          <form action={paths.publish} method="post">
            <CsrfField token={props.csrfToken} />
            <button class="button button-primary" type="submit">
              Offentliggør referatet
            </button>
          </form>
        </section>
      ) : null}

      <section aria-labelledby="forloeb">
        <h2 id="forloeb">Forløb</h2>
        {props.steps.length === 0 ? (
          <p>Referatet er et udkast. Intet er sendt eller godkendt endnu.</p>
        ) : (
          <ol class="minutes__steps">
            {props.steps.map((step) => (
              <li>
                {step.text} – {formatDanishDateTime(step.at)}
                {step.who ? ` af ${step.who}` : ""}
              </li>
            ))}
          </ol>
        )}
      </section>
    </SecretariatLayout>
  );
}
