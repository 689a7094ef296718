/**
 * @module The one place that turns an agenda_item row into what a surface may show. Whether the viewer may
 * see the item is decided in SQL by the visibility function (store/read/visibility.ts, which applies
 * domain/visibility.ts) and arrives as `visible`; an item the viewer may not see becomes its number and the
 * title "Lukket punkt", nothing else: no fields, no case, no annexes, no source. Every portal query passes
 * its items through here.
 */
import type { ItemBlocks, Viewer, WithholdingReason } from "../../domain/index.js";
import { itemVisible } from "./visibility.js";

/** The title every public surface shows for a closed item. */
export const CLOSED_ITEM_TITLE = "Lukket punkt";

/** The columns portal queries select for an item; the presenter below decides what leaves the store. */
export interface ItemRow {
  readonly id: number;
  readonly meeting_id: number;
  readonly number: string;
  readonly position: number;
  readonly section_number: string | null;
  readonly section_title: string | null;
  readonly title: string;
  /** The viewer may see the item's content (itemVisible). */
  readonly visible: boolean;
  /** Why the item is withheld from the public, if it is: a member who sees it is told it is closed. */
  readonly withheld: WithholdingReason | null;
  readonly resume: string | null;
  readonly baggrund: string | null;
  readonly indstilling: string | null;
  readonly sagsforloeb: string | null;
  readonly sagsfremstilling: string | null;
  readonly beslutning: string | null;
  readonly notes: string | null;
  readonly blocks: ItemBlocks | null;
}

/** Column list for selectFrom("agenda_item"), in the shape of ItemRow, for one viewer. */
export function itemColumns(viewer: Viewer) {
  return [...ITEM_PLAIN_COLUMNS, itemVisible(viewer).as("visible")] as const;
}

const ITEM_PLAIN_COLUMNS = [
  "agenda_item.id",
  "agenda_item.meeting_id",
  "agenda_item.number",
  "agenda_item.position",
  "agenda_item.section_number",
  "agenda_item.section_title",
  "agenda_item.title",
  "agenda_item.withheld",
  "agenda_item.resume",
  "agenda_item.baggrund",
  "agenda_item.indstilling",
  "agenda_item.sagsforloeb",
  "agenda_item.sagsfremstilling",
  "agenda_item.beslutning",
  "agenda_item.notes",
  "agenda_item.blocks",
] as const;

/** The headed text fields of an open item, in reading order. */
export interface ItemFieldsView {
  readonly resume: string | null;
  readonly baggrund: string | null;
  readonly indstilling: string | null;
  readonly sagsforloeb: string | null;
  readonly sagsfremstilling: string | null;
  readonly beslutning: string | null;
  readonly notes: string | null;
}

export interface OpenItemView {
  readonly closed: false;
  readonly id: number;
  readonly meetingId: number;
  readonly number: string;
  readonly sectionNumber: string | null;
  readonly sectionTitle: string | null;
  readonly title: string;
  /** Set when a viewer cleared for it (a member of the body) sees a withheld item: show it marked as such. */
  readonly withheld: WithholdingReason | null;
  readonly fields: ItemFieldsView;
  /** The fields' headings, lists and tables, for fields that have more than paragraphs. */
  readonly blocks: ItemBlocks;
}

/** A closed item as the public sees it: where it sits on the agenda, and nothing about its matter. */
export interface ClosedItemView {
  readonly closed: true;
  readonly id: number;
  readonly meetingId: number;
  readonly number: string;
  readonly sectionNumber: string | null;
  readonly sectionTitle: string | null;
  readonly title: typeof CLOSED_ITEM_TITLE;
}

export type ItemView = OpenItemView | ClosedItemView;

/** Where an item sits on the agenda: all that every surface may show of any item, closed or open. */
function placeOf(row: AgendaEntryRow) {
  return {
    id: row.id,
    meetingId: row.meeting_id,
    number: row.number,
    sectionNumber: row.section_number,
    sectionTitle: row.section_title,
  };
}

/**
 * Presents an item row field by field; closed items lose everything but their place on the agenda.
 * @example presentItem(row).title // "Lukket punkt" when the viewer may not see it
 */
export function presentItem(row: ItemRow): ItemView {
  const place = placeOf(row);
  if (!row.visible) return { ...place, closed: true, title: CLOSED_ITEM_TITLE };
  return {
    ...place,
    closed: false,
    title: row.title,
    withheld: row.withheld,
    fields: {
      resume: row.resume,
      baggrund: row.baggrund,
      indstilling: row.indstilling,
      sagsforloeb: row.sagsforloeb,
      sagsfremstilling: row.sagsfremstilling,
      beslutning: row.beslutning,
      notes: row.notes,
    },
    blocks: row.blocks ?? {},
  };
}

/** The columns an agenda line needs: its place, its title and its decision, none of the long fields. */
export function agendaEntryColumns(viewer: Viewer) {
  return [
    "agenda_item.id",
    "agenda_item.meeting_id",
    "agenda_item.number",
    "agenda_item.section_number",
    "agenda_item.section_title",
    "agenda_item.title",
    "agenda_item.withheld",
    "agenda_item.beslutning",
    itemVisible(viewer).as("visible"),
  ] as const;
}

export type AgendaEntryRow = Pick<
  ItemRow,
  | "id"
  | "meeting_id"
  | "number"
  | "section_number"
  | "section_title"
  | "title"
  | "visible"
  | "withheld"
  | "beslutning"
>;

/** An open item as a line of the agenda: where it sits, its title and what was decided. */
export interface OpenAgendaEntryView extends Omit<OpenItemView, "fields" | "blocks"> {
  readonly decision: string | null;
}

export type AgendaEntryView = OpenAgendaEntryView | ClosedItemView;

/**
 * Presents an agenda line; a closed item keeps its place and the title "Lukket punkt", as in presentItem.
 * @example presentAgendaEntry(row).closed // true when the viewer may not see it, and then no decision
 */
export function presentAgendaEntry(row: AgendaEntryRow): AgendaEntryView {
  const place = placeOf(row);
  if (!row.visible) return { ...place, closed: true, title: CLOSED_ITEM_TITLE };
  return { ...place, closed: false, title: row.title, withheld: row.withheld, decision: row.beslutning };
}
