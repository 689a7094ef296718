/**
 * @module The meeting-day screen's forms read into command input (issue 14): the attendance table (the
 * rows are the record's, so a field's name carries the person id and nothing repeats), and the decision
 * form (a standard phrase used when the text is empty; a vote by member radios or party letters).
 */

import { AgendaRefused } from "../../authoring/agenda-refusal.js";
import type { AttendanceInput } from "../../authoring/attendance-recorder.js";
import {
  type DecisionPhraseKey,
  type DecisionVote,
  isDecisionPhraseKey,
  type MeetingRecord,
  partyLetter,
  type RecordPerson,
  type Voter,
} from "../../domain/index.js";
import type { DecisionFormValues } from "../pages/meeting-day-item.js";
import { type AttendanceFormValues, attendanceFormValues } from "../pages/meeting-day-page.js";

type Field = (name: string) => string;

/** Lines of a textarea, trimmed, empty ones dropped. */
function lines(text: string): string[] {
  return text
    .split(/\r?\n/)
    .map((l) => l.replace(/\s+/g, " ").trim())
    .filter((l) => l !== "");
}

/** The attendance form as command input, and as values to show again when refused. */
export function attendanceOfForm(
  field: Field,
  record: MeetingRecord,
): { readonly input: AttendanceInput[]; readonly values: AttendanceFormValues } {
  const rows = attendanceFormValues(record).rows.map((r) => {
    const pid = r.person.personId;
    const chosen = Number(field(`suppleant-${pid}`));
    return {
      ...r,
      absent: field(`status-${pid}`) === "absent",
      substituteId: Number.isSafeInteger(chosen) && chosen > 0 ? chosen : null,
      substituteName: field(`suppleant-navn-${pid}`).replace(/\s+/g, " ").trim(),
    };
  });
  const values: AttendanceFormValues = { rows, guests: field("gaester"), officials: field("embedsfolk") };
  const input: AttendanceInput[] = [];
  for (const r of rows) {
    input.push({ personId: r.person.personId, status: r.absent ? "absent" : "present" });
  }
  for (const r of rows) {
    if (r.substituteName !== "") {
      input.push({ name: r.substituteName, status: "substitute", substituteForPersonId: r.person.personId });
    } else if (r.substituteId !== null) {
      input.push({
        personId: r.substituteId,
        status: "substitute",
        substituteForPersonId: r.person.personId,
      });
    }
  }
  for (const name of lines(values.guests)) input.push({ name, status: "guest" });
  for (const line of lines(values.officials)) {
    const comma = line.indexOf(",");
    const name = comma < 0 ? line : line.slice(0, comma).trim();
    const note = comma < 0 ? null : line.slice(comma + 1).trim() || null;
    input.push({ name, status: "official", note });
  }
  return { input, values };
}

/** Party letters as typed ("A, v Ø"), or the refusal naming the bad one. */
function parties(typed: string): Voter[] {
  return typed
    .split(/[\s,;]+/)
    .filter((p) => p !== "")
    .map((p) => {
      const letter = partyLetter(p);
      if (!letter) throw new AgendaRefused("invalid", `"${p}" er ikke et partibogstav (fx A, V eller Ø).`);
      return { party: letter };
    });
}

export interface DecisionForm {
  readonly revision: number;
  readonly decision: string;
  readonly phrase: DecisionPhraseKey | null;
  readonly discussion: string;
  readonly vote: DecisionVote | null;
  readonly concernsMunicipalities: boolean;
  readonly values: DecisionFormValues;
}

/** The decision form of an item; `voters` are the members its vote radios are for. */
export function decisionOfForm(field: Field, voters: readonly RecordPerson[]): DecisionForm {
  const phrase = field("standardtekst");
  const byChoice = (choice: string): Voter[] =>
    voters.filter((p) => field(`stemme-${p.personId}`) === choice).map((p) => ({ personId: p.personId }));
  const vote: DecisionVote = {
    for: [...byChoice("for"), ...parties(field("parti-for"))],
    against: [...byChoice("imod"), ...parties(field("parti-imod"))],
    abstaining: [...byChoice("undlod"), ...parties(field("parti-undlod"))],
  };
  const voted = vote.for.length + vote.against.length + vote.abstaining.length > 0;
  const values: DecisionFormValues = {
    decision: field("beslutning"),
    discussion: field("droeftelse"),
    concernsMunicipalities: field("kommuner") === "ja",
  };
  return {
    revision: Number(field("revision") || "0"),
    decision: values.decision,
    phrase: isDecisionPhraseKey(phrase) ? phrase : null,
    discussion: values.discussion,
    vote: voted ? vote : null,
    concernsMunicipalities: values.concernsMunicipalities,
    values,
  };
}
