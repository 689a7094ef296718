/**
 * @module Matters across meetings in the JSON API (issue 14), mounted from secretariat-api.tsx:
 * getMatter (GET /api/matters/{id}; public, with only what the caller may see), createMatter,
 * linkMatterItem, unlinkMatterItem, listMatterSuggestions, linkMatterSuggestion and
 * dismissMatterSuggestion (a signed-in user or an API token; the commands of authoring/matter-linker.ts
 * decide who may). Documented in openapi-matter.ts.
 */
import { type Context, Hono } from "hono";
import { AgendaRefused } from "../../authoring/agenda-refusal.js";
import {
  matterCreator,
  matterItemLinker,
  matterItemUnlinker,
  matterPairLinker,
  matterSuggestionDismisser,
} from "../../authoring/matter-linker.js";
import {
  getMatter,
  listMatterSuggestions,
  type MatterSuggestion,
  type MatterTimelineEntry,
  type MatterView,
} from "../../store/index.js";
import { badRequest, notFound, PortalError } from "../http-error.js";
import { rowId } from "../request-params.js";
import { actorOf, jsonBody } from "./api-request.js";

/** A matter as the API shows it: its timeline, oldest first, with links to the items' pages. */
export function presentMatter(matter: MatterView, baseUrl: string) {
  return {
    id: matter.id,
    title: matter.title,
    url: `${baseUrl}/sag/${matter.id}`,
    modified: matter.modified.toISOString(),
    items: matter.items.map((i) => presentEntry(i, baseUrl)),
  };
}

function presentEntry(item: MatterTimelineEntry, baseUrl: string) {
  return {
    id: item.id,
    number: item.number,
    title: item.title,
    decision: item.decision,
    meetingId: item.meetingId,
    date: item.date,
    bodyId: item.bodyId,
    bodyName: item.bodyName,
    url: `${baseUrl}/punkt/${item.id}`,
  };
}

function presentSuggestion(s: MatterSuggestion) {
  const side = (i: MatterSuggestion["item"]) => ({
    id: i.id,
    number: i.number,
    title: i.title,
    meetingId: i.meetingId,
    date: i.date,
    bodyId: i.bodyId,
    bodyName: i.bodyName,
    matterIds: [...i.matterIds],
  });
  return { item: side(s.item), other: side(s.other), score: s.score, sameCaseNumber: s.sameCaseNumber };
}

function idField(body: Record<string, unknown>, name: string): number {
  const value = body[name];
  if (value === undefined || value === null) throw badRequest(`Feltet "${name}" mangler.`);
  if (!Number.isInteger(value) || (value as number) < 1 || (value as number) > 2_147_483_647) {
    throw badRequest(`Feltet "${name}" skal være et helt tal fra 1.`);
  }
  return value as number;
}

/** Runs a command; its refusal becomes the one HTTP error with the Danish line. */
async function command<T>(run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    if (!(error instanceof AgendaRefused)) throw error;
    throw new PortalError(error.code, error.message, { status: error.status, cause: error });
  }
}

async function matterOr404(c: Context, matterId: number) {
  const matter = await getMatter(c.get("db"), matterId, c.get("viewer"));
  if (!matter) throw notFound("Sagen");
  return presentMatter(matter, c.get("settings").publicBaseUrl);
}

export function matterApi(): Hono {
  const app = new Hono();

  app.get("/matters/:id", async (c) => c.json(await matterOr404(c, rowId(c.req.param("id")))));

  app.post("/matters", async (c) => {
    const props = actorOf(c);
    const body = await jsonBody(c);
    const title = body.title;
    if (title !== undefined && title !== null && typeof title !== "string") {
      throw badRequest('Feltet "title" skal være tekst.');
    }
    const { matterId } = await command(() =>
      matterCreator({
        ...props,
        itemId: idField(body, "itemId"),
        ...(typeof title === "string" ? { title } : {}),
      }),
    );
    return c.json(await matterOr404(c, matterId), 201);
  });

  app.post("/matters/:id/items", async (c) => {
    const props = actorOf(c);
    const matterId = rowId(c.req.param("id"));
    const itemId = idField(await jsonBody(c), "itemId");
    const { linked } = await command(() => matterItemLinker({ ...props, matterId, itemId }));
    return c.json({ linked, matter: await matterOr404(c, matterId) });
  });

  app.delete("/matters/:id/items/:itemId", async (c) => {
    const props = actorOf(c);
    const matterId = rowId(c.req.param("id"));
    const itemId = rowId(c.req.param("itemId"));
    const { matterDeleted } = await command(() => matterItemUnlinker({ ...props, matterId, itemId }));
    return c.json({ matterDeleted, matter: matterDeleted ? null : await matterOr404(c, matterId) });
  });

  app.get("/matter-suggestions", async (c) => {
    const { db, viewer } = actorOf(c);
    const limitText = c.req.query("limit");
    const limit = limitText === undefined ? 50 : Number(limitText);
    if (!Number.isInteger(limit) || limit < 1 || limit > 200) {
      throw badRequest("limit skal være et helt tal fra 1 til 200.");
    }
    const itemText = c.req.query("itemId");
    const itemIds = itemText === undefined ? undefined : [rowId(itemText)];
    const data = await listMatterSuggestions(db, viewer, { limit, ...(itemIds ? { itemIds } : {}) });
    return c.json({ data: data.map(presentSuggestion) });
  });

  app.post("/matter-suggestions/link", async (c) => {
    const props = actorOf(c);
    const body = await jsonBody(c);
    const pair = { itemId: idField(body, "itemId"), otherItemId: idField(body, "otherItemId") };
    const { matterId, created } = await command(() => matterPairLinker({ ...props, ...pair }));
    return c.json({ created, matter: await matterOr404(c, matterId) }, created ? 201 : 200);
  });

  app.post("/matter-suggestions/dismiss", async (c) => {
    const props = actorOf(c);
    const body = await jsonBody(c);
    const pair = { itemId: idField(body, "itemId"), otherItemId: idField(body, "otherItemId") };
    await command(() => matterSuggestionDismisser({ ...props, ...pair }));
    return c.json({ dismissed: true });
  });

  return app;
}
