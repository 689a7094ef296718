/**
 * @module The secretariat's command to take an item off a meeting's agenda (issue 13), with its annexes;
 * the others are renumbered. Once the agenda is sent, the removal reaches the public with the next
 * version ("Tillæg til dagsorden"), never silently.
 */
import { removeAuthoredItem, renumberAgenda } from "../store/index.js";
import { auditAgenda, itemFor } from "./agenda-command.js";
import { auditedItem } from "./agenda-item-creator.js";
import type { SecretariatCommandProps } from "./secretariat-command.js";

export interface AgendaItemRemoverProps extends SecretariatCommandProps {
  readonly itemId: number;
}

/**
 * Removes the item; returns the numbers that changed.
 * @example await agendaItemRemover({ db, viewer, actor, itemId: 12 })
 */
export async function agendaItemRemover(props: AgendaItemRemoverProps): Promise<{
  readonly renumbered: readonly { readonly id: number; readonly from: string; readonly to: string }[];
}> {
  const { db, viewer, itemId } = props;
  const now = props.now ?? new Date();
  return db.transaction().execute(async (tx) => {
    const { meeting, ...before } = await itemFor(tx, viewer, itemId);
    await removeAuthoredItem(tx, itemId, now);
    const renumbered = await renumberAgenda(tx, meeting.id, now);
    await auditAgenda(tx, props, {
      action: "agenda-item-remove",
      targetKind: "authored-item",
      targetId: itemId,
      before: { ...auditedItem(before), annexes: before.annexes.map((a) => a.title) },
      after: { deleted: true, renumbered },
      at: now,
    });
    return { renumbered };
  });
}
