/**
 * @module The secretariat's JSON API under /api (issue 13): plan meetings, draft an agenda, add, edit,
 * move and remove items, upload annexes, edit the template, send for review and send. For a signed-in
 * user or an API token (Authorization: Bearer; CSRF does not apply to it); the commands in src/authoring
 * decide who may (the body's secretariat or an administrator). Every failure is the one HTTP error; a
 * stale save is 409 with the item as the other save left it under `current`.
 *
 * Ids: `{id}` of /api/items/{id} in PATCH, DELETE, /move and /annexes is a draft item's id (as
 * POST /api/meetings/{id}/items and GET /api/meetings/{id}/agenda give it); GET /api/items/{id} reads the
 * published item, whose id a draft item gives as `publishedItemId` once sent.
 */
import { Hono } from "hono";
import { agendaDrafter, agendaOffers } from "../../authoring/agenda-drafter.js";
import { agendaItemCreator } from "../../authoring/agenda-item-creator.js";
import { agendaItemEditor } from "../../authoring/agenda-item-editor.js";
import type { ItemInput } from "../../authoring/agenda-item-input.js";
import { agendaItemMover } from "../../authoring/agenda-item-mover.js";
import { agendaItemRemover } from "../../authoring/agenda-item-remover.js";
import { AgendaRefused } from "../../authoring/agenda-refusal.js";
import {
  agendaSectionCreator,
  agendaSectionEditor,
  agendaSectionRemover,
} from "../../authoring/agenda-section-editor.js";
import { agendaReviewSender, agendaSender } from "../../authoring/agenda-sender.js";
import { annexEditor, annexRemover } from "../../authoring/annex-editor.js";
import { annexUploader } from "../../authoring/annex-uploader.js";
import { meetingCreator } from "../../authoring/meeting-creator.js";
import { templateEditor } from "../../authoring/template-editor.js";
import {
  AGENDA_PHASE_LABELS,
  type AgendaTemplate,
  type CarryOverOffer,
  mayEditAgenda,
  mayReadAgendaDraft,
} from "../../domain/index.js";
import {
  type AgendaDraft,
  agendaDraft,
  agendaRenderingPdf,
  agendaTemplateOf,
  agendaVersions,
  bodyMeetingPlan,
  type DraftAnnex,
  type DraftItem,
  type DraftMeeting,
  draftMeeting,
  reviewCopies,
} from "../../store/index.js";
import { onError } from "../error-pages.js";
import { badRequest, forbidden, notFound, PortalError } from "../http-error.js";
import { rowId } from "../request-params.js";
import { queuedMailer } from "../secretariat/queued-mailer.js";
import { enqueueRenders } from "../secretariat/render-lines.js";
import { actorOf, jsonBody } from "./api-request.js";
import { followUpApi } from "./follow-up-api.js";
import { matterApi } from "./matter-api.js";
import { meetingRecordApi } from "./meeting-record-api.js";
import { minutesApi } from "./minutes-api.js";

/** A draft item as the API shows it: the secretariat's own view, closed items in full. */
export function presentDraftItem(item: DraftItem) {
  return {
    id: item.id,
    meetingId: item.meetingId,
    sectionId: item.sectionId,
    number: item.number,
    position: item.position,
    title: item.title,
    public: item.public,
    caseNumber: item.caseNumber,
    initials: item.initials,
    fields: item.fields,
    takeUpAgain: item.takeUpAgain,
    carriedFrom: item.carriedFrom,
    revision: item.revision,
    publishedItemId: item.publishedItemId,
    modified: item.modified.toISOString(),
    annexes: item.annexes.map(presentDraftAnnex),
  };
}

function presentDraftAnnex(a: DraftAnnex) {
  return {
    id: a.id,
    itemId: a.itemId,
    annexNumber: a.position,
    title: a.title,
    fileName: a.fileName,
    format: a.format,
    byteSize: a.byteSize,
    pageCount: a.pageCount,
    cprPages: a.cprPages,
  };
}

