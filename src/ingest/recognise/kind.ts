/**
 * @module What kind of document a file is: minutes (referat), agenda (dagsorden), annex pack
 * (bilagspakke) or a plain document, from headed fields, case lines, contents page and item stamps.
 */
import type { DocumentKind } from "../../domain/index.js";
import { parseCaseLine, parseFieldHeading } from "./headings.js";
import { stripBullet } from "./item-lines.js";
import type { LineView } from "./line-view.js";

/** The signals counted over a document, exposed for tests and for the warning message. */
export interface KindSignals {
  /** Lines that are a field heading ("Baggrund", "Beslutning"). */
  readonly fieldHeadings: number;
  /** Distinct field keys among them. */
  readonly distinctFields: number;
  /** "Beslutning" headings. */
  readonly decisionHeadings: number;
  /** Case lines ("SAG-2024-03326 hlth"). */
  readonly caseLines: number;
  /** A title in the first lines says "Referat" / "Beslutningsprotokol". */
  readonly minutesTitle: boolean;
  /** A title in the first lines says "Dagsorden". */
  readonly agendaTitle: boolean;
  /** A contents page of annexes ("Indholdsfortegnelse - Bilag", seeds/003 line 2). */
  readonly annexContents: boolean;
  /** The first lines speak of a meeting ("møde", "udvalg", "dagsordenspunkter", "byråd"). */
  readonly meetingWords: boolean;
}

/** Words of a meeting record's header: a council, committee or board, its meeting, its agenda. */
const MEETING_WORDS =
  /\b(?:møde\w*|dagsorden\w*|referat\w*|beslutningsprotokol|\p{L}*udvalg\w*|byråd\w*|kommunalbestyrelse\w*|regionsråd\w*|borgerrepræsentation\w*|magistrat\w*)/iu;

/** Counts the signals. `annexContents` comes from the contents recogniser. */
export function kindSignals(view: LineView, annexContents: boolean): KindSignals {
  let fieldHeadings = 0;
  let decisionHeadings = 0;
  let caseLines = 0;
  const keys = new Set<string>();
  for (const line of view.content) {
    if (line.text.length > 80) continue;
    // A web page sets its fields as list entries ("• Resume", real-world/19).
    const key = parseFieldHeading(stripBullet(line.text));
    if (key) {
      fieldHeadings++;
      keys.add(key);
      if (key === "beslutning") decisionHeadings++;
    } else if (parseCaseLine(line.text)) {
      caseLines++;
    }
  }
  const head = view.content
    .slice(0, 30)
    .map((line) => line.text)
    .join(" ");
  return {
    fieldHeadings,
    distinctFields: keys.size,
    decisionHeadings,
    caseLines,
    minutesTitle:
      /\b(?:referat|beslutningsprotokol|protokol)\b/iu.test(head) && !/godkendelse af referat/iu.test(head),
    agendaTitle: /\bdagsorden\b/iu.test(head) && !/godkendelse af dagsorden/iu.test(head),
    annexContents,
    meetingWords: MEETING_WORDS.test(head),
  };
}

/** True when the signals show a meeting document with items (minutes or agenda). */
export function looksLikeMeetingDocument(signals: KindSignals): boolean {
  return (
    signals.caseLines >= 2 ||
    (signals.caseLines >= 1 && signals.fieldHeadings >= 1) ||
    (signals.fieldHeadings >= 3 && signals.distinctFields >= 2)
  );
}

/**
 * Decides the kind. A contents page of annexes makes an annex pack; headed fields and case lines make a
 * meeting document, minutes when its items have decisions written under "Beslutning" (`decisionsWithText`
 * from the item recogniser) or the title says "Referat", otherwise an agenda; item stamps without fields
 * make an annex pack; anything else is a plain document.
 */
export function decideKind(
  signals: KindSignals,
  found: {
    readonly decisionsWithText: number;
    readonly stamps: number;
    readonly items: number;
    /** Items with at least one headed field under them. */
    readonly itemsWithFields?: number;
    /** A contents list named the items found. */
    readonly contentsConfirmed?: boolean;
  },
): DocumentKind {
  if (signals.annexContents) return "annex-pack";
  if (
    looksLikeMeetingDocument(signals) ||
    (found.items >= 2 && (signals.agendaTitle || signals.minutesTitle)) ||
    // A numbered item with a decision under it, or items that a contents list names, in a document
    // whose header speaks of a meeting.
    (found.items >= 1 && found.decisionsWithText >= 1) ||
    (signals.meetingWords &&
      found.items >= 1 &&
      ((found.itemsWithFields ?? 0) >= 1 || found.contentsConfirmed === true))
  ) {
    if (found.decisionsWithText > 0 || (signals.minutesTitle && !signals.agendaTitle)) return "minutes";
    return "agenda";
  }
  if (found.stamps > 0) return "annex-pack";
  return "document";
}
