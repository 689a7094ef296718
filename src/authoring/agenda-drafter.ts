/**
 * @module The secretariat's command to start a meeting's agenda (issue 13): a draft from the body's
 * template (its sections and standing items), with the offers the secretariat accepts from earlier
 * meetings (the last minutes' "Punkter til næste møde", items marked to be taken up again) added as items.
 * The draft is the secretariat's working copy: the public sees nothing until it is sent.
 */
import type { Kysely } from "kysely";
import { type CarryOverOffer, indstillingPhrase, type Viewer } from "../domain/index.js";
import {
  type AgendaDraft,
  agendaDraft,
  agendaTemplateOf,
  carryOverOffers,
  type Database,
  type DraftMeeting,
  insertAuthoredItem,
  insertDraftSections,
  renumberAgenda,
} from "../store/index.js";
import { auditAgenda, meetingFor } from "./agenda-command.js";
import { AgendaRefused } from "./agenda-refusal.js";
import type { SecretariatCommandProps } from "./secretariat-command.js";

export interface AgendaDrafterProps extends SecretariatCommandProps {
  /** The planned meeting the agenda is for. */
  readonly meetingId: number;
  /** Keys of offers (agendaOffers) to add as items; unknown keys are refused. */
  readonly accept?: readonly string[];
}

/**
 * Drafts the agenda; returns it, and the offers not taken.
 * @example await agendaDrafter({ db, viewer, actor, meetingId: 7, accept: ["next-meeting:41:1"] })
 */
export async function agendaDrafter(
  props: AgendaDrafterProps,
): Promise<{ readonly draft: AgendaDraft; readonly offers: readonly CarryOverOffer[] }> {
  const { db, viewer, meetingId } = props;
  const now = props.now ?? new Date();
  return db.transaction().execute(async (tx) => {
    const meeting = await meetingFor(tx, viewer, meetingId, "draft");
    const template = await agendaTemplateOf(tx, meeting.bodyId);
    if (!template) throw new AgendaRefused("not-found", `Organ ${meeting.bodyId} findes ikke.`);
    const offers = await carryOverOffers(tx, meeting);
    const accepted = pickOffers(offers, props.accept ?? []);
    const { sectionIds } = await insertDraftSections(tx, meetingId, template.template, now);
    // Carried items go to the first ordinary section without standing items ("Regionalpolitiske sager").
    const sections = template.template.sections;
    const target =
      sections.findIndex((s) => s.purpose === "regular" && s.items.length === 0) >= 0
        ? sections.findIndex((s) => s.purpose === "regular" && s.items.length === 0)
        : Math.max(
            0,
            sections.findIndex((s) => s.purpose === "regular"),
          );
    const sectionId = sectionIds[target] ?? sectionIds[0];
    if (sectionId === undefined) throw new AgendaRefused("invalid", "Skabelonen har ingen afsnit.");
    for (const [position, offer] of accepted.entries()) {
      await insertAuthoredItem(
        tx,
        carriedItem(meeting, sectionId, position + (sections[target]?.items.length ?? 0), offer, now),
      );
    }
    await renumberAgenda(tx, meetingId, now);
    const draft = await agendaDraft(tx, meetingId);
    if (!draft) throw new AgendaRefused("not-found", `Møde ${meetingId} findes ikke.`);
    await auditAgenda(tx, props, {
      action: "agenda-draft",
      targetKind: "meeting",
      targetId: meetingId,
      before: { phase: meeting.phase },
      after: {
        phase: draft.meeting.phase,
        templateStored: template.stored,
        sections: draft.sections.map((s) => s.title),
        items: draft.sections.flatMap((s) => s.items.map((i) => `${i.number} ${i.title}`)),
        accepted: accepted.map((o) => o.key),
      },
      at: now,
    });
    const taken = new Set(accepted.map((o) => o.key));
    return { draft, offers: offers.filter((o) => !taken.has(o.key)) };
  });
}

/** The offers a meeting's agenda may take now, for the viewer who may edit it. */
export async function agendaOffers(props: {
  readonly db: Kysely<Database>;
  readonly viewer: Viewer;
  readonly meetingId: number;
}): Promise<readonly CarryOverOffer[]> {
  const meeting = await meetingFor(props.db, props.viewer, props.meetingId, null);
  return carryOverOffers(props.db, meeting);
}

/** The offers named by `keys`, in the order given; an unknown key is refused. */
export function pickOffers(offers: readonly CarryOverOffer[], keys: readonly string[]): CarryOverOffer[] {
  return [...new Set(keys)].map((key) => {
    const offer = offers.find((o) => o.key === key);
    if (!offer)
      throw new AgendaRefused("invalid", `Forslaget "${key}" findes ikke (længere) for dette møde.`);
    return offer;
  });
}

/** The new item an accepted offer becomes. */
export function carriedItem(
  meeting: DraftMeeting,
  sectionId: number,
  position: number,
  offer: CarryOverOffer,
  now: Date,
) {
  return {
    meetingId: meeting.id,
    sectionId,
    position,
    title: offer.title,
    public: true,
    caseNumber: offer.caseNumber,
    initials: [],
    fields: { indstilling: indstillingPhrase(meeting.bodyName) },
    carriedFrom: offer.key,
    now,
  };
}
