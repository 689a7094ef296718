/**
 * @module What the commands of decisions sent on and follow-up (issue 14) share: the item with its
 * decision when the viewer is its body's secretariat (domain's mayEditAgenda). Their audit entry is
 * agenda-command.ts's auditAgenda.
 */
import type { Kysely } from "kysely";
import { mayEditAgenda, type Viewer } from "../domain/index.js";
import { type Database, type DecisionItem, decisionItem } from "../store/index.js";
import { FollowUpRefused } from "./follow-up-refusal.js";

/** The item, when the viewer is its body's secretariat (or an administrator). */
export async function secretariatItem(
  db: Kysely<Database>,
  viewer: Viewer,
  itemId: number,
): Promise<DecisionItem> {
  const item = await decisionItem(db, itemId);
  if (!item) throw new FollowUpRefused("not-found", `Punkt ${itemId} findes ikke.`);
  if (!mayEditAgenda(viewer, item.bodyId))
    throw new FollowUpRefused(
      "forbidden",
      `Kun ${item.bodyName}s sekretariat eller en administrator må det.`,
    );
  return item;
}
