/**
 * @module /sekretariat, the secretariat's workspace (issue 13), and POST /sekretariat/moeder, which plans
 * one meeting or a year's meetings through authoring's meetingCreator. For a signed-in sekretariat user
 * (their bodies) or an administrator (all bodies).
 */
import { type Context, Hono } from "hono";
import { isAgendaRefused } from "../../authoring/agenda-refusal.js";
import { meetingCreator } from "../../authoring/meeting-creator.js";
import { mayImport } from "../../domain/index.js";
import { bodyMeetingPlan, carryOverOffers, secretariatBodies } from "../../store/index.js";
import type { FieldError } from "../components/form-parts.js";
import { wantsJson } from "../error-pages.js";
import { PortalError } from "../http-error.js";
import { signedIn } from "../middleware/require-user.js";
import { formFields } from "../pages/form-input.js";
import {
  MEETING_FIELDS,
  MEETINGS_PATH,
  type MeetingFormValues,
  WORKSPACE_PATH,
  type WorkspaceBody,
  WorkspacePage,
  type WorkspacePageProps,
} from "../pages/workspace-page.js";
import { meetingDates } from "./meeting-dates.js";
import { danishDay, nextMeeting, nextSteps } from "./next-steps.js";
import {
  commandProps,
  secretariatBodyIds,
  secretariatPageBasics,
  secretariatViewer,
} from "./secretariat-guard.js";

async function showWorkspace(
  c: Context,
  options: Pick<WorkspacePageProps, "notice" | "errors" | "refused"> = {},
  status: 200 | 403 | 404 | 409 | 413 | 422 = 200,
) {
  const db = c.get("db");
  const today = danishDay(new Date());
  const bodies = await secretariatBodies(db, secretariatBodyIds(c));
  const entries: WorkspaceBody[] = [];
  for (const body of bodies) {
    const plan = await bodyMeetingPlan(db, body.id);
    const next = nextMeeting(plan, today) ?? null;
    const offers =
      next && (next.phase === "planned" || next.phase === "agenda-draft")
        ? await carryOverOffers(db, { id: next.id, bodyId: next.bodyId, date: next.date })
        : [];
    entries.push({ body, plan, steps: nextSteps(plan, today), next, offers });
  }
  const basics = secretariatPageBasics(c);
  return c.html(
    <WorkspacePage
      bodies={entries}
      {...basics}
      today={today}
      mayImport={mayImport(c.get("viewer"))}
      notice={options.notice ?? null}
      errors={options.errors ?? []}
      refused={options.refused ?? null}
    />,
    status,
  );
}

/** The notice after planning meetings: how many, Danish. */
function createdNotice(count: number): string {
  return count === 1 ? "Mødet er oprettet." : `${count} møder er oprettet.`;
}

export function workspaceRoutes(): Hono {
  const app = new Hono();
  for (const path of [WORKSPACE_PATH, `${WORKSPACE_PATH}/*`]) app.use(path, signedIn(), secretariatViewer());

  app.get(WORKSPACE_PATH, function workspace(c) {
    const created = Number(c.req.query("oprettet"));
    return showWorkspace(c, {
      notice: Number.isInteger(created) && created > 0 ? createdNotice(created) : null,
    });
  });

  app.post(MEETINGS_PATH, async function createMeetings(c) {
    const field = await formFields(c);
    const values: MeetingFormValues = Object.fromEntries(
      Object.values(MEETING_FIELDS).map((name) => [name, field(name)]),
    );
    const form = values.datoer !== "" ? "year" : "one";
    const refuse = (error: FieldError, status: 403 | 404 | 409 | 422) => {
      if (wantsJson(c)) {
        throw new PortalError(status === 422 ? "unprocessable" : "conflict", error.message, { status });
      }
      return showWorkspace(c, { errors: [error], refused: { form, values } }, status);
    };
    const datesField = form === "year" ? "aar-datoer" : "et-dato";
    const { dates, bad } = meetingDates(form === "year" ? (values.datoer ?? "") : (values.dato ?? ""));
    if (bad.length > 0) {
      return refuse(
        { field: datesField, message: `Det er ikke en dato: ${bad.join(", ")}. Skriv fx 2027-03-12.` },
        422,
      );
    }
    if (dates.length === 0) return refuse({ field: datesField, message: "Angiv mindst én mødedato." }, 422);
    const bodyId = Number(values.organ);
    try {
      const { meetingIds } = await meetingCreator({
        ...commandProps(c),
        bodyId: Number.isSafeInteger(bodyId) ? bodyId : 0,
        meetings: dates.map((date) => ({
          date,
          startTime: values.start || null,
          endTime: values.slut || null,
          location: values.sted || null,
        })),
      });
      if (wantsJson(c)) return c.json({ meetingIds }, 201);
      return c.redirect(`${WORKSPACE_PATH}?oprettet=${meetingIds.length}`, 303);
    } catch (error) {
      if (!isAgendaRefused(error)) throw error;
      if (error.status === 403 || error.status === 404) {
        throw new PortalError(error.code, error.message, { status: error.status, cause: error });
      }
      return refuse({ field: error.code === "date-taken" ? datesField : null, message: error.message }, 422);
    }
  });

  return app;
}
