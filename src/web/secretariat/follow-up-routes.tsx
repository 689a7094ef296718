/**
 * @module The secretariat's routes for decisions sent on and follow-up (issue 14): a meeting's decisions
 * (/sekretariat/moede/{id}/beslutninger), one decision's page with sending and follow-up
 * (/sekretariat/moede/{id}/punkt/{itemId}/send, POST sends, POST …/opfoelgning adds a task), the
 * follow-up list (/sekretariat/opfoelgning?organ=&kommune=) and one task's form (a stale save answers 409
 * with the other's change), and a body's municipality addresses (/sekretariat/organ/{id}/kommuner).
 * Plain POST forms with the CSRF token; every change through an authoring command.
 */
import { type Context, Hono } from "hono";
import { secretariatItem } from "../../authoring/decision-item.js";
import { decisionSender } from "../../authoring/decision-sender.js";
import { followUpCreator } from "../../authoring/follow-up-creator.js";
import { type FollowUpRefused, isFollowUpRefused } from "../../authoring/follow-up-refusal.js";
import { followUpUpdater, secretariatFollowUp } from "../../authoring/follow-up-updater.js";
import { municipalityAddressEditor } from "../../authoring/municipality-address-editor.js";
import { bodyMunicipalities, copenhagenDay, isMunicipality } from "../../domain/index.js";
import {
  type DecisionItem,
  decisionDispatches,
  draftMeeting,
  listFollowUps,
  meetingDecisionItemIds,
  municipalityAddresses,
  secretariatBodies,
} from "../../store/index.js";
import type { FieldError } from "../components/form-parts.js";
import { wantsJson } from "../error-pages.js";
import { notFound, PortalError } from "../http-error.js";
import { signedIn } from "../middleware/require-user.js";
import { DecisionSendPage, decisionPaths, MeetingDecisionsPage } from "../pages/decision-send-page.js";
import {
  EMPTY_FOLLOW_UP,
  type FollowUpFormValues,
  followUpFormValues,
  followUpInputOf,
  followUpValuesOfForm,
} from "../pages/follow-up-form.js";
import {
  FOLLOW_UPS_PATH,
  FollowUpEditPage,
  FollowUpListPage,
  MunicipalityAddressesPage,
} from "../pages/follow-up-pages.js";
import { idParam } from "../pages/route-params.js";
import {
  commandProps,
  secretariatBodyIds,
  secretariatPageBasics,
  secretariatViewer,
} from "./secretariat-guard.js";

type Status = 200 | 403 | 404 | 409 | 422;

/** A refusal as the portal's error page (404, 403), for a page that cannot be shown at all. */
function asPortal(error: unknown): never {
  if (isFollowUpRefused(error))
    throw new PortalError(error.code, error.message, { status: error.status, cause: error });
  throw error;
}

function refusedOf(error: unknown): FollowUpRefused {
  if (isFollowUpRefused(error)) return error;
  throw error;
}

const today = (c: Context) => copenhagenDay(c.get("now")());

async function itemOf(c: Context): Promise<DecisionItem> {
  const itemId = Number(c.req.param("itemId"));
  if (!Number.isSafeInteger(itemId)) throw notFound("Punktet");
  try {
    const item = await secretariatItem(c.get("db"), c.get("viewer"), itemId);
    if (item.meetingId !== idParam(c)) throw notFound("Punktet");
    return item;
  } catch (error) {
    return asPortal(error);
  }
}

async function showDecision(
  c: Context,
  item: DecisionItem,
  options: { notice?: string | null; errors?: readonly FieldError[]; values?: FollowUpFormValues } = {},
  status: Status = 200,
) {
  const db = c.get("db");
  const [addresses, dispatches, followUps] = await Promise.all([
    municipalityAddresses(db, item.bodyId),
    decisionDispatches(db, item.id),
    listFollowUps(db, { bodyIds: "all", itemId: item.id }, today(c)),
  ]);
  return c.html(
    <DecisionSendPage
      item={item}
      municipalities={bodyMunicipalities(item.bodyName)}
      addresses={addresses}
      dispatches={dispatches}
      followUps={followUps}
      today={today(c)}
      followUpValues={options.values ?? EMPTY_FOLLOW_UP}
      {...secretariatPageBasics(c)}
      notice={options.notice ?? null}
      errors={options.errors ?? []}
    />,
    status,
  );
}

