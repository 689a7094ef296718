/**
 * @module The secretariat's commands to retitle, reorder and remove an uploaded annex (issue 13): the
 * item's annexes stay numbered "Bilag 1, 2, …" in their order. Once the agenda is sent, the change reaches
 * the public with the next version ("Tillæg til dagsorden"). Audited with the annex before and after.
 */
import type { Kysely } from "kysely";
import type { Viewer } from "../domain/index.js";
import {
  authoredAnnexOf,
  authoredItemOf,
  type Database,
  type DraftAnnex,
  rearrangeAuthoredAnnex,
} from "../store/index.js";
import { auditAgenda, itemFor, requiredTitle } from "./agenda-command.js";
import { AgendaRefused } from "./agenda-refusal.js";
import type { SecretariatCommandProps } from "./secretariat-command.js";

export interface AnnexEditorProps extends SecretariatCommandProps {
  readonly annexId: number;
  /** A new title. */
  readonly title?: string;
  /** A new place among the item's annexes, 1-based (its annex number). */
  readonly position?: number;
}

/**
 * Retitles and/or moves the annex; returns it as it now stands.
 * @example await annexEditor({ db, viewer, actor, annexId: 4, title: "Budget 2025", position: 1 })
 */
export async function annexEditor(props: AnnexEditorProps): Promise<DraftAnnex> {
  const title = props.title === undefined ? undefined : requiredTitle(props.title, "Bilaget");
  if (props.position !== undefined && (!Number.isInteger(props.position) || props.position < 1)) {
    throw new AgendaRefused("invalid", "Bilagets nummer skal være et helt tal fra 1.");
  }
  return changeAnnex(props, "annex-update", {
    ...(title !== undefined ? { title } : {}),
    ...(props.position !== undefined ? { position: props.position } : {}),
  });
}

export interface AnnexRemoverProps extends SecretariatCommandProps {
  readonly annexId: number;
}

/**
 * Removes the annex from its item; the later ones move up a number.
 * @example await annexRemover({ db, viewer, actor, annexId: 4 })
 */
export async function annexRemover(props: AnnexRemoverProps): Promise<void> {
  await changeAnnex(props, "annex-remove", { remove: true });
}

async function changeAnnex(
  props: SecretariatCommandProps & { readonly annexId: number },
  action: string,
  change: { readonly title?: string; readonly position?: number; readonly remove?: boolean },
): Promise<DraftAnnex> {
  const { db, viewer, annexId } = props;
  const now = props.now ?? new Date();
  return db.transaction().execute(async (tx) => {
    const { before, itemId } = await annexFor(tx, viewer, annexId);
    await rearrangeAuthoredAnnex(tx, { annexId, itemId, ...change }, now);
    const after = (await authoredItemOf(tx, itemId))?.annexes.find((a) => a.id === annexId);
    await auditAgenda(tx, props, {
      action,
      targetKind: "authored-annex",
      targetId: annexId,
      before: { title: before.title, annexNumber: before.position },
      after: after ? { title: after.title, annexNumber: after.position } : { deleted: true },
      at: now,
    });
    return after ?? before;
  });
}

async function annexFor(db: Kysely<Database>, viewer: Viewer, annexId: number) {
  const annex = await authoredAnnexOf(db, annexId);
  if (!annex) throw new AgendaRefused("not-found", `Bilag ${annexId} findes ikke på nogen dagsorden.`);
  const item = await itemFor(db, viewer, annex.itemId);
  const before = item.annexes.find((a) => a.id === annexId);
  if (!before) throw new AgendaRefused("not-found", `Bilag ${annexId} findes ikke på nogen dagsorden.`);
  return { before, itemId: item.id };
}
