/**
 * @module A body's agenda template (issue 13): GET shows it as a form, POST saves it through authoring's
 * templateEditor. A standing item keeps the Indstilling it had (by title); a new one starts without.
 */
import { type Context, Hono } from "hono";
import { templateEditor } from "../../authoring/template-editor.js";
import {
  type AgendaTemplate,
  isSectionPurpose,
  mayEditAgenda,
  type SectionPurpose,
} from "../../domain/index.js";
import { agendaTemplateOf } from "../../store/index.js";
import type { FieldError } from "../components/form-parts.js";
import { forbidden, notFound } from "../http-error.js";
import {
  AgendaTemplatePage,
  type TemplateSectionValues,
  templatePath,
  templateValues,
} from "../pages/agenda-template-page.js";
import { idParam } from "../pages/route-params.js";
import { formRefusal, type RefusedStatus } from "./agenda-refusals.js";
import { commandProps, secretariatPageBasics } from "./secretariat-guard.js";

/** The template, when the viewer may edit the body's agendas. */
async function templateOf(c: Context, bodyId: number) {
  const found = await agendaTemplateOf(c.get("db"), bodyId);
  if (!found) throw notFound("Organet");
  if (!mayEditAgenda(c.get("viewer"), bodyId)) {
    throw forbidden(`Kun ${found.bodyName}s sekretariat eller en administrator må rette skabelonen.`);
  }
  return found;
}

async function showTemplate(
  c: Context,
  bodyId: number,
  options: {
    readonly sections?: readonly TemplateSectionValues[];
    readonly notice?: string | null;
    readonly errors?: readonly FieldError[];
  } = {},
  status: 200 | RefusedStatus = 200,
) {
  const found = await templateOf(c, bodyId);
  const basics = secretariatPageBasics(c);
  return c.html(
    <AgendaTemplatePage
      bodyId={bodyId}
      bodyName={found.bodyName}
      stored={found.stored}
      sections={options.sections ?? templateValues(found.template)}
      {...basics}
      notice={options.notice ?? null}
      errors={options.errors ?? []}
    />,
    status,
  );
}

/** The template the form describes; sections without a title are left out. */
function templateOfForm(sections: readonly TemplateSectionValues[], before: AgendaTemplate): AgendaTemplate {
  const indstilling = new Map(before.sections.flatMap((s) => s.items.map((i) => [i.title, i.indstilling])));
  return {
    sections: sections
      .filter((s) => s.title.trim() !== "")
      .map((s) => ({
        title: s.title,
        purpose: s.purpose,
        items: s.items
          .split("\n")
          .map((line) => line.trim())
          .filter(Boolean)
          .map((title) => ({ title, indstilling: indstilling.get(title) ?? null })),
      })),
  };
}

export function templateRoutes(): Hono {
  const app = new Hono();
  const path = "/sekretariat/organ/:id/skabelon";

  app.get(path, function templateForm(c) {
    const notice =
      c.req.query("besked") === "gemt" ? "Skabelonen er gemt. Nye dagsordener starter fra den." : null;
    return showTemplate(c, idParam(c), { notice });
  });

  app.post(path, async function templateSave(c) {
    const bodyId = idParam(c);
    const found = await templateOf(c, bodyId);
    const body = await c.req.parseBody();
    const text = (name: string) => (typeof body[name] === "string" ? (body[name] as string) : "");
    const count = Math.min(Number(text("antal")) || 0, 40);
    const sections: TemplateSectionValues[] = [];
    for (let i = 0; i < count; i++) {
      const purpose = text(`afsnit-${i}-type`);
      sections.push({
        title: text(`afsnit-${i}-titel`),
        purpose: isSectionPurpose(purpose) ? purpose : ("regular" satisfies SectionPurpose),
        items: text(`afsnit-${i}-punkter`).replace(/\r\n?/g, "\n"),
      });
    }
    try {
      await templateEditor({
        ...commandProps(c),
        bodyId,
        template: templateOfForm(sections, found.template),
      });
    } catch (error) {
      const refusal = formRefusal(c, error);
      const kept = sections.filter((s) => s.title.trim() !== "");
      return showTemplate(
        c,
        bodyId,
        { sections: kept, errors: [{ field: null, message: refusal.message }] },
        refusal.status as RefusedStatus,
      );
    }
    return c.redirect(`${templatePath(bodyId)}?besked=gemt`, 303);
  });

  return app;
}
