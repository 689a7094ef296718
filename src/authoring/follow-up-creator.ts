/**
 * @module The secretariat gives a decision a follow-up task (issue 14): what, who (the secretariat, a
 * municipality, an organisation), deadline, status, notes. A closed item's decision may be followed up
 * too, by the secretariat: its tasks are never shown to the public (domain's mayShowFollowUps). Refused for
 * an item without a decision. Audited.
 */
import { type FollowUpInput, followUpInputProblem } from "../domain/index.js";
import { type FollowUpRow, followUpById, insertFollowUp } from "../store/index.js";
import { auditAgenda } from "./agenda-command.js";
import { secretariatItem } from "./decision-item.js";
import { FollowUpRefused } from "./follow-up-refusal.js";
import type { SecretariatCommandProps } from "./secretariat-command.js";

export interface FollowUpCreatorProps extends SecretariatCommandProps {
  readonly itemId: number;
  readonly task: FollowUpInput;
}

/**
 * Adds the task; the task as stored.
 * @example await followUpCreator({ db, viewer, actor, itemId: 42, task: { description: "Aftalen behandles i byrådene", responsibleKind: "municipality", municipality: "Aalborg", responsible: null, dueDate: "2025-03-01", status: "open", notes: null } })
 */
export async function followUpCreator(props: FollowUpCreatorProps): Promise<FollowUpRow> {
  const now = props.now ?? new Date();
  const problem = followUpInputProblem(props.task);
  if (problem) throw new FollowUpRefused("invalid", problem);
  const item = await secretariatItem(props.db, props.viewer, props.itemId);
  if (!item.decision)
    throw new FollowUpRefused(
      "no-decision",
      `Punkt ${item.number} har endnu ingen beslutning at følge op på.`,
    );
  return props.db.transaction().execute(async (tx) => {
    const id = await insertFollowUp(tx, { itemId: item.id, task: props.task, now });
    const row = await followUpById(tx, id);
    if (!row) throw new Error(`follow-up ${id} vanished`);
    await auditAgenda(tx, props, {
      action: "follow-up-create",
      targetKind: "follow_up",
      targetId: id,
      before: null,
      after: { itemId: item.id, ...props.task },
      at: now,
    });
    return row;
  });
}
