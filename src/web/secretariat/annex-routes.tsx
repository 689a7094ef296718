/**
 * @module An uploaded annex's forms (issue 13), below /sekretariat/bilag/{id}: retitle, move to another
 * number among its item's annexes, remove; through authoring's annexEditor and annexRemover, then back
 * to the item's form. A refusal is shown there, in its error summary.
 */
import { type Context, Hono } from "hono";
import { itemFor } from "../../authoring/agenda-command.js";
import { annexEditor, annexRemover } from "../../authoring/annex-editor.js";
import { authoredAnnexOf } from "../../store/index.js";
import { badRequest, notFound } from "../http-error.js";
import { itemPaths } from "../pages/agenda-builder-page.js";
import { idParam } from "../pages/route-params.js";
import { showItem } from "./agenda-item-routes.js";
import { formRefusal } from "./agenda-refusals.js";
import { commandProps } from "./secretariat-guard.js";

/** The annex's item id, when the annex exists. */
async function itemIdOf(c: Context, annexId: number): Promise<number> {
  const annex = await authoredAnnexOf(c.get("db"), annexId);
  if (!annex) throw notFound("Bilaget");
  return annex.itemId;
}

/** Runs the change, then back to the item's form; a refusal is shown on it. */
async function changeThen(c: Context, change: () => Promise<unknown>, notice: string) {
  const itemId = await itemIdOf(c, idParam(c));
  try {
    await change();
  } catch (error) {
    const refusal = formRefusal(c, error);
    const item = await itemFor(c.get("db"), c.get("viewer"), itemId);
    return showItem(c, item, { errors: [{ field: null, message: refusal.message }] }, 422);
  }
  return c.redirect(`${itemPaths(itemId).edit}?besked=${notice}#bilag`, 303);
}

export function annexRoutes(): Hono {
  const app = new Hono();
  const base = "/sekretariat/bilag/:id";

  app.post(base, async function annexRetitle(c) {
    const body = await c.req.parseBody();
    const title = typeof body.titel === "string" ? body.titel : "";
    return changeThen(c, () => annexEditor({ ...commandProps(c), annexId: idParam(c), title }), "bilag-gemt");
  });

  app.post(`${base}/flyt`, async function annexMove(c) {
    const body = await c.req.parseBody();
    const position = Number(body.nummer);
    if (!Number.isSafeInteger(position))
      throw badRequest("Formularen sagde ikke, hvilket nummer bilaget skal have.");
    return changeThen(
      c,
      () => annexEditor({ ...commandProps(c), annexId: idParam(c), position }),
      "bilag-flyttet",
    );
  });

  app.post(`${base}/fjern`, function annexRemove(c) {
    return changeThen(c, () => annexRemover({ ...commandProps(c), annexId: idParam(c) }), "bilag-fjernet");
  });

  return app;
}
