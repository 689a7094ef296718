/**
 * @module The secretariat's commands to send a meeting's agenda (issue 13). `agendaReviewSender` mails
 * the draft to chosen members "til gennemlæsning" and records to whom and when. `agendaSender` is
 * "Udsend dagsorden": the working copy is published into the public record, the meeting becomes
 * "Dagsorden udsendt", a version is recorded and the body's members are mailed with links. After that,
 * changes stay in the working copy until sent again: each later sending is a new version, "Tillæg til
 * dagsorden", with a change note (the secretariat's, or one listing what changed), never a silent edit.
 */
import {
  type AgendaSnapshot,
  agendaChanges,
  agendaVersionTitle,
  stateAfterSending,
} from "../domain/index.js";
import type { Mailer } from "../mail/index.js";
import {
  agendaDraft,
  agendaVersions,
  bodyMemberRecipients,
  insertAgendaVersion,
  insertReviewCopies,
  publishAgenda,
  recipientsByIds,
} from "../store/index.js";
import { auditAgenda, meetingFor } from "./agenda-command.js";
import { agendaMail, deliverAgendaMails, reviewMail } from "./agenda-mail.js";
import { AgendaRefused } from "./agenda-refusal.js";
import type { SecretariatCommandProps } from "./secretariat-command.js";

interface MailingProps {
  /** Where the mails go (SMTP or the outbox). */
  readonly mailer: Mailer;
  /** The portal's public address, for links: "https://raadsinfo.example.dk". */
  readonly baseUrl: string;
}

export interface AgendaSenderProps extends SecretariatCommandProps, MailingProps {
  readonly meetingId: number;
  /** For an addendum: what changed, as the members shall read it; made from the changes when absent. */
  readonly changeNote?: string | null;
}

export interface AgendaSent {
  readonly versionNumber: number;
  /** "Dagsorden" or "Tillæg til dagsorden". */
  readonly title: string;
  readonly changeNote: string | null;
  readonly state: string;
  readonly mailed: number;
  readonly failed: readonly string[];
}

/**
 * Sends the agenda, or an addendum when it was sent before; refuses an addendum with nothing changed.
 * @example await agendaSender({ db, viewer, actor, meetingId: 7, mailer, baseUrl: "https://raadsinfo.example.dk" })
 */
