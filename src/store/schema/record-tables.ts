/** @module The meeting record as imported and published: bodies, people, memberships, meetings, attendance, cases, agenda items, annexes and their pages, follow-up tasks (migrations 0001-0013, 0017, 0028). */
import type { ColumnType, Generated } from "kysely";
import type { CaseHistoryEntry, FieldBlock } from "../../domain/index.js";
import type { ItemBlocks } from "../../domain/parsed-document.js";
import type { Audited, Json, Provenance, Timestamp, Withheld } from "./column-types.js";

/** A headed field beyond the six columns, as stored (migration 0023): the parse contract's without its lines. */
export interface StoredExtraField {
  readonly key: string;
  readonly heading: string;
  readonly text: string;
  readonly blocks?: readonly FieldBlock[];
}

/** A decision under a heading naming its body or date, as stored (migration 0023). */
export interface StoredItemDecision {
  readonly body: string | null;
  /** ISO date, or null. */
  readonly date: string | null;
  readonly heading: string;
  readonly text: string;
  readonly blocks?: readonly FieldBlock[];
}

/** jsonb list with a default of [] (migration 0023): written as a JSON string, may be left out. */
type JsonList<T> = ColumnType<readonly T[], string | undefined, string>;

export interface BodyTable extends Audited {
  id: Generated<number>;
  /** Natural key, e.g. "KKR Nordjylland". */
  name: string;
  short_name: string | null;
  classification: string;
  website: string | null;
}

export interface OrganizationTable extends Audited {
  id: Generated<number>;
  body_id: number;
  name: string;
  classification: string;
}

export interface LegislativeTermTable extends Audited {
  id: Generated<number>;
  body_id: number;
  name: string;
  start_date: string | null;
  end_date: string | null;
}

export interface PersonTable extends Audited {
  id: Generated<number>;
  name: string;
  party: string | null;
  municipality: string | null;
  /** Personal data that never reaches a public surface (e-mail, phone). */
  private_note: string | null;
  /**
   * The person this one was merged into (migration 0028): the row is then deleted and its name an alias
   * of that person, which /person/{id} redirects to and a later import resolves to.
   */
  merged_into_person_id: ColumnType<number | null, number | null | undefined, number | null>;
}

/** A pair of persons the secretariat said are not one person (migration 0028); the lower id first. */
export interface PersonMergeDismissalTable {
  person_id: number;
  other_person_id: number;
  dismissed_by_user_id: number | null;
  created: Generated<Date>;
}

/** A near-match between two persons ("Birgit Hansen" / "Birgit Stenbak Hansen"): linked, not merged. */
export interface PersonLinkTable {
  id: Generated<number>;
  person_id: number;
  other_person_id: number;
  reason: string;
  created: Generated<Date>;
}

export interface MembershipTable extends Audited {
  id: Generated<number>;
  person_id: number;
  organization_id: number;
  role: string;
  party: string | null;
  start_date: string | null;
  end_date: string | null;
}

export interface SourceFileTable {
  id: Generated<number>;
  file_name: string;
  sha256: string;
  /** Hex SHA-512 of the bytes a download serves (OParl File.sha512Checksum); migration 0003. */
  sha512: string | null;
  format: string;
  mime: string;
  byte_size: number;
  pages: number;
  kind: string;
  body_name: string | null;
  content: Uint8Array | null;
  text: string;
  warnings: Json<unknown[]>;
  parsed: Json<unknown>;
  imported: Generated<Date>;
  created: Generated<Date>;
  modified: Timestamp;
  deleted: Generated<boolean>;
}

export interface MeetingTable extends Audited, Pick<Provenance, "source_file_id"> {
  id: Generated<number>;
  body_id: number;
  organization_id: number | null;
  name: string;
  /** ISO date; with body_id the natural key. */
  date: string;
  start_time: string | null;
  end_time: string | null;
  location: string | null;
  state: string;
  previous_meeting_date: string | null;
  next_meeting_date: string | null;
  /** The date was estimated from an annex pack's text (migration 0025), not stated by a document. */
  date_estimated: Generated<boolean>;
}

