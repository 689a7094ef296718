/**
 * @module What the agenda commands share: finding the meeting or item and asking domain whether the
 * viewer may (mayEditAgenda) and whether the meeting's phase allows the step (meeting-lifecycle.ts), and
 * appending the audit entry in the same transaction.
 */
import type { Kysely } from "kysely";
import {
  type AgendaStep,
  agendaStepRefusal,
  mayEditAgenda,
  titleLengthProblem,
  type Viewer,
} from "../domain/index.js";
import {
  authoredItemOf,
  type Database,
  type DraftItem,
  type DraftMeeting,
  draftMeeting,
  insertAuditEntry,
} from "../store/index.js";
import { AgendaRefused } from "./agenda-refusal.js";
import type { SecretariatCommandProps } from "./secretariat-command.js";

/** The refusal for a viewer who is not the body's secretariat. */
export function forbiddenFor(bodyName: string): AgendaRefused {
  return new AgendaRefused(
    "forbidden",
    `Kun ${bodyName}s sekretariat eller en administrator må forberede dagsordenen.`,
  );
}

/** The meeting, when the viewer may take `step` on its agenda now; otherwise the refusal. */
export async function meetingFor(
  db: Kysely<Database>,
  viewer: Viewer,
  meetingId: number,
  step: AgendaStep | null,
): Promise<DraftMeeting> {
  const meeting = await draftMeeting(db, meetingId);
  if (!meeting) throw new AgendaRefused("not-found", `Møde ${meetingId} findes ikke.`);
  if (!mayEditAgenda(viewer, meeting.bodyId)) throw forbiddenFor(meeting.bodyName);
  const refusal = step ? agendaStepRefusal(step, meeting.phase) : null;
  if (refusal) throw new AgendaRefused("wrong-phase", refusal);
  return meeting;
}

/** The item with its meeting, when the viewer may edit the meeting's agenda now. */
export async function itemFor(
  db: Kysely<Database>,
  viewer: Viewer,
  itemId: number,
): Promise<DraftItem & { readonly meeting: DraftMeeting }> {
  const item = await authoredItemOf(db, itemId);
  if (!item) throw new AgendaRefused("not-found", `Punkt ${itemId} findes ikke på nogen dagsorden.`);
  if (!mayEditAgenda(viewer, item.meeting.bodyId)) throw forbiddenFor(item.meeting.bodyName);
  const refusal = agendaStepRefusal("edit", item.meeting.phase);
  if (refusal) throw new AgendaRefused("wrong-phase", refusal);
  return item;
}

/** Appends the command's audit entry; run it in the command's transaction. */
export function auditAgenda(
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

/** The text of a title after trimming, or the refusal naming `what`. */
export function requiredTitle(title: string | undefined, what: string): string {
  const clean = (title ?? "").replace(/\s+/g, " ").trim();
  const problem = titleLengthProblem(clean, what);
  if (problem) throw new AgendaRefused("invalid", problem);
  return clean;
}
