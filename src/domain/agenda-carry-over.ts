/**
 * @module What a new agenda is offered from earlier meetings (issue 13): the subjects the body's last
 * minutes put under "Punkter til næste møde", and items the secretariat marked to be taken up again.
 * Seed 004, item 4.1, shows both ways minutes name a subject: a dash list after "Følgende sager forventes
 * behandlet på mødet:" in Sagsfremstilling, and a sentence in Beslutning ("En opdatering på
 * sundhedsreform ønskes på næste møde."). Pure text rules; the store finds the minutes.
 */

/** A section or item title that is "Punkter til næste møde" (also "Punkter til kommende møder"). */
export function isNextMeetingTitle(title: string | null): boolean {
  return title !== null && /^\s*punkter til (næste|kommende) møde/i.test(title);
}

// "–" (en dash, as in seed 004), "-", "•", "*" or "·" before the subject.
const BULLET = /^\s*[–—•*·-]\s+(.+?)\s*$/;
// "En opdatering på sundhedsreform ønskes på næste møde." and "… ønskes behandlet på næste møde".
const WISH = /([^.!?\n]+?)\s+ønskes(?:\s+\p{L}+)?\s+(?:på|til)\s+(?:det\s+)?næste\s+møde/giu;

/**
 * The subjects a "Punkter til næste møde" item names, in order, each once.
 * @example nextMeetingSubjects("Følgende sager forventes behandlet på mødet:\n– Status for Vækst Via Viden")
 *   // ["Status for Vækst Via Viden"]
 */
export function nextMeetingSubjects(...texts: readonly (string | null)[]): string[] {
  const found: string[] = [];
  const add = (subject: string) => {
    const clean = subject
      .replace(/\s+/g, " ")
      .replace(/[.:;,]+$/, "")
      .trim();
    if (clean.length < 3) return;
    const title = clean.charAt(0).toUpperCase() + clean.slice(1);
    if (!found.some((f) => f.toLowerCase() === title.toLowerCase())) found.push(title);
  };
  for (const text of texts) {
    if (!text) continue;
    for (const line of text.split("\n")) {
      const bullet = BULLET.exec(line);
      if (bullet?.[1]) add(bullet[1]);
    }
    for (const match of text.replace(/\s*\n\s*/g, " ").matchAll(WISH)) {
      if (match[1]) add(match[1]);
    }
  }
  return found;
}

export const OFFER_KINDS = ["next-meeting", "take-up-again"] as const;
export type OfferKind = (typeof OFFER_KINDS)[number];

/** One thing a new agenda is offered; `key` names it when the secretariat accepts it. */
export interface CarryOverOffer {
  /** "next-meeting:<agenda_item id>:<n>" or "take-up-again:<authored_item id>". */
  readonly key: string;
  readonly kind: OfferKind;
  readonly title: string;
  /** The meeting and item it comes from. */
  readonly fromMeetingId: number;
  readonly fromMeetingDate: string;
  readonly fromItemNumber: string;
  readonly caseNumber: string | null;
}

/**
 * The key of an offer.
 * @example offerKey("next-meeting", 12, 1) // "next-meeting:12:1"
 */
export function offerKey(kind: OfferKind, itemId: number, subject?: number): string {
  return kind === "next-meeting" ? `${kind}:${itemId}:${subject ?? 0}` : `${kind}:${itemId}`;
}

/** The parts of an offer key, or null when it is none. */
export function parseOfferKey(
  key: string,
): { readonly kind: OfferKind; readonly itemId: number; readonly subject: number } | null {
  const match = /^(next-meeting|take-up-again):(\d{1,9})(?::(\d{1,4}))?$/.exec(key);
  if (!match) return null;
  const kind = match[1] as OfferKind;
  if ((kind === "next-meeting") !== (match[3] !== undefined)) return null;
  return { kind, itemId: Number(match[2]), subject: Number(match[3] ?? 0) };
}
