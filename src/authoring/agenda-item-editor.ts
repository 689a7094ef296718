/**
 * @module The secretariat's command to save changes to an item (issue 13), with optimistic concurrency:
 * the save names the revision it started from; when someone saved in between, it is refused with 409 and
 * the item as the other save left it, so the later writer can merge and nothing is lost.
 */
import { authoredItemOf, type DraftItem, updateAuthoredItem } from "../store/index.js";
import { auditAgenda, itemFor } from "./agenda-command.js";
import { auditedItem } from "./agenda-item-creator.js";
import { type ItemInput, itemValues } from "./agenda-item-input.js";
import { AgendaRefused } from "./agenda-refusal.js";
import type { SecretariatCommandProps } from "./secretariat-command.js";

export interface AgendaItemEditorProps extends SecretariatCommandProps {
  readonly itemId: number;
  /** The revision the editor read; the save is refused when the item has moved on. */
  readonly revision: number;
  /** Only what is given changes. */
  readonly changes: ItemInput;
}

/**
 * Saves the changes; returns the item as stored, its revision one up.
 * @example await agendaItemEditor({ db, viewer, actor, itemId: 12, revision: 3, changes: { title: "Ny titel" } })
 */
export async function agendaItemEditor(props: AgendaItemEditorProps): Promise<DraftItem> {
  const { db, viewer, itemId, revision } = props;
  const now = props.now ?? new Date();
  if (!Number.isInteger(revision))
    throw new AgendaRefused("invalid", "Angiv den revision, ændringen bygger på.");
  const given = itemValues(props.changes, { titleRequired: false });
  return db.transaction().execute(async (tx) => {
    const { meeting: _m, ...before } = await itemFor(tx, viewer, itemId);
    const saved = await updateAuthoredItem(
      tx,
      {
        itemId,
        revision,
        changes: {
          ...(given.title !== undefined ? { title: given.title } : {}),
          ...(given.public !== undefined ? { public: given.public } : {}),
          ...(given.caseNumber !== undefined ? { case_number: given.caseNumber } : {}),
          ...(given.initials !== undefined ? { initials: given.initials } : {}),
          ...(given.takeUpAgain !== undefined ? { take_up_again: given.takeUpAgain } : {}),
          ...given.fields,
        },
      },
      now,
    );
    if (!saved) {
      throw new AgendaRefused(
        "stale-revision",
        `Punkt ${before.number} er ændret af en anden, siden du hentede det (revision ${before.revision}, du havde ${revision}). Se den anden ændring, og gem igen.`,
        before,
      );
    }
    const after = await authoredItemOf(tx, itemId);
    if (!after) throw new AgendaRefused("not-found", `Punkt ${itemId} findes ikke.`);
    const { meeting: _n, ...item } = after;
    await auditAgenda(tx, props, {
      action: "agenda-item-update",
      targetKind: "authored-item",
      targetId: itemId,
      before: auditedItem(before),
      after: auditedItem(item),
      at: now,
    });
    return item;
  });
}
