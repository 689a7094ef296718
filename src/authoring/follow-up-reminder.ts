/**
 * @module The follow-up reminders (issue 14): each task not done whose deadline is within
 * REMINDER_DAYS_BEFORE days is mailed once to whoever it lies with (a municipality's task to the body's
 * address for that municipality; the secretariat's or an organisation's to the body's secretariat
 * users), marked reminded in the same transaction as the mails are queued, and audited. Run daily by the
 * `follow-up-reminders` job.
 */
import type { Kysely } from "kysely";
import {
  addDays,
  copenhagenDay,
  formatDanishDate,
  REMINDER_DAYS_BEFORE,
  reminderDue,
  responsibleLine,
} from "../domain/index.js";
import { enqueueMail } from "../jobs/enqueue.js";
import {
  bodySecretariatEmails,
  type Database,
  type FollowUpRow,
  followUpsToRemind,
  insertAuditEntry,
  markFollowUpReminded,
  municipalityAddresses,
} from "../store/index.js";

/** The addresses a task's reminder goes to. */
async function reminderRecipients(db: Kysely<Database>, task: FollowUpRow): Promise<string[]> {
  if (task.responsibleKind === "municipality" && task.municipality) {
    const address = (await municipalityAddresses(db, task.bodyId)).find(
      (a) => a.municipality === task.municipality,
    );
    if (address) return [address.email];
  }
  return bodySecretariatEmails(db, task.bodyId);
}

/** The reminder's text. */
export function reminderText(task: FollowUpRow): string {
  return [
    "Påmindelse om en opfølgningsopgave med frist snart.",
    "",
    `Opgave: ${task.description}`,
    `Ansvarlig: ${responsibleLine(task)}`,
    `Frist: ${task.dueDate ? formatDanishDate(task.dueDate) : "ingen"}`,
    "",
    `Beslutningen: ${task.bodyName}, møde ${formatDanishDate(task.meetingDate)}, punkt ${task.itemNumber} ${task.itemTitle}`,
    "",
    "Venlig hilsen",
    `${task.bodyName}s sekretariat, via Rådsinfo`,
  ].join("\n");
}

/**
 * Sends the reminders due on `now`'s day in Copenhagen; the number of tasks reminded.
 * @example await followUpReminder({ db, now: new Date() }) // 2
 */
export async function followUpReminder(props: {
  readonly db: Kysely<Database>;
  readonly now: Date;
}): Promise<number> {
  const today = copenhagenDay(props.now);
  const tasks = await followUpsToRemind(props.db, today, addDays(today, REMINDER_DAYS_BEFORE));
  let reminded = 0;
  for (const task of tasks) {
    if (!reminderDue(task, today)) continue;
    const sent = await props.db.transaction().execute(async (tx) => {
      // Once: the mark is the lock; a second worker's reminder of the same task finds it set.
      if (!(await markFollowUpReminded(tx, task.id, props.now))) return false;
      const recipients = await reminderRecipients(tx, task);
      for (const to of recipients) {
        await enqueueMail(tx, {
          to,
          subject: `Påmindelse: frist ${task.dueDate ? formatDanishDate(task.dueDate) : ""} for opfølgning på punkt ${task.itemNumber}`,
          text: reminderText(task),
        });
      }
      await insertAuditEntry(tx, {
        actorUserId: null,
        actorTokenId: null,
        action: "follow-up-remind",
        targetKind: "follow_up",
        targetId: task.id,
        before: null,
        after: { to: recipients, dueDate: task.dueDate },
        at: props.now,
      });
      return true;
    });
    if (sent) reminded++;
  }
  return reminded;
}
