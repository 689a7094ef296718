/**
 * @module The minutes in the JSON API (issue 14), mounted from secretariat-api.tsx: getMinutes (GET
 * /api/meetings/{id}/minutes: state, approval and who got the draft), getMinutesPdf (GET
 * /api/meetings/{id}/minutes.pdf; the internal edition for the secretariat, the public edition to anyone
 * once published), renderMinutes (queues both editions), sendMinutesForRemarks, approveMinutes and
 * publishMinutes. The commands of src/authoring decide who may (the body's secretariat or an
 * administrator). Documented in openapi-minutes.ts.
 */
import { type Context, Hono } from "hono";
import { AgendaRefused } from "../../authoring/agenda-refusal.js";
import { minutesApprover } from "../../authoring/minutes-approver.js";
import { minutesFor } from "../../authoring/minutes-command.js";
import { minutesPublisher } from "../../authoring/minutes-publisher.js";
import { minutesRemarksSender } from "../../authoring/minutes-remarks-sender.js";
import { type MinutesStep, mayEditAgenda } from "../../domain/index.js";
import { enqueueJob } from "../../jobs/index.js";
import { meetingRecordOf, minutesRenderingPdf, minutesStatus, remarkRequests } from "../../store/index.js";
import { badRequest, notFound, PortalError } from "../http-error.js";
import { rowId } from "../request-params.js";
import { queuedMailer } from "../secretariat/queued-mailer.js";
import { actorOf, jsonBody } from "./api-request.js";

/** Runs a command; its refusal becomes the one HTTP error with the Danish line. */
async function command<T>(run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    if (!(error instanceof AgendaRefused)) throw error;
    throw new PortalError(error.code, error.message, { status: error.status, cause: error });
  }
}

async function presentMinutes(c: Context, meetingId: number) {
  const db = c.get("db");
  const [status, requests] = await Promise.all([minutesStatus(db, meetingId), remarkRequests(db, meetingId)]);
  return {
    meetingId,
    state: status.state,
    remarksSentAt: status.remarksSentAt?.toISOString() ?? null,
    remarksSentTo: requests.map((r) => ({ userId: r.userId, name: r.name, sentAt: r.sentAt.toISOString() })),
    approvedAt: status.approvedAt?.toISOString() ?? null,
    approvedVia: status.approvedVia,
    approvedBy: status.approvedByName,
    approvedAtMeetingId: status.approvedAtMeetingId,
    publishedAt: status.publishedAt?.toISOString() ?? null,
    pdf: `/api/meetings/${meetingId}/minutes.pdf`,
  };
}

export function minutesApi(): Hono {
  const app = new Hono();
  const allowed = (c: Context, step: MinutesStep) => {
    const props = actorOf(c);
    const meetingId = rowId(c.req.param("id"));
    return command(() => minutesFor(props.db, props.viewer, meetingId, step)).then(() => ({
      props,
      meetingId,
    }));
  };

  app.get("/meetings/:id/minutes", async (c) => {
    const { meetingId } = await allowed(c, "render");
    c.header("Cache-Control", "private, no-store");
    return c.json(await presentMinutes(c, meetingId));
  });

  app.get("/meetings/:id/minutes.pdf", async (c) => {
    const db = c.get("db");
    const meetingId = rowId(c.req.param("id"));
    const record = await meetingRecordOf(db, meetingId);
    if (!record) throw notFound("Mødet");
    const secretariat = mayEditAgenda(c.get("viewer"), record.meeting.bodyId);
    const wanted = c.req.query("edition") ?? (secretariat ? "internal" : "public");
    if (wanted !== "internal" && wanted !== "public")
      throw badRequest("edition skal være internal eller public.");
    if (wanted === "internal" && !secretariat) throw notFound("Referatet");
    if (wanted === "public" && (await minutesStatus(db, meetingId)).state !== "published")
      throw notFound("Referatet");
    const rendering = await minutesRenderingPdf(db, meetingId, wanted);
    if (!rendering) throw notFound("Referatets PDF");
    return c.body(rendering.pdf as Uint8Array<ArrayBuffer>, 200, {
      "Content-Type": "application/pdf",
      "Content-Disposition": `inline; filename="referat-${record.meeting.date}.pdf"`,
      "Cache-Control": wanted === "internal" ? "private, no-store" : "public, max-age=300",
    });
  });

  app.post("/meetings/:id/minutes/render", async (c) => {
    const { meetingId } = await allowed(c, "render");
    const jobs = [];
    for (const edition of ["internal", "public"] as const) {
      jobs.push(await enqueueJob(c.get("db"), "render-minutes", { meetingId, edition }));
    }
    return c.json({ jobs });
  });

  app.post("/meetings/:id/minutes/remarks", async (c) => {
    const props = actorOf(c);
    const meetingId = rowId(c.req.param("id"));
    const body = await jsonBody(c, { emptyAsObject: true });
    const to = body.to ?? "chair";
    if (to !== "chair" && to !== "all") throw badRequest('to skal være "chair" eller "all".');
    const sent = await command(() =>
      minutesRemarksSender({
        ...props,
        meetingId,
        to,
        mailer: queuedMailer(c.get("db")),
        baseUrl: c.get("settings").publicBaseUrl,
      }),
    );
    return c.json({ ...sent, minutes: await presentMinutes(c, meetingId) });
  });

  app.post("/meetings/:id/minutes/approve", async (c) => {
    const props = actorOf(c);
    const meetingId = rowId(c.req.param("id"));
    const body = await jsonBody(c, { emptyAsObject: true });
    const via = body.via ?? "chair";
    if (via !== "chair" && via !== "next-meeting")
      throw badRequest('via skal være "chair" eller "next-meeting".');
    const at = body.atMeetingId;
    if (at !== undefined && at !== null && !(typeof at === "number" && Number.isSafeInteger(at) && at > 0)) {
      throw badRequest("atMeetingId skal være et mødes id.");
    }
    await command(() =>
      minutesApprover({ ...props, meetingId, via, atMeetingId: (at as number | undefined) ?? null }),
    );
    return c.json(await presentMinutes(c, meetingId));
  });

  app.post("/meetings/:id/minutes/publish", async (c) => {
    const props = actorOf(c);
    const meetingId = rowId(c.req.param("id"));
    const published = await command(() => minutesPublisher({ ...props, meetingId }));
    await enqueueJob(c.get("db"), "render-minutes", { meetingId, edition: "public" });
    return c.json({ ...(await presentMinutes(c, meetingId)), items: published.items });
  });

  return app;
}
