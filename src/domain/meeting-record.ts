/**
 * @module The record of a held meeting as the secretariat keeps it on the meeting day (issue 14): who
 * took part (present, "afbud", a substitute "Suppl. for" an absent member, guests, officials), and under
 * each item the decision, discussion notes, a vote, protocol remarks and members who did not take part.
 * The meeting-day screen and the minutes (A2's renderer) read the one MeetingRecord type; the rules here
 * (a substitute stands in for a member recorded absent, a person appears once, no voter twice, the
 * standard decision phrases) are what both hold to. No I/O.
 */
import type { AgendaPhase } from "./meeting-lifecycle.js";
import type { MeetingState } from "./meeting-state.js";

/** How a person took part in the meeting. */
export const ATTENDANCE_STATUSES = ["present", "absent", "substitute", "guest", "official"] as const;
export type AttendanceStatus = (typeof ATTENDANCE_STATUSES)[number];

export function isAttendanceStatus(value: unknown): value is AttendanceStatus {
  return typeof value === "string" && (ATTENDANCE_STATUSES as readonly string[]).includes(value);
}

export const ATTENDANCE_STATUS_LABELS: Readonly<Record<AttendanceStatus, string>> = {
  present: "Til stede",
  absent: "Afbud",
  substitute: "Suppleant",
  guest: "Gæst",
  official: "Embedsperson",
};

/** A person as the record names them. */
export interface RecordPerson {
  readonly personId: number;
  readonly name: string;
  readonly party: string | null;
  readonly municipality: string | null;
}

/** A member of the body on the meeting date, offered in the attendance form. */
export interface RecordMember extends RecordPerson {
  /** The membership's role, e.g. "formand", "medlem". */
  readonly role: string;
}

export interface RecordSubstitute {
  readonly person: RecordPerson;
  /** The absent member the substitute stands in for ("Suppl. for"). */
  readonly substituteFor: RecordPerson;
}

export interface RecordAttendee {
  readonly person: RecordPerson;
  /** A title or a note: "direktør, Aalborg Kommune", "deltog fra kl. 11". */
  readonly note: string | null;
}

/** Who took part, grouped as the minutes print it. Each list in the order it was recorded. */
export interface RecordAttendance {
  readonly present: readonly RecordAttendee[];
  /** Members who sent "afbud". */
  readonly absent: readonly RecordAttendee[];
  readonly substitutes: readonly RecordSubstitute[];
  readonly guests: readonly RecordAttendee[];
  readonly officials: readonly RecordAttendee[];
}

/** One voter: a member by person id, or a party by its letter. */
export type Voter = { readonly personId: number } | { readonly party: string };

/** A vote as stored (minutes_decision.vote). */
export interface DecisionVote {
  readonly for: readonly Voter[];
  readonly against: readonly Voter[];
  readonly abstaining: readonly Voter[];
}

/** A voter as the record shows it: a member with name and party, or a party letter. */
export type RecordVoter =
  | {
      readonly kind: "person";
      readonly personId: number;
      readonly name: string;
      readonly party: string | null;
    }
  | { readonly kind: "party"; readonly party: string };

export interface RecordVote {
  readonly for: readonly RecordVoter[];
  readonly against: readonly RecordVoter[];
  readonly abstaining: readonly RecordVoter[];
}

export interface RecordDecision {
  /** The decision text ("Beslutning"); "" when only notes or a vote are recorded so far. */
  readonly text: string;
  /** Discussion notes, kept apart from the decision. */
  readonly discussion: string | null;
  readonly vote: RecordVote | null;
  readonly concernsMunicipalities: boolean;
  /** Optimistic concurrency: the next save names this. */
  readonly revision: number;
  readonly modified: Date;
}

export interface RecordRemark {
  readonly id: number;
  readonly person: RecordPerson;
  readonly text: string;
}

export interface RecordRecusal {
  readonly person: RecordPerson;
  /** "inhabil", "forlod mødet"; null when none is given. */
  readonly reason: string | null;
}

/** The item fields the minutes print above the decision. */
export interface RecordItemFields {
  readonly resume: string | null;
  readonly baggrund: string | null;
  readonly indstilling: string | null;
  readonly sagsforloeb: string | null;
  readonly sagsfremstilling: string | null;
}

