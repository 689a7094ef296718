/**
 * @module The administrator's upload of meeting records (issue 17): the form at /sekretariat/import, and
 * a batch's page /sekretariat/import/{batch} with each file's import job in Danish ("I kø", "Importeres",
 * "Importeret", "Uændret", "Mislykkedes"), how many are done, and a link to look again. Server-rendered and
 * complete without JavaScript; import-progress.js only refreshes the table while jobs run.
 */
import type { DocumentKind } from "../../domain/index.js";
import type { JobStatus } from "../../store/index.js";
import { CsrfField, ErrorSummary, type FieldError } from "../components/form-parts.js";
import { SecretariatLayout } from "./workspace-layout.js";

/** The form's address; a batch's page is below it. */
export const IMPORT_PATH = "/sekretariat/import";
/** The form's file field: its name and the id the error summary links to. */
export const IMPORT_FILE_FIELD = "filer";

/** The query field that names the files whose bytes were stored already: they got no job to show. */
export const UNCHANGED_FIELD = "uaendret";

/** A batch's page; `unchanged` names the files of the upload that needed no job. */
export function importBatchPath(batch: string, unchanged: readonly string[] = []): string {
  const query = new URLSearchParams(unchanged.map((file): [string, string] => [UNCHANGED_FIELD, file]));
  return `${IMPORT_PATH}/${batch}${unchanged.length > 0 ? `?${query}` : ""}`;
}

/** What an import-file job returns (importer's ImportFileResult), as far as the page reads it. */
interface ImportResultView {
  readonly outcome?: string;
  readonly kind?: DocumentKind;
  readonly status?: "created" | "updated";
  readonly items?: number;
  readonly attendees?: number;
  readonly documents?: number;
  readonly meetingId?: number | null;
  readonly warnings?: readonly unknown[];
}

/** One file of a batch: its import job, or a file whose bytes were stored already (no job). */
export type BatchFile =
  | { readonly file: string; readonly job: Pick<JobStatus, "state" | "progress" | "error" | "result"> }
  | { readonly file: string; readonly job: null };

const KIND_LABELS: Readonly<Record<DocumentKind, string>> = {
  minutes: "referat",
  agenda: "dagsorden",
  "annex-pack": "bilagspakke",
  document: "dokument",
};

function count(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}

/**
 * Ingest's reasons are English one-liners (the command line shows them as they are); the page says the
 * common ones in Danish and any other as it came.
 */
const DANISH_REASONS: readonly (readonly [RegExp, string])[] = [
  [/^the file is named \.pdf but is not a PDF$/, "filen hedder .pdf, men er ikke en PDF"],
  [/^the file is named \.docx but is not a DOCX file$/, "filen hedder .docx, men er ikke en DOCX-fil"],
  [/^the file is empty$/, "filen er tom"],
  [/^not a text, PDF or DOCX file$/, "filen er hverken tekst, HTML, PDF eller DOCX"],
  [/^the PDF is encrypted$/, "PDF-filen er krypteret"],
  [
    /^the PDF is broken: none of its pages can be read$/,
    "PDF-filen er i stykker: ingen af siderne kan læses",
  ],
  [/^the PDF is broken and its text cannot be read$/, "PDF-filen er i stykker, og teksten kan ikke læses"],
  [/^the DOCX file is broken and cannot be read$/, "DOCX-filen er i stykker og kan ikke læses"],
];

export function danishReason(reason: string | null): string {
  if (!reason) return "ukendt fejl";
  for (const [pattern, danish] of DANISH_REASONS) if (pattern.test(reason)) return danish;
  return reason;
}

/** True when the file's import has ended (or needed none). */
export function isFinished(file: BatchFile): boolean {
  return file.job === null || file.job.state === "done" || file.job.state === "failed";
}

/** The file's status in Danish: a short word, and what follows it. */
export function fileStatus(file: BatchFile): { readonly label: string; readonly detail: string | null } {
  const { job } = file;
  if (job === null) return { label: "Uændret", detail: "filen er allerede importeret" };
  if (job.state === "queued") {
    return job.error
      ? { label: "I kø", detail: `prøves igen efter en fejl: ${danishReason(job.error)}` }
      : { label: "I kø", detail: null };
  }
  if (job.state === "running") {
    const p = job.progress;
    return { label: "Importeres", detail: p ? (p.step ?? `side ${p.done} af ${p.total}`) : null };
  }
  if (job.state === "failed") return { label: "Mislykkedes", detail: danishReason(job.error) };
  const result = (job.result ?? {}) as ImportResultView;
  if (result.outcome !== "imported") return { label: "Uændret", detail: "filen er allerede importeret" };
  return {
    label: "Importeret",
    detail: [
      [result.kind ? KIND_LABELS[result.kind] : null, result.status === "updated" ? "opdateret" : "oprettet"]
        .filter(Boolean)
        .join(", "),
      count(result.items ?? 0, "punkt", "punkter"),
      count(result.attendees ?? 0, "deltager", "deltagere"),
      count(result.documents ?? 0, "bilag", "bilag"),
      count(result.warnings?.length ?? 0, "advarsel", "advarsler"),
    ].join(", "),
  };
}

/** The meeting an imported file's items went to, for "Se mødet"; null when it made none (an annex pack). */
export function importedMeetingId(file: BatchFile): number | null {
  if (file.job?.state !== "done") return null;
  const id = (file.job.result as ImportResultView | null)?.meetingId;
  return typeof id === "number" && Number.isSafeInteger(id) ? id : null;
}

