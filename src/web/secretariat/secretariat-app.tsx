/**
 * @module The secretariat's side of the portal under /sekretariat (issue 13): the workspace with its year
 * plan, and each meeting's agenda builder. Mounted once in app.tsx; the withheld list
 * (withheld-routes.tsx) is mounted beside it.
 */
import { Hono } from "hono";
import { workspaceRoutes } from "./workspace-routes.js";

export function secretariatApp(): Hono {
  const app = new Hono();
  app.route("/", workspaceRoutes());
  return app;
}
