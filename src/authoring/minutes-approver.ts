/**
 * @module "Godkend referat" (issue 14): the minutes are approved by the chair's click (the secretariat
 * records it, or the chair's own account), or by the next meeting's item "Godkendelse af referat" (that
 * meeting named, approved_via 'next-meeting'). Audited with who and how.
 */
import { isMinutesApprovalItem, type MinutesApprovalWay } from "../domain/index.js";
import { meetingRecordOf, saveMinutesStatus } from "../store/index.js";
import { auditAgenda } from "./agenda-command.js";
import { AgendaRefused } from "./agenda-refusal.js";
import { minutesFor } from "./minutes-command.js";
import type { SecretariatCommandProps } from "./secretariat-command.js";

export interface MinutesApproverProps extends SecretariatCommandProps {
  readonly meetingId: number;
  readonly via: MinutesApprovalWay;
  /** For 'next-meeting': the meeting whose item "Godkendelse af referat" approved them. */
  readonly atMeetingId?: number | null;
}

/**
 * Approves the minutes.
 * @example await minutesApprover({ db, viewer, actor, meetingId: 7, via: "next-meeting", atMeetingId: 9 })
 */
export async function minutesApprover(
  props: MinutesApproverProps,
): Promise<{ readonly state: "approved"; readonly via: MinutesApprovalWay }> {
  const { db, viewer, meetingId } = props;
  const now = props.now ?? new Date();
  await db.transaction().execute(async (tx) => {
    const { record, status } = await minutesFor(tx, viewer, meetingId, "approve");
    let atMeetingId: number | null = null;
    if (props.via === "next-meeting") {
      if (!props.atMeetingId) throw new AgendaRefused("invalid", "Angiv det møde, der godkendte referatet.");
      const next = await meetingRecordOf(tx, props.atMeetingId);
      if (
        !next ||
        next.meeting.bodyId !== record.meeting.bodyId ||
        next.meeting.date <= record.meeting.date
      ) {
        throw new AgendaRefused(
          "invalid",
          `Referatet kan kun godkendes på et senere møde i ${record.meeting.bodyName}.`,
        );
      }
      if (!next.items.some((item) => isMinutesApprovalItem(item.title))) {
        throw new AgendaRefused("invalid", 'Mødet har intet punkt "Godkendelse af referat".');
      }
      atMeetingId = next.meeting.id;
    }
    await saveMinutesStatus(
      tx,
      meetingId,
      {
        state: "approved",
        approvedAt: now,
        approvedByUserId: props.actor.userId,
        approvedVia: props.via,
        approvedAtMeetingId: atMeetingId,
      },
      now,
    );
    await auditAgenda(tx, props, {
      action: "minutes-approve",
      targetKind: "meeting",
      targetId: meetingId,
      before: { state: status.state },
      after: { state: "approved", via: props.via, atMeetingId },
      at: now,
    });
  });
  return { state: "approved", via: props.via };
}
