/**
 * @module The secretariat's steps through a meeting's life (issue 13): planned, agenda in draft, agenda
 * sent, held, minutes approved. The stored state stays one of meeting-state.ts's four, which every public
 * surface knows; "agenda in draft" is a planned meeting with a working copy of its agenda, which only
 * the secretariat sees. Each step says from which phases it may be taken.
 */
import type { MeetingState } from "./meeting-state.js";

export const AGENDA_PHASES = ["planned", "agenda-draft", "agenda-sent", "held", "minutes-approved"] as const;
export type AgendaPhase = (typeof AGENDA_PHASES)[number];

export const AGENDA_PHASE_LABELS: Readonly<Record<AgendaPhase, string>> = {
  planned: "Planlagt",
  "agenda-draft": "Dagsorden i kladde",
  "agenda-sent": "Dagsorden udsendt",
  held: "Afholdt",
  "minutes-approved": "Referat godkendt",
};

/**
 * The phase of a meeting from its stored state and whether its agenda has been drafted.
 * @example agendaPhase("planned", true) // "agenda-draft"
 */
export function agendaPhase(state: MeetingState, drafted: boolean): AgendaPhase {
  if (state === "agenda-published") return "agenda-sent";
  if (state === "planned") return drafted ? "agenda-draft" : "planned";
  return state;
}

/** The secretariat's steps on an agenda. */
export const AGENDA_STEPS = ["draft", "edit", "review", "send"] as const;
export type AgendaStep = (typeof AGENDA_STEPS)[number];

const ALLOWED: Readonly<Record<AgendaStep, readonly AgendaPhase[]>> = {
  // A new agenda only for a meeting that has none yet.
  draft: ["planned"],
  // Editing goes on after sending: the change is sent as "Tillæg til dagsorden" (agenda-sender).
  edit: ["agenda-draft", "agenda-sent"],
  review: ["agenda-draft", "agenda-sent"],
  send: ["agenda-draft", "agenda-sent"],
};

/** Danish, one line: why the step cannot be taken in the phase. */
const REFUSED: Readonly<Record<AgendaStep, string>> = {
  draft: "Mødet har allerede en dagsorden, eller det er afholdt.",
  edit: "Dagsordenen kan ikke ændres, fordi mødet ikke har en dagsorden i kladde eller udsendt, eller det er afholdt.",
  review: "Der er ingen dagsorden at sende til gennemlæsning.",
  send: "Der er ingen dagsorden at udsende, eller mødet er afholdt.",
};

/**
 * Null when `step` may be taken in `phase`, otherwise the Danish reason.
 * @example agendaStepRefusal("draft", "agenda-sent") // "Mødet har allerede en dagsorden, eller det er afholdt."
 */
export function agendaStepRefusal(step: AgendaStep, phase: AgendaPhase): string | null {
  return ALLOWED[step].includes(phase) ? null : REFUSED[step];
}

/** The stored state a meeting has once its agenda is sent: a planned meeting becomes announced. */
export function stateAfterSending(state: MeetingState): MeetingState {
  return state === "planned" ? "agenda-published" : state;
}

/** The title of a version of an agenda: the agenda first, every later sending an addendum. */
export function agendaVersionTitle(versionNumber: number): string {
  return versionNumber <= 1 ? "Dagsorden" : "Tillæg til dagsorden";
}

/**
 * Who may read a meeting's draft agenda: whoever may edit it (`mayEdit`, domain/visibility.ts
 * mayEditAgenda), and a member of the body it was sent to for review ("til gennemlæsning"); DESIGN.md:
 * medlem reads drafts sent to them.
 * @example mayReadAgendaDraft({ mayEdit: false, memberOfBody: true, reviewCopyToViewer: true }) // true
 */
export function mayReadAgendaDraft(facts: {
  readonly mayEdit: boolean;
  readonly memberOfBody: boolean;
  readonly reviewCopyToViewer: boolean;
}): boolean {
  return facts.mayEdit || (facts.memberOfBody && facts.reviewCopyToViewer);
}

/**
 * The secretariat's steps on the meeting day (issue 14): recording attendance, decisions, votes, remarks
 * and recusals, and "Mødet er afholdt". Recording opens once the agenda is sent and goes on while the
 * meeting is held (until the minutes are approved); holding is taken once, from the sent agenda.
 */
export const MEETING_DAY_STEPS = ["record", "hold"] as const;
export type MeetingDayStep = (typeof MEETING_DAY_STEPS)[number];

const MEETING_DAY_ALLOWED: Readonly<Record<MeetingDayStep, readonly AgendaPhase[]>> = {
  record: ["agenda-sent", "held"],
  hold: ["agenda-sent"],
};

/**
 * Null when the meeting-day step may be taken in `phase`, otherwise the Danish reason.
 * @example meetingDayStepRefusal("record", "agenda-draft") // "Mødet kan først protokolleres, når dagsordenen er udsendt."
 * @example meetingDayStepRefusal("hold", "held") // "Mødet er allerede markeret som afholdt."
 */
export function meetingDayStepRefusal(step: MeetingDayStep, phase: AgendaPhase): string | null {
  if (MEETING_DAY_ALLOWED[step].includes(phase)) return null;
  if (phase === "minutes-approved") return "Referatet er godkendt; mødets protokol kan ikke længere ændres.";
  if (step === "hold" && phase === "held") return "Mødet er allerede markeret som afholdt.";
  return "Mødet kan først protokolleres, når dagsordenen er udsendt.";
}

/** The stored state a meeting has once "Mødet er afholdt" is clicked. */
export function stateAfterHolding(state: MeetingState): MeetingState {
  return state === "agenda-published" || state === "planned" ? "held" : state;
}
