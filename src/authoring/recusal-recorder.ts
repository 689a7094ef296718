/**
 * @module The secretariat's commands for a member who did not take part in an item ("deltog ikke i
 * behandlingen af punkt 2.3", inhabilitet; issue 14): recorded with a reason, and removed again.
 */
import { deleteRecusal, personNames, upsertRecusal } from "../store/index.js";
import { auditAgenda } from "./agenda-command.js";
import { AgendaRefused } from "./agenda-refusal.js";
import { cleanText, personIdOf, recordItemFor } from "./meeting-record-command.js";
import type { SecretariatCommandProps } from "./secretariat-command.js";

export interface RecusalRecorderProps extends SecretariatCommandProps {
  readonly itemId: number;
  readonly personId: number;
  /** "inhabil", "forlod mødet under punktet"; optional. */
  readonly reason?: string | null;
}

/**
 * Records that the member did not take part in the item (again: the reason is replaced).
 * @example await recusalRecorder({ db, viewer, actor, itemId: 40, personId: 7, reason: "inhabil" })
 */
export async function recusalRecorder(props: RecusalRecorderProps): Promise<void> {
  const { db, viewer, itemId } = props;
  const now = props.now ?? new Date();
  const personId = personIdOf(props.personId, "det medlem, der ikke deltog");
  const reason = cleanText(props.reason, "Begrundelsen", 500);
  await db.transaction().execute(async (tx) => {
    const item = await recordItemFor(tx, viewer, itemId);
    if (!(await personNames(tx, [personId])).has(personId))
      throw new AgendaRefused("invalid", `Person ${personId} findes ikke.`);
    await upsertRecusal(tx, { meetingId: item.meeting.id, itemId, personId, reason }, now);
    await auditAgenda(tx, props, {
      action: "recusal-record",
      targetKind: "agenda-item",
      targetId: itemId,
      before: null,
      after: { personId, reason },
      at: now,
    });
  });
}

export interface RecusalRemoverProps extends SecretariatCommandProps {
  readonly itemId: number;
  readonly personId: number;
}

/** Removes the recusal: the member took part after all. */
export async function recusalRemover(props: RecusalRemoverProps): Promise<void> {
  const { db, viewer, itemId, personId } = props;
  const now = props.now ?? new Date();
  await db.transaction().execute(async (tx) => {
    await recordItemFor(tx, viewer, itemId);
    if (!(await deleteRecusal(tx, itemId, personId)))
      throw new AgendaRefused("not-found", "Medlemmet er ikke noteret som ikke deltagende i punktet.");
    await auditAgenda(tx, props, {
      action: "recusal-remove",
      targetKind: "agenda-item",
      targetId: itemId,
      before: { personId },
      after: null,
      at: now,
    });
  });
}
