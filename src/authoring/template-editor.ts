/**
 * @module The secretariat's command to edit its body's agenda template (issue 13): the whole template,
 * sections in order with their standing items, replaces the one saved (or the seed). Agendas already
 * drafted keep theirs. Audited with the template before and after.
 */
import { type AgendaTemplate, mayEditAgenda, templateProblem } from "../domain/index.js";
import { agendaTemplateOf, replaceAgendaTemplate } from "../store/index.js";
import { auditAgenda, forbiddenFor } from "./agenda-command.js";
import { AgendaRefused } from "./agenda-refusal.js";
import type { SecretariatCommandProps } from "./secretariat-command.js";

export interface TemplateEditorProps extends SecretariatCommandProps {
  readonly bodyId: number;
  /** The template as it shall be. */
  readonly template: AgendaTemplate;
}

/**
 * Saves the template; returns it as stored.
 * @example await templateEditor({ db, viewer, actor, bodyId: 1, template: { sections: [...] } })
 */
export async function templateEditor(props: TemplateEditorProps): Promise<AgendaTemplate> {
  const { db, viewer, bodyId } = props;
  const now = props.now ?? new Date();
  const template: AgendaTemplate = {
    sections: (props.template?.sections ?? []).map((s) => ({
      title: String(s.title ?? "").trim(),
      purpose: s.purpose ?? "regular",
      items: (s.items ?? []).map((i) => ({
        title: String(i.title ?? "").trim(),
        indstilling: i.indstilling?.trim() || null,
      })),
    })),
  };
  const problem = templateProblem(template);
  if (problem) throw new AgendaRefused("invalid", problem);
  return db.transaction().execute(async (tx) => {
    const before = await agendaTemplateOf(tx, bodyId);
    if (!before) throw new AgendaRefused("not-found", `Organ ${bodyId} findes ikke.`);
    if (!mayEditAgenda(viewer, bodyId)) throw forbiddenFor(before.bodyName);
    await replaceAgendaTemplate(tx, bodyId, template, now);
    await auditAgenda(tx, props, {
      action: "agenda-template-update",
      targetKind: "body",
      targetId: bodyId,
      before: { stored: before.stored, ...before.template },
      after: template,
      at: now,
    });
    return template;
  });
}
