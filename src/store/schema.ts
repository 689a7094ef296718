/**
 * @module Table types of the Rådsinfo database, as Kysely sees them. The migrations in ./migrations
 * create exactly these; every row has `created`, `modified` and `deleted` (soft deletion, which OParl
 * needs to report removed objects under `modified_since`).
 */
import type { ColumnType, Generated, Insertable, Selectable, Updateable } from "kysely";
import type { WithholdingReason } from "../domain/visibility.js";

type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
/** jsonb: written as a JSON string, read back parsed. */
type Json<T> = ColumnType<T, string, string>;
/** Why the row is withheld from the public (migration 0012); null when it is not. Sticky: see domain/visibility.ts. */
type Withheld = ColumnType<
  WithholdingReason | null,
  WithholdingReason | null | undefined,
  WithholdingReason | null
>;

interface Audited {
  created: Generated<Date>;
  modified: Timestamp;
  deleted: Generated<boolean>;
}

/** Where an imported row came from. */
interface Provenance {
  source_file_id: number | null;
  page: number | null;
  line_start: number | null;
  line_end: number | null;
}

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
  annex_markers: number;
  withheld: Withheld;
  /** The municipalities the item's text names (search-text.ts), for the search facet. */
  search_municipalities: ColumnType<string[], string[] | undefined, string[]>;
  /** Who wrote the item (migration 0015): an import, or the secretariat, whose text an import never overwrites. */
  source: Generated<"import" | "authored">;
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

/** A person who can sign in (issue 12). `email` is unique without regard to case. */
export interface AppUserTable {
  id: Generated<number>;
  email: string;
  name: string;
  /** Argon2id PHC string; null until a first-login link has been used. */
  password_hash: string | null;
  /** Base32 TOTP secret; null when the user has no second factor. */
  totp_secret: string | null;
  /** The RFC 6238 time step of the last code accepted: that code and older ones are refused. */
  totp_last_step: number | null;
  disabled: Generated<boolean>;
  created: Generated<Date>;
  modified: Timestamp;
}

/** One role of a user: administrator with no body, sekretariat or medlem of one body. */
export interface UserRoleTable {
  id: Generated<number>;
  user_id: number;
  role: string;
  body_id: number | null;
  created: Generated<Date>;
}

/** A signed-in browser; only the SHA-256 (hex) of the cookie's token is stored. */
export interface UserSessionTable {
  id: Generated<number>;
  user_id: number;
  token_hash: string;
  address: string | null;
  user_agent: string | null;
  created: Generated<Date>;
  expires: ColumnType<Date, Date | string, Date | string>;
  last_seen: Timestamp;
  ended: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
}

/** One login attempt, kept for throttling: `account` is the e-mail as typed, in lower case. */
export interface LoginAttemptTable {
  id: Generated<number>;
  account: string;
  address: string | null;
  succeeded: boolean;
  at: Timestamp;
}

/** An account or an address that may not try to sign in before `locked_until`. */
export interface LoginLockoutTable {
  scope: "account" | "address";
  key: string;
  locked_until: ColumnType<Date, Date | string, Date | string>;
}

/** A first-login or password-reset link: single use, with an expiry; only its token's SHA-256 stored. */
export interface OneTimeLinkTable {
  id: Generated<number>;
  user_id: number;
  purpose: "first-login" | "password-reset";
  token_hash: string;
  created: Generated<Date>;
  expires: ColumnType<Date, Date | string, Date | string>;
  used: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
}

/** An API token acting as its user; `prefix` (e.g. "ri_AbCdEfGh") names it in lists. */
export interface ApiTokenTable {
  id: Generated<number>;
  user_id: number;
  name: string | null;
  prefix: string;
  token_hash: string;
  created: Generated<Date>;
  last_used: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
  revoked: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
}

/** One write by a user or token (both null: the command line), with the target before and after. */
export interface AuditLogTable {
  id: Generated<number>;
  at: Timestamp;
  actor_user_id: number | null;
  actor_token_id: number | null;
  action: string;
  target_kind: string;
  target_id: string | null;
  before: ColumnType<unknown, string | null, string | null>;
  after: ColumnType<unknown, string | null, string | null>;
}

