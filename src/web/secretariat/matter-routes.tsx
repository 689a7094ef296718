/**
 * @module Routes of matters across meetings (issue 14): the public matter page /sag/{id} (with the
 * secretariat's forms when its secretariat looks), the secretariat's list /sekretariat/sager with the
 * suggestions, and the plain POST forms behind them (CSRF checked by the app's middleware), each through
 * a command of authoring/matter-linker.ts. Mounted once in app.tsx.
 */
import { type Context, Hono } from "hono";
import {
  matterCreator,
  matterItemLinker,
  matterItemUnlinker,
  matterPairLinker,
  matterSuggestionDismisser,
} from "../../authoring/matter-linker.js";
import { mayEditAgenda } from "../../domain/index.js";
import { getMatter, listMatterSuggestions, listMatters, type MatterView } from "../../store/index.js";
import { cachedHtml } from "../cached-page.js";
import type { FieldError } from "../components/form-parts.js";
import { badRequest, notFound } from "../http-error.js";
import { signedIn } from "../middleware/require-user.js";
import { MATTER_ITEM_FIELD, MatterPage } from "../pages/matter-page.js";
import { MATTER_TITLE_FIELD, MATTERS_PATH, MatterSuggestionsPage } from "../pages/matter-suggestions-page.js";
import { idParam } from "../pages/route-params.js";
import { formRefusal } from "./agenda-refusals.js";
import { commandProps, secretariatPageBasics, secretariatViewer } from "./secretariat-guard.js";

const NOTICES: Readonly<Record<string, string>> = {
  oprettet: "Sagen er oprettet.",
  samlet: "Punkterne er samlet i sagen.",
  afvist: "Forslaget er afvist og vises ikke igen.",
  tilfoejet: "Punktet er føjet til sagen.",
  "allerede-i-sagen": "Punktet hørte allerede til sagen; intet er ændret.",
  fjernet: "Punktet er fjernet fra sagen.",
  "sag-tom": "Punktet er fjernet, og sagen er slettet, da den ikke havde flere punkter.",
};

const ITEM_REF_ERROR = "Skriv punktets id (fx 42) eller adressen på punktets side (fx /punkt/42).";

/**
 * An item's id from what the secretariat typed: "42", "/punkt/42" or the page's whole address.
 * @example itemIdFrom("https://raadsinfo.dk/punkt/42") // 42
 */
