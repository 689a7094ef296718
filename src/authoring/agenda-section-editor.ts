/**
 * @module The secretariat's commands on the sections of a meeting's draft agenda (issue 13): add a
 * section (an ordinary one, by default after the last ordinary section so "Punkter til næste møde" and
 * "Eventuelt" stay last), rename one, remove an empty one. The items are renumbered ("3.1" becomes "4.1")
 * by domain/agenda-numbering.ts. Sections carry no revision: the later of two renames wins, and both are
 * in the audit log.
 */
import { newSectionPlace, TEMPLATE_LIMITS } from "../domain/index.js";
import {
  type AgendaSectionRow,
  agendaOrder,
  agendaSectionOf,
  insertAgendaSection,
  removeAgendaSection,
  renameAgendaSection,
} from "../store/index.js";
import { auditAgenda, meetingFor, requiredTitle } from "./agenda-command.js";
import { AgendaRefused } from "./agenda-refusal.js";
import type { SecretariatCommandProps } from "./secretariat-command.js";

type Renumbered = readonly { readonly id: number; readonly from: string; readonly to: string }[];

export interface AgendaSectionCreatorProps extends SecretariatCommandProps {
  readonly meetingId: number;
  readonly title: string;
  /** 0-based place among the sections; by default after the last ordinary section. */
  readonly place?: number;
}

/**
 * Adds a section to the meeting's draft agenda.
 * @example await agendaSectionCreator({ db, viewer, actor, meetingId: 7, title: "Temadrøftelse" })
 */
export async function agendaSectionCreator(
  props: AgendaSectionCreatorProps,
): Promise<{ readonly id: number; readonly number: string; readonly renumbered: Renumbered }> {
  const { db, viewer, meetingId } = props;
  const now = props.now ?? new Date();
  const title = requiredTitle(props.title, "Afsnittet");
  if (props.place !== undefined && (!Number.isSafeInteger(props.place) || props.place < 0)) {
    throw new AgendaRefused("invalid", "Afsnittets placering skal være et helt tal fra 0.");
  }
  return db.transaction().execute(async (tx) => {
    await meetingFor(tx, viewer, meetingId, "edit");
    const order = await agendaOrder(tx, meetingId);
    if (order.length >= TEMPLATE_LIMITS.sections) {
      throw new AgendaRefused("invalid", `En dagsorden må højst have ${TEMPLATE_LIMITS.sections} afsnit.`);
    }
    const place = Math.min(props.place ?? newSectionPlace(order.map((s) => s.purpose)), order.length);
    const { id, renumbered } = await insertAgendaSection(tx, { meetingId, title, place }, now);
    await auditAgenda(tx, props, {
      action: "agenda-section-create",
      targetKind: "agenda-section",
      targetId: id,
      before: null,
      after: { meetingId, title, number: String(place + 1), renumbered },
      at: now,
    });
    return { id, number: String(place + 1), renumbered };
  });
}

/** The section, when the viewer may edit its meeting's agenda now; otherwise the refusal. */
async function sectionFor(props: SecretariatCommandProps, sectionId: number): Promise<AgendaSectionRow> {
  const section = await agendaSectionOf(props.db, sectionId);
  if (!section) throw new AgendaRefused("not-found", `Afsnit ${sectionId} findes ikke på nogen dagsorden.`);
  await meetingFor(props.db, props.viewer, section.meetingId, "edit");
  return section;
}

export interface AgendaSectionEditorProps extends SecretariatCommandProps {
  readonly sectionId: number;
  readonly title: string;
}

/**
 * Renames a section of a draft agenda.
 * @example await agendaSectionEditor({ db, viewer, actor, sectionId: 31, title: "Regionale sager" })
 */
export async function agendaSectionEditor(
  props: AgendaSectionEditorProps,
): Promise<{ readonly id: number; readonly meetingId: number; readonly title: string }> {
  const now = props.now ?? new Date();
  const title = requiredTitle(props.title, "Afsnittet");
  return props.db.transaction().execute(async (tx) => {
    const section = await sectionFor({ ...props, db: tx }, props.sectionId);
    await renameAgendaSection(tx, section.id, title, now);
    await auditAgenda(tx, props, {
      action: "agenda-section-rename",
      targetKind: "agenda-section",
      targetId: section.id,
      before: { title: section.title },
      after: { title },
      at: now,
    });
    return { id: section.id, meetingId: section.meetingId, title };
  });
}

export interface AgendaSectionRemoverProps extends SecretariatCommandProps {
  readonly sectionId: number;
}

/**
 * Removes an empty section; refuses one with items, and "Punkter til næste møde" (the next agenda's
 * offers are read from it).
 * @example await agendaSectionRemover({ db, viewer, actor, sectionId: 31 })
 */
export async function agendaSectionRemover(
  props: AgendaSectionRemoverProps,
): Promise<{ readonly meetingId: number; readonly renumbered: Renumbered }> {
  const now = props.now ?? new Date();
  return props.db.transaction().execute(async (tx) => {
    const section = await sectionFor({ ...props, db: tx }, props.sectionId);
    if (section.purpose === "next-meeting") {
      throw new AgendaRefused(
        "invalid",
        `Afsnittet "${section.title}" kan ikke fjernes: næste dagsorden får sine forslag herfra.`,
      );
    }
    if (section.itemCount > 0) {
      throw new AgendaRefused(
        "invalid",
        `Afsnittet "${section.title}" har punkter; flyt eller fjern dem, før afsnittet fjernes.`,
      );
    }
    const renumbered = await removeAgendaSection(tx, section, now);
    await auditAgenda(tx, props, {
      action: "agenda-section-remove",
      targetKind: "agenda-section",
      targetId: section.id,
      before: { title: section.title, purpose: section.purpose },
      after: { deleted: true, renumbered },
      at: now,
    });
    return { meetingId: section.meetingId, renumbered };
  });
}