function presentDraftMeeting(m: DraftMeeting) {
  return {
    id: m.id,
    bodyId: m.bodyId,
    bodyName: m.bodyName,
    date: m.date,
    startTime: m.startTime,
    endTime: m.endTime,
    location: m.location,
    state: m.state,
    phase: m.phase,
    phaseLabel: AGENDA_PHASE_LABELS[m.phase],
    versions: m.versions,
  };
}

function presentAgenda(draft: AgendaDraft, offers: readonly CarryOverOffer[]) {
  return {
    meeting: presentDraftMeeting(draft.meeting),
    sections: draft.sections.map((s) => ({
      id: s.id,
      number: s.number,
      title: s.title,
      purpose: s.purpose,
      items: s.items.map(presentDraftItem),
    })),
    offers,
  };
}

/** An AgendaRefused as the one HTTP error; anything else goes on to onError as it is. */
function asHttpError(error: unknown): unknown {
  if (!(error instanceof AgendaRefused)) return error;
  return new PortalError(error.code, error.message, { status: error.status, cause: error });
}

/** A whole number field of a JSON body, or a Danish 400. */
function intField(body: Record<string, unknown>, name: string, required: true): number;
function intField(body: Record<string, unknown>, name: string, required: false): number | undefined;
function intField(body: Record<string, unknown>, name: string, required: boolean): number | undefined {
  const value = body[name];
  if (value === undefined || value === null) {
    if (required) throw badRequest(`Feltet "${name}" mangler.`);
    return undefined;
  }
  if (!Number.isInteger(value) || (value as number) < 0 || (value as number) > 2_147_483_647) {
    throw badRequest(`Feltet "${name}" skal være et helt tal.`);
  }
  return value as number;
}

function stringField(body: Record<string, unknown>, name: string): string | undefined {
  const value = body[name];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== "string") throw badRequest(`Feltet "${name}" skal være tekst.`);
  return value;
}

/** The item fields of a JSON body: only what is there. */
function itemInput(body: Record<string, unknown>): ItemInput {
  const initials = body.initials;
  if (initials !== undefined && (!Array.isArray(initials) || !initials.every((i) => typeof i === "string"))) {
    throw badRequest('Feltet "initials" skal være en liste af tekster.');
  }
  const fields = body.fields;
  if (fields !== undefined && (typeof fields !== "object" || fields === null || Array.isArray(fields))) {
    throw badRequest('Feltet "fields" skal være en genstand med feltnavne.');
  }
  for (const name of ["public", "takeUpAgain"]) {
    if (body[name] !== undefined && typeof body[name] !== "boolean") {
      throw badRequest(`Feltet "${name}" skal være true eller false.`);
    }
  }
  const caseNumber = body.caseNumber === null ? null : stringField(body, "caseNumber");
  const title = stringField(body, "title");
  return {
    ...(title !== undefined ? { title } : {}),
    ...(typeof body.public === "boolean" ? { public: body.public } : {}),
    ...(caseNumber !== undefined ? { caseNumber } : {}),
    ...(initials !== undefined ? { initials: initials as string[] } : {}),
    ...(fields !== undefined ? { fields: fields as ItemInput["fields"] } : {}),
    ...(typeof body.takeUpAgain === "boolean" ? { takeUpAgain: body.takeUpAgain } : {}),
  };
}

/**
 * Builds the sub-app; api-app.tsx mounts it with `app.route("/", secretariatApi())`.
 * @example await app.request("/api/meetings", { method: "POST", headers: { authorization: `Bearer ${token}` }, body })
 */
