/**
 * @module The secretariat's side of the portal under /sekretariat (issue 13): the workspace with its year
 * plan, each meeting's agenda builder and its items, a body's agenda template; the administrator's upload of meeting records (import-routes.tsx); and the public PDFs of a sent agenda under
 * /moede/{id}. Mounted once in app.tsx; the withheld list (withheld-routes.tsx) is mounted beside it.
 */
import { Hono } from "hono";
import { agendaItemRoutes } from "./agenda-item-routes.js";
import { agendaRoutes } from "./agenda-routes.js";
import { annexRoutes } from "./annex-routes.js";
import { followUpRoutes } from "./follow-up-routes.js";
import { importRoutes } from "./import-routes.js";
import { meetingDayRoutes } from "./meeting-day-routes.js";
import { minutesRoutes } from "./minutes-routes.js";
import { publicAgendaPdfRoutes } from "./public-agenda-pdf-routes.js";
import { sectionRoutes } from "./section-routes.js";
import { templateRoutes } from "./template-routes.js";
import { workspaceRoutes } from "./workspace-routes.js";

export function secretariatApp(): Hono {
  const app = new Hono();
  app.route("/", workspaceRoutes());
  app.route("/", agendaRoutes());
  app.route("/", agendaItemRoutes());
  app.route("/", annexRoutes());
  app.route("/", sectionRoutes());
  app.route("/", meetingDayRoutes());
  app.route("/", minutesRoutes());
  app.route("/", followUpRoutes());
  app.route("/", templateRoutes());
  app.route("/", publicAgendaPdfRoutes());
  app.route("/", importRoutes());
  return app;
}
