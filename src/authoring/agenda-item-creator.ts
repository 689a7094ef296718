/**
 * @module The secretariat's command to add an item to a meeting's agenda (issue 13): in a section, at a
 * place (the end by default), numbered automatically; with title, closed flag, case number and initials,
 * fields, or from an offer of an earlier meeting (`carriedFrom`). Audited with the item as made.
 */
import {
  agendaDraft,
  authoredItemOf,
  carryOverOffers,
  type DraftItem,
  insertAuthoredItem,
  renumberAgenda,
} from "../store/index.js";
import { auditAgenda, meetingFor, requiredTitle } from "./agenda-command.js";
import { carriedItem, pickOffers } from "./agenda-drafter.js";
import { type ItemInput, itemValues } from "./agenda-item-input.js";
import { AgendaRefused } from "./agenda-refusal.js";
import type { SecretariatCommandProps } from "./secretariat-command.js";

export interface AgendaItemCreatorProps extends SecretariatCommandProps {
  readonly meetingId: number;
  /** The section of the meeting's agenda to add to. */
  readonly sectionId: number;
  /** 0-based place in the section; the end when absent. */
  readonly position?: number;
  /** The item's content; title may be left out when `carriedFrom` gives it. */
  readonly item: ItemInput;
  /** The key of an offer (agendaOffers) this item takes up. */
  readonly carriedFrom?: string | null;
}

/**
 * Adds the item and renumbers the agenda; returns it as stored.
 * @example await agendaItemCreator({ db, viewer, actor, meetingId: 7, sectionId: 30, item: { title: "Status fra KlimaNord" } })
 */
export async function agendaItemCreator(props: AgendaItemCreatorProps): Promise<DraftItem> {
  const { db, viewer, meetingId, sectionId } = props;
  const now = props.now ?? new Date();
  return db.transaction().execute(async (tx) => {
    const meeting = await meetingFor(tx, viewer, meetingId, "edit");
    const draft = await agendaDraft(tx, meetingId);
    const section = draft?.sections.find((s) => s.id === sectionId);
    if (!section)
      throw new AgendaRefused("not-found", `Afsnit ${sectionId} findes ikke på mødets dagsorden.`);
    const position = Math.max(0, Math.min(props.position ?? section.items.length, section.items.length));
    let values: Parameters<typeof insertAuthoredItem>[1];
    if (props.carriedFrom) {
      const [offer] = pickOffers(await carryOverOffers(tx, meeting), [props.carriedFrom]);
      if (!offer) throw new AgendaRefused("invalid", "Forslaget findes ikke.");
      const carried = carriedItem(meeting, sectionId, position, offer, now);
      const given = itemValues(props.item, { titleRequired: false });
      values = {
        ...carried,
        ...given,
        fields: { ...carried.fields, ...given.fields },
        title: given.title ?? carried.title,
      };
    } else {
      const given = itemValues(props.item, { titleRequired: true });
      values = {
        meetingId,
        sectionId,
        position,
        title: requiredTitle(given.title, "Punktet"),
        public: given.public ?? true,
        caseNumber: given.caseNumber ?? null,
        initials: given.initials ?? [],
        fields: given.fields,
        carriedFrom: null,
        now,
      };
    }
    const id = await insertAuthoredItem(tx, values);
    await renumberAgenda(tx, meetingId, now);
    const item = await authoredItemOf(tx, id);
    if (!item) throw new AgendaRefused("not-found", `Punkt ${id} findes ikke.`);
    const { meeting: _m, ...made } = item;
    await auditAgenda(tx, props, {
      action: "agenda-item-create",
      targetKind: "authored-item",
      targetId: id,
      before: null,
      after: auditedItem(made),
      at: now,
    });
    return made;
  });
}

/** An item as the audit log keeps it: everything but the annexes' bytes (which it never holds). */
export function auditedItem(item: DraftItem) {
  return {
    number: item.number,
    title: item.title,
    public: item.public,
    caseNumber: item.caseNumber,
    initials: item.initials,
    fields: item.fields,
    takeUpAgain: item.takeUpAgain,
    carriedFrom: item.carriedFrom,
    revision: item.revision,
    sectionId: item.sectionId,
  };
}
