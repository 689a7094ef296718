/**
 * @module Follow-up tasks on a decision (issue 14): who a task lies with, when it is overdue (not done and
 * its deadline before today in Copenhagen), the order lists show (overdue first, then by deadline), when
 * its reminder is due, and the checks of a task's input. No I/O: the clock comes in as `today`.
 */
import { FOLLOW_UP_STATUS_LABELS, type FollowUpStatus } from "./follow-up-status.js";
import { isMunicipality } from "./municipality-region.js";

export const RESPONSIBLE_KINDS = ["secretariat", "municipality", "organisation"] as const;
export type ResponsibleKind = (typeof RESPONSIBLE_KINDS)[number];

export function isResponsibleKind(value: unknown): value is ResponsibleKind {
  return typeof value === "string" && (RESPONSIBLE_KINDS as readonly string[]).includes(value);
}

export const RESPONSIBLE_KIND_LABELS: Readonly<Record<ResponsibleKind, string>> = {
  secretariat: "Sekretariatet",
  municipality: "En kommune",
  organisation: "En organisation",
};

/** Days before a deadline the responsible is reminded, once. */
export const REMINDER_DAYS_BEFORE = 7;

/** What the rules read of a task. */
export interface FollowUpFacts {
  readonly status: FollowUpStatus;
  /** ISO calendar day, or null for no deadline. */
  readonly dueDate: string | null;
}

// Built once: an Intl.DateTimeFormat is costly to construct.
const COPENHAGEN_DAY = new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/Copenhagen" });

/**
 * The calendar day in Copenhagen at `now`, ISO.
 * @example copenhagenDay(new Date("2025-03-01T23:30:00Z")) // "2025-03-02"
 */
export function copenhagenDay(now: Date): string {
  return COPENHAGEN_DAY.format(now);
}

/**
 * Not done and its deadline before `today`.
 * @example isOverdue({ status: "open", dueDate: "2025-03-01" }, "2025-03-02") // true
 */
export function isOverdue(task: FollowUpFacts, today: string): boolean {
  return task.status !== "done" && task.dueDate !== null && task.dueDate < today;
}

/** The label a list shows for a task's state on `today`: "Overskredet" beats its status. */
export function followUpStateLabel(task: FollowUpFacts, today: string): string {
  return isOverdue(task, today) ? "Overskredet" : FOLLOW_UP_STATUS_LABELS[task.status];
}

/**
 * The order of the lists: overdue first, then open and in progress, then done; within each, the nearest
 * deadline first and tasks without one last; ties by id.
 */
export function compareFollowUps(today: string) {
  const rank = (t: FollowUpFacts) => (isOverdue(t, today) ? 0 : t.status === "done" ? 2 : 1);
  return (a: FollowUpFacts & { readonly id: number }, b: FollowUpFacts & { readonly id: number }): number =>
    rank(a) - rank(b) || (a.dueDate ?? "9999-12-31").localeCompare(b.dueDate ?? "9999-12-31") || a.id - b.id;
}

/** The day `days` after an ISO day. */
export function addDays(day: string, days: number): string {
  const date = new Date(`${day}T12:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

/**
 * True when the reminder should go now: not done, not reminded before, and the deadline within
 * REMINDER_DAYS_BEFORE days of `today` (and not past: an overdue task shows in the lists instead).
 */
export function reminderDue(
  task: FollowUpFacts & { readonly reminderSentAt: Date | null },
  today: string,
): boolean {
  return (
    task.status !== "done" &&
    task.reminderSentAt === null &&
    task.dueDate !== null &&
    task.dueDate >= today &&
    task.dueDate <= addDays(today, REMINDER_DAYS_BEFORE)
  );
}

/** A task as written by the secretariat. */
export interface FollowUpInput {
  readonly description: string;
  readonly responsibleKind: ResponsibleKind;
  /** For "municipality": one of the 98. */
  readonly municipality: string | null;
  /** For "organisation": its name; for the others an optional person or unit. */
  readonly responsible: string | null;
  readonly dueDate: string | null;
  readonly status: FollowUpStatus;
  readonly notes: string | null;
}

/**
 * The first problem with a task's input, as one Danish line; null when it may be saved.
 * @example followUpInputProblem({ ...input, description: "" }) // "Skriv, hvad der skal følges op på."
 */
export function followUpInputProblem(input: FollowUpInput): string | null {
  if (input.description.trim() === "") return "Skriv, hvad der skal følges op på.";
  if (input.description.length > 2000) return "Opgaven er over 2000 tegn.";
  if (input.responsibleKind === "municipality" && !isMunicipality(input.municipality))
    return "Vælg den kommune, opgaven ligger hos.";
  if (input.responsibleKind === "organisation" && !input.responsible?.trim())
    return "Skriv navnet på den organisation, opgaven ligger hos.";
  if (input.responsible && input.responsible.length > 200) return "Den ansvarlige er over 200 tegn.";
  if (input.dueDate !== null && !isIsoDay(input.dueDate)) return "Fristen skal være en dato (åååå-mm-dd).";
  if (input.notes && input.notes.length > 4000) return "Noterne er over 4000 tegn.";
  return null;
}

/** "2025-03-01" and a real day. */
export function isIsoDay(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const date = new Date(`${value}T12:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
}

/** Who a task lies with, as the lists write it. */
export function responsibleLine(task: {
  readonly responsibleKind: ResponsibleKind;
  readonly municipality: string | null;
  readonly responsible: string | null;
}): string {
  if (task.responsibleKind === "municipality")
    return `${task.municipality ?? "?"} Kommune${task.responsible ? ` (${task.responsible})` : ""}`;
  if (task.responsibleKind === "organisation") return task.responsible ?? "Organisation";
  return `Sekretariatet${task.responsible ? ` (${task.responsible})` : ""}`;
}
