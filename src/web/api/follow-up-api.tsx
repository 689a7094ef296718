/**
 * @module Decisions sent on and follow-up in the JSON API (issue 14), mounted from secretariat-api.tsx:
 * sendDecision and listDecisionDispatches (/api/items/{id}/decision-dispatches), createFollowUp
 * (/api/items/{id}/follow-ups), updateFollowUp (PATCH /api/follow-ups/{id}; a stale revision answers 409
 * with the task as it now is), listFollowUps (/api/follow-ups, overdue first), and a body's municipality
 * addresses (listMunicipalityAddresses, setMunicipalityAddresses). A signed-in user or an API token; the
 * commands decide who may. Documented in openapi-follow-up.ts.
 */
import { type Context, Hono } from "hono";
import { secretariatItem } from "../../authoring/decision-item.js";
import { decisionSender } from "../../authoring/decision-sender.js";
import { followUpCreator } from "../../authoring/follow-up-creator.js";
import { isFollowUpRefused } from "../../authoring/follow-up-refusal.js";
import { followUpUpdater, secretariatFollowUp } from "../../authoring/follow-up-updater.js";
import { municipalityAddressEditor } from "../../authoring/municipality-address-editor.js";
import {
  bodyMunicipalities,
  copenhagenDay,
  type FollowUpInput,
  isFollowUpStatus,
  isMunicipality,
  isOverdue,
  isResponsibleKind,
  mayEditAgenda,
} from "../../domain/index.js";
import {
  decisionDispatches,
  type FollowUpRow,
  listFollowUps,
  municipalityAddresses,
  secretariatBodies,
} from "../../store/index.js";
import { badRequest, notFound, PortalError } from "../http-error.js";
import { rowId } from "../request-params.js";
import { actorOf, jsonBody } from "./api-request.js";

/** A task as the API shows it. */
export function presentFollowUp(task: FollowUpRow, today: string) {
  return {
    id: task.id,
    itemId: task.itemId,
    itemNumber: task.itemNumber,
    itemTitle: task.itemTitle,
    meetingId: task.meetingId,
    meetingDate: task.meetingDate,
    bodyId: task.bodyId,
    bodyName: task.bodyName,
    description: task.description,
    responsibleKind: task.responsibleKind,
    municipality: task.municipality,
    responsible: task.responsible,
    dueDate: task.dueDate,
    status: task.status,
    overdue: isOverdue(task, today),
    notes: task.notes,
    reminderSentAt: task.reminderSentAt?.toISOString() ?? null,
    revision: task.revision,
  };
}

/** The acting user or token holder (or 401), with the request's clock. */
function actorAt(c: Context) {
  return { ...actorOf(c), now: c.get("now")() };
}

async function command<T>(run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    if (!isFollowUpRefused(error)) throw error;
    throw new PortalError(error.code, error.message, { status: error.status, cause: error });
  }
}

const text = (body: Record<string, unknown>, name: string): string | null => {
  const value = body[name];
  if (value === undefined || value === null) return null;
  if (typeof value !== "string") throw badRequest(`Feltet "${name}" skal være tekst.`);
  return value;
};

/** A task's fields from a JSON body; `base` fills what a PATCH leaves out. */
function taskOf(body: Record<string, unknown>, base?: FollowUpRow): FollowUpInput {
  const has = (name: string) => Object.hasOwn(body, name);
  const kind = has("responsibleKind") ? body.responsibleKind : (base?.responsibleKind ?? "secretariat");
  if (!isResponsibleKind(kind))
    throw badRequest('Feltet "responsibleKind" skal være secretariat, municipality eller organisation.');
  const status = has("status") ? body.status : (base?.status ?? "open");
  if (!isFollowUpStatus(status)) throw badRequest('Feltet "status" skal være open, in-progress eller done.');
  return {
    description: has("description") ? (text(body, "description") ?? "") : (base?.description ?? ""),
    responsibleKind: kind,
    municipality: has("municipality") ? text(body, "municipality") : (base?.municipality ?? null),
    responsible: has("responsible") ? text(body, "responsible") : (base?.responsible ?? null),
    dueDate: has("dueDate") ? text(body, "dueDate") : (base?.dueDate ?? null),
    status,
    notes: has("notes") ? text(body, "notes") : (base?.notes ?? null),
  };
}

