/**
 * @module The builder's PDF lines for a meeting: the latest internal rendering of the agenda and the
 * annex pack with their downloads, and the render job that is under way (or failed since); and queueing
 * those render jobs, as the builder's button, "Udsend dagsorden" and the API do.
 */
import type { Kysely } from "kysely";
import type { AgendaEdition } from "../../domain/index.js";
import { enqueueJob } from "../../jobs/index.js";
import {
  agendaRenderings,
  type Database,
  jobStatus,
  latestRenderJobIds,
  workingCopyChangedAt,
} from "../../store/index.js";
import { meetingPaths } from "../pages/agenda-builder-page.js";
import type { RenderLine } from "../pages/agenda-render-progress.js";

export const RENDER_JOB_KINDS = { agenda: "render-agenda", "annex-pack": "render-annex-pack" } as const;

/**
 * Queues the PDFs of a meeting in each edition: the internal one, and the public one once the agenda is
 * sent (made from the version sent).
 * @example await enqueueRenders(db, 7, ["internal", "public"])
 */
export async function enqueueRenders(
  db: Kysely<Database>,
  meetingId: number,
  editions: readonly AgendaEdition[],
): Promise<void> {
  for (const edition of editions) {
    await enqueueJob(db, RENDER_JOB_KINDS.agenda, { meetingId, edition });
    await enqueueJob(db, RENDER_JOB_KINDS["annex-pack"], { meetingId, edition });
  }
}

/**
 * The lines; a rendering made before the working copy's last change (an item's, an annex's or a
 * section's) is out of date.
 */
export async function renderLines(db: Kysely<Database>, meetingId: number): Promise<RenderLine[]> {
  const paths = meetingPaths(meetingId);
  const [renderings, lastChange, jobs] = await Promise.all([
    agendaRenderings(db, meetingId),
    workingCopyChangedAt(db, meetingId),
    latestRenderJobIds(db, { meetingId, edition: "internal", kinds: Object.values(RENDER_JOB_KINDS) }),
  ]);
  const lines: RenderLine[] = [];
  for (const kind of ["agenda", "annex-pack"] as const) {
    const rendering = renderings.find((r) => r.kind === kind && r.edition === "internal");
    const jobRef = jobs.find((j) => j.kind === RENDER_JOB_KINDS[kind]);
    const status = jobRef ? await jobStatus(db, jobRef.id) : null;
    const relevant =
      status &&
      (status.state === "queued" ||
        status.state === "running" ||
        (status.state === "failed" &&
          (!rendering || (status.finished ?? status.created) > rendering.renderedAt)));
    lines.push({
      kind,
      label: kind === "agenda" ? "Dagsorden" : "Bilagspakke",
      href: rendering ? (kind === "agenda" ? paths.agendaPdf : paths.packPdf) : null,
      renderedAt: rendering?.renderedAt ?? null,
      pageCount: rendering?.pageCount ?? null,
      byteSize: rendering?.byteSize ?? null,
      stale: Boolean(rendering && lastChange && lastChange > rendering.renderedAt),
      job:
        relevant && status
          ? { id: status.id, state: status.state, progress: status.progress, error: status.error }
          : null,
    });
  }
  return lines;
}
