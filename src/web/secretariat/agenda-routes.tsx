/**
 * @module The agenda builder's meeting routes (issue 13), below /sekretariat/moede/{id}: the builder page,
 * starting the agenda from the template, the new-item form and adding an item (or an offer from an earlier
 * meeting), rendering the PDFs as jobs with their status as JSON for the progress script, the internal
 * PDFs, review copies and "Udsend dagsorden". Handlers validate, call authoring's commands, redirect.
 */
import { type Context, Hono } from "hono";
import { meetingFor } from "../../authoring/agenda-command.js";
import { agendaDrafter, agendaOffers } from "../../authoring/agenda-drafter.js";
import { agendaItemCreator } from "../../authoring/agenda-item-creator.js";
import { agendaReviewSender, agendaSender } from "../../authoring/agenda-sender.js";
import { type CarryOverOffer, indstillingPhrase } from "../../domain/index.js";
import {
  agendaDraft,
  agendaRenderingPdf,
  agendaVersions,
  bodyMemberRecipients,
  type DraftMeeting,
  reviewCopies,
} from "../../store/index.js";
import type { FieldError } from "../components/form-parts.js";
import { wantsJson } from "../error-pages.js";
import { notFound } from "../http-error.js";
import { AgendaBuilderPage, meetingPaths } from "../pages/agenda-builder-page.js";
import { AgendaItemPage, EMPTY_ITEM_VALUES, type ItemFormValues } from "../pages/agenda-item-page.js";
import { renderLineText } from "../pages/agenda-render-progress.js";
import { idParam } from "../pages/route-params.js";
import { asPortalError, formRefusal, type RefusedStatus, refusalErrors } from "./agenda-refusals.js";
import { itemFormInput, itemValuesOfForm, PHRASE_ENDINGS } from "./item-form.js";
import { queuedMailer } from "./queued-mailer.js";
import { enqueueRenders, renderLines } from "./render-lines.js";
import { commandProps, secretariatPageBasics } from "./secretariat-guard.js";

/** The notices a redirect names by ?besked=. */
const NOTICES: Readonly<Record<string, string>> = {
  oprettet: "Dagsordenen er oprettet fra skabelonen.",
  tilfoejet: "Punktet er tilføjet.",
  gemt: "Punktet er gemt.",
  flyttet: "Punktet er flyttet, og punkterne er nummereret igen.",
  fjernet: "Punktet er fjernet, og punkterne er nummereret igen.",
  dannes: "Dagsorden og bilagspakke dannes. Se fremdriften nedenfor.",
  gennemlaesning: "Udkastet er sendt til gennemlæsning.",
  udsendt: "Dagsordenen er udsendt: den er offentlig på portalen, og medlemmerne får en mail.",
  tillaeg: "Tillægget til dagsordenen er udsendt med ændringsnoten.",
  "afsnit-tilfoejet": "Afsnittet er tilføjet, og punkterne er nummereret igen.",
  "afsnit-omdoebt": "Afsnittet har fået ny titel.",
  "afsnit-fjernet": "Afsnittet er fjernet, og punkterne er nummereret igen.",
};

/** The standard phrases for Indstilling of a body. */
export function indstillingPhrases(bodyName: string): string[] {
  return PHRASE_ENDINGS.map((rest) => indstillingPhrase(bodyName, rest));
}

/** The meeting, when the viewer may work on its agenda; the portal's 404 or 403 otherwise. */
export async function meetingOf(c: Context, meetingId: number): Promise<DraftMeeting> {
  try {
    return await meetingFor(c.get("db"), c.get("viewer"), meetingId, null);
  } catch (error) {
    return asPortalError(error);
  }
}

/** Renders the builder of a meeting; with errors it answers a refused form. */
export async function showBuilder(
  c: Context,
  meetingId: number,
  options: { readonly notice?: string | null; readonly errors?: readonly FieldError[] } = {},
  status: 200 | RefusedStatus = 200,
) {
  const db = c.get("db");
  const meeting = await meetingOf(c, meetingId);
  const [draft, offers, members, reviews, versions] = await Promise.all([
    meeting.phase === "planned" ? null : agendaDraft(db, meetingId),
    meeting.phase === "planned" || meeting.phase === "agenda-draft"
      ? agendaOffers({ db, viewer: c.get("viewer"), meetingId })
      : ([] as CarryOverOffer[]),
    bodyMemberRecipients(db, meeting.bodyId),
    reviewCopies(db, meetingId),
    agendaVersions(db, meetingId),
  ]);
  const renders = await renderLines(db, meetingId);
  const basics = secretariatPageBasics(c);
  return c.html(
    <AgendaBuilderPage
      meeting={meeting}
      draft={draft ?? null}
      offers={offers}
      members={members}
      reviews={reviews}
      versions={versions}
      renders={renders}
      {...basics}
      notice={options.notice ?? null}
      errors={options.errors ?? []}
    />,
    status,
  );
}

