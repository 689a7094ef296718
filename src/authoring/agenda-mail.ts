/**
 * @module The mails an agenda goes out with (issue 13): to each member when it is sent (and with each
 * addendum), and the review copy to chosen members. Sent directly through one function, deliverAgendaMails,
 * so that it can move onto the job queue (src/jobs) without the commands changing.
 */
import { formatDanishDate } from "../domain/index.js";
import type { Mailer, MailMessage } from "../mail/index.js";
import type { AgendaDraft, AgendaRecipient } from "../store/index.js";

/** Sends the messages one by one; returns how many went. A failing address does not stop the rest. */
export async function deliverAgendaMails(
  mailer: Mailer,
  messages: readonly MailMessage[],
): Promise<{ readonly sent: number; readonly failed: readonly string[] }> {
  let sent = 0;
  const failed: string[] = [];
  for (const message of messages) {
    try {
      await mailer.send(message);
      sent++;
    } catch {
      failed.push(message.to);
    }
  }
  return { sent, failed };
}

/** The mail telling a member that the agenda (or an addendum) is out, with links to the meeting. */
export function agendaMail(props: {
  readonly to: AgendaRecipient;
  readonly draft: AgendaDraft;
  readonly versionNumber: number;
  readonly changeNote: string | null;
  readonly baseUrl: string;
}): MailMessage {
  const { draft, baseUrl } = props;
  const m = draft.meeting;
  const when = formatDanishDate(m.date);
  const what = props.versionNumber <= 1 ? "Dagsorden" : "Tillæg til dagsorden";
  const lines = [
    `Kære ${props.to.name}`,
    "",
    `${what} til mødet i ${m.bodyName} den ${when}${m.startTime ? ` kl. ${m.startTime}` : ""}${m.location ? `, ${m.location}` : ""} er udsendt.`,
    ...(props.changeNote ? ["", props.changeNote] : []),
    "",
    `Se dagsordenen: ${baseUrl}/moede/${m.id}`,
    "",
    ...itemLines(draft, baseUrl),
    "",
    "Med venlig hilsen",
    `Sekretariatet for ${m.bodyName}`,
  ];
  return { to: props.to.email, subject: `${what}: ${m.bodyName} ${when}`, text: lines.join("\n") };
}

/** The review copy: the draft's items, for the member to read before it is sent. */
export function reviewMail(props: {
  readonly to: AgendaRecipient;
  readonly draft: AgendaDraft;
  readonly baseUrl: string;
}): MailMessage {
  const m = props.draft.meeting;
  const when = formatDanishDate(m.date);
  const lines = [
    `Kære ${props.to.name}`,
    "",
    `Her er udkastet til dagsorden for mødet i ${m.bodyName} den ${when} til gennemlæsning. Det er ikke udsendt endnu.`,
    "",
    ...itemLines(props.draft, props.baseUrl),
    "",
    "Med venlig hilsen",
    `Sekretariatet for ${m.bodyName}`,
  ];
  return {
    to: props.to.email,
    subject: `Til gennemlæsning: dagsorden for ${m.bodyName} ${when}`,
    text: lines.join("\n"),
  };
}

/** "2.1 Status fra KlimaNord" per item, closed items marked; members may read closed items. */
function itemLines(draft: AgendaDraft, _baseUrl: string): string[] {
  return draft.sections.flatMap((s) => [
    `${s.number}. ${s.title}`,
    ...s.items.map((i) => `  ${i.number} ${i.title}${i.public ? "" : " (lukket punkt)"}`),
  ]);
}
