/**
 * @module The minutes' routes (issue 14): the secretariat's page /sekretariat/moede/{id}/referat with
 * rendering as a job (progress as JSON for the page's script), the internal PDF, sending for remarks,
 * approving and publishing; and on the portal /moede/{id}/referat/udkast.pdf (the draft, for the
 * secretariat and the members it was sent to for remarks) and /moede/{id}/referat.pdf (the public
 * edition, once published). Handlers validate, call authoring's commands, redirect.
 */
import { type Context, Hono } from "hono";
import { minutesApprover } from "../../authoring/minutes-approver.js";
import { minutesFor } from "../../authoring/minutes-command.js";
import { minutesPublisher } from "../../authoring/minutes-publisher.js";
import { minutesRemarksSender } from "../../authoring/minutes-remarks-sender.js";
import {
  formatDanishDate,
  isMinutesApprovalItem,
  mayEditAgenda,
  mayReadMinutesDraft,
} from "../../domain/index.js";
import { enqueueJob } from "../../jobs/index.js";
import {
  gotMinutesForRemarks,
  jobStatus,
  latestRenderJobIds,
  listAuditEntries,
  meetingRecordOf,
  minutesRenderingPdf,
  minutesRenderings,
  minutesStatus,
} from "../../store/index.js";
import type { FieldError } from "../components/form-parts.js";
import { wantsJson } from "../error-pages.js";
import { notFound } from "../http-error.js";
import { signedIn } from "../middleware/require-user.js";
import {
  MinutesPage,
  type MinutesRenderLine,
  type MinutesStepView,
  minutesLineText,
  minutesPaths,
} from "../pages/minutes-page.js";
import { idParam } from "../pages/route-params.js";
import { asPortalError, formRefusal, type RefusedStatus, refusalErrors } from "./agenda-refusals.js";
import { queuedMailer } from "./queued-mailer.js";
import { commandProps, secretariatPageBasics } from "./secretariat-guard.js";

const NOTICES: Readonly<Record<string, string>> = {
  dannes: "Referatet dannes. Se fremdriften nedenfor.",
  sendt: "Udkastet er sendt til bemærkninger.",
  godkendt: "Referatet er godkendt.",
  offentliggjort: "Referatet er offentliggjort: fremmøde og beslutninger står nu på mødets side.",
};

const STEP_TEXT: Readonly<Record<string, (after: Record<string, unknown>) => string>> = {
  "minutes-remarks-send": (after) =>
    after.to === "all" ? "Sendt til bemærkninger hos alle medlemmer" : "Sendt til bemærkninger hos formanden",
  "minutes-approve": (after) =>
    after.via === "next-meeting" ? "Godkendt på næste møde" : "Godkendt af formanden",
  "minutes-publish": () => "Offentliggjort",
};

/** The latest internal rendering and the render job under way (or failed since). */
async function minutesLine(c: Context, meetingId: number): Promise<MinutesRenderLine> {
  const db = c.get("db");
  const [renderings, jobs] = await Promise.all([
    minutesRenderings(db, meetingId),
    latestRenderJobIds(db, { meetingId, edition: "internal", kinds: ["render-minutes"] }),
  ]);
  const rendering = renderings.find((r) => r.edition === "internal");
  const status = jobs[0] ? await jobStatus(db, jobs[0].id) : null;
  const relevant =
    status &&
    (status.state === "queued" ||
      status.state === "running" ||
      (status.state === "failed" &&
        (!rendering || (status.finished ?? status.created) > rendering.renderedAt)));
  return {
    renderedAt: rendering?.renderedAt ?? null,
    pageCount: rendering?.pageCount ?? null,
    byteSize: rendering?.byteSize ?? null,
    job:
      relevant && status
        ? { id: status.id, state: status.state, progress: status.progress, error: status.error }
        : null,
  };
}