/** The builder again with the refusal of a form on it; anything else rethrown. */
export function builderRefusal(c: Context, meetingId: number, error: unknown) {
  const refusal = formRefusal(c, error);
  return showBuilder(c, meetingId, { errors: refusalErrors(refusal) }, refusal.status as RefusedStatus);
}

/** The new-item form; with errors it answers a refused add. */
async function showNewItem(
  c: Context,
  meeting: DraftMeeting,
  sectionId: number | null,
  values: ItemFormValues,
  errors: readonly FieldError[] = [],
  status: 200 | RefusedStatus = 200,
) {
  const draft = await agendaDraft(c.get("db"), meeting.id);
  if (!draft || meeting.phase === "planned") throw notFound("Dagsordenen");
  const basics = secretariatPageBasics(c);
  return c.html(
    <AgendaItemPage
      meeting={meeting}
      item={null}
      sections={draft.sections.map((s) => ({ id: s.id, number: s.number, title: s.title }))}
      sectionId={sectionId}
      values={values}
      phrases={indstillingPhrases(meeting.bodyName)}
      {...basics}
      errors={errors}
    />,
    status,
  );
}

/** Where an offer taken from the builder goes: the first ordinary section after the first. */
function offerSection(draft: NonNullable<Awaited<ReturnType<typeof agendaDraft>>>): number | undefined {
  const regular = draft.sections.filter((s) => s.purpose === "regular");
  return (regular[1] ?? regular[0] ?? draft.sections[0])?.id;
}