/** Where a job is: waiting (perhaps until run_after, after a failed attempt), leased to a worker, or ended. */
export type JobState = "queued" | "running" | "done" | "failed";

/** One piece of long work (migration 0014): its kind names the handler in src/jobs/kinds, payload its input. */
export interface JobTable {
  id: Generated<number>;
  kind: string;
  payload: Json<unknown>;
  state: ColumnType<JobState, JobState | undefined, JobState>;
  attempts: Generated<number>;
  max_attempts: number;
  run_after: Generated<Date>;
  /** The worker holding the job while it runs, and until when; null unless running. */
  locked_by: string | null;
  locked_until: Date | null;
  progress_done: number | null;
  progress_total: number | null;
  /** What the job does now, a short Danish line ("Stempler bilag 3 af 12"). */
  progress_step: string | null;
  /** The last failure, one Danish line. */
  error: string | null;
  result: ColumnType<unknown, string | null | undefined, string | null>;
  created: Generated<Date>;
  started: Date | null;
  finished: Date | null;
}

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

/** How a person took part in a held meeting, as the secretariat records it (issue 14; draft until the minutes are published). */
export type MinutesAttendanceStatus = "present" | "absent" | "substitute" | "guest" | "official";

/** One person's attendance at a held meeting (the working copy; publishing writes attendance). */
export interface MinutesAttendanceTable {
  id: Generated<number>;
  meeting_id: number;
  person_id: number;
  status: MinutesAttendanceStatus;
  /** The absent member a substitute stands in for ("Suppl. for"); set exactly when status is substitute. */
  substitute_for_person_id: number | null;
  /** A free note: an official's title, "deltog fra kl. 11". */
  note: string | null;
  created: Generated<Date>;
  modified: Timestamp;
}

/** A member who did not take part in an item ("deltog ikke i behandlingen af punkt 2.3", inhabilitet). */
export interface MinutesRecusalTable {
  id: Generated<number>;
  meeting_id: number;
  agenda_item_id: number;
  person_id: number;
  reason: string | null;
  created: Generated<Date>;
}

/** A vote on an item: who voted for, against and abstained, by member (person id) or by party letter. */
export interface MinutesVote {
  readonly for: readonly MinutesVoter[];
  readonly against: readonly MinutesVoter[];
  readonly abstaining: readonly MinutesVoter[];
}
export type MinutesVoter = { readonly personId: number } | { readonly party: string };

/** The decision under an item (the working copy; publishing writes agenda_item.beslutning and notes). */
export interface MinutesDecisionTable {
  id: Generated<number>;
  meeting_id: number;
  agenda_item_id: number;
  decision: Generated<string>;
  /** Discussion notes, kept apart from the decision. */
  discussion: string | null;
  vote: ColumnType<MinutesVote | null, string | null | undefined, string | null>;
  /** The decision concerns the member municipalities: offered for sending on. */
  concerns_municipalities: Generated<boolean>;
  revision: Generated<number>;
  created: Generated<Date>;
  modified: Timestamp;
}

/** A protocol remark (protokolbemærkning) by a member on an item. */
export interface ProtocolRemarkTable {
  id: Generated<number>;
  agenda_item_id: number;
  person_id: number;
  text: string;
  position: number;
  created: Generated<Date>;
  modified: Timestamp;
  deleted: Generated<boolean>;
}

/** Where a meeting's minutes are: draft, out for remarks, approved, published. */
export type MinutesState = "draft" | "remarks" | "approved" | "published";

/** The minutes of a held meeting: their path from draft to published. */
export interface MinutesTable {
  meeting_id: number;
  state: ColumnType<MinutesState, MinutesState | undefined, MinutesState>;
  remarks_sent_at: Date | null;
  approved_at: Date | null;
  approved_by_user_id: number | null;
  /** Approved by the chair's click, or by the next meeting's item "Godkendelse af referat". */
  approved_via: "chair" | "next-meeting" | null;
  approved_at_meeting_id: number | null;
  published_at: Date | null;
  revision: Generated<number>;
  created: Generated<Date>;
  modified: Timestamp;
}

