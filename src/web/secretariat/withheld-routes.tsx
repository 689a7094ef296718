/**
 * @module /sekretariat/tilbageholdt, the secretariat's list of what is withheld from the public, with
 * release (POST …/frigiv) and replace with a redacted copy (POST …/bilag/{id}/erstat, multipart). For a
 * signed-in sekretariat user (their bodies) or an administrator (all, and what belongs to no body); the
 * public is sent to /log-ind, everyone else gets 403. Who may release what is domain's mayRelease, asked
 * by the commands.
 */
import { type Context, Hono } from "hono";
import { fileRedactor, RedactionRefused } from "../../authoring/file-redactor.js";
import { ReleaseRefused, withheldReleaser } from "../../authoring/withheld-releaser.js";
import { listWithheldGroups } from "../../store/index.js";
import type { FieldError } from "../components/form-parts.js";
import { wantsJson } from "../error-pages.js";
import { badRequest, forbidden, PortalError, portalError } from "../http-error.js";
import { signedIn } from "../middleware/require-user.js";
import { idParam } from "../pages/route-params.js";
import {
  COPY_FIELD,
  THING_FIELD,
  thingFromValue,
  WITHHELD_PATH,
  WithheldPage,
} from "../pages/withheld-page.js";

/** The notices a redirect after a form names by ?besked=. */
const NOTICES: Readonly<Record<string, string>> = {
  frigivet: "Frigivet. Offentligheden kan nu se det, også i søgningen.",
  "frigivet-med-bilag":
    "Frigivet, sammen med bilag tilbageholdt af samme grund. Offentligheden kan nu se dem, også i søgningen.",
  "ikke-tilbageholdt": "Det var ikke tilbageholdt (længere); intet er ændret.",
  erstattet: "Bilaget er erstattet med den anonymiserede kopi. Offentligheden kan nu læse og søge i den.",
  "erstattet-stadig-tilbageholdt":
    "Bilaget er erstattet med den anonymiserede kopi, men er stadig tilbageholdt af en anden grund.",
  uaendret: "Bilaget er allerede denne kopi; intet er ændret.",
};

/** Signed in as sekretariat of some body, or administrator; the public was sent to /log-ind already. */
function secretariatOnly() {
  return async function secretariatOnlyMiddleware(c: Context, next: () => Promise<void>) {
    const viewer = c.get("viewer");
    if (viewer.kind !== "administrator" && !(viewer.kind === "user" && viewer.secretariatOf.length > 0)) {
      throw forbidden("Siden er kun for sekretariatet og administratorer.");
    }
    await next();
  };
}

function actorOf(c: Context) {
  return { userId: c.get("user")?.id ?? null, tokenId: c.get("apiTokenId") };
}

async function showList(
  c: Context,
  options: { readonly notice?: string | null; readonly errors?: readonly FieldError[] } = {},
  status: 200 | 403 | 404 | 409 | 413 | 422 = 200,
) {
  const viewer = c.get("viewer");
  const bodies = viewer.kind === "administrator" ? "all" : viewer.kind === "user" ? viewer.secretariatOf : [];
  const groups = await listWithheldGroups(c.get("db"), { bodies });
  c.header("Cache-Control", "private, no-store");
  return c.html(
    <WithheldPage
      groups={groups}
      csrfToken={c.get("csrfToken")()}
      siteName={c.get("settings").siteName}
      notice={options.notice ?? null}
      errors={options.errors ?? []}
    />,
    status,
  );
}

export function withheldRoutes(): Hono {
  const app = new Hono();
  for (const path of [WITHHELD_PATH, `${WITHHELD_PATH}/*`]) app.use(path, signedIn(), secretariatOnly());

  app.get(WITHHELD_PATH, function withheldList(c) {
    return showList(c, { notice: NOTICES[c.req.query("besked") ?? ""] ?? null });
  });

  app.post(`${WITHHELD_PATH}/frigiv`, async function withheldRelease(c) {
    const body = await c.req.parseBody();
    const value = body[THING_FIELD];
    const thing = typeof value === "string" ? thingFromValue(value) : null;
    if (!thing) throw badRequest("Formularen sagde ikke, hvad der skal frigives.");
    let result: Awaited<ReturnType<typeof withheldReleaser>>;
    try {
      result = await withheldReleaser({ db: c.get("db"), viewer: c.get("viewer"), actor: actorOf(c), thing });
    } catch (error) {
      if (!(error instanceof ReleaseRefused)) throw error;
      throw error.code === "not-found"
        ? portalError("not-found", "Det, der skulle frigives, findes ikke.")
        : forbidden("Kun organets sekretariat eller en administrator må frigive det.");
    }
    const notice = !result.released
      ? "ikke-tilbageholdt"
      : result.files.length + result.pages.length > 0
        ? "frigivet-med-bilag"
        : "frigivet";
    if (wantsJson(c)) return c.json({ released: result.released, files: result.files, pages: result.pages });
    return c.redirect(`${WITHHELD_PATH}?besked=${notice}`, 303);
  });

  app.post(`${WITHHELD_PATH}/bilag/:id/erstat`, async function withheldReplace(c) {
    const fileId = idParam(c);
    // The app's CSRF check has parsed the body already (Hono caches it); the copy's size is bounded by
    // fileRedactor as import bounds a file. A route-level bodyLimit here would come after that parse.
    const body = await c.req.parseBody();
    const upload = body[COPY_FIELD];
    if (!(upload instanceof File) || upload.size === 0) {
      const errors = [{ field: null, message: "Vælg den anonymiserede kopi, der skal erstatte bilaget." }];
      if (wantsJson(c)) throw portalError("unprocessable", errors[0]?.message ?? "");
      return showList(c, { errors }, 422);
    }
    try {
      const { unchanged, replaced } = await fileRedactor({
        db: c.get("db"),
        viewer: c.get("viewer"),
        actor: actorOf(c),
        fileId,
        copy: { fileName: upload.name || "kopi", bytes: new Uint8Array(await upload.arrayBuffer()) },
      });
      const notice = unchanged
        ? "uaendret"
        : replaced?.after.withheld === null
          ? "erstattet"
          : "erstattet-stadig-tilbageholdt";
      if (wantsJson(c)) return c.json({ unchanged, before: replaced?.before, after: replaced?.after });
      return c.redirect(`${WITHHELD_PATH}?besked=${notice}`, 303);
    } catch (error) {
      if (!(error instanceof RedactionRefused)) throw error;
      if (error.status === 403 || error.status === 404 || wantsJson(c)) {
        throw new PortalError(error.code, error.message, { status: error.status, cause: error });
      }
      return showList(c, { errors: [{ field: null, message: error.message }] }, error.status);
    }
  });

  return app;
}
