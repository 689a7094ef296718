/** @module The secretariat's agenda (issue 13): templates, the working copy of sections, items and annexes, sent versions, review copies, rendered PDFs (migrations 0015-0017). */
import type { ColumnType, Generated } from "kysely";
import type { Audited, Json, Timestamp } from "./column-types.js";

/** Why a section is on the agenda: an ordinary one, "Punkter til næste møde", or "Eventuelt" (migration 0015). */
type SectionPurposeColumn = ColumnType<
  "regular" | "next-meeting" | "other",
  "regular" | "next-meeting" | "other" | undefined,
  "regular" | "next-meeting" | "other"
>;

/** A section of a body's agenda template, in order (issue 13). */
export interface AgendaTemplateSectionTable {
  id: Generated<number>;
  body_id: number;
  position: number;
  title: string;
  purpose: SectionPurposeColumn;
  created: Generated<Date>;
  modified: Timestamp;
}

/** A standing item of a template section ("Godkendelse af dagsorden"), with its usual Indstilling. */
export interface AgendaTemplateItemTable {
  id: Generated<number>;
  section_id: number;
  position: number;
  title: string;
  indstilling: string | null;
  created: Generated<Date>;
  modified: Timestamp;
}

/** A section of a meeting's agenda as the secretariat drafts it (the working copy; never read publicly). */
export interface AgendaSectionTable extends Audited {
  id: Generated<number>;
  meeting_id: number;
  position: number;
  title: string;
  purpose: SectionPurposeColumn;
}

/** An item of the working copy; sending publishes it into agenda_item (`published_item_id`). */
export interface AuthoredItemTable extends Audited {
  id: Generated<number>;
  meeting_id: number;
  section_id: number;
  position: number;
  /** "2.3", kept by domain/agenda-numbering.ts on every change. */
  number: string;
  title: string;
  public: boolean;
  case_number: string | null;
  initials: Json<string[]>;
  resume: string | null;
  baggrund: string | null;
  indstilling: string | null;
  sagsforloeb: string | null;
  sagsfremstilling: string | null;
  /** Marked to be offered again for the body's next agenda. */
  take_up_again: Generated<boolean>;
  /** What the item was carried over from, as an offer key (domain/agenda-carry-over.ts). */
  carried_from: string | null;
  /** Optimistic concurrency: each save names the revision it read, and bumps it. */
  revision: Generated<number>;
  published_item_id: number | null;
}

/** One page of an uploaded annex: its text, for the CPR gate and, once published, search. */
export interface AuthoredAnnexPage {
  readonly page: number;
  readonly lineStart: number;
  readonly lineEnd: number;
  readonly text: string;
}

/** An annex the secretariat uploaded to an item of the working copy; bytes kept. */
export interface AuthoredAnnexTable extends Audited {
  id: Generated<number>;
  authored_item_id: number;
  /** 1-based order within the item: the annex number ("Bilag 2"). */
  position: number;
  title: string;
  file_name: string;
  format: "pdf" | "docx";
  mime: string;
  byte_size: number;
  sha256: string;
  content: Uint8Array;
  text: string;
  pages: Json<AuthoredAnnexPage[]>;
  /** Pages with a CPR number: withheld from the public when published, listed for the secretariat. */
  cpr_pages: ColumnType<number[], number[] | undefined, number[]>;
  published_file_id: number | null;
}

/** One sending of a meeting's agenda: version 1 the agenda, later ones "Tillæg til dagsorden". */
export interface AgendaVersionTable {
  id: Generated<number>;
  meeting_id: number;
  number: number;
  change_note: string | null;
  sent_at: ColumnType<Date, Date | string, Date | string>;
  sent_by_user_id: number | null;
  sent_by_token_id: number | null;
  /** How many members were mailed. */
  recipients: Generated<number>;
  /** The agenda as sent (sections, items, annexes), so a later version can say what changed. */
  snapshot: Json<unknown>;
  /** The rendered agenda PDF, when the renderer has made it. */
  pdf: Uint8Array | null;
}

/** A review copy of a draft agenda ("til gennemlæsning") sent to one member. */
export interface ReviewCopyTable {
  id: Generated<number>;
  meeting_id: number;
  user_id: number;
  sent_at: ColumnType<Date, Date | string, Date | string>;
  sent_by_user_id: number | null;
  sent_by_token_id: number | null;
}

/** A rendered PDF of a meeting (migrations 0016, 0017): the latest of each kind and edition. */
export interface AgendaRenderingTable {
  id: Generated<number>;
  meeting_id: number;
  kind: "agenda" | "annex-pack" | "minutes";
  edition: "internal" | "public";
  version_number: number | null;
  pdf: Uint8Array;
  page_count: number;
  byte_size: number;
  rendered_at: Generated<Date>;
}

/** The whole meeting as one public PDF (migration 0026), with the fingerprint of what it was made from. */
export interface MeetingWholePdfTable {
  meeting_id: number;
  fingerprint: string;
  pdf: Uint8Array;
  page_count: number;
  byte_size: number;
  rendered_at: Generated<Date>;
}