export interface RecordItem {
  /** The published agenda_item's id. */
  readonly id: number;
  readonly number: string;
  readonly position: number;
  readonly sectionNumber: string | null;
  readonly sectionTitle: string | null;
  readonly title: string;
  /** A closed item ("Lukket punkt"): never public, nor anything recorded under it. */
  readonly closed: boolean;
  readonly caseNumber: string | null;
  readonly fields: RecordItemFields;
  readonly decision: RecordDecision | null;
  readonly protocolRemarks: readonly RecordRemark[];
  /** Members who did not take part in the item ("deltog ikke i behandlingen"). */
  readonly recusals: readonly RecordRecusal[];
}

export interface RecordMeeting {
  readonly id: number;
  readonly bodyId: number;
  readonly bodyName: string;
  /** ISO date. */
  readonly date: string;
  readonly startTime: string | null;
  readonly endTime: string | null;
  readonly location: string | null;
  readonly state: MeetingState;
  readonly phase: AgendaPhase;
}

/** The whole record of a meeting: what the meeting-day screen edits and the minutes print. */
export interface MeetingRecord {
  readonly meeting: RecordMeeting;
  readonly attendance: RecordAttendance;
  readonly items: readonly RecordItem[];
  /** The body's members on the meeting date, by name: the rows of the attendance form. */
  readonly members: readonly RecordMember[];
  /** Everyone who has been a member of the body, by name: the substitutes and voters to pick from. */
  readonly people: readonly RecordPerson[];
  /** When the record was last changed (null: nothing recorded yet). */
  readonly modified: Date | null;
}

/** One line of attendance as the form or the API gives it. */
export interface AttendanceLine {
  readonly personId: number;
  readonly status: AttendanceStatus;
  readonly substituteForPersonId?: number | null;
  readonly note?: string | null;
}

/**
 * Null when the attendance holds together, otherwise the Danish reason. A person appears once; a
 * substitute stands in for a member recorded absent, one substitute for each; nobody substitutes for
 * themselves; only a substitute names someone to stand in for.
 * @example attendanceProblem([{ personId: 1, status: "absent" }, { personId: 2, status: "substitute", substituteForPersonId: 1 }]) // null
 * @example attendanceProblem([{ personId: 1, status: "present" }, { personId: 2, status: "substitute", substituteForPersonId: 1 }]) // "En suppleant kan kun træde i stedet for et medlem, der har meldt afbud."
 */
export function attendanceProblem(
  lines: readonly AttendanceLine[],
  names: (personId: number) => string = (id) => `person ${id}`,
): string | null {
  const seen = new Set<number>();
  for (const line of lines) {
    if (seen.has(line.personId)) return `${names(line.personId)} står mere end én gang i fremmødet.`;
    seen.add(line.personId);
  }
  const absent = new Set(lines.filter((l) => l.status === "absent").map((l) => l.personId));
  const covered = new Set<number>();
  for (const line of lines) {
    const target = line.substituteForPersonId ?? null;
    if (line.status !== "substitute") {
      if (target !== null) return `Kun en suppleant kan træde i stedet for et andet medlem.`;
      continue;
    }
    if (target === null) return `Angiv, hvem suppleanten ${names(line.personId)} træder i stedet for.`;
    if (target === line.personId) return `${names(line.personId)} kan ikke være suppleant for sig selv.`;
    if (!absent.has(target)) return "En suppleant kan kun træde i stedet for et medlem, der har meldt afbud.";
    if (covered.has(target)) return `${names(target)} har allerede en suppleant.`;
    covered.add(target);
  }
  return null;
}

/** The ids of those who may vote and take part: present members and substitutes. */
export function participantIds(lines: readonly AttendanceLine[]): number[] {
  return lines.filter((l) => l.status === "present" || l.status === "substitute").map((l) => l.personId);
}

/** The standard decision phrases: a key for forms and the API, and the text they fill in. */
export const DECISION_PHRASE_KEYS = [
  "approved-recommendation",
  "noted",
  "approved",
  "discussed",
  "postponed",
] as const;
export type DecisionPhraseKey = (typeof DECISION_PHRASE_KEYS)[number];