const field = (body: Record<string, unknown>) => (name: string) =>
  typeof body[name] === "string" ? (body[name] as string) : "";

export function followUpRoutes(): Hono {
  const app = new Hono();
  for (const path of [
    "/sekretariat/opfoelgning",
    "/sekretariat/opfoelgning/*",
    "/sekretariat/organ/*",
    "/sekretariat/moede/*",
  ])
    app.use(path, signedIn(), secretariatViewer());

  app.get("/sekretariat/moede/:id/beslutninger", async function meetingDecisions(c) {
    const db = c.get("db");
    const meeting = await draftMeeting(db, idParam(c));
    if (!meeting) throw notFound("Mødet");
    const items: DecisionItem[] = [];
    for (const id of await meetingDecisionItemIds(db, meeting.id)) {
      try {
        items.push(await secretariatItem(db, c.get("viewer"), id));
      } catch (error) {
        asPortal(error);
      }
    }
    const sentCounts = new Map<number, number>();
    for (const item of items)
      sentCounts.set(
        item.id,
        new Set((await decisionDispatches(db, item.id)).map((d) => d.municipality)).size,
      );
    return c.html(
      <MeetingDecisionsPage
        meeting={meeting}
        items={items}
        sentCounts={sentCounts}
        {...secretariatPageBasics(c)}
      />,
    );
  });

  app.get("/sekretariat/moede/:id/punkt/:itemId/send", async function decisionPage(c) {
    const item = await itemOf(c);
    const notice =
      c.req.query("besked") === "sendt"
        ? "Beslutningen er sendt videre; mailene går ud fra jobkøen."
        : c.req.query("besked") === "opgave"
          ? "Opfølgningsopgaven er oprettet."
          : null;
    return showDecision(c, item, { notice });
  });

  app.post("/sekretariat/moede/:id/punkt/:itemId/send", async function decisionSend(c) {
    const item = await itemOf(c);
    const body = await c.req.parseBody({ all: true });
    const chosen = ([] as unknown[])
      .concat(body.kommune ?? [])
      .filter((v): v is string => typeof v === "string");
    const all = body.alle === "1";
    try {
      const sent = await decisionSender({
        ...commandProps(c),
        now: c.get("now")(),
        itemId: item.id,
        municipalities: all ? "all" : chosen,
        baseUrl: c.get("settings").publicBaseUrl,
      });
      if (wantsJson(c)) return c.json(sent);
      return c.redirect(`${decisionPaths(item.meetingId, item.id).send}?besked=sendt#sendt`, 303);
    } catch (error) {
      const refusal = refusedOf(error);
      return showDecision(c, item, { errors: [{ field: null, message: refusal.message }] }, refusal.status);
    }
  });

  app.post("/sekretariat/moede/:id/punkt/:itemId/opfoelgning", async function followUpCreate(c) {
    const item = await itemOf(c);
    const values = followUpValuesOfForm(field(await c.req.parseBody()));
    try {
      await followUpCreator({
        ...commandProps(c),
        now: c.get("now")(),
        itemId: item.id,
        task: followUpInputOf(values),
      });
      return c.redirect(`${decisionPaths(item.meetingId, item.id).send}?besked=opgave#opfoelgning`, 303);
    } catch (error) {
      const refusal = refusedOf(error);
      return showDecision(
        c,
        item,
        { values, errors: [{ field: "opgave", message: refusal.message }] },
        refusal.status,
      );
    }
  });

  app.get(FOLLOW_UPS_PATH, async function followUpList(c) {
    const db = c.get("db");
    const bodies = await secretariatBodies(db, secretariatBodyIds(c));
    const bodyId = Number(c.req.query("organ")) || null;
    const wanted = c.req.query("kommune") ?? "";
    const municipality = isMunicipality(wanted) ? wanted : null;
    const tasks = await listFollowUps(db, { bodyIds: secretariatBodyIds(c), bodyId, municipality }, today(c));
    return c.html(
      <FollowUpListPage
        tasks={tasks}
        today={today(c)}
        bodies={bodies}
        bodyId={bodyId}
        municipality={municipality}
        siteName={secretariatPageBasics(c).siteName}
      />,
    );
  });

  app.get(`${FOLLOW_UPS_PATH}/:id`, async function followUpForm(c) {
    const task = await secretariatFollowUp({ ...commandProps(c), followUpId: idParam(c) }).catch(asPortal);
    return c.html(
      <FollowUpEditPage
        task={task}
        values={followUpFormValues(task)}
        municipalities={bodyMunicipalities(task.bodyName)}
        conflict={null}
        today={today(c)}
        {...secretariatPageBasics(c)}
        errors={[]}
      />,
    );
  });

  app.post(`${FOLLOW_UPS_PATH}/:id`, async function followUpSave(c) {
    const task = await secretariatFollowUp({ ...commandProps(c), followUpId: idParam(c) }).catch(asPortal);
    const form = field(await c.req.parseBody());
    const values = followUpValuesOfForm(form);
    try {
      await followUpUpdater({
        ...commandProps(c),
        now: c.get("now")(),
        followUpId: task.id,
        revision: Number(form("revision")),
        task: followUpInputOf(values),
      });
      return c.redirect(`${decisionPaths(task.meetingId, task.itemId).send}#opfoelgning-${task.id}`, 303);
    } catch (error) {
      const refusal = refusedOf(error);
      return c.html(
        <FollowUpEditPage
          task={task}
          values={values}
          municipalities={bodyMunicipalities(task.bodyName)}
          conflict={refusal.code === "stale-revision" ? refusal.current : null}
          today={today(c)}
          {...secretariatPageBasics(c)}
          errors={[{ field: null, message: refusal.message }]}
        />,
        refusal.status,
      );
    }
  });

  async function bodyOf(c: Context) {
    const [body] = await secretariatBodies(c.get("db"), [idParam(c)]);
    if (!body) throw notFound("Organet");
    const mine = secretariatBodyIds(c);
    if (mine !== "all" && !mine.includes(body.id))
      throw new PortalError("forbidden", `Kun ${body.name}s sekretariat må se kommunernes adresser.`, {
        status: 403,
      });
    return body;
  }

  app.get("/sekretariat/organ/:id/kommuner", async function addressesForm(c) {
    const body = await bodyOf(c);
    return c.html(
      <MunicipalityAddressesPage
        body={body}
        municipalities={bodyMunicipalities(body.name)}
        addresses={await municipalityAddresses(c.get("db"), body.id)}
        {...secretariatPageBasics(c)}
        notice={c.req.query("besked") === "gemt" ? "Adresserne er gemt." : null}
      />,
    );
  });

  app.post("/sekretariat/organ/:id/kommuner", async function addressesSave(c) {
    const body = await bodyOf(c);
    const form = await c.req.parseBody();
    const values: Record<string, string> = {};
    for (const municipality of bodyMunicipalities(body.name)) {
      const value = form[`adresse:${municipality}`];
      if (typeof value === "string") values[municipality] = value;
    }
    try {
      await municipalityAddressEditor({
        ...commandProps(c),
        now: c.get("now")(),
        bodyId: body.id,
        addresses: values,
      });
      return c.redirect(`/sekretariat/organ/${body.id}/kommuner?besked=gemt`, 303);
    } catch (error) {
      const refusal = refusedOf(error);
      return c.html(
        <MunicipalityAddressesPage
          body={body}
          municipalities={bodyMunicipalities(body.name)}
          addresses={await municipalityAddresses(c.get("db"), body.id)}
          values={values}
          {...secretariatPageBasics(c)}
          errors={[{ field: null, message: refusal.message }]}
        />,
        refusal.status as Status,
      );
    }
  });
  return app;
}
