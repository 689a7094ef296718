/**
 * @module Routes of near-duplicate persons (issue 16): the secretariat's list /sekretariat/personer/dubletter
 * and the plain POST forms behind it (CSRF checked by the app's middleware), each through a command of
 * authoring/person-merger.ts, which asks domain who may. Mounted once in app.tsx.
 */
import { type Context, Hono } from "hono";
import { personDuplicateDismisser, personMerger } from "../../authoring/person-merger.js";
import { listPersonDuplicates } from "../../store/index.js";
import type { FieldError } from "../components/form-parts.js";
import { badRequest } from "../http-error.js";
import { signedIn } from "../middleware/require-user.js";
import {
  DISMISS_PATH,
  KEEP_FIELD,
  MERGE_PATH,
  OTHER_PERSON_FIELD,
  PERSON_DUPLICATES_PATH,
  PERSON_FIELD,
  PersonDuplicatesPage,
} from "../pages/person-duplicates-page.js";
import { formRefusal } from "./agenda-refusals.js";
import { commandProps, secretariatPageBasics, secretariatViewer } from "./secretariat-guard.js";

const NOTICES: Readonly<Record<string, string>> = {
  samlet: "Personerne er slået sammen. Det andet navn er gemt, så en senere import finder samme person.",
  afvist: "Forslaget er afvist og vises ikke igen.",
};

/** A person id from a form field; null for anything else. */
function personIdFrom(value: unknown): number | null {
  if (typeof value !== "string" || !/^\d{1,10}$/.test(value.trim())) return null;
  const id = Number(value.trim());
  return id > 0 && id < 2 ** 31 ? id : null;
}

async function showList(c: Context, errors: readonly FieldError[] = [], status: 200 | 409 | 422 = 200) {
  const suggestions = await listPersonDuplicates(c.get("db"), c.get("viewer"));
  const { csrfToken, siteName } = secretariatPageBasics(c);
  return c.html(
    <PersonDuplicatesPage
      siteName={siteName}
      csrfToken={csrfToken}
      suggestions={suggestions}
      notice={NOTICES[c.req.query("besked") ?? ""] ?? null}
      errors={errors}
    />,
    status,
  );
}

export function personDuplicateRoutes(): Hono {
  const app = new Hono();
  for (const path of [PERSON_DUPLICATES_PATH, `${PERSON_DUPLICATES_PATH}/*`]) {
    app.use(path, signedIn(), secretariatViewer());
  }

  app.get(PERSON_DUPLICATES_PATH, (c) => showList(c));

  app.post(MERGE_PATH, async function personMerge(c) {
    const body = await c.req.parseBody();
    const personId = personIdFrom(body[PERSON_FIELD]);
    const otherPersonId = personIdFrom(body[OTHER_PERSON_FIELD]);
    const keptId = personIdFrom(body[KEEP_FIELD]);
    if (personId === null || otherPersonId === null) {
      throw badRequest("Formularen sagde ikke, hvilke personer det gælder.");
    }
    if (keptId === null || (keptId !== personId && keptId !== otherPersonId)) {
      return showList(c, [{ field: null, message: "Vælg, hvilket af de to navne der skal beholdes." }], 422);
    }
    const removedId = keptId === personId ? otherPersonId : personId;
    try {
      await personMerger({ ...commandProps(c), keptId, removedId });
      return c.redirect(`${PERSON_DUPLICATES_PATH}?besked=samlet`, 303);
    } catch (error) {
      const refusal = formRefusal(c, error);
      return showList(c, [{ field: null, message: refusal.message }], refusal.status === 409 ? 409 : 422);
    }
  });

  app.post(DISMISS_PATH, async function personDuplicateDismiss(c) {
    const body = await c.req.parseBody();
    const personId = personIdFrom(body[PERSON_FIELD]);
    const otherPersonId = personIdFrom(body[OTHER_PERSON_FIELD]);
    if (personId === null || otherPersonId === null) {
      throw badRequest("Formularen sagde ikke, hvilke personer det gælder.");
    }
    try {
      await personDuplicateDismisser({ ...commandProps(c), personId, otherPersonId });
      return c.redirect(`${PERSON_DUPLICATES_PATH}?besked=afvist`, 303);
    } catch (error) {
      const refusal = formRefusal(c, error);
      return showList(c, [{ field: null, message: refusal.message }], refusal.status === 409 ? 409 : 422);
    }
  });

  return app;
}
