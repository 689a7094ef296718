/**
 * @module The agenda builder's item routes (issue 13), below /sekretariat/punkt/{id}: the item's form and
 * its save (a stale save answers 409 with both versions), move (within or between sections), remove, and
 * annex upload (multipart; the app's CSRF check has parsed the body, bounded as import bounds a file).
 */
import { type Context, Hono } from "hono";
import { itemFor } from "../../authoring/agenda-command.js";
import { agendaItemEditor } from "../../authoring/agenda-item-editor.js";
import { agendaItemMover } from "../../authoring/agenda-item-mover.js";
import { agendaItemRemover } from "../../authoring/agenda-item-remover.js";
import { annexUploader } from "../../authoring/annex-uploader.js";
import { agendaDraft, type DraftItem, type DraftMeeting } from "../../store/index.js";
import type { FieldError } from "../components/form-parts.js";
import { wantsJson } from "../error-pages.js";
import { badRequest } from "../http-error.js";
import { itemPaths, meetingPaths } from "../pages/agenda-builder-page.js";
import { AgendaItemPage, type ItemFormValues, itemFormValues } from "../pages/agenda-item-page.js";
import { idParam } from "../pages/route-params.js";
import { asPortalError, formRefusal, type RefusedStatus, refusalErrors } from "./agenda-refusals.js";
import { builderRefusal, indstillingPhrases } from "./agenda-routes.js";
import { itemFormInput, itemValuesOfForm } from "./item-form.js";
import { commandProps, secretariatPageBasics } from "./secretariat-guard.js";

const NOTICES: Readonly<Record<string, string>> = {
  bilag: "Bilaget er uploadet.",
  "bilag-gemt": "Bilagets titel er gemt.",
  "bilag-flyttet": "Bilaget er flyttet, og bilagene er nummereret igen.",
  "bilag-fjernet": "Bilaget er fjernet, og bilagene er nummereret igen.",
  gemt: "Punktet er gemt.",
};

/** The item with its meeting, when the viewer may edit it now; the portal's 404/403/409 otherwise. */
async function itemOf(c: Context, itemId: number): Promise<DraftItem & { readonly meeting: DraftMeeting }> {
  try {
    return await itemFor(c.get("db"), c.get("viewer"), itemId);
  } catch (error) {
    return asPortalError(error);
  }
}

export async function showItem(
  c: Context,
  item: DraftItem & { readonly meeting: DraftMeeting },
  options: {
    readonly values?: ItemFormValues;
    readonly conflict?: DraftItem | null;
    readonly notice?: string | null;
    readonly errors?: readonly FieldError[];
  } = {},
  status: 200 | RefusedStatus = 200,
) {
  const basics = secretariatPageBasics(c);
  return c.html(
    <AgendaItemPage
      meeting={item.meeting}
      item={item}
      sections={[]}
      sectionId={item.sectionId}
      values={options.values ?? itemFormValues(item)}
      phrases={indstillingPhrases(item.meeting.bodyName)}
      conflict={options.conflict ?? null}
      {...basics}
      notice={options.notice ?? null}
      errors={options.errors ?? []}
    />,
    status,
  );
}

export function agendaItemRoutes(): Hono {
  const app = new Hono();
  const base = "/sekretariat/punkt/:id";

  app.get(base, async function itemForm(c) {
    const item = await itemOf(c, idParam(c));
    return showItem(c, item, { notice: NOTICES[c.req.query("besked") ?? ""] ?? null });
  });

  app.post(base, async function itemSave(c) {
    const item = await itemOf(c, idParam(c));
    const body = await c.req.parseBody();
    const field = (name: string) => (typeof body[name] === "string" ? (body[name] as string) : "");
    const values = itemValuesOfForm(field, indstillingPhrases(item.meeting.bodyName));
    const revision = Number(field("revision"));
    try {
      const saved = await agendaItemEditor({
        ...commandProps(c),
        itemId: item.id,
        revision,
        changes: itemFormInput(values),
      });
      if (wantsJson(c)) return c.json({ id: saved.id, number: saved.number, revision: saved.revision });
      return c.redirect(`${meetingPaths(item.meetingId).builder}?besked=gemt#punkt-${item.id}`, 303);
    } catch (error) {
      const refusal = formRefusal(c, error);
      if (refusal.code === "stale-revision") {
        const current = refusal.current ?? item;
        return showItem(
          c,
          { ...current, meeting: item.meeting },
          { values, conflict: current, errors: [{ field: null, message: refusal.message }] },
          409,
        );
      }
      return showItem(c, item, { values, errors: refusalErrors(refusal) }, refusal.status as RefusedStatus);
    }
  });

  app.post(`${base}/flyt`, async function itemMove(c) {
    const item = await itemOf(c, idParam(c));
    const body = await c.req.parseBody();
    const sectionId = Number(body.afsnit);
    if (!Number.isSafeInteger(sectionId))
      throw badRequest("Formularen sagde ikke, hvilket afsnit punktet skal til.");
    let position = Number(body.plads);
    if (body.plads === undefined || !Number.isSafeInteger(position)) {
      // To another section without a place: at its end.
      const draft = await agendaDraft(c.get("db"), item.meetingId);
      position = draft?.sections.find((s) => s.id === sectionId)?.items.length ?? 0;
    }
    try {
      await agendaItemMover({ ...commandProps(c), itemId: item.id, sectionId, position });
    } catch (error) {
      return builderRefusal(c, item.meetingId, error);
    }
    return c.redirect(`${meetingPaths(item.meetingId).builder}?besked=flyttet#punkt-${item.id}`, 303);
  });

  app.post(`${base}/fjern`, async function itemRemove(c) {
    const item = await itemOf(c, idParam(c));
    try {
      await agendaItemRemover({ ...commandProps(c), itemId: item.id });
    } catch (error) {
      return builderRefusal(c, item.meetingId, error);
    }
    return c.redirect(`${meetingPaths(item.meetingId).builder}?besked=fjernet`, 303);
  });

  app.post(`${base}/bilag`, async function annexUpload(c) {
    const item = await itemOf(c, idParam(c));
    // Parsed (and bounded) already by the app's CSRF check; Hono caches the body.
    const body = await c.req.parseBody();
    const upload = body.fil;
    const title = typeof body.bilagstitel === "string" ? body.bilagstitel : "";
    if (!(upload instanceof File) || upload.size === 0) {
      return showItem(
        c,
        item,
        { errors: [{ field: "bilagsfil", message: "Vælg filen, der skal være bilag." }] },
        422,
      );
    }
    try {
      const annex = await annexUploader({
        ...commandProps(c),
        itemId: item.id,
        upload: { fileName: upload.name || "bilag", bytes: new Uint8Array(await upload.arrayBuffer()) },
        title,
      });
      if (wantsJson(c))
        return c.json({ id: annex.id, number: annex.position, cprPages: annex.cprPages }, 201);
    } catch (error) {
      const refusal = formRefusal(c, error);
      return showItem(c, item, { errors: refusalErrors(refusal) }, refusal.status as RefusedStatus);
    }
    return c.redirect(`${itemPaths(item.id).edit}?besked=bilag#bilag`, 303);
  });

  return app;
}