async function showMinutes(
  c: Context,
  meetingId: number,
  options: {
    readonly notice?: string | null;
    readonly errors?: readonly FieldError[];
  } = {},
  status: 200 | RefusedStatus = 200,
) {
  const db = c.get("db");
  let found: Awaited<ReturnType<typeof minutesFor>>;
  try {
    found = await minutesFor(db, c.get("viewer"), meetingId, "render");
  } catch (error) {
    return asPortalError(error);
  }
  const { record, status: minutes } = found;
  const [line, entries, later] = await Promise.all([
    minutesLine(c, meetingId),
    listAuditEntries(db, { targetKind: "meeting", targetId: meetingId, limit: 200 }),
    db
      .selectFrom("meeting")
      .select(["id", "date"])
      .where("body_id", "=", record.meeting.bodyId)
      .where("date", ">", record.meeting.date)
      .where("deleted", "=", false)
      .orderBy("date")
      .limit(4)
      .execute(),
  ]);
  const nextMeetings = [];
  for (const m of later) {
    const next = await meetingRecordOf(db, m.id);
    if (next?.items.some((item) => isMinutesApprovalItem(item.title)))
      nextMeetings.push({ id: m.id, date: m.date });
  }
  const steps: MinutesStepView[] = entries
    .filter((e) => e.action in STEP_TEXT)
    .map((e) => ({
      text: (STEP_TEXT[e.action] as (a: Record<string, unknown>) => string)(
        (e.after ?? {}) as Record<string, unknown>,
      ),
      who: e.actorEmail ?? (e.actorTokenPrefix ? `API-nøgle ${e.actorTokenPrefix}` : null),
      at: e.at,
    }))
    .reverse();
  const approval =
    minutes.approvedVia && minutes.approvedAt
      ? {
          via: minutes.approvedVia,
          who: minutes.approvedByName,
          when: formatDanishDate(
            minutes.approvedVia === "next-meeting" && minutes.approvedAtMeetingDate
              ? minutes.approvedAtMeetingDate
              : minutes.approvedAt.toISOString().slice(0, 10),
          ),
        }
      : null;
  return c.html(
    <MinutesPage
      meeting={{ id: meetingId, bodyName: record.meeting.bodyName, date: record.meeting.date }}
      state={minutes.state}
      line={line}
      steps={steps}
      nextMeetings={nextMeetings}
      approval={approval}
      {...secretariatPageBasics(c)}
      notice={options.notice ?? null}
      errors={options.errors ?? []}
    />,
    status,
  );
}

function minutesRefusal(c: Context, meetingId: number, error: unknown) {
  const refusal = formRefusal(c, error);
  return showMinutes(c, meetingId, { errors: refusalErrors(refusal) }, refusal.status as RefusedStatus);
}

function pdfResponse(c: Context, pdf: Uint8Array, name: string, cache: string) {
  return c.body(pdf as Uint8Array<ArrayBuffer>, 200, {
    "Content-Type": "application/pdf",
    "Content-Disposition": `inline; filename="${name}"`,
    "Cache-Control": cache,
  });
}

