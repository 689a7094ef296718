/**
 * @module The progress of a meeting's PDFs on the agenda builder: for the agenda and the annex pack, the
 * latest rendering to download and the render job under way as a progress line ("Stempler bilag 3 af 12"),
 * or its one Danish error line. Server-rendered; agenda-progress.js may fetch the same lines as JSON and
 * refresh them while a job runs, as an enhancement only.
 */
import type { JobStatus } from "../../store/index.js";
import { formatDanishDateTime, formatFileSize } from "../components/format.js";

export interface RenderLine {
  readonly kind: "agenda" | "annex-pack";
  /** "Dagsorden", "Bilagspakke". */
  readonly label: string;
  /** The download, when rendered. */
  readonly href: string | null;
  readonly renderedAt: Date | null;
  readonly pageCount: number | null;
  readonly byteSize: number | null;
  /** True when the agenda was edited after the rendering. */
  readonly stale?: boolean;
  /** The latest render job, while it is queued or running, or when it failed after the last rendering. */
  readonly job: Pick<JobStatus, "id" | "state" | "progress" | "error"> | null;
}

/** The line's text as the page and the JSON both say it. */
export function renderLineText(line: RenderLine): string {
  const job = line.job;
  if (job?.state === "queued") return `${line.label}: venter på at blive dannet.`;
  if (job?.state === "running") {
    const p = job.progress;
    return p
      ? `${line.label}: dannes (${p.done} af ${p.total})${p.step ? ` – ${p.step}` : ""}.`
      : `${line.label}: dannes.`;
  }
  if (job?.state === "failed") return `${line.label}: kunne ikke dannes: ${job.error ?? "ukendt fejl"}.`;
  if (!line.renderedAt) return `${line.label}: ikke dannet endnu.`;
  const made = `${line.label}: dannet ${formatDanishDateTime(line.renderedAt)}.`;
  return line.stale ? `${made} Dagsordenen er ændret siden; dan igen for at få ændringerne med.` : made;
}

function Line(props: { readonly line: RenderLine }) {
  const { line } = props;
  const running = line.job?.state === "running" || line.job?.state === "queued";
  const progress = line.job?.state === "running" ? line.job.progress : null;
  return (
    <li class="render-line" data-render-kind={line.kind}>
      <span class="render-line__text">{renderLineText(line)}</span>
      {running ? (
        <progress
          class="render-line__bar"
          max={progress ? String(Math.max(1, progress.total)) : undefined}
          value={progress ? String(progress.done) : undefined}
          aria-label={`${line.label} dannes`}
        />
      ) : null}
      {line.href && line.renderedAt ? (
        <>
          {" "}
          <a href={line.href} class="render-line__download">
            Hent {line.label.toLowerCase()} (PDF
            {line.pageCount !== null
              ? `, ${line.pageCount === 1 ? "1 side" : `${line.pageCount} sider`}`
              : ""}
            {line.byteSize !== null ? `, ${formatFileSize(line.byteSize)}` : ""})
          </a>
        </>
      ) : null}
    </li>
  );
}

/** The lines; `statusUrl` answers the same lines as JSON for the refreshing script. */
export function RenderProgress(props: { readonly lines: readonly RenderLine[]; readonly statusUrl: string }) {
  const busy = props.lines.some((l) => l.job?.state === "running" || l.job?.state === "queued");
  return (
    <div
      id="render-lines"
      role="status"
      data-status-url={props.statusUrl}
      data-busy={busy ? "true" : "false"}
    >
      <ul class="render-lines">
        {props.lines.map((line) => (
          <Line line={line} />
        ))}
      </ul>
    </div>
  );
}