export function agendaRoutes(): Hono {
  const app = new Hono();
  const base = "/sekretariat/moede/:id";

  app.get(`${base}/dagsorden`, function agendaBuilder(c) {
    return showBuilder(c, idParam(c), { notice: NOTICES[c.req.query("besked") ?? ""] ?? null });
  });

  app.post(`${base}/dagsorden`, async function agendaStart(c) {
    const meetingId = idParam(c);
    const body = await c.req.parseBody({ all: true });
    const accept = [body.tilbud ?? []].flat().filter((v): v is string => typeof v === "string");
    try {
      await agendaDrafter({ ...commandProps(c), meetingId, accept });
    } catch (error) {
      return builderRefusal(c, meetingId, error);
    }
    return c.redirect(`${meetingPaths(meetingId).builder}?besked=oprettet`, 303);
  });

  app.get(`${base}/punkt/nyt`, async function newItemForm(c) {
    const meeting = await meetingOf(c, idParam(c));
    const sectionId = Number(c.req.query("afsnit"));
    return showNewItem(c, meeting, Number.isSafeInteger(sectionId) ? sectionId : null, EMPTY_ITEM_VALUES);
  });

  app.post(`${base}/punkter`, async function itemCreate(c) {
    const meetingId = idParam(c);
    const meeting = await meetingOf(c, meetingId);
    const body = await c.req.parseBody();
    const field = (name: string) => (typeof body[name] === "string" ? (body[name] as string) : "");
    const offer = field("tilbud");
    if (offer) {
      const draft = await agendaDraft(c.get("db"), meetingId);
      const sectionId = draft ? offerSection(draft) : undefined;
      try {
        if (sectionId === undefined) throw notFound("Dagsordenen");
        const item = await agendaItemCreator({
          ...commandProps(c),
          meetingId,
          sectionId,
          item: {},
          carriedFrom: offer,
        });
        return c.redirect(`${meetingPaths(meetingId).builder}?besked=tilfoejet#punkt-${item.id}`, 303);
      } catch (error) {
        return builderRefusal(c, meetingId, error);
      }
    }
    const sectionId = Number(field("afsnit"));
    const phrases = indstillingPhrases(meeting.bodyName);
    const values = itemValuesOfForm(field, phrases);
    try {
      const item = await agendaItemCreator({
        ...commandProps(c),
        meetingId,
        sectionId: Number.isSafeInteger(sectionId) ? sectionId : 0,
        item: itemFormInput(values),
      });
      if (wantsJson(c)) return c.json({ id: item.id, number: item.number, revision: item.revision }, 201);
      return c.redirect(`${meetingPaths(meetingId).builder}?besked=tilfoejet#punkt-${item.id}`, 303);
    } catch (error) {
      const refusal = formRefusal(c, error);
      return showNewItem(
        c,
        meeting,
        sectionId,
        values,
        refusalErrors(refusal),
        refusal.status as RefusedStatus,
      );
    }
  });

  app.post(`${base}/dan`, async function renderStart(c) {
    const meetingId = idParam(c);
    const meeting = await meetingOf(c, meetingId);
    if (meeting.phase === "planned") throw notFound("Dagsordenen");
    await enqueueRenders(c.get("db"), meetingId, ["internal"]);
    return c.redirect(`${meetingPaths(meetingId).builder}?besked=dannes#pdf`, 303);
  });

  app.get(`${base}/dan/status`, async function renderStatus(c) {
    const meetingId = idParam(c);
    await meetingOf(c, meetingId);
    const lines = await renderLines(c.get("db"), meetingId);
    c.header("Cache-Control", "private, no-store");
    return c.json({
      busy: lines.some((l) => l.job?.state === "queued" || l.job?.state === "running"),
      lines: lines.map((l) => ({
        kind: l.kind,
        text: renderLineText(l),
        state: l.job?.state ?? null,
        done: l.job?.progress?.done ?? null,
        total: l.job?.progress?.total ?? null,
      })),
    });
  });

  for (const [path, kind] of [
    ["dagsorden.pdf", "agenda"],
    ["bilagspakke.pdf", "annex-pack"],
  ] as const) {
    app.get(`${base}/${path}`, async function internalPdf(c) {
      const meeting = await meetingOf(c, idParam(c));
      const rendering = await agendaRenderingPdf(c.get("db"), meeting.id, kind, "internal");
      if (!rendering) throw notFound(kind === "agenda" ? "Dagsordenens PDF" : "Bilagspakken");
      const name = `${kind === "agenda" ? "dagsorden" : "bilagspakke"}-${meeting.date}.pdf`;
      return c.body(rendering.pdf as Uint8Array<ArrayBuffer>, 200, {
        "Content-Type": "application/pdf",
        "Content-Disposition": `inline; filename="${name}"`,
        "Cache-Control": "private, no-store",
      });
    });
  }

  app.post(`${base}/gennemlaesning`, async function reviewSend(c) {
    const meetingId = idParam(c);
    const body = await c.req.parseBody({ all: true });
    const userIds = [body.modtager ?? []]
      .flat()
      .map((v) => Number(v))
      .filter((n) => Number.isSafeInteger(n) && n > 0);
    try {
      await agendaReviewSender({
        ...commandProps(c),
        meetingId,
        userIds,
        mailer: queuedMailer(c.get("db")),
        baseUrl: c.get("settings").publicBaseUrl,
      });
    } catch (error) {
      return builderRefusal(c, meetingId, error);
    }
    return c.redirect(`${meetingPaths(meetingId).builder}?besked=gennemlaesning#gennemlaesning`, 303);
  });

  app.post(`${base}/udsend`, async function agendaSend(c) {
    const meetingId = idParam(c);
    const meeting = await meetingOf(c, meetingId);
    const body = await c.req.parseBody();
    const note = typeof body.aendringsnote === "string" ? body.aendringsnote.trim() : "";
    if (meeting.versions > 0 && note === "") {
      const errors = [
        { field: "aendringsnote", message: "Skriv en ændringsnote: hvad er ændret siden sidst?" },
      ];
      return showBuilder(c, meetingId, { errors }, 422);
    }
    let sent: Awaited<ReturnType<typeof agendaSender>>;
    try {
      sent = await agendaSender({
        ...commandProps(c),
        meetingId,
        changeNote: note || null,
        mailer: queuedMailer(c.get("db")),
        baseUrl: c.get("settings").publicBaseUrl,
      });
    } catch (error) {
      return builderRefusal(c, meetingId, error);
    }
    await enqueueRenders(c.get("db"), meetingId, ["internal", "public"]);
    if (wantsJson(c)) return c.json(sent);
    return c.redirect(
      `${meetingPaths(meetingId).builder}?besked=${sent.versionNumber > 1 ? "tillaeg" : "udsendt"}`,
      303,
    );
  });

  return app;
}