export function minutesRoutes(): Hono {
  const app = new Hono();
  const base = "/sekretariat/moede/:id/referat";

  app.get(base, function minutesPage(c) {
    return showMinutes(c, idParam(c), { notice: NOTICES[c.req.query("besked") ?? ""] ?? null });
  });

  app.post(`${base}/dan`, async function minutesRender(c) {
    const meetingId = idParam(c);
    try {
      await minutesFor(c.get("db"), c.get("viewer"), meetingId, "render");
    } catch (error) {
      return asPortalError(error);
    }
    for (const edition of ["internal", "public"] as const) {
      await enqueueJob(c.get("db"), "render-minutes", { meetingId, edition });
    }
    return c.redirect(`${minutesPaths(meetingId).page}?besked=dannes#pdf`, 303);
  });

  app.get(`${base}/dan/status`, async function minutesRenderStatus(c) {
    const meetingId = idParam(c);
    try {
      await minutesFor(c.get("db"), c.get("viewer"), meetingId, "render");
    } catch (error) {
      return asPortalError(error);
    }
    const line = await minutesLine(c, meetingId);
    c.header("Cache-Control", "private, no-store");
    const busy = line.job?.state === "queued" || line.job?.state === "running";
    return c.json({
      busy,
      lines: [
        {
          kind: "minutes",
          text: minutesLineText(line),
          state: line.job?.state ?? null,
          done: line.job?.progress?.done ?? null,
          total: line.job?.progress?.total ?? null,
        },
      ],
    });
  });

  app.get(`${base}/referat.pdf`, async function minutesInternalPdf(c) {
    const meetingId = idParam(c);
    let date: string;
    try {
      date = (await minutesFor(c.get("db"), c.get("viewer"), meetingId, "render")).record.meeting.date;
    } catch (error) {
      return asPortalError(error);
    }
    const rendering = await minutesRenderingPdf(c.get("db"), meetingId, "internal");
    if (!rendering) throw notFound("Referatets PDF");
    return pdfResponse(c, rendering.pdf, `referat-${date}.pdf`, "private, no-store");
  });

  app.post(`${base}/bemaerkninger`, async function minutesRemarks(c) {
    const meetingId = idParam(c);
    const body = await c.req.parseBody();
    const to = body.til === "alle" ? "all" : "chair";
    try {
      await minutesRemarksSender({
        ...commandProps(c),
        meetingId,
        to,
        mailer: queuedMailer(c.get("db")),
        baseUrl: c.get("settings").publicBaseUrl,
      });
    } catch (error) {
      return minutesRefusal(c, meetingId, error);
    }
    return c.redirect(`${minutesPaths(meetingId).page}?besked=sendt`, 303);
  });

  app.post(`${base}/godkend`, async function minutesApprove(c) {
    const meetingId = idParam(c);
    const body = await c.req.parseBody();
    const via = body.via === "naeste-moede" ? "next-meeting" : "chair";
    const atMeetingId = Number(body.moede);
    try {
      const approved = await minutesApprover({
        ...commandProps(c),
        meetingId,
        via,
        atMeetingId: Number.isSafeInteger(atMeetingId) && atMeetingId > 0 ? atMeetingId : null,
      });
      if (wantsJson(c)) return c.json(approved);
    } catch (error) {
      return minutesRefusal(c, meetingId, error);
    }
    return c.redirect(`${minutesPaths(meetingId).page}?besked=godkendt`, 303);
  });

  app.post(`${base}/offentliggoer`, async function minutesPublish(c) {
    const meetingId = idParam(c);
    try {
      await minutesPublisher({ ...commandProps(c), meetingId });
    } catch (error) {
      return minutesRefusal(c, meetingId, error);
    }
    await enqueueJob(c.get("db"), "render-minutes", { meetingId, edition: "public" });
    return c.redirect(`${minutesPaths(meetingId).page}?besked=offentliggjort`, 303);
  });

  // The draft for those who were sent it for remarks (and the secretariat): signed in, never cached.
  app.use("/moede/:id/referat/udkast.pdf", signedIn());
  app.get("/moede/:id/referat/udkast.pdf", async function minutesDraftPdf(c) {
    const meetingId = idParam(c);
    const db = c.get("db");
    const record = await meetingRecordOf(db, meetingId);
    if (!record) throw notFound("Referatet");
    const user = c.get("user");
    const may = mayReadMinutesDraft({
      mayEdit: mayEditAgenda(c.get("viewer"), record.meeting.bodyId),
      sentForRemarksToViewer:
        user !== null && user !== undefined && (await gotMinutesForRemarks(db, meetingId, user.id)),
    });
    if (!may) throw notFound("Referatet");
    const rendering = await minutesRenderingPdf(db, meetingId, "internal");
    if (!rendering) throw notFound("Referatets PDF");
    return pdfResponse(c, rendering.pdf, `referat-udkast-${record.meeting.date}.pdf`, "private, no-store");
  });

  // The public edition, once published.
  app.get("/moede/:id/referat.pdf", async function minutesPublicPdf(c) {
    const meetingId = idParam(c);
    const db = c.get("readDb");
    const status = await minutesStatus(db, meetingId);
    if (status.state !== "published") throw notFound("Referatet");
    const rendering = await minutesRenderingPdf(db, meetingId, "public");
    if (!rendering) throw notFound("Referatets PDF");
    const date = (await meetingRecordOf(db, meetingId))?.meeting.date ?? "";
    return pdfResponse(c, rendering.pdf, `referat-${date}.pdf`, "public, max-age=300");
  });

  return app;
}
