/**
 * @module The agenda builder's section forms (issue 13): POST /sekretariat/moede/{id}/afsnit adds a
 * section, POST /sekretariat/afsnit/{id} renames one, POST /sekretariat/afsnit/{id}/fjern removes an empty
 * one; through authoring's section commands, then back to the builder. A refusal is shown on the builder.
 */
import { type Context, Hono } from "hono";
import {
  agendaSectionCreator,
  agendaSectionEditor,
  agendaSectionRemover,
} from "../../authoring/agenda-section-editor.js";
import { agendaSectionOf } from "../../store/index.js";
import { notFound } from "../http-error.js";
import { meetingPaths } from "../pages/agenda-builder-page.js";
import { idParam } from "../pages/route-params.js";
import { formRefusal, type RefusedStatus } from "./agenda-refusals.js";
import { showBuilder } from "./agenda-routes.js";
import { commandProps } from "./secretariat-guard.js";

async function titleOf(c: Context): Promise<string> {
  const body = await c.req.parseBody();
  return typeof body.titel === "string" ? body.titel : "";
}

/** Runs the change, then back to the builder at the section; a refusal is shown there. */
async function changeThen(
  c: Context,
  meetingId: number,
  field: string | null,
  change: () => Promise<number | null>,
  notice: string,
) {
  let anchor: number | null;
  try {
    anchor = await change();
  } catch (error) {
    const refusal = formRefusal(c, error);
    const errors = [{ field: refusal.code === "invalid" ? field : null, message: refusal.message }];
    return showBuilder(c, meetingId, { errors }, refusal.status as RefusedStatus);
  }
  const hash = anchor === null ? "" : `#afsnit-${anchor}`;
  return c.redirect(`${meetingPaths(meetingId).builder}?besked=${notice}${hash}`, 303);
}

/** The meeting of a live section, or the portal's 404. */
async function meetingOfSection(c: Context): Promise<number> {
  const section = await agendaSectionOf(c.get("db"), idParam(c));
  if (!section) throw notFound("Afsnittet");
  return section.meetingId;
}

export function sectionRoutes(): Hono {
  const app = new Hono();

  app.post("/sekretariat/moede/:id/afsnit", async function sectionCreate(c) {
    const meetingId = idParam(c);
    const body = await c.req.parseBody();
    const title = typeof body.titel === "string" ? body.titel : "";
    const place = Number(body.placering);
    return changeThen(
      c,
      meetingId,
      "nyt-afsnit-titel",
      async () => {
        const made = await agendaSectionCreator({
          ...commandProps(c),
          meetingId,
          title,
          ...(body.placering !== undefined && body.placering !== "" && Number.isSafeInteger(place)
            ? { place }
            : {}),
        });
        return made.id;
      },
      "afsnit-tilfoejet",
    );
  });

  app.post("/sekretariat/afsnit/:id", async function sectionRename(c) {
    const sectionId = idParam(c);
    const meetingId = await meetingOfSection(c);
    const title = await titleOf(c);
    return changeThen(
      c,
      meetingId,
      `afsnit-${sectionId}-titel`,
      async () => (await agendaSectionEditor({ ...commandProps(c), sectionId, title })).id,
      "afsnit-omdoebt",
    );
  });

  app.post("/sekretariat/afsnit/:id/fjern", async function sectionRemove(c) {
    const sectionId = idParam(c);
    const meetingId = await meetingOfSection(c);
    return changeThen(
      c,
      meetingId,
      null,
      async () => {
        await agendaSectionRemover({ ...commandProps(c), sectionId });
        return null;
      },
      "afsnit-fjernet",
    );
  });

  return app;
}
