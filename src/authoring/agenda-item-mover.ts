/**
 * @module The secretariat's command to move an item within its section or to another (issue 13); every
 * number of the agenda follows ("2.1, 2.2…"). Audited with the numbers that changed.
 */
import { authoredItemOf, type DraftItem, moveAuthoredItem } from "../store/index.js";
import { auditAgenda, itemFor } from "./agenda-command.js";
import { AgendaRefused } from "./agenda-refusal.js";
import type { SecretariatCommandProps } from "./secretariat-command.js";

export interface AgendaItemMoverProps extends SecretariatCommandProps {
  readonly itemId: number;
  /** The section to move to (the item's own to reorder within it). */
  readonly sectionId: number;
  /** 0-based place in that section, counted without the item itself. */
  readonly position: number;
}

/**
 * Moves the item; returns it as it now stands and the numbers that changed.
 * @example await agendaItemMover({ db, viewer, actor, itemId: 12, sectionId: 30, position: 0 })
 */
export async function agendaItemMover(props: AgendaItemMoverProps): Promise<{
  readonly item: DraftItem;
  readonly renumbered: readonly { readonly id: number; readonly from: string; readonly to: string }[];
}> {
  const { db, viewer, itemId, sectionId, position } = props;
  const now = props.now ?? new Date();
  if (!Number.isInteger(position) || position < 0) {
    throw new AgendaRefused("invalid", "Pladsen skal være et helt tal fra 0.");
  }
  return db.transaction().execute(async (tx) => {
    const before = await itemFor(tx, viewer, itemId);
    const section = await tx
      .selectFrom("agenda_section")
      .select("id")
      .where("id", "=", sectionId)
      .where("meeting_id", "=", before.meetingId)
      .where("deleted", "=", false)
      .executeTakeFirst();
    if (!section)
      throw new AgendaRefused("not-found", `Afsnit ${sectionId} findes ikke på mødets dagsorden.`);
    const renumbered = await moveAuthoredItem(
      tx,
      { meetingId: before.meetingId, itemId, sectionId, position },
      now,
    );
    const after = await authoredItemOf(tx, itemId);
    if (!after) throw new AgendaRefused("not-found", `Punkt ${itemId} findes ikke.`);
    const { meeting: _m, ...item } = after;
    await auditAgenda(tx, props, {
      action: "agenda-item-move",
      targetKind: "authored-item",
      targetId: itemId,
      before: { sectionId: before.sectionId, position: before.position, number: before.number },
      after: { sectionId: item.sectionId, position: item.position, number: item.number, renumbered },
      at: now,
    });
    return { item, renumbered };
  });
}
