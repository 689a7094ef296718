/**
 * @module The secretariat's command "Marker mødet som afholdt" (issue 14): the meeting's stored state
 * moves to held (meeting-lifecycle.ts stateAfterHolding); recording goes on until the minutes are
 * approved. Taken once, from a sent agenda.
 */
import { stateAfterHolding } from "../domain/index.js";
import { setMeetingState } from "../store/index.js";
import { auditAgenda } from "./agenda-command.js";
import { recordMeetingFor } from "./meeting-record-command.js";
import type { SecretariatCommandProps } from "./secretariat-command.js";

export interface MeetingHolderProps extends SecretariatCommandProps {
  readonly meetingId: number;
}

/**
 * Marks the meeting held; returns its new state.
 * @example await meetingHolder({ db, viewer, actor, meetingId: 12 }) // "held"
 */
export async function meetingHolder(props: MeetingHolderProps): Promise<"held"> {
  const { db, viewer, meetingId } = props;
  const now = props.now ?? new Date();
  return db.transaction().execute(async (tx) => {
    const meeting = await recordMeetingFor(tx, viewer, meetingId, "hold");
    const state = stateAfterHolding(meeting.state);
    await setMeetingState(tx, meetingId, state, now);
    await auditAgenda(tx, props, {
      action: "meeting-hold",
      targetKind: "meeting",
      targetId: meetingId,
      before: { state: meeting.state },
      after: { state },
      at: now,
    });
    return "held" as const;
  });
}
