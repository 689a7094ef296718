/**
 * @module What the secretariat of a body should do next, read off its meeting plan: the next meeting's
 * agenda not begun or not sent (a KKR agenda goes out a week ahead), a past meeting whose minutes are
 * not approved, or no meeting planned at all. Pure: the plan and today in, Danish lines out.
 */
import { formatDanishDate } from "../../domain/index.js";
import type { DraftMeeting } from "../../store/index.js";

/** Days before a meeting by which its agenda should be sent (the seeds' KKR agendas: a week ahead). */
export const AGENDA_LEAD_DAYS = 7;

export interface NextStep {
  /** One Danish line: "Dagsorden til næste møde er ikke udsendt — mødet er om 9 dage." */
  readonly text: string;
  /** Where the step is taken. */
  readonly href: string | null;
  readonly linkLabel: string | null;
  /** True when the meeting is close enough that the step is overdue or due now. */
  readonly urgent: boolean;
}

const DAY_MS = 86_400_000;

// Built once: an Intl.DateTimeFormat is costly to construct. Meetings are Danish calendar days.
const DANISH_DAY = new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/Copenhagen" });

/** The calendar day in Denmark at `now`, ISO. */
export function danishDay(now: Date): string {
  return DANISH_DAY.format(now);
}

/** Whole days from `today` to `date` (both ISO calendar days). */
export function daysUntil(today: string, date: string): number {
  return Math.round((Date.parse(`${date}T12:00:00Z`) - Date.parse(`${today}T12:00:00Z`)) / DAY_MS);
}

/** "i dag", "i morgen", "om 9 dage". */
export function inDays(days: number): string {
  if (days === 0) return "i dag";
  if (days === 1) return "i morgen";
  return `om ${days} dage`;
}

/** The link to a meeting's agenda builder. */
export function agendaBuilderPath(meetingId: number): string {
  return `/sekretariat/moede/${meetingId}/dagsorden`;
}

/** The body's next meeting (today or later), or undefined. */
export function nextMeeting(plan: readonly DraftMeeting[], today: string): DraftMeeting | undefined {
  return plan.filter((m) => m.date >= today).sort((a, b) => a.date.localeCompare(b.date))[0];
}

/**
 * The steps for one body, most pressing first.
 * @example nextSteps([{ date: "2026-12-11", phase: "agenda-draft", ... }], "2026-12-02")[0].text
 *   // "Dagsorden til næste møde (11. december 2026) er ikke udsendt — mødet er om 9 dage."
 */
export function nextSteps(plan: readonly DraftMeeting[], today: string): NextStep[] {
  const steps: NextStep[] = [];
  const next = nextMeeting(plan, today);
  if (!next) {
    steps.push({
      text: "Der er ingen kommende møder i mødeplanen.",
      href: "#opret-moeder",
      linkLabel: "Opret møder",
      urgent: false,
    });
  } else {
    const days = daysUntil(today, next.date);
    const when = `næste møde (${formatDanishDate(next.date)})`;
    const urgent = days <= AGENDA_LEAD_DAYS;
    if (next.phase === "planned") {
      steps.push({
        text: `Dagsorden til ${when} er ikke påbegyndt — mødet er ${inDays(days)}.`,
        href: agendaBuilderPath(next.id),
        linkLabel: "Opret dagsorden",
        urgent,
      });
    } else if (next.phase === "agenda-draft") {
      steps.push({
        text: `Dagsorden til ${when} er ikke udsendt — mødet er ${inDays(days)}.`,
        href: agendaBuilderPath(next.id),
        linkLabel: "Gå til dagsordenen",
        urgent,
      });
    } else if (next.phase === "agenda-sent") {
      steps.push({
        text: `Dagsorden til ${when} er udsendt — mødet er ${inDays(days)}.`,
        href: agendaBuilderPath(next.id),
        linkLabel: "Se dagsordenen",
        urgent: false,
      });
    }
  }
  // Issue 14: a meeting whose day has come, agenda sent, not yet marked held: the meeting-day screen.
  const due = plan
    .filter((m) => m.date <= today && m.phase === "agenda-sent")
    .sort((a, b) => b.date.localeCompare(a.date))[0];
  if (due) {
    steps.push({
      text: `Mødet ${formatDanishDate(due.date)} er ikke markeret som afholdt: registrér fremmøde og beslutninger.`,
      href: `/sekretariat/moede/${due.id}/moededag`,
      linkLabel: "Gå til mødedagen",
      urgent: false,
    });
  }
  const unapproved = plan
    .filter((m) => m.date < today && (m.phase === "held" || m.phase === "agenda-sent"))
    .sort((a, b) => b.date.localeCompare(a.date))[0];
  if (unapproved) {
    steps.push({
      text: `Referatet af mødet ${formatDanishDate(unapproved.date)} er ikke godkendt.`,
      href: `/moede/${unapproved.id}`,
      linkLabel: "Se mødet",
      urgent: false,
    });
  }
  return steps;
}
