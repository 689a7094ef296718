/**
 * @module "Offentliggør referat" (issue 14): approved minutes are copied into the public record
 * (store/write/minutes-publishing.ts: attendance, decisions with votes and protocol remarks, discussion
 * notes; never a closed item's), the meeting becomes "Referat godkendt", and the minutes "published".
 */
import { publishMeetingRecord, saveMinutesStatus } from "../store/index.js";
import { auditAgenda } from "./agenda-command.js";
import { minutesFor } from "./minutes-command.js";
import type { SecretariatCommandProps } from "./secretariat-command.js";

/**
 * Publishes approved minutes; returns the items whose decision went public.
 * @example await minutesPublisher({ db, viewer, actor, meetingId: 7 })
 */
export async function minutesPublisher(
  props: SecretariatCommandProps & { readonly meetingId: number },
): Promise<{ readonly state: "published"; readonly items: readonly number[] }> {
  const { db, viewer, meetingId } = props;
  const now = props.now ?? new Date();
  const items = await db.transaction().execute(async (tx) => {
    const { record, status } = await minutesFor(tx, viewer, meetingId, "publish");
    const items = await publishMeetingRecord(tx, record, now);
    await saveMinutesStatus(tx, meetingId, { state: "published", publishedAt: now }, now);
    await auditAgenda(tx, props, {
      action: "minutes-publish",
      targetKind: "meeting",
      targetId: meetingId,
      before: { state: status.state, meetingState: record.meeting.state },
      after: { state: "published", meetingState: "minutes-approved", items },
      at: now,
    });
    return items;
  });
  return { state: "published", items };
}
