/**
 * @module "Hent hele mødet" (issue 16), without JavaScript: /moede/{id}/hele-moedet.pdf serves the
 * meeting's public record and annexes as one PDF when it is made from the files as they are now;
 * otherwise it asks the job queue for it and sends the visitor to /moede/{id}/hele-moedet, a page that
 * shows the job's progress ("Samler mødet: 3 af 9 dokumenter") with a link to look again; once the file
 * is ready the page starts the download. No timed reload (WCAG 2.2.1): meeting-whole.js, an enhancement,
 * fetches the page again while the job runs, swaps in its progress line and starts the download.
 */
import type { Context } from "hono";
import { Hono } from "hono";
import { formatDanishDate } from "../../domain/index.js";
import { enqueueJob, meetingWholeStep, renderMeetingWholeJob } from "../../jobs/index.js";
import {
  type JobStatus,
  jobStatus,
  latestMeetingWholeJobId,
  type MeetingWholeSources,
  meetingWholePdf,
  meetingWholePdfInfo,
  meetingWholeSources,
} from "../../store/index.js";
import { formatFileSize } from "../components/format.js";
import { notFound, portalError } from "../http-error.js";
import { Layout } from "../layout.js";
import { idParam } from "./route-params.js";

/**
 * The download's file name: body and date, in ASCII so every browser and file system keeps it.
 * @example meetingWholeFileName("KKR Nordjylland", "2024-09-20") // "KKR-Nordjylland-2024-09-20-hele-moedet.pdf"
 * @example meetingWholeFileName("Kommunalbestyrelsen i Læsø", "2025-01-08") // "Kommunalbestyrelsen-i-Laesoe-2025-01-08-hele-moedet.pdf"
 */