export function isDecisionPhraseKey(value: unknown): value is DecisionPhraseKey {
  return typeof value === "string" && (DECISION_PHRASE_KEYS as readonly string[]).includes(value);
}

/**
 * The standard phrases in the body's name, in the order the form offers them.
 * @example decisionPhrases("KKR Nordjylland")[1] // { key: "noted", text: "KKR Nordjylland tog orienteringen til efterretning." }
 */
export function decisionPhrases(
  bodyName: string,
): { readonly key: DecisionPhraseKey; readonly text: string }[] {
  return DECISION_PHRASE_KEYS.map((key) => ({ key, text: decisionPhrase(key, bodyName) }));
}

/**
 * One standard phrase in the body's name.
 * @example decisionPhrase("approved-recommendation", "KKR Nordjylland") // "Indstillingen blev tiltrådt."
 */
export function decisionPhrase(key: DecisionPhraseKey, bodyName: string): string {
  switch (key) {
    case "approved-recommendation":
      return "Indstillingen blev tiltrådt.";
    case "noted":
      return `${bodyName} tog orienteringen til efterretning.`;
    case "approved":
      return "Godkendt.";
    case "discussed":
      return "Drøftet.";
    case "postponed":
      return "Udsat.";
  }
}

/** Danish party letters as the minutes write them (upper case, one or two letters). */
const PARTY_LETTER = /^[A-ZÆØÅ]{1,2}$/;

function voterKey(voter: Voter): string {
  return "personId" in voter ? `p${voter.personId}` : `l${voter.party}`;
}

/**
 * Null when the vote holds together, otherwise the Danish reason: no voter twice (in one list or across
 * them), party letters as "A" or "Ø", members only among `participants` when given, and a vote has at
 * least one voter.
 * @example voteProblem({ for: [{ party: "A" }], against: [{ party: "A" }], abstaining: [] }) // "Parti A står mere end én gang i afstemningen."
 */
export function voteProblem(
  vote: DecisionVote,
  participants?: readonly number[],
  names: (personId: number) => string = (id) => `person ${id}`,
): string | null {
  const seen = new Set<string>();
  const all = [...vote.for, ...vote.against, ...vote.abstaining];
  if (all.length === 0) return "En afstemning skal have mindst én stemme.";
  for (const voter of all) {
    if ("party" in voter && !PARTY_LETTER.test(voter.party))
      return `"${voter.party}" er ikke et partibogstav (fx A, V eller Ø).`;
    if ("personId" in voter && participants && !participants.includes(voter.personId))
      return `${names(voter.personId)} deltog ikke i mødet og kan ikke stemme.`;
    const key = voterKey(voter);
    if (seen.has(key))
      return "party" in voter
        ? `Parti ${voter.party} står mere end én gang i afstemningen.`
        : `${names(voter.personId)} står mere end én gang i afstemningen.`;
    seen.add(key);
  }
  return null;
}

/**
 * The vote in one line, as the minutes print it under the decision.
 * @example voteLine({ for: [{ kind: "party", party: "A" }, { kind: "party", party: "V" }], against: [{ kind: "party", party: "Ø" }], abstaining: [] }) // "For stemte: A, V (2). Imod stemte: Ø (1). Hverken for eller imod: ingen (0)."
 */
export function voteLine(vote: RecordVote): string {
  const names = (voters: readonly RecordVoter[]) =>
    voters.length === 0
      ? "ingen (0)"
      : `${voters.map((v) => (v.kind === "party" ? v.party : v.party ? `${v.name} (${v.party})` : v.name)).join(", ")} (${voters.length})`;
  return `For stemte: ${names(vote.for)}. Imod stemte: ${names(vote.against)}. Hverken for eller imod: ${names(vote.abstaining)}.`;
}

/**
 * A party letter as typed ("a", " ø ") made what the minutes write, or null when it is none.
 * @example partyLetter(" ø ") // "Ø"
 */
export function partyLetter(typed: string): string | null {
  const clean = typed.trim().toLocaleUpperCase("da-DK");
  return PARTY_LETTER.test(clean) ? clean : null;
}

/** Longest a decision, discussion or remark may be: the minutes are not the place for an annex. */
export const RECORD_TEXT_MAX = 20_000;