/** Draft minutes sent to one member (the chair, or all members) for remarks. */
export interface MinutesRemarkRequestTable {
  id: Generated<number>;
  meeting_id: number;
  user_id: number;
  sent_at: Generated<Date>;
  sent_by_user_id: number | null;
  sent_by_token_id: number | null;
}

/** Where a body sends decisions for a municipality (its council's secretariat). */
export interface MunicipalityAddressTable {
  id: Generated<number>;
  body_id: number;
  municipality: string;
  email: string;
  created: Generated<Date>;
  modified: Timestamp;
}

/** One decision letter sent to one municipality: what, to whom, when (issue 14). */
export interface DecisionDispatchTable {
  id: Generated<number>;
  agenda_item_id: number;
  municipality: string;
  email: string;
  sent_at: Generated<Date>;
  sent_by_user_id: number | null;
  sent_by_token_id: number | null;
  /** The send-mail job that carries the letter. */
  job_id: number | null;
  /** The letter as sent: the item and its decision as a PDF extract. */
  letter_pdf: Uint8Array | null;
}

/** A matter (sag) across meetings and bodies: items linked into one timeline. */
export interface MatterTable {
  id: Generated<number>;
  title: string;
  created: Generated<Date>;
  modified: Timestamp;
  deleted: Generated<boolean>;
}

/** An item of a matter. */
export interface MatterItemTable {
  matter_id: number;
  agenda_item_id: number;
  linked_by_user_id: number | null;
  created: Generated<Date>;
}

/** A pair of items the secretariat said are not one matter (migration 0021); item_id < other_item_id. */
export interface MatterSuggestionDismissalTable {
  item_id: number;
  other_item_id: number;
  dismissed_by_user_id: number | null;
  created: Generated<Date>;
}

export interface Database {
  body: BodyTable;
  organization: OrganizationTable;
  legislative_term: LegislativeTermTable;
  person: PersonTable;
  person_link: PersonLinkTable;
  membership: MembershipTable;
  source_file: SourceFileTable;
  meeting: MeetingTable;
  attendance: AttendanceTable;
  case_file: CaseTable;
  agenda_item: AgendaItemTable;
  file: FileTable;
  file_page: FilePageTable;
  follow_up: FollowUpTable;
  search_word_pending: SearchWordPendingTable;
  app_user: AppUserTable;
  user_role: UserRoleTable;
  user_session: UserSessionTable;
  login_attempt: LoginAttemptTable;
  login_lockout: LoginLockoutTable;
  one_time_link: OneTimeLinkTable;
  api_token: ApiTokenTable;
  audit_log: AuditLogTable;
  job: JobTable;
  agenda_template_section: AgendaTemplateSectionTable;
  agenda_template_item: AgendaTemplateItemTable;
  agenda_section: AgendaSectionTable;
  authored_item: AuthoredItemTable;
  authored_annex: AuthoredAnnexTable;
  agenda_version: AgendaVersionTable;
  review_copy: ReviewCopyTable;
  agenda_rendering: AgendaRenderingTable;
  minutes_attendance: MinutesAttendanceTable;
  minutes_recusal: MinutesRecusalTable;
  minutes_decision: MinutesDecisionTable;
  protocol_remark: ProtocolRemarkTable;
  minutes: MinutesTable;
  minutes_remark_request: MinutesRemarkRequestTable;
  municipality_address: MunicipalityAddressTable;
  decision_dispatch: DecisionDispatchTable;
  matter: MatterTable;
  matter_item: MatterItemTable;
  matter_suggestion_dismissal: MatterSuggestionDismissalTable;
}

export type Body = Selectable<BodyTable>;
export type Meeting = Selectable<MeetingTable>;
export type NewMeeting = Insertable<MeetingTable>;
export type MeetingUpdate = Updateable<MeetingTable>;
export type AgendaItem = Selectable<AgendaItemTable>;
export type Person = Selectable<PersonTable>;
export type AnnexFile = Selectable<FileTable>;
export type SourceFileRow = Selectable<SourceFileTable>;