export function meetingWholeFileName(bodyName: string, date: string): string {
  const body = bodyName
    .replace(/æ/g, "ae")
    .replace(/Æ/g, "Ae")
    .replace(/ø/g, "oe")
    .replace(/Ø/g, "Oe")
    .replace(/å/g, "aa")
    .replace(/Å/g, "Aa")
    // Other accents dropped: "Tønder-Højer" keeps its letters, "René" becomes "Rene".
    .normalize("NFKD")
    .replace(/\p{M}/gu, "")
    .replace(/[^A-Za-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "");
  return `${body || "moede"}-${date}-hele-moedet.pdf`;
}

/** The meeting's public parts, or a Danish 404 when there is no meeting or nothing public to gather. */
async function sourcesOrNotFound(c: Context): Promise<MeetingWholeSources> {
  const sources = await meetingWholeSources(c.get("db"), idParam(c));
  if (!sources) throw notFound("Mødet");
  if (!sources.record && sources.annexes.length === 0) {
    throw portalError("not-found", "Mødet har endnu ingen offentlige dokumenter at samle.");
  }
  return sources;
}

/**
 * The job that makes the PDF of these files: the latest one asked for, or a new one when there is none,
 * when it finished without leaving this PDF (the files changed meanwhile) or, if `retryFailed`, failed.
 */
async function wholeJob(c: Context, sources: MeetingWholeSources, retryFailed: boolean): Promise<JobStatus> {
  const db = c.get("db");
  const payload = { meetingId: sources.meetingId, fingerprint: sources.fingerprint };
  const latest = await latestMeetingWholeJobId(db, { kind: renderMeetingWholeJob.kind, ...payload });
  const status = latest !== undefined ? await jobStatus(db, latest) : null;
  if (status && (status.state === "queued" || status.state === "running")) return status;
  if (status?.state === "failed" && !retryFailed) return status;
  const id = await enqueueJob(db, renderMeetingWholeJob.kind, payload);
  const queued = await jobStatus(db, id);
  if (!queued) throw new Error(`job ${id} forsvandt`);
  return queued;
}

/** How many documents the PDF gathers. */
function documentCount(sources: MeetingWholeSources): number {
  return (sources.record ? 1 : 0) + sources.annexes.length;
}

function ProgressLine(props: { readonly job: JobStatus; readonly total: number }) {
  const { job } = props;
  const done = job.progress?.done ?? 0;
  const total = job.progress?.total ?? props.total;
  return (
    <div role="status">
      <p class="render-line__text">
        {meetingWholeStep(done, total)}
        {job.state === "queued" ? " (venter på at komme til)" : null}
      </p>
      <progress
        class="render-line__bar"
        max={String(Math.max(1, total))}
        value={String(done)}
        aria-label="Mødet samles"
      >
        {`${done} af ${total}`}
      </progress>
    </div>
  );
}

export function meetingWholeApp(): Hono {
  const app = new Hono();

  app.get("/moede/:id/hele-moedet.pdf", async function meetingWholePdfRoute(c) {
    const sources = await sourcesOrNotFound(c);
    const kept = await meetingWholePdf(c.get("db"), sources.meetingId, sources.fingerprint);
    if (!kept) {
      // Not made from these files yet: ask for it (again, after a failure: the visitor clicked once more).
      await wholeJob(c, sources, true);
      return c.redirect(`/moede/${sources.meetingId}/hele-moedet`, 303);
    }
    return c.body(kept.pdf as Uint8Array<ArrayBuffer>, 200, {
      "Content-Type": "application/pdf",
      "Content-Disposition": `attachment; filename="${meetingWholeFileName(sources.bodyName, sources.date)}"`,
      // Short: a new annex or a release makes another PDF under the same address.
      "Cache-Control": "public, max-age=60",
      "Last-Modified": kept.renderedAt.toUTCString(),
    });
  });

  app.get("/moede/:id/hele-moedet", async function meetingWholeProgressRoute(c) {
    const sources = await sourcesOrNotFound(c);
    const db = c.get("db");
    const info = await meetingWholePdfInfo(db, sources.meetingId);
    const ready = info?.fingerprint === sources.fingerprint ? info : undefined;
    const job = ready ? null : await wholeJob(c, sources, false);
    const date = formatDanishDate(sources.date);
    const pdfUrl = `/moede/${sources.meetingId}/hele-moedet.pdf`;
    const busy = job !== null && job.state !== "failed";
    c.header("Cache-Control", "no-store");
    return c.html(
      <Layout
        title={`Hele mødet, ${sources.bodyName}, ${date}`}
        siteName={c.get("settings").siteName}
        head={
          ready ? (
            // Ready: the download starts; the page stays with its link in case it does not.
            <meta http-equiv="refresh" content={`0; url=${pdfUrl}`} />
          ) : busy ? (
            <script src="/static/meeting-whole.js" defer />
          ) : null
        }
        breadcrumbs={[
          { label: "Forside", href: "/" },
          { label: `Møde ${date}`, href: `/moede/${sources.meetingId}` },
          { label: "Hele mødet" },
        ]}
      >
        <h1>
          <span class="h1-context">{sources.bodyName}</span> Hele mødet {date}
        </h1>
        <p>
          {sources.record
            ? `${sources.record.kind === "minutes" ? "Referatet" : "Dagsordenen"} og mødets offentlige bilag i én PDF med bogmærker.`
            : "Mødets offentlige bilag i én PDF med bogmærker."}
        </p>
        {ready ? (
          <p>
            {"Filen er klar, og hentningen begynder. "}
            <a href={pdfUrl} rel="nofollow">
              Hent hele mødet (PDF)
            </a>
            <span class="meeting-list__meta">
              {` ${ready.pageCount} ${ready.pageCount === 1 ? "side" : "sider"}, ${formatFileSize(ready.byteSize)}`}
            </span>
          </p>
        ) : job?.state === "failed" ? (
          <div role="alert">
            <p>{`Mødet kunne ikke samles: ${job.error ?? "ukendt fejl"}.`}</p>
            <p>
              <a href={pdfUrl} rel="nofollow">
                Prøv igen
              </a>
            </p>
          </div>
        ) : job ? (
          <div id="meeting-whole-progress" data-busy={busy ? "true" : "false"}>
            <ProgressLine job={job} total={documentCount(sources)} />
            <p>
              {"Filen hentes, når den er klar. "}
              <a href={`/moede/${sources.meetingId}/hele-moedet`}>Se om den er klar</a>
            </p>
          </div>
        ) : null}
        <p>
          <a href={`/moede/${sources.meetingId}`}>Tilbage til mødet</a>
        </p>
      </Layout>,
    );
  });

  return app;
}
