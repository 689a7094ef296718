/**
 * @module The secretariat changes a follow-up task (issue 14): status, deadline, who, notes. Saved under
 * the revision the form was opened on: when someone else saved in between, nothing is changed and the
 * refusal (409) carries the task as they left it. Audited.
 */
import { type FollowUpInput, followUpInputProblem, mayEditAgenda } from "../domain/index.js";
import { type FollowUpRow, followUpById, updateFollowUp } from "../store/index.js";
import { auditAgenda } from "./agenda-command.js";
import { FollowUpRefused } from "./follow-up-refusal.js";
import type { SecretariatCommandProps } from "./secretariat-command.js";

export interface FollowUpUpdaterProps extends SecretariatCommandProps {
  readonly followUpId: number;
  /** The revision the change was made on. */
  readonly revision: number;
  readonly task: FollowUpInput;
}

/** The task, when the viewer is its body's secretariat. */
export async function secretariatFollowUp(
  props: SecretariatCommandProps & { readonly followUpId: number },
): Promise<FollowUpRow> {
  const row = await followUpById(props.db, props.followUpId);
  if (!row) throw new FollowUpRefused("not-found", `Opfølgning ${props.followUpId} findes ikke.`);
  if (!mayEditAgenda(props.viewer, row.bodyId))
    throw new FollowUpRefused(
      "forbidden",
      `Kun ${row.bodyName}s sekretariat eller en administrator må ændre opfølgningen.`,
    );
  return row;
}

/**
 * Saves the change; the task as stored.
 * @example await followUpUpdater({ db, viewer, actor, followUpId: 3, revision: 1, task: { ...task, status: "done" } })
 */
export async function followUpUpdater(props: FollowUpUpdaterProps): Promise<FollowUpRow> {
  const now = props.now ?? new Date();
  const problem = followUpInputProblem(props.task);
  if (problem) throw new FollowUpRefused("invalid", problem);
  return props.db.transaction().execute(async (tx) => {
    const before = await secretariatFollowUp({ ...props, db: tx });
    const saved = await updateFollowUp(tx, {
      id: before.id,
      revision: props.revision,
      task: props.task,
      now,
    });
    if (!saved) {
      throw new FollowUpRefused(
        "stale-revision",
        "Opfølgningen er ændret af en anden, siden du åbnede den. Se deres ændring nedenfor, og gem igen.",
        before,
      );
    }
    const after = await followUpById(tx, before.id);
    if (!after) throw new Error(`follow-up ${before.id} vanished`);
    await auditAgenda(tx, props, {
      action: "follow-up-update",
      targetKind: "follow_up",
      targetId: before.id,
      before: pick(before),
      after: pick(after),
      at: now,
    });
    return after;
  });
}

function pick(row: FollowUpRow) {
  return {
    description: row.description,
    responsibleKind: row.responsibleKind,
    municipality: row.municipality,
    responsible: row.responsible,
    dueDate: row.dueDate,
    status: row.status,
    notes: row.notes,
    revision: row.revision,
  };
}
