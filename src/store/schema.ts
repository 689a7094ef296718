/**
 * @module Table types of the Rådsinfo database, as Kysely sees them: the Database that every query is
 * typed by, assembled from the table types of each concern in ./schema/. The migrations in ./migrations
 * create exactly these; most rows have `created`, `modified` and `deleted` (soft deletion, which OParl
 * needs to report removed objects under `modified_since`).
 */
import type { Insertable, Selectable, Updateable } from "kysely";
import type {
  ApiTokenTable,
  AppUserTable,
  AuditLogTable,
  LoginAttemptTable,
  LoginLockoutTable,
  OneTimeLinkTable,
  SiteSecretTable,
  UserRoleTable,
  UserSessionTable,
} from "./schema/account-tables.js";
import type {
  AgendaRenderingTable,
  AgendaSectionTable,
  AgendaTemplateItemTable,
  AgendaTemplateSectionTable,
  AgendaVersionTable,
  AuthoredAnnexTable,
  AuthoredItemTable,
  MeetingWholePdfTable,
  ReviewCopyTable,
} from "./schema/agenda-tables.js";
import type { AlertSubscriptionTable, AlertTokenTable } from "./schema/alert-tables.js";
import type { ImportUploadTable, JobTable } from "./schema/job-tables.js";
import type {
  DecisionDispatchTable,
  MatterItemTable,
  MatterSuggestionDismissalTable,
  MatterTable,
  MinutesAttendanceTable,
  MinutesDecisionTable,
  MinutesRecusalTable,
  MinutesRemarkRequestTable,
  MinutesTable,
  MunicipalityAddressTable,
  ProtocolRemarkTable,
} from "./schema/meeting-record-tables.js";
import type {
  AgendaItemTable,
  AttendanceTable,
  BodyTable,
  CaseTable,
  FilePageTable,
  FileTable,
  FollowUpTable,
  LegislativeTermTable,
  MeetingTable,
  MembershipTable,
  OrganizationTable,
  PersonLinkTable,
  PersonMergeDismissalTable,
  PersonTable,
  SearchWordPendingTable,
  SourceFileTable,
} from "./schema/record-tables.js";

export type * from "./schema/account-tables.js";
export type * from "./schema/agenda-tables.js";
export type * from "./schema/alert-tables.js";
export type * from "./schema/job-tables.js";
export type * from "./schema/meeting-record-tables.js";
export type * from "./schema/record-tables.js";

export interface Database {
  body: BodyTable;
  organization: OrganizationTable;
  legislative_term: LegislativeTermTable;
  person: PersonTable;
  person_link: PersonLinkTable;
  person_merge_dismissal: PersonMergeDismissalTable;
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
  site_secret: SiteSecretTable;
  job: JobTable;
  import_upload: ImportUploadTable;
  agenda_template_section: AgendaTemplateSectionTable;
  agenda_template_item: AgendaTemplateItemTable;
  agenda_section: AgendaSectionTable;
  authored_item: AuthoredItemTable;
  authored_annex: AuthoredAnnexTable;
  agenda_version: AgendaVersionTable;
  review_copy: ReviewCopyTable;
  agenda_rendering: AgendaRenderingTable;
  meeting_whole_pdf: MeetingWholePdfTable;
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
  alert_subscription: AlertSubscriptionTable;
  alert_token: AlertTokenTable;
}

export type Body = Selectable<BodyTable>;
export type Meeting = Selectable<MeetingTable>;
export type NewMeeting = Insertable<MeetingTable>;
export type MeetingUpdate = Updateable<MeetingTable>;
export type AgendaItem = Selectable<AgendaItemTable>;
export type Person = Selectable<PersonTable>;
export type AnnexFile = Selectable<FileTable>;
export type SourceFileRow = Selectable<SourceFileTable>;
