/**
 * @module The secretariat's command to record the decision under an item (issue 14): the text (a
 * standard phrase in the body's name, or free text), discussion notes apart, a vote where one was taken,
 * and whether it concerns the member municipalities. Optimistic concurrency as the agenda's items: the
 * save names the revision it started from (0 for the first), and a save after someone else's is refused
 * with 409 carrying their decision, so the later writer sees it and nothing is lost.
 */
import {
  type DecisionPhraseKey,
  type DecisionVote,
  decisionPhrase,
  participantIds,
  RECORD_TEXT_MAX,
  voteProblem,
} from "../domain/index.js";
import {
  meetingAttendanceLines,
  personNames,
  type StoredDecision,
  storedDecision,
  upsertDecision,
} from "../store/index.js";
import { auditAgenda } from "./agenda-command.js";
import { AgendaRefused } from "./agenda-refusal.js";
import { cleanText, DecisionConflict, recordItemFor } from "./meeting-record-command.js";
import type { SecretariatCommandProps } from "./secretariat-command.js";

export interface DecisionRecorderProps extends SecretariatCommandProps {
  readonly itemId: number;
  /** The revision the form read: 0 when no decision was recorded yet. */
  readonly revision: number;
  /** The decision as written; when empty, `phrase` fills it. */
  readonly decision?: string | null;
  readonly phrase?: DecisionPhraseKey | null;
  readonly discussion?: string | null;
  /** Null or absent: no vote was taken. */
  readonly vote?: DecisionVote | null;
  readonly concernsMunicipalities?: boolean;
}

/**
 * Saves the decision; returns it as stored, its revision one up.
 * @example await decisionRecorder({ db, viewer, actor, itemId: 40, revision: 0, phrase: "approved-recommendation" })
 */
export async function decisionRecorder(props: DecisionRecorderProps): Promise<StoredDecision> {
  const { db, viewer, itemId, revision } = props;
  const now = props.now ?? new Date();
  if (!Number.isInteger(revision) || revision < 0)
    throw new AgendaRefused("invalid", "Angiv den revision, beslutningen bygger på.");
  return db.transaction().execute(async (tx) => {
    const item = await recordItemFor(tx, viewer, itemId);
    const written = cleanText(props.decision, "Beslutningen", RECORD_TEXT_MAX);
    const text = written ?? (props.phrase ? decisionPhrase(props.phrase, item.meeting.bodyName) : "");
    const discussion = cleanText(props.discussion, "Drøftelsen", RECORD_TEXT_MAX);
    const vote = props.vote ?? null;
    if (vote) {
      const attendance = await meetingAttendanceLines(tx, item.meeting.id);
      const participants = attendance.length > 0 ? participantIds(attendance) : undefined;
      const names = await personNames(
        tx,
        [...vote.for, ...vote.against, ...vote.abstaining].flatMap((v) =>
          "personId" in v ? [v.personId] : [],
        ),
      );
      const problem = voteProblem(vote, participants, (id) => names.get(id) ?? `Person ${id}`);
      if (problem) throw new AgendaRefused("invalid", problem);
    }
    const before = await storedDecision(tx, itemId);
    const saved = await upsertDecision(
      tx,
      { meetingId: item.meeting.id, itemId, revision },
      {
        decision: text,
        discussion,
        vote,
        concernsMunicipalities: props.concernsMunicipalities ?? before?.concernsMunicipalities ?? false,
      },
      now,
    );
    if (saved === null) {
      const current = await storedDecision(tx, itemId);
      if (!current) throw new AgendaRefused("invalid", "Angiv den revision, beslutningen bygger på.");
      throw new DecisionConflict(
        `Beslutningen under punkt ${item.number} er ændret af en anden, siden du hentede den (revision ${current.revision}, du havde ${revision}). Se den anden ændring, og gem igen.`,
        current,
      );
    }
    const after = await storedDecision(tx, itemId);
    if (!after) throw new AgendaRefused("not-found", `Punkt ${itemId} findes ikke.`);
    await auditAgenda(tx, props, {
      action: "meeting-decision-record",
      targetKind: "agenda-item",
      targetId: itemId,
      before: before ?? null,
      after,
      at: now,
    });
    return after;
  });
}
