/**
 * @module The secretariat's commands on matters across meetings (issue 14): make a matter from an item,
 * link an item into a matter, take it out, answer a suggestion ("same matter" or "not the same"). Who may:
 * the secretariat of a body of one of the items, or an administrator (domain's mayEditAgenda and maySee);
 * an item the viewer may not see is never linked by them. Every write is audited in its transaction.
 */
import type { Kysely } from "kysely";
import { matterTitleFrom, mayEditAgenda, maySee, titleLengthProblem, type Viewer } from "../domain/index.js";
import {
  type Database,
  deleteMatterItem,
  insertMatter,
  insertMatterDismissal,
  insertMatterItem,
  type MatterItemRef,
  matterItemRef,
  matterRecord,
} from "../store/index.js";
import { auditAgenda } from "./agenda-command.js";
import { AgendaRefused } from "./agenda-refusal.js";
import type { SecretariatCommandProps } from "./secretariat-command.js";

type Db = Kysely<Database>;
type ItemRef = MatterItemRef & { readonly withheld: string | null };

const FORBIDDEN =
  "Kun sekretariatet for et af sagens punkter eller en administrator må samle punkter i sager.";

async function itemOf(db: Db, itemId: number): Promise<ItemRef> {
  const item = await matterItemRef(db, itemId);
  if (!item) throw new AgendaRefused("not-found", `Punkt ${itemId} findes ikke.`);
  return item;
}

async function matterOf(db: Db, matterId: number) {
  const matter = await matterRecord(db, matterId);
  if (!matter) throw new AgendaRefused("not-found", `Sag ${matterId} findes ikke.`);
  return matter;
}

/** The viewer may see the item in full (a closed item: its body's members and secretariat). */
function seen(viewer: Viewer, item: ItemRef): boolean {
  return maySee(viewer, {
    withheld: item.withheld as Parameters<typeof maySee>[1]["withheld"],
    bodyId: item.bodyId,
  });
}

/** Refuses unless the viewer is the secretariat of one of the bodies (or an administrator). */
function requireSecretariat(viewer: Viewer, bodyIds: readonly number[]): void {
  if (!bodyIds.some((id) => mayEditAgenda(viewer, id))) throw new AgendaRefused("forbidden", FORBIDDEN);
}

function cleanTitle(title: string): string {
  const clean = title.replace(/\s+/g, " ").trim();
  const problem = titleLengthProblem(clean, "Sagen");
  if (problem) throw new AgendaRefused("invalid", problem);
  return clean;
}

const itemAudit = (item: MatterItemRef) => ({
  itemId: item.id,
  number: item.number,
  meetingId: item.meetingId,
  date: item.date,
  body: item.bodyName,
});

export interface MatterCreatorProps extends SecretariatCommandProps {
  readonly itemId: number;
  /** The matter's title; by default the item's without its years. Required for a closed item. */
  readonly title?: string;
}

/**
 * Makes a matter holding one item; returns its id.
 * @example await matterCreator({ db, viewer, actor, itemId: 7 }) // { matterId: 1, title: "Socialtilsyn Nords budget" }
 */
export function matterCreator(
  props: MatterCreatorProps,
): Promise<{ readonly matterId: number; readonly title: string }> {
  return props.db.transaction().execute((tx) => createIn(tx, props, props.now ?? new Date()));
}

async function createIn(
  tx: Db,
  props: MatterCreatorProps,
  now: Date,
): Promise<{ readonly matterId: number; readonly title: string }> {
  const { viewer, itemId } = props;
  const item = await itemOf(tx, itemId);
  requireSecretariat(viewer, [item.bodyId]);
  if (!props.title?.trim() && item.withheld !== null) {
    throw new AgendaRefused("invalid", "Giv sagen en titel: punktets titel er ikke offentlig.");
  }
  const title = cleanTitle(props.title?.trim() ? props.title : matterTitleFrom(item.title));
  const matterId = await insertMatter(tx, title, now);
  await insertMatterItem(tx, { matterId, itemId, userId: props.actor.userId }, now);
  await auditAgenda(tx, props, {
    action: "matter-create",
    targetKind: "matter",
    targetId: matterId,
    before: null,
    after: { title, items: [itemAudit(item)] },
    at: now,
  });
  return { matterId, title };
}

export interface MatterItemLinkerProps extends SecretariatCommandProps {
  readonly matterId: number;
  readonly itemId: number;
}

/**
 * Links an item into a matter; `linked` false when it was there already (nothing written).
 * @example await matterItemLinker({ db, viewer, actor, matterId: 1, itemId: 42 }) // { linked: true }
 */
export function matterItemLinker(props: MatterItemLinkerProps): Promise<{ readonly linked: boolean }> {
  return props.db.transaction().execute((tx) => linkIn(tx, props, props.now ?? new Date()));
}