export function itemIdFrom(value: unknown): number | null {
  if (typeof value !== "string") return null;
  const match = /^(?:\d+|(?:.*\/)?punkt\/(\d+)\/?(?:[?#].*)?)$/.exec(value.trim());
  if (!match) return null;
  const id = Number(match[1] ?? value.trim());
  return Number.isSafeInteger(id) && id > 0 && id < 2 ** 31 ? id : null;
}

function field(body: Record<string, unknown>, name: string): string {
  const value = body[name];
  return typeof value === "string" ? value : "";
}

/** The viewer may act on the matter: the secretariat of a body of one of its items, or an administrator. */
function editsMatter(c: Context, matter: MatterView): boolean {
  const viewer = c.get("viewer");
  return matter.items.some((i) => mayEditAgenda(viewer, i.bodyId));
}

async function showMatter(
  c: Context,
  matterId: number,
  options: { readonly errors?: readonly FieldError[]; readonly itemValue?: string } = {},
  status: 200 | 409 | 422 = 200,
) {
  // Public for a visitor (the replica); a secretary after an edit is signed in and reads the primary.
  const db = c.get("readDb");
  const viewer = c.get("viewer");
  const matter = await getMatter(db, matterId, viewer);
  if (!matter) throw notFound("Sagen");
  const settings = c.get("settings");
  if (!editsMatter(c, matter)) {
    return cachedHtml(
      c,
      <MatterPage
        matter={matter}
        siteName={settings.siteName}
        publicBaseUrl={settings.publicBaseUrl}
        secretariat={null}
      />,
    );
  }
  const inMatter = new Set(matter.items.map((i) => i.id));
  const suggestions = (await listMatterSuggestions(db, viewer, { itemIds: [...inMatter], limit: 20 })).filter(
    (s) => inMatter.has(s.item.id) !== inMatter.has(s.other.id),
  );
  const { csrfToken } = secretariatPageBasics(c);
  return c.html(
    <MatterPage
      matter={matter}
      siteName={settings.siteName}
      publicBaseUrl={settings.publicBaseUrl}
      secretariat={{
        csrfToken,
        suggestions,
        notice: NOTICES[c.req.query("besked") ?? ""] ?? null,
        errors: options.errors ?? [],
        itemValue: options.itemValue ?? "",
      }}
    />,
    status,
  );
}

async function showList(
  c: Context,
  options: {
    readonly errors?: readonly FieldError[];
    readonly values?: { item: string; title: string };
  } = {},
  status: 200 | 409 | 422 = 200,
) {
  const db = c.get("db");
  const viewer = c.get("viewer");
  const [suggestions, matters] = await Promise.all([
    listMatterSuggestions(db, viewer, { limit: 50 }),
    listMatters(db, viewer),
  ]);
  const { csrfToken, siteName } = secretariatPageBasics(c);
  return c.html(
    <MatterSuggestionsPage
      siteName={siteName}
      csrfToken={csrfToken}
      suggestions={suggestions}
      matters={matters}
      notice={NOTICES[c.req.query("besked") ?? ""] ?? null}
      errors={options.errors ?? []}
      values={options.values ?? { item: "", title: "" }}
    />,
    status,
  );
}

/** Where a suggestion's buttons send the viewer back: the list or a matter page, nothing else. */
function backTo(value: string): string {
  return /^\/sag\/\d+$/.test(value) ? value : MATTERS_PATH;
}

export function matterRoutes(): Hono {
  const app = new Hono();
  for (const path of [MATTERS_PATH, `${MATTERS_PATH}/*`]) app.use(path, signedIn(), secretariatViewer());
  app.use("/sag/:id/punkter/*", signedIn(), secretariatViewer());
  app.use("/sag/:id/punkter", signedIn(), secretariatViewer());

  app.get("/sag/:id", (c) => showMatter(c, idParam(c)));

  app.post("/sag/:id/punkter", async function matterLink(c) {
    const matterId = idParam(c);
    const value = field(await c.req.parseBody(), MATTER_ITEM_FIELD);
    const itemId = itemIdFrom(value);
    if (itemId === null) {
      return showMatter(
        c,
        matterId,
        { errors: [{ field: MATTER_ITEM_FIELD, message: ITEM_REF_ERROR }], itemValue: value },
        422,
      );
    }
    try {
      const { linked } = await matterItemLinker({ ...commandProps(c), matterId, itemId });
      return c.redirect(`/sag/${matterId}?besked=${linked ? "tilfoejet" : "allerede-i-sagen"}`, 303);
    } catch (error) {
      const refusal = formRefusal(c, error);
      return showMatter(
        c,
        matterId,
        { errors: [{ field: MATTER_ITEM_FIELD, message: refusal.message }], itemValue: value },
        422,
      );
    }
  });

  app.post("/sag/:id/punkter/:itemId/fjern", async function matterUnlink(c) {
    const matterId = idParam(c);
    const itemId = itemIdFrom(c.req.param("itemId"));
    if (itemId === null) throw badRequest("Formularen sagde ikke, hvilket punkt der skal fjernes.");
    try {
      const { matterDeleted } = await matterItemUnlinker({ ...commandProps(c), matterId, itemId });
      return c.redirect(
        matterDeleted ? `${MATTERS_PATH}?besked=sag-tom` : `/sag/${matterId}?besked=fjernet`,
        303,
      );
    } catch (error) {
      const refusal = formRefusal(c, error);
      return showMatter(c, matterId, { errors: [{ field: null, message: refusal.message }] }, 422);
    }
  });

  app.get(MATTERS_PATH, (c) => showList(c));

  app.post(`${MATTERS_PATH}/ny`, async function matterCreate(c) {
    const body = await c.req.parseBody();
    const values = { item: field(body, MATTER_ITEM_FIELD), title: field(body, MATTER_TITLE_FIELD) };
    const itemId = itemIdFrom(values.item);
    if (itemId === null)
      return showList(c, { errors: [{ field: MATTER_ITEM_FIELD, message: ITEM_REF_ERROR }], values }, 422);
    try {
      const { matterId } = await matterCreator({ ...commandProps(c), itemId, title: values.title });
      return c.redirect(`/sag/${matterId}?besked=oprettet`, 303);
    } catch (error) {
      const refusal = formRefusal(c, error);
      const where = /titel/i.test(refusal.message) ? MATTER_TITLE_FIELD : MATTER_ITEM_FIELD;
      return showList(c, { errors: [{ field: where, message: refusal.message }], values }, 422);
    }
  });

  for (const [path, answer] of [
    ["saml", "link"],
    ["afvis", "dismiss"],
  ] as const) {
    app.post(`${MATTERS_PATH}/forslag/${path}`, async function matterSuggestionAnswer(c) {
      const body = await c.req.parseBody();
      const itemId = itemIdFrom(field(body, "punkt"));
      const otherItemId = itemIdFrom(field(body, "andet"));
      if (itemId === null || otherItemId === null)
        throw badRequest("Formularen sagde ikke, hvilke punkter det gælder.");
      const back = backTo(field(body, "tilbage"));
      try {
        if (answer === "link") {
          const { matterId } = await matterPairLinker({ ...commandProps(c), itemId, otherItemId });
          return c.redirect(`/sag/${matterId}?besked=samlet`, 303);
        }
        await matterSuggestionDismisser({ ...commandProps(c), itemId, otherItemId });
        return c.redirect(`${back}?besked=afvist`, 303);
      } catch (error) {
        const refusal = formRefusal(c, error);
        return showList(
          c,
          { errors: [{ field: null, message: refusal.message }] },
          refusal.status === 409 ? 409 : 422,
        );
      }
    });
  }

  return app;
}