export function secretariatApi(): Hono {
  const app = new Hono();

  // No Cache-Control middleware here: mounted at /api it would run for every /api path (the public
  // JSON too); the session and bearer middleware already make each signed-in answer private.
  app.onError(function secretariatApiError(error, c) {
    return onError(asHttpError(error) as Error, c);
  });

  app.post("/meetings", async (c) => {
    const props = actorOf(c);
    const body = await jsonBody(c);
    const bodyId = intField(body, "bodyId", true);
    const list = body.meetings === undefined ? [body] : body.meetings;
    if (!Array.isArray(list)) throw badRequest('Feltet "meetings" skal være en liste.');
    const meetings = list.map((m) => {
      if (typeof m !== "object" || m === null) throw badRequest("Hvert møde skal være en genstand.");
      const fields = m as Record<string, unknown>;
      return {
        date: stringField(fields, "date") ?? "",
        startTime: stringField(fields, "startTime") ?? null,
        endTime: stringField(fields, "endTime") ?? null,
        location: stringField(fields, "location") ?? null,
      };
    });
    const { meetingIds } = await meetingCreator({ ...props, bodyId, meetings });
    const plan = await bodyMeetingPlan(props.db, bodyId);
    const data = plan.filter((m) => meetingIds.includes(m.id)).map(presentDraftMeeting);
    return c.json({ data }, 201);
  });

  app.get("/bodies/:id/meeting-plan", async (c) => {
    const { db, viewer } = actorOf(c);
    const bodyId = rowId(c.req.param("id"));
    if (!mayEditAgenda(viewer, bodyId))
      throw forbidden("Kun organets sekretariat eller en administrator ser mødeplanen.");
    return c.json({ data: (await bodyMeetingPlan(db, bodyId)).map(presentDraftMeeting) });
  });

  app.get("/bodies/:id/agenda-template", async (c) => {
    const { db, viewer } = actorOf(c);
    const bodyId = rowId(c.req.param("id"));
    if (!mayEditAgenda(viewer, bodyId))
      throw forbidden("Kun organets sekretariat eller en administrator ser skabelonen.");
    const found = await agendaTemplateOf(db, bodyId);
    if (!found) throw notFound("Organet");
    return c.json({ bodyId, stored: found.stored, ...found.template });
  });

  app.put("/bodies/:id/agenda-template", async (c) => {
    const props = actorOf(c);
    const body = await jsonBody(c);
    if (!Array.isArray(body.sections)) throw badRequest('Feltet "sections" skal være en liste af afsnit.');
    const template = await templateEditor({
      ...props,
      bodyId: rowId(c.req.param("id")),
      template: { sections: body.sections } as AgendaTemplate,
    });
    return c.json({ bodyId: rowId(c.req.param("id")), stored: true, ...template });
  });

  app.get("/meetings/:id/agenda", async (c) => {
    const props = actorOf(c);
    const meetingId = rowId(c.req.param("id"));
    const draft = await agendaDraft(props.db, meetingId);
    if (!draft) throw notFound("Mødet");
    const { viewer } = props;
    const mayEdit = mayEditAgenda(viewer, draft.meeting.bodyId);
    const allowed = mayReadAgendaDraft({
      mayEdit,
      memberOfBody: viewer.kind === "user" && viewer.memberOf.includes(draft.meeting.bodyId),
      reviewCopyToViewer: (await reviewCopies(props.db, meetingId)).some(
        (r) => r.userId === props.actor.userId,
      ),
    });
    if (!allowed) {
      throw forbidden("Kun organets sekretariat og de medlemmer, kladden er sendt til, kan læse den.");
    }
    // Offers are the secretariat's working material, not the reviewer's.
    return c.json(presentAgenda(draft, mayEdit ? await agendaOffers({ ...props, meetingId }) : []));
  });

  app.post("/meetings/:id/agenda", async (c) => {
    const props = actorOf(c);
    const body = await jsonBody(c);
    const accept = body.accept ?? [];
    if (!Array.isArray(accept) || !accept.every((k) => typeof k === "string")) {
      throw badRequest('Feltet "accept" skal være en liste af forslagsnøgler.');
    }
    const { draft, offers } = await agendaDrafter({ ...props, meetingId: rowId(c.req.param("id")), accept });
    return c.json(presentAgenda(draft, offers), 201);
  });

  app.post("/meetings/:id/items", async (c) => {
    const props = actorOf(c);
    const body = await jsonBody(c);
    const position = intField(body, "position", false);
    const item = await agendaItemCreator({
      ...props,
      meetingId: rowId(c.req.param("id")),
      sectionId: intField(body, "sectionId", true),
      ...(position !== undefined ? { position } : {}),
      item: itemInput(body),
      carriedFrom: stringField(body, "carriedFrom") ?? null,
    });
    return c.json(presentDraftItem(item), 201);
  });

  app.patch("/items/:id", async (c) => {
    const props = actorOf(c);
    const body = await jsonBody(c);
    try {
      const item = await agendaItemEditor({
        ...props,
        itemId: rowId(c.req.param("id")),
        revision: intField(body, "revision", true),
        changes: itemInput(body),
      });
      return c.json(presentDraftItem(item));
    } catch (error) {
      if (!(error instanceof AgendaRefused && error.code === "stale-revision" && error.current)) throw error;
      // The one error's JSON, with the other's change beside it so the client can merge.
      c.header("Cache-Control", "no-store");
      return c.json(
        {
          error: { status: 409, code: error.code, message: error.message },
          current: presentDraftItem(error.current),
        },
        409,
      );
    }
  });

  app.delete("/items/:id", async (c) => {
    const { renumbered } = await agendaItemRemover({ ...actorOf(c), itemId: rowId(c.req.param("id")) });
    return c.json({ deleted: true, renumbered });
  });

  app.post("/meetings/:id/sections", async (c) => {
    const body = await jsonBody(c);
    const place = intField(body, "place", false);
    const made = await agendaSectionCreator({
      ...actorOf(c),
      meetingId: rowId(c.req.param("id")),
      title: stringField(body, "title") ?? "",
      ...(place !== undefined ? { place } : {}),
    });
    return c.json(made, 201);
  });

  app.patch("/sections/:id", async (c) => {
    const body = await jsonBody(c);
    const sectionId = rowId(c.req.param("id"));
    return c.json(
      await agendaSectionEditor({ ...actorOf(c), sectionId, title: stringField(body, "title") ?? "" }),
    );
  });

  app.delete("/sections/:id", async (c) => {
    const { renumbered } = await agendaSectionRemover({ ...actorOf(c), sectionId: rowId(c.req.param("id")) });
    return c.json({ deleted: true, renumbered });
  });

  app.post("/items/:id/move", async (c) => {
    const props = actorOf(c);
    const body = await jsonBody(c);
    const { item, renumbered } = await agendaItemMover({
      ...props,
      itemId: rowId(c.req.param("id")),
      sectionId: intField(body, "sectionId", true),
      position: intField(body, "position", true),
    });
    return c.json({ item: presentDraftItem(item), renumbered });
  });

  app.post("/items/:id/annexes", async (c) => {
    const props = actorOf(c);
    const form = await c.req.parseBody().catch(() => {
      throw badRequest('Send bilaget som multipart/form-data med feltet "file".');
    });
    const file = form.file;
    if (!(file instanceof File)) throw badRequest('Feltet "file" med bilaget mangler (multipart/form-data).');
    const title = typeof form.title === "string" ? form.title : undefined;
    const annex = await annexUploader({
      ...props,
      itemId: rowId(c.req.param("id")),
      upload: { fileName: file.name, bytes: new Uint8Array(await file.arrayBuffer()) },
      ...(title ? { title } : {}),
    });
    return c.json(presentDraftAnnex(annex), 201);
  });

  app.patch("/annexes/:id", async (c) => {
    const props = actorOf(c);
    const body = await jsonBody(c);
    const title = stringField(body, "title");
    const position = intField(body, "annexNumber", false);
    const annex = await annexEditor({
      ...props,
      annexId: rowId(c.req.param("id")),
      ...(title !== undefined ? { title } : {}),
      ...(position !== undefined ? { position } : {}),
    });
    return c.json(presentDraftAnnex(annex));
  });

  app.delete("/annexes/:id", async (c) => {
    await annexRemover({ ...actorOf(c), annexId: rowId(c.req.param("id")) });
    return c.json({ deleted: true });
  });

  app.post("/meetings/:id/review", async (c) => {
    const props = actorOf(c);
    const body = await jsonBody(c);
    const userIds = body.userIds;
    if (!Array.isArray(userIds) || !userIds.every((id) => Number.isInteger(id))) {
      throw badRequest('Feltet "userIds" skal være en liste af bruger-id\'er.');
    }
    const result = await agendaReviewSender({
      ...props,
      meetingId: rowId(c.req.param("id")),
      userIds: userIds as number[],
      mailer: queuedMailer(props.db),
      baseUrl: c.get("settings").publicBaseUrl,
    });
    return c.json(result);
  });

  app.post("/meetings/:id/send", async (c) => {
    const props = actorOf(c);
    const body = await jsonBody(c);
    const sent = await agendaSender({
      ...props,
      meetingId: rowId(c.req.param("id")),
      changeNote: stringField(body, "changeNote") ?? null,
      mailer: queuedMailer(props.db),
      baseUrl: c.get("settings").publicBaseUrl,
    });
    // As on the secretariat's page: the sent agenda's PDFs, internal and public, are made by the jobs.
    await enqueueRenders(c.get("db"), rowId(c.req.param("id")), ["internal", "public"]);
    return c.json(sent);
  });

  // getAgendaPdf, getAnnexPackPdf: the latest rendering (render-agenda / render-annex-pack jobs). The
  // internal edition is the secretariat's; the public one is anyone's once the agenda is sent.
  for (const [path, kind, what] of [
    ["agenda.pdf", "agenda", "Dagsordenens PDF"],
    ["annex-pack.pdf", "annex-pack", "Bilagspakken"],
  ] as const) {
    app.get(`/meetings/:id/${path}`, async (c) => {
      // No sign-in needed: the public edition of a sent agenda is the public's.
      const db = c.get("db");
      const viewer = c.get("viewer");
      const meeting = await draftMeeting(db, rowId(c.req.param("id")));
      if (!meeting) throw notFound("Mødet");
      const mayEdit = mayEditAgenda(viewer, meeting.bodyId);
      const edition = c.req.query("edition") ?? (mayEdit ? "internal" : "public");
      if (edition !== "internal" && edition !== "public") {
        throw badRequest('"edition" er enten "internal" eller "public".');
      }
      if (edition === "internal" && !mayEdit) {
        throw forbidden("Kun organets sekretariat eller en administrator henter den interne udgave.");
      }
      const sent = meeting.phase !== "planned" && meeting.phase !== "agenda-draft";
      const rendering =
        edition === "internal" || sent ? await agendaRenderingPdf(db, meeting.id, kind, edition) : undefined;
      if (!rendering) throw notFound(what);
      return c.body(rendering.pdf as Uint8Array<ArrayBuffer>, 200, {
        "Content-Type": "application/pdf",
        "Content-Disposition": `inline; filename="${kind === "agenda" ? "dagsorden" : "bilagspakke"}-${meeting.date}.pdf"`,
        "Last-Modified": rendering.renderedAt.toUTCString(),
      });
    });
  }

  app.get("/meetings/:id/versions", async (c) => {
    const props = actorOf(c);
    const meetingId = rowId(c.req.param("id"));
    // Who may: the same as for the agenda itself.
    await agendaOffers({ ...props, meetingId });
    const versions = await agendaVersions(props.db, meetingId);
    return c.json({
      data: versions.map((v) => ({
        number: v.number,
        changeNote: v.changeNote,
        sentAt: v.sentAt.toISOString(),
        recipients: v.recipients,
        hasPdf: v.hasPdf,
      })),
    });
  });
  app.route("/", matterApi());
  app.route("/", followUpApi());
  app.route("/", meetingRecordApi());
  app.route("/", minutesApi());
  return app;
}
