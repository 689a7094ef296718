/**
 * @module The documents the render jobs make, from a meeting's working copy (store's AgendaDraft): the
 * AgendaDocument the agenda PDF is drawn from and the AnnexPackInput of the pack, in either edition. The
 * public edition leaves out what the public may not see: a closed item's content (the renderer prints
 * "Lukket punkt") and its annexes, and every annex with a CPR number on a page. Pure: bytes come in.
 */
import type {
  AgendaDocument,
  AgendaEdition,
  AgendaItemFields,
  AgendaParticipant,
  AnnexPackEntry,
  AnnexPackInput,
} from "../../domain/index.js";
import type { AgendaDraft, DraftAnnex, DraftItem } from "../../store/index.js";

function fieldsOf(item: DraftItem): AgendaItemFields {
  const fields: { -readonly [K in keyof AgendaItemFields]: string } = {};
  for (const key of ["resume", "baggrund", "indstilling", "sagsfremstilling"] as const) {
    const text = item.fields[key]?.trim();
    if (text) fields[key] = text;
  }
  return fields;
}

/** True when the annex may be in the edition's pack. */
export function annexInEdition(item: DraftItem, annex: DraftAnnex, edition: AgendaEdition): boolean {
  return edition === "internal" || (item.public && annex.cprPages.length === 0);
}

/**
 * The agenda as the renderer takes it.
 * The participants are the body's current members (the front page lists them, as the KKR agendas do).
 * @example agendaDocumentOf(draft, "public", { version: 1, changeNote: null }).sections[0].items[0].number // "1.1"
 */
export function agendaDocumentOf(
  draft: AgendaDraft,
  edition: AgendaEdition,
  version: { readonly version: number; readonly changeNote: string | null },
  participants: readonly AgendaParticipant[] = [],
): AgendaDocument {
  const { meeting } = draft;
  return {
    body: meeting.bodyName,
    meeting: {
      date: meeting.date,
      startTime: meeting.startTime,
      endTime: meeting.endTime,
      location: meeting.location,
    },
    participants,
    absences: [],
    edition,
    version: version.version,
    changeNote: version.changeNote,
    sections: draft.sections.map((section) => ({
      number: section.number,
      title: section.title,
      items: section.items.map((item) => ({
        number: item.number,
        title: item.title,
        closed: !item.public,
        caseNumber: item.caseNumber,
        caseInitials: item.initials,
        fields: fieldsOf(item),
        annexes: item.annexes.map((a) => ({ annexNumber: a.position, title: a.title })),
      })),
    })),
  };
}

/** The annexes of the edition's pack in agenda order, without their bytes. */
export function packAnnexes(
  draft: AgendaDraft,
  edition: AgendaEdition,
): { readonly item: DraftItem; readonly annex: DraftAnnex }[] {
  return draft.sections.flatMap((s) =>
    s.items.flatMap((item) =>
      item.annexes.filter((annex) => annexInEdition(item, annex, edition)).map((annex) => ({ item, annex })),
    ),
  );
}

/** The pack's input, given each annex's PDF bytes by annex id. */
export function annexPackInputOf(
  draft: AgendaDraft,
  edition: AgendaEdition,
  pdfs: ReadonlyMap<number, Uint8Array>,
): AnnexPackInput {
  const annexes: AnnexPackEntry[] = packAnnexes(draft, edition).map(({ item, annex }) => {
    const pdf = pdfs.get(annex.id);
    if (!pdf) throw new Error(`bilag ${annex.id} mangler sin PDF`);
    return {
      itemNumber: item.number,
      // A closed item's title is the internal edition's only.
      ...(item.public || edition === "internal" ? { itemTitle: item.title } : {}),
      annexNumber: annex.position,
      title: annex.title,
      pdf,
    };
  });
  return { body: draft.meeting.bodyName, meetingDate: draft.meeting.date, annexes };
}