export interface AttendanceTable extends Audited, Provenance {
  id: Generated<number>;
  meeting_id: number;
  person_id: number;
  /** "present" | "absent" */
  status: string;
  substitute_for_person_id: number | null;
  substitute_for_name: string | null;
}

export interface CaseTable extends Audited {
  id: Generated<number>;
  /** Natural key: "SAG-2024-03326". */
  number: string;
  initials: Json<string[]>;
  title: string | null;
}

export interface AgendaItemTable extends Audited, Provenance {
  id: Generated<number>;
  meeting_id: number;
  /** Natural key within the meeting: "2.3". */
  number: string;
  position: number;
  section_number: string | null;
  section_title: string | null;
  title: string;
  public: boolean;
  case_id: number | null;
  resume: string | null;
  baggrund: string | null;
  indstilling: string | null;
  sagsforloeb: string | null;
  sagsfremstilling: string | null;
  beslutning: string | null;
  notes: string | null;
  /** The fields' structure (migration 0024): headings, lists and tables; null when all is paragraphs. */
  blocks: ColumnType<ItemBlocks | null, string | null | undefined, string | null>;
  annex_markers: number;
  withheld: Withheld;
  /** The municipalities the item's text names (search-text.ts), for the search facet. */
  search_municipalities: ColumnType<string[], string[] | undefined, string[]>;
  /** Who wrote the item (migration 0015): an import, or the secretariat, whose text an import never overwrites. */
  source: Generated<"import" | "authored">;
  /** Headed fields beyond the six columns, in document order (migration 0023). */
  extra_fields: JsonList<StoredExtraField>;
  /** Decisions under headings naming a body or date, in document order (migration 0023). */
  decisions: JsonList<StoredItemDecision>;
  /** Earlier treatments of the case, from its "Sagsforløb" (migration 0023). */
  case_history: JsonList<CaseHistoryEntry>;
  /** Who did not take part in the item's treatment, as the record names them (migration 0029). */
  not_participating: JsonList<string>;
}

/** An annex (bilag): one document, usually inside an annex pack. */
export interface FileTable extends Audited {
  id: Generated<number>;
  source_file_id: number | null;
  meeting_id: number | null;
  agenda_item_id: number | null;
  item_number: string | null;
  annex_number: number | null;
  title: string;
  file_name: string;
  mime: string;
  sha256: string;
  byte_size: number;
  page_start: number | null;
  page_end: number | null;
  line_start: number | null;
  line_end: number | null;
  text: string;
  position: number;
  /** "original": the imported file itself (minutes, agenda, pack) for download; "annex": one document. */
  role: string;
  withheld: Withheld;
}

/** Text of one page of an annex, so search and links can point at the page. */
export interface FilePageTable {
  id: Generated<number>;
  file_id: number;
  page: number;
  line_start: number | null;
  line_end: number | null;
  text: string;
  withheld: Withheld;
  /** The municipalities the page names (search-text.ts), for the search facet. */
  search_municipalities: ColumnType<string[], string[] | undefined, string[]>;
}

/** The distinct words of one stored document, waiting to be counted into the "Mente du" word list. */
export interface SearchWordPendingTable {
  id: Generated<number>;
  words: string[];
}

export interface FollowUpTable extends Audited {
  id: Generated<number>;
  agenda_item_id: number;
  description: string;
  responsible: string | null;
  due_date: string | null;
  status: string;
  /** Who the task lies with (migration 0017): the secretariat, a municipality (`municipality`) or an organisation (`responsible`). */
  responsible_kind: ColumnType<
    "secretariat" | "municipality" | "organisation",
    "secretariat" | "municipality" | "organisation" | undefined,
    "secretariat" | "municipality" | "organisation"
  >;
  municipality: string | null;
  notes: string | null;
  /** When the reminder before the deadline went out; null until then. */
  reminder_sent_at: Date | null;
  /** Optimistic concurrency, as authored_item.revision. */
  revision: Generated<number>;
}
