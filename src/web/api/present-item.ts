/**
 * @module The JSON of an agenda item. A closed item (lukket punkt) the caller may not see is only its id,
 * number, meeting, the title "Lukket punkt" and `public: false`: no fields, files, case or provenance. A
 * caller cleared for it (a member of the body, by API token) gets it in full with `public: false` and
 * `withheld` saying why the public does not.
 */
import type { WithholdingReason } from "../../domain/index.js";
import type { ApiItemRow } from "../../store/index.js";
import type { ApiLinks } from "./api-links.js";

export const CLOSED_ITEM_TITLE = "Lukket punkt";

export interface ClosedItemJson {
  readonly id: number;
  readonly meetingId: number;
  readonly number: string;
  readonly title: string;
  readonly public: false;
  readonly url: string;
}

export interface OpenItemJson {
  readonly id: number;
  readonly meetingId: number;
  readonly number: string;
  readonly title: string;
  /** False when the public sees only "Lukket punkt": the caller sees it through their role. */
  readonly public: boolean;
  /** Why the public does not see it (`closed-item`, `cpr-number`, `unlinked-annex`), or null. */
  readonly withheld: WithholdingReason | null;
  readonly url: string;
  readonly section: { readonly number: string; readonly title: string | null } | null;
  readonly case: { readonly number: string; readonly initials: readonly string[] } | null;
  readonly fields: {
    readonly resume: string | null;
    readonly baggrund: string | null;
    readonly indstilling: string | null;
    readonly sagsforloeb: string | null;
    readonly sagsfremstilling: string | null;
    readonly beslutning: string | null;
  };
  /** Headed fields beyond the six, in document order ("Økonomi", "Kompetence"), with their headings. */
  readonly extraFields: readonly { readonly key: string; readonly heading: string; readonly text: string }[];
  /** Decisions under headings naming another body or day ("Økonomiudvalgets beslutning 12.03.2024"). */
  readonly decisions: readonly {
    readonly body: string | null;
    readonly date: string | null;
    readonly heading: string;
    readonly text: string;
  }[];
  /** The case's earlier treatments, from its "Sagsforløb". */
  readonly caseHistory: readonly {
    readonly body: string;
    readonly date: string | null;
    readonly itemNumber: string | null;
    readonly text: string;
  }[];
  /** Who did not take part in the item's treatment ("deltog ikke i behandlingen af punkt 6"). */
  readonly notParticipating: readonly string[];
  readonly notes: string | null;
  readonly source: {
    readonly file: string | null;
    readonly sha256: string | null;
    readonly page: number | null;
    readonly lineStart: number | null;
    readonly lineEnd: number | null;
  };
}

export type ItemJson = ClosedItemJson | OpenItemJson;

export function presentItem(row: ApiItemRow, links: ApiLinks): ItemJson {
  const url = links.page(`/punkt/${row.id}`);
  if (!row.visible) {
    return {
      id: row.id,
      meetingId: row.meetingId,
      number: row.number,
      title: CLOSED_ITEM_TITLE,
      public: false,
      url,
    };
  }
  return {
    id: row.id,
    meetingId: row.meetingId,
    number: row.number,
    title: row.title,
    public: row.withheld === null,
    withheld: row.withheld,
    url,
    section: row.sectionNumber ? { number: row.sectionNumber, title: row.sectionTitle } : null,
    case: row.caseNumber ? { number: row.caseNumber, initials: [...row.caseInitials] } : null,
    fields: {
      resume: row.fields.resume,
      baggrund: row.fields.baggrund,
      indstilling: row.fields.indstilling,
      sagsforloeb: row.fields.sagsforloeb,
      sagsfremstilling: row.fields.sagsfremstilling,
      beslutning: row.fields.beslutning,
    },
    extraFields: row.extraFields,
    decisions: row.decisions,
    caseHistory: row.caseHistory,
    notParticipating: row.notParticipating,
    notes: row.notes,
    source: {
      file: row.source.file,
      sha256: row.source.sha256,
      page: row.source.page,
      lineStart: row.source.lineStart,
      lineEnd: row.source.lineEnd,
    },
  };
}