/** "3 af 5 filer færdige". */
export function progressLine(files: readonly BatchFile[]): string {
  const finished = files.filter(isFinished).length;
  return `${finished} af ${count(files.length, "fil", "filer")} ${files.length === 1 ? "færdig" : "færdige"}`;
}

export interface ImportFormPageProps {
  readonly csrfToken: string;
  readonly siteName: string;
  readonly errors: readonly FieldError[];
  readonly maxMegabytes: number;
}

export function ImportFormPage(props: ImportFormPageProps) {
  const error = props.errors.find((e) => e.field === IMPORT_FILE_FIELD)?.message ?? null;
  const hintId = `${IMPORT_FILE_FIELD}-hint`;
  const errorId = `${IMPORT_FILE_FIELD}-error`;
  return (
    <SecretariatLayout
      title="Importér møderegistre"
      siteName={props.siteName}
      errors={props.errors}
      crumbs={[{ label: "Importér møderegistre" }]}
    >
      <h1>Importér møderegistre</h1>
      <ErrorSummary errors={props.errors} />
      <p>
        Her importerer du referater, dagsordener og bilagspakker som PDF, DOCX, HTML eller tekst. Hver fil
        importeres som et job, og du kan følge filerne på næste side. Lukkede punkter og CPR-numre
        tilbageholdes automatisk fra offentligheden.
      </p>
      <form action={IMPORT_PATH} method="post" enctype="multipart/form-data" class="import-form">
        <CsrfField token={props.csrfToken} />
        <div class={error ? "form-group form-error" : "form-group"}>
          <label class="form-label" for={IMPORT_FILE_FIELD}>
            Filer
          </label>
          <span class="form-hint" id={hintId}>
            Vælg en eller flere filer (.pdf, .docx, .html, .txt), højst {props.maxMegabytes} MB i alt. En fil,
            der allerede er importeret, bliver ikke importeret igen.
          </span>
          {error ? (
            <span class="form-error-message" id={errorId}>
              <span class="sr-only">Fejl: </span>
              {error}
            </span>
          ) : null}
          <input
            class="form-input import-form__files"
            id={IMPORT_FILE_FIELD}
            name={IMPORT_FILE_FIELD}
            type="file"
            multiple
            accept=".pdf,.docx,.html,.htm,.txt,application/pdf,text/plain,text/html,application/vnd.openxmlformats-officedocument.wordprocessingml.document"
            aria-describedby={error ? `${hintId} ${errorId}` : hintId}
            required
          />
        </div>
        <button class="button button-primary import-form__submit" type="submit">
          Importér filerne
        </button>
      </form>
    </SecretariatLayout>
  );
}

export interface ImportBatchPageProps {
  readonly siteName: string;
  readonly batch: string;
  readonly files: readonly BatchFile[];
}

/** The table's rows and the progress line: what import-progress.js takes from a fresh copy of the page. */
function BatchStatus(props: { readonly files: readonly BatchFile[] }) {
  const { files } = props;
  const finished = files.filter(isFinished).length;
  return (
    <>
      <p class="import-progress">
        <span id="import-progress-text" role="status">
          {progressLine(files)}
        </span>
        <progress
          id="import-progress-bar"
          class="import-progress__bar"
          max={String(Math.max(1, files.length))}
          value={String(finished)}
          aria-labelledby="import-progress-text"
        />
      </p>
      <table class="table table--compact import-table">
        <caption class="sr-only">Filerne og deres import</caption>
        <thead>
          <tr>
            <th scope="col" class="import-table__file">
              Fil
            </th>
            <th scope="col">Status</th>
          </tr>
        </thead>
        <tbody id="import-rows">
          {files.map((file) => {
            const status = fileStatus(file);
            const running = file.job?.state === "running" ? file.job.progress : null;
            const meetingId = importedMeetingId(file);
            return (
              <tr>
                <th scope="row" class="import-table__file">
                  {file.file}
                </th>
                <td
                  class={
                    file.job?.state === "failed"
                      ? "import-table__status import-table__status--failed"
                      : "import-table__status"
                  }
                >
                  <strong>{status.label}</strong>
                  {status.detail ? `: ${status.detail}` : null}
                  {meetingId !== null ? (
                    <>
                      {" "}
                      <a href={`/moede/${meetingId}`}>
                        Se mødet<span class="sr-only">{` fra ${file.file}`}</span>
                      </a>
                    </>
                  ) : null}
                  {running ? (
                    <progress
                      class="import-table__bar"
                      max={String(Math.max(1, running.total))}
                      value={String(running.done)}
                      aria-label={`${file.file} importeres`}
                    />
                  ) : null}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </>
  );
}

export function ImportBatchPage(props: ImportBatchPageProps) {
  const busy = !props.files.every(isFinished);
  const path = importBatchPath(
    props.batch,
    props.files.filter((f) => f.job === null).map((f) => f.file),
  );
  return (
    <SecretariatLayout
      title="Import af filer"
      siteName={props.siteName}
      errors={[]}
      crumbs={[{ label: "Importér møderegistre", href: IMPORT_PATH }, { label: "Import af filer" }]}
      head={busy ? <script src="/static/import-progress.js" defer /> : undefined}
    >
      <h1>Import af filer</h1>
      <div id="import-status" data-busy={busy ? "true" : "false"}>
        <BatchStatus files={props.files} />
      </div>
      <p>
        <a href={path}>Opdater</a> for at se, hvor langt importen er nået. Du kan gå fra siden: filerne
        importeres alligevel. <a href={IMPORT_PATH}>Importér flere filer</a>.
      </p>
    </SecretariatLayout>
  );
}