export function followUpApi(): Hono {
  const app = new Hono();

  app.get("/items/:id/decision-dispatches", async (c) => {
    const props = actorAt(c);
    const item = await command(() => secretariatItem(props.db, props.viewer, rowId(c.req.param("id"))));
    const data = await decisionDispatches(props.db, item.id);
    return c.json({
      data: data.map((d) => ({
        id: d.id,
        municipality: d.municipality,
        email: d.email,
        sentAt: d.sentAt.toISOString(),
        sentBy: d.sentBy,
        jobId: d.jobId,
        jobState: d.jobState,
      })),
    });
  });

  app.post("/items/:id/decision-dispatches", async (c) => {
    const props = actorAt(c);
    const body = await jsonBody(c);
    const wanted = body.municipalities;
    const municipalities =
      wanted === "all"
        ? "all"
        : Array.isArray(wanted) && wanted.every((m) => typeof m === "string")
          ? (wanted as string[])
          : (() => {
              throw badRequest('Feltet "municipalities" skal være "all" eller en liste af kommunenavne.');
            })();
    const sent = await command(() =>
      decisionSender({
        ...props,
        itemId: rowId(c.req.param("id")),
        municipalities,
        baseUrl: c.get("settings").publicBaseUrl,
      }),
    );
    return c.json(sent, 201);
  });

  app.get("/follow-ups", async (c) => {
    const props = actorAt(c);
    const viewer = props.viewer;
    const bodyIds =
      viewer.kind === "administrator" ? "all" : viewer.kind === "user" ? viewer.secretariatOf : [];
    if (bodyIds !== "all" && bodyIds.length === 0)
      throw new PortalError("forbidden", "Kun sekretariatet og administratorer ser opfølgningslisten.", {
        status: 403,
      });
    const bodyText = c.req.query("bodyId");
    const itemText = c.req.query("itemId");
    const municipality = c.req.query("municipality") ?? null;
    if (municipality !== null && !isMunicipality(municipality))
      throw badRequest(`${municipality} er ikke en kommune.`);
    const today = copenhagenDay(props.now);
    const data = await listFollowUps(
      props.db,
      {
        bodyIds,
        bodyId: bodyText === undefined ? null : rowId(bodyText),
        itemId: itemText === undefined ? null : rowId(itemText),
        municipality,
      },
      today,
    );
    return c.json({ today, data: data.map((t) => presentFollowUp(t, today)) });
  });

  app.post("/items/:id/follow-ups", async (c) => {
    const props = actorAt(c);
    const task = taskOf(await jsonBody(c));
    const created = await command(() =>
      followUpCreator({ ...props, itemId: rowId(c.req.param("id")), task }),
    );
    return c.json(presentFollowUp(created, copenhagenDay(props.now)), 201);
  });

  app.patch("/follow-ups/:id", async (c) => {
    const props = actorAt(c);
    const followUpId = rowId(c.req.param("id"));
    const body = await jsonBody(c);
    if (!Number.isInteger(body.revision))
      throw badRequest('Feltet "revision" mangler eller er ikke et helt tal.');
    const base = await command(() => secretariatFollowUp({ ...props, followUpId }));
    const today = copenhagenDay(props.now);
    try {
      const saved = await followUpUpdater({
        ...props,
        followUpId,
        revision: body.revision as number,
        task: taskOf(body, base),
      });
      return c.json(presentFollowUp(saved, today));
    } catch (error) {
      if (isFollowUpRefused(error) && error.code === "stale-revision" && error.current) {
        return c.json(
          {
            error: { status: 409, code: error.code, message: error.message },
            current: presentFollowUp(error.current, today),
          },
          409,
        );
      }
      return command(() => Promise.reject(error));
    }
  });

  async function bodyFor(c: Context) {
    const props = actorAt(c);
    const [body] = await secretariatBodies(props.db, [rowId(c.req.param("id"))]);
    if (!body) throw notFound("Organet");
    if (!mayEditAgenda(props.viewer, body.id))
      throw new PortalError("forbidden", `Kun ${body.name}s sekretariat eller en administrator må.`, {
        status: 403,
      });
    return { props, body };
  }

  const addressList = async (c: Context, bodyId: number, name: string) => {
    const stored = new Map(
      (await municipalityAddresses(c.get("db"), bodyId)).map((a) => [a.municipality, a.email]),
    );
    return bodyMunicipalities(name).map((m) => ({ municipality: m, email: stored.get(m) ?? null }));
  };

  app.get("/bodies/:id/municipality-addresses", async (c) => {
    const { body } = await bodyFor(c);
    return c.json({ data: await addressList(c, body.id, body.name) });
  });

  app.put("/bodies/:id/municipality-addresses", async (c) => {
    const { props, body } = await bodyFor(c);
    const given = (await jsonBody(c)).addresses;
    if (typeof given !== "object" || given === null || Array.isArray(given))
      throw badRequest('Feltet "addresses" skal være en genstand: kommune → e-mailadresse (eller null).');
    const addresses: Record<string, string | null> = {};
    for (const [m, email] of Object.entries(given)) {
      if (email !== null && typeof email !== "string")
        throw badRequest(`Adressen til ${m} skal være tekst eller null.`);
      addresses[m] = email;
    }
    const { changed } = await command(() =>
      municipalityAddressEditor({ ...props, bodyId: body.id, addresses }),
    );
    return c.json({ changed, data: await addressList(c, body.id, body.name) });
  });

  return app;
}
