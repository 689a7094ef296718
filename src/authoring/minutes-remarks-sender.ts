/**
 * @module "Send til bemærkninger" (issue 14): the draft minutes go to the chair, or to all the body's
 * members, by mail with a link to the draft; who got it is recorded (minutes_remark_request), and they
 * may read the draft from then on. The minutes' state becomes "remarks".
 */
import { formatDanishDate, isChairRole } from "../domain/index.js";
import type { Mailer, MailMessage } from "../mail/index.js";
import { bodyMemberRecipients, insertRemarkRequests, saveMinutesStatus, usersNamed } from "../store/index.js";
import { auditAgenda } from "./agenda-command.js";
import { deliverAgendaMails } from "./agenda-mail.js";
import { AgendaRefused } from "./agenda-refusal.js";
import { minutesFor } from "./minutes-command.js";
import type { SecretariatCommandProps } from "./secretariat-command.js";

export interface MinutesRemarksSenderProps extends SecretariatCommandProps {
  readonly meetingId: number;
  /** "chair": the body's chair on the meeting date; "all": every member with an account. */
  readonly to: "chair" | "all";
  readonly mailer: Mailer;
  readonly baseUrl: string;
}

/**
 * Sends the draft minutes for remarks; refuses when no one is there to send them to.
 * @example await minutesRemarksSender({ db, viewer, actor, meetingId: 7, to: "chair", mailer, baseUrl })
 */
export async function minutesRemarksSender(
  props: MinutesRemarksSenderProps,
): Promise<{ readonly mailed: number; readonly failed: readonly string[]; readonly to: readonly string[] }> {
  const { db, viewer, meetingId } = props;
  const now = props.now ?? new Date();
  const { recipients, record } = await db.transaction().execute(async (tx) => {
    const { record, status } = await minutesFor(tx, viewer, meetingId, "send-remarks");
    const members = await bodyMemberRecipients(tx, record.meeting.bodyId);
    const chairNames = record.members.filter((m) => isChairRole(m.role)).map((m) => m.name);
    const chairs = (await usersNamed(tx, chairNames)).filter((u) =>
      members.some((m) => m.userId === u.userId),
    );
    const recipients = props.to === "chair" ? chairs : members;
    if (recipients.length === 0) {
      throw new AgendaRefused(
        "invalid",
        props.to === "chair"
          ? `${record.meeting.bodyName} har ingen formand med en konto i Rådsinfo. Send til alle medlemmer i stedet.`
          : `${record.meeting.bodyName} har ingen medlemmer med en konto i Rådsinfo.`,
      );
    }
    await insertRemarkRequests(
      tx,
      { meetingId, userIds: recipients.map((r) => r.userId), actor: props.actor },
      now,
    );
    await saveMinutesStatus(tx, meetingId, { state: "remarks", remarksSentAt: now }, now);
    await auditAgenda(tx, props, {
      action: "minutes-remarks-send",
      targetKind: "meeting",
      targetId: meetingId,
      before: { state: status.state },
      after: { state: "remarks", to: props.to, users: recipients.map((r) => r.userId) },
      at: now,
    });
    return { recipients, record };
  });
  const when = formatDanishDate(record.meeting.date);
  const messages: MailMessage[] = recipients.map((to) => ({
    to: to.email,
    subject: `Til bemærkninger: referat af ${record.meeting.bodyName} ${when}`,
    text: [
      `Kære ${to.name}`,
      "",
      `Her er udkastet til referat af mødet i ${record.meeting.bodyName} den ${when}. Send gerne dine bemærkninger til sekretariatet.`,
      "",
      `Læs udkastet (log ind først): ${props.baseUrl}/moede/${meetingId}/referat/udkast.pdf`,
      "",
      "Med venlig hilsen",
      `Sekretariatet for ${record.meeting.bodyName}`,
    ].join("\n"),
  }));
  const delivered = await deliverAgendaMails(props.mailer, messages);
  return { mailed: delivered.sent, failed: delivered.failed, to: recipients.map((r) => r.name) };
}
