/** @module The plain data of one synthetic meeting, before it is laid out as text and ParsedDocuments. */
import type { Attendee, ParsedSection } from "../../src/domain/index.js";
import type { CorpusBody } from "./bodies.js";

export interface PlannedAnnex {
  readonly title: string;
  /** Text of each page of the annex, paragraphs separated by blank lines. */
  readonly pages: readonly string[];
}

export interface PlannedItem {
  readonly number: string;
  readonly title: string;
  readonly section: string;
  readonly caseNumber: string | null;
  readonly caseInitials: readonly string[];
  /** Baggrund, Indstilling, Sagsfremstilling, Beslutning: paragraphs separated by blank lines. */
  readonly fields: {
    readonly baggrund?: string;
    readonly indstilling?: string;
    readonly sagsfremstilling?: string;
    readonly beslutning?: string;
  };
  readonly closed: boolean;
  readonly annexes: readonly PlannedAnnex[];
}

export interface PlannedMeeting {
  readonly body: CorpusBody;
  /** ISO date. */
  readonly date: string;
  readonly startTime: string;
  readonly endTime: string;
  readonly location: string;
  readonly previousMeetingDate: string | null;
  readonly nextMeetingDate: string | null;
  readonly present: readonly Attendee[];
  readonly absent: readonly Attendee[];
  readonly sections: readonly ParsedSection[];
  readonly items: readonly PlannedItem[];
}
