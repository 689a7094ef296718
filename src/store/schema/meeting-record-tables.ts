/** @module The meeting day and after (issue 14): attendance, recusals, decisions and protocol remarks as a working copy, the minutes' path, municipality addresses, decision dispatches, matters (migrations 0017, 0021). */
import type { ColumnType, Generated } from "kysely";
import type { AttendanceStatus } from "../../domain/meeting-record.js";
import type { MinutesState } from "../../domain/minutes-lifecycle.js";
import type { Timestamp } from "./column-types.js";

/** One person's attendance at a held meeting (the working copy; publishing writes attendance). */
export interface MinutesAttendanceTable {
  id: Generated<number>;
  meeting_id: number;
  person_id: number;
  /** How the person took part (domain/meeting-record.ts); draft until the minutes are published. */
  status: AttendanceStatus;
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
