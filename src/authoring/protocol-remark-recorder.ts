/**
 * @module The secretariat's commands for protocol remarks (protokolbemærkning, issue 14): a member's
 * remark added under an item, last; and removed again (soft, audited).
 */
import { RECORD_TEXT_MAX } from "../domain/index.js";
import { insertProtocolRemark, personNames, protocolRemarkOf, removeProtocolRemark } from "../store/index.js";
import { auditAgenda } from "./agenda-command.js";
import { AgendaRefused } from "./agenda-refusal.js";
import { cleanText, personIdOf, recordItemFor } from "./meeting-record-command.js";
import type { SecretariatCommandProps } from "./secretariat-command.js";

export interface ProtocolRemarkRecorderProps extends SecretariatCommandProps {
  readonly itemId: number;
  /** The member whose remark it is. */
  readonly personId: number;
  readonly text: string;
}

/**
 * Adds the remark; returns its id.
 * @example await protocolRemarkRecorder({ db, viewer, actor, itemId: 40, personId: 7, text: "V kan ikke støtte forslaget." })
 */
export async function protocolRemarkRecorder(props: ProtocolRemarkRecorderProps): Promise<number> {
  const { db, viewer, itemId } = props;
  const now = props.now ?? new Date();
  const personId = personIdOf(props.personId, "det medlem, bemærkningen er fra");
  const text = cleanText(props.text, "Protokolbemærkningen", RECORD_TEXT_MAX);
  if (!text) throw new AgendaRefused("invalid", "Skriv protokolbemærkningen.");
  return db.transaction().execute(async (tx) => {
    await recordItemFor(tx, viewer, itemId);
    if (!(await personNames(tx, [personId])).has(personId))
      throw new AgendaRefused("invalid", `Person ${personId} findes ikke.`);
    const id = await insertProtocolRemark(tx, { itemId, personId, text }, now);
    await auditAgenda(tx, props, {
      action: "protocol-remark-add",
      targetKind: "protocol-remark",
      targetId: id,
      before: null,
      after: { itemId, personId, text },
      at: now,
    });
    return id;
  });
}

export interface ProtocolRemarkRemoverProps extends SecretariatCommandProps {
  readonly remarkId: number;
}

/** Removes a remark. */
export async function protocolRemarkRemover(props: ProtocolRemarkRemoverProps): Promise<void> {
  const { db, viewer, remarkId } = props;
  const now = props.now ?? new Date();
  await db.transaction().execute(async (tx) => {
    const remark = Number.isInteger(remarkId) ? await protocolRemarkOf(tx, remarkId) : undefined;
    if (!remark) throw new AgendaRefused("not-found", "Protokolbemærkningen findes ikke.");
    await recordItemFor(tx, viewer, remark.itemId);
    await removeProtocolRemark(tx, remarkId, now);
    await auditAgenda(tx, props, {
      action: "protocol-remark-remove",
      targetKind: "protocol-remark",
      targetId: remarkId,
      before: remark,
      after: null,
      at: now,
    });
  });
}
