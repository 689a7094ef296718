/**
 * @module What the commands of decisions sent on and follow-up (issue 14) share: the item with its
 * decision when the viewer is its body's secretariat (domain's mayEditAgenda), and the audit entry.
 */
import type { Kysely } from "kysely";
import { mayEditAgenda, type Viewer } from "../domain/index.js";
import { type Database, type DecisionItem, decisionItem, insertAuditEntry } from "../store/index.js";
import { FollowUpRefused } from "./follow-up-refusal.js";
import type { SecretariatCommandProps } from "./secretariat-command.js";

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

/** Appends a command's audit entry; run it in the command's transaction. */
export function auditFollowUp(
  db: Kysely<Database>,
  props: Pick<SecretariatCommandProps, "actor">,
  entry: {
    readonly action: string;
    readonly targetKind: string;
    readonly targetId: number | string;
    readonly before: unknown;
    readonly after: unknown;
    readonly at: Date;
  },
): Promise<number> {
  return insertAuditEntry(db, {
    actorUserId: props.actor.userId,
    actorTokenId: props.actor.tokenId,
    ...entry,
  });
}