async function linkIn(
  tx: Db,
  props: MatterItemLinkerProps,
  now: Date,
): Promise<{ readonly linked: boolean }> {
  const { viewer } = props;
  const matter = await matterOf(tx, props.matterId);
  const item = await itemOf(tx, props.itemId);
  requireSecretariat(viewer, [item.bodyId, ...matter.items.map((i) => i.bodyId)]);
  if (!seen(viewer, item)) throw new AgendaRefused("forbidden", FORBIDDEN);
  const linked = await insertMatterItem(
    tx,
    { matterId: matter.id, itemId: item.id, userId: props.actor.userId },
    now,
  );
  if (linked) {
    await auditAgenda(tx, props, {
      action: "matter-link",
      targetKind: "matter",
      targetId: matter.id,
      before: { items: matter.items.map((i) => i.id) },
      after: { added: itemAudit(item) },
      at: now,
    });
  }
  return { linked };
}

/**
 * Takes an item out of a matter; a matter left empty is deleted.
 * @example await matterItemUnlinker({ db, viewer, actor, matterId: 1, itemId: 42 }) // { matterDeleted: false }
 */
export async function matterItemUnlinker(
  props: MatterItemLinkerProps,
): Promise<{ readonly matterDeleted: boolean }> {
  const { db, viewer } = props;
  const now = props.now ?? new Date();
  return db.transaction().execute(async (tx) => {
    const matter = await matterOf(tx, props.matterId);
    const item = matter.items.find((i) => i.id === props.itemId);
    if (!item) throw new AgendaRefused("not-found", `Punkt ${props.itemId} hører ikke til sag ${matter.id}.`);
    requireSecretariat(
      viewer,
      matter.items.map((i) => i.bodyId),
    );
    const { matterDeleted } = await deleteMatterItem(tx, { matterId: matter.id, itemId: item.id }, now);
    await auditAgenda(tx, props, {
      action: "matter-unlink",
      targetKind: "matter",
      targetId: matter.id,
      before: { items: matter.items.map((i) => i.id) },
      after: { removed: itemAudit(item), matterDeleted },
      at: now,
    });
    return { matterDeleted };
  });
}

export interface MatterSuggestionAnswerProps extends SecretariatCommandProps {
  readonly itemId: number;
  readonly otherItemId: number;
}

async function pairOf(
  db: Db,
  viewer: Viewer,
  props: MatterSuggestionAnswerProps,
): Promise<[ItemRef, ItemRef]> {
  if (props.itemId === props.otherItemId) throw new AgendaRefused("invalid", "Vælg to forskellige punkter.");
  const item = await itemOf(db, props.itemId);
  const other = await itemOf(db, props.otherItemId);
  requireSecretariat(viewer, [item.bodyId, other.bodyId]);
  if (!seen(viewer, item) || !seen(viewer, other)) throw new AgendaRefused("forbidden", FORBIDDEN);
  return item.date <= other.date ? [item, other] : [other, item];
}

/**
 * "Ja, samme sag": puts two items in one matter: the older item's matter when it has one, else the
 * other's, else a new matter titled after the older item.
 * @example await matterPairLinker({ db, viewer, actor, itemId: 7, otherItemId: 42 }) // { matterId: 1, created: true }
 */
export async function matterPairLinker(
  props: MatterSuggestionAnswerProps,
): Promise<{ readonly matterId: number; readonly created: boolean }> {
  const { db, viewer } = props;
  const now = props.now ?? new Date();
  return db.transaction().execute(async (tx) => {
    const [older, newer] = await pairOf(tx, viewer, props);
    const existing = await tx
      .selectFrom("matter_item as mi")
      .innerJoin("matter as mt", "mt.id", "mi.matter_id")
      .where("mt.deleted", "=", false)
      .where("mi.agenda_item_id", "in", [older.id, newer.id])
      .select(["mi.matter_id", "mi.agenda_item_id"])
      .orderBy("mi.matter_id")
      .execute();
    const home = existing.find((e) => e.agenda_item_id === older.id) ?? existing[0];
    if (home) {
      const missing = [older, newer].filter(
        (i) => !existing.some((e) => e.matter_id === home.matter_id && e.agenda_item_id === i.id),
      );
      for (const item of missing)
        await linkIn(tx, { ...props, matterId: home.matter_id, itemId: item.id }, now);
      return { matterId: home.matter_id, created: false };
    }
    const { matterId } = await createIn(
      tx,
      { ...props, itemId: older.id, title: matterTitleFrom(older.title) },
      now,
    );
    await linkIn(tx, { ...props, matterId, itemId: newer.id }, now);
    return { matterId, created: true };
  });
}

/**
 * "Nej, ikke samme sag": the pair is not suggested again.
 * @example await matterSuggestionDismisser({ db, viewer, actor, itemId: 7, otherItemId: 42 })
 */
export async function matterSuggestionDismisser(props: MatterSuggestionAnswerProps): Promise<void> {
  const { db, viewer } = props;
  const now = props.now ?? new Date();
  await db.transaction().execute(async (tx) => {
    const [older, newer] = await pairOf(tx, viewer, props);
    const dismissed = await insertMatterDismissal(
      tx,
      { itemId: older.id, otherItemId: newer.id, userId: props.actor.userId },
      now,
    );
    if (!dismissed) return;
    await auditAgenda(tx, props, {
      action: "matter-suggestion-dismiss",
      targetKind: "agenda-item-pair",
      targetId: `${Math.min(older.id, newer.id)}-${Math.max(older.id, newer.id)}`,
      before: null,
      after: { items: [itemAudit(older), itemAudit(newer)] },
      at: now,
    });
  });
}