export async function agendaSender(props: AgendaSenderProps): Promise<AgendaSent> {
  const { db, viewer, meetingId } = props;
  const now = props.now ?? new Date();
  const given = props.changeNote?.trim() || null;
  if (given && given.length > 2000) throw new AgendaRefused("invalid", "Ændringsnoten er over 2000 tegn.");
  const result = await db.transaction().execute(async (tx) => {
    const meeting = await meetingFor(tx, viewer, meetingId, "send");
    const draft = await agendaDraft(tx, meetingId);
    if (!draft || draft.sections.every((s) => s.items.length === 0)) {
      throw new AgendaRefused("nothing-to-send", "Dagsordenen har ingen punkter at udsende.");
    }
    const versions = await agendaVersions(tx, meetingId);
    const versionNumber = versions.length + 1;
    const state = stateAfterSending(meeting.state);
    const publishedItems = await publishAgenda(tx, { meetingId, state, now });
    // The sections too, so a renamed, added or removed section is a change to send.
    const sections = draft.sections.map((sec) => ({ id: sec.id, number: sec.number, title: sec.title }));
    const published = { ...publishedItems, snapshot: { ...publishedItems.snapshot, sections } };
    let changeNote: string | null = null;
    if (versionNumber > 1) {
      const previous = versions[versions.length - 1]?.snapshot as AgendaSnapshot | undefined;
      const changes = agendaChanges(previous ?? { items: [] }, published.snapshot);
      if (changes.length === 0) {
        throw new AgendaRefused(
          "nothing-to-send",
          "Dagsordenen er ikke ændret, siden den sidst blev udsendt.",
        );
      }
      changeNote = `${agendaVersionTitle(versionNumber)}: ${given ?? changes.join(" ")}`;
    }
    const recipients = await bodyMemberRecipients(tx, meeting.bodyId);
    const sent = { ...draft, meeting: { ...draft.meeting, state } };
    await insertAgendaVersion(tx, {
      meetingId,
      number: versionNumber,
      changeNote,
      actor: props.actor,
      recipients: recipients.length,
      snapshot: published.snapshot,
      sent,
      now,
    });
    await auditAgenda(tx, props, {
      action: "agenda-send",
      targetKind: "meeting",
      targetId: meetingId,
      before: { state: meeting.state, versions: versions.length },
      after: {
        state,
        version: versionNumber,
        changeNote,
        items: published.itemIds,
        files: published.fileIds,
        recipients: recipients.map((r) => r.userId),
      },
      at: now,
    });
    return {
      draft: sent,
      recipients,
      versionNumber,
      changeNote,
      state,
    };
  });
  // After the commit: a mail is not taken back when a later write fails, so none goes before it holds.
  const delivered = await deliverAgendaMails(
    props.mailer,
    result.recipients.map((to) =>
      agendaMail({
        to,
        draft: result.draft,
        versionNumber: result.versionNumber,
        changeNote: result.changeNote,
        baseUrl: props.baseUrl,
      }),
    ),
  );
  return {
    versionNumber: result.versionNumber,
    title: agendaVersionTitle(result.versionNumber),
    changeNote: result.changeNote,
    state: result.state,
    mailed: delivered.sent,
    failed: delivered.failed,
  };
}

export interface AgendaReviewSenderProps extends SecretariatCommandProps, MailingProps {
  readonly meetingId: number;
  /** The users (members or secretariat of the body) to send the draft to. */
  readonly userIds: readonly number[];
}

/**
 * Mails the draft to the chosen users "til gennemlæsning"; nothing is published.
 * @example await agendaReviewSender({ db, viewer, actor, meetingId: 7, userIds: [4, 5], mailer, baseUrl })
 */
export async function agendaReviewSender(
  props: AgendaReviewSenderProps,
): Promise<{ readonly mailed: number; readonly failed: readonly string[] }> {
  const { db, viewer, meetingId } = props;
  const now = props.now ?? new Date();
  const { draft, recipients } = await db.transaction().execute(async (tx) => {
    const meeting = await meetingFor(tx, viewer, meetingId, "review");
    const wanted = [...new Set(props.userIds)];
    if (wanted.length === 0)
      throw new AgendaRefused("invalid", "Vælg mindst ét medlem at sende udkastet til.");
    const members = await bodyMemberRecipients(tx, meeting.bodyId);
    const found = await recipientsByIds(tx, wanted);
    const outsider = wanted.find(
      (id) => !members.some((m) => m.userId === id) || !found.some((f) => f.userId === id),
    );
    if (outsider !== undefined) {
      throw new AgendaRefused("invalid", `Bruger ${outsider} er ikke medlem af ${meeting.bodyName}.`);
    }
    const draft = await agendaDraft(tx, meetingId);
    if (!draft) throw new AgendaRefused("not-found", `Møde ${meetingId} findes ikke.`);
    await insertReviewCopies(tx, { meetingId, userIds: wanted, actor: props.actor }, now);
    await auditAgenda(tx, props, {
      action: "agenda-review-send",
      targetKind: "meeting",
      targetId: meetingId,
      before: null,
      after: { to: wanted, items: draft.sections.flatMap((s) => s.items.map((i) => i.number)) },
      at: now,
    });
    return { draft, recipients: found };
  });
  const delivered = await deliverAgendaMails(
    props.mailer,
    recipients.map((to) => reviewMail({ to, draft, baseUrl: props.baseUrl })),
  );
  return { mailed: delivered.sent, failed: delivered.failed };
}
