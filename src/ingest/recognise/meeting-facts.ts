/**
 * @module Meeting facts read below the head, for records whose head names no body or date: the headings
 * of the meeting's own decisions ("Sundheds- og Omsorgsudvalget, 03-03-2016, pkt. 16", "Beslutning i
 * Udvalget for Ældre og Sundhed den 04-06-2020", "Folkeoplysningsudvalgets beslutning på mødet den 5.
 * april 2019") and, last, the committee the text names most often.
 */
import type { ViewLine } from "./line-view.js";
import { cleanBody, headDate, withoutGenitive } from "./meeting-head.js";

/** Body and date pairs named by decision headings. */
export interface DecisionFacts {
  /** The date most decision headings give, or null. */
  readonly date: string | null;
  /** The body most decision headings of that date name, or null. */
  bodyOn(date: string | null): string | null;
}

const WEEKDAY = "(?:mandag|tirsdag|onsdag|torsdag|fredag|lørdag|søndag)";
/** "Sundheds- og Omsorgsudvalget, 03-03-2016, pkt. 16" (a decision headed by body, date and item). */
const BODY_DATE_ITEM = /^(\p{Lu}[^,]{2,80}),\s{0,2}([^,]{6,30}),\s{0,2}(?:pkt|punkt)\.?\s{0,2}\d/u;
/** "Beslutning i X den 04-06-2020", "Behandling i X onsdag den 28. august 2019, pkt. 1". */
const DECISION_IN = new RegExp(
  `^(?:beslutning|behandling)\\s+i\\s+(.{3,90}?)\\s+(?:${WEEKDAY}\\s+)?(?:den|d\\.)\\s+(.{6,30})`,
  "iu",
);
/** "Folkeoplysningsudvalgets beslutning på mødet den 5. april 2019". */
const GENITIVE_DECISION =
  /^(\p{Lu}[\p{L}\s,&-]{2,80}?s)\s+beslutning\s+(?:på|i)\s+mødet\s+(?:den|d\.)\s+(.{6,30})/u;

/**
 * True when a line heads the meeting's decision without a "Beslutning" heading: "Sundheds- og
 * Omsorgsudvalget, 03-03-2016, pkt. 16" (real-world/03).
 */
export function isDecisionLine(text: string): boolean {
  const match = text.length <= 160 ? BODY_DATE_ITEM.exec(text) : null;
  return match !== null && headDate(match[2] ?? "") !== null;
}

/** Collects the decision headings' body and date pairs. */
export function decisionFacts(content: readonly ViewLine[]): DecisionFacts {
  const pairs: { body: string | null; iso: string }[] = [];
  for (const line of content) {
    const text = line.text.replace(/^[•·▪*–-]\s*/u, "");
    if (text.length > 160) continue;
    const first = /^[\p{L}]+/u.exec(text)?.[0]?.toLowerCase() ?? "";
    let body: string | null = null;
    let dateText: string | null = null;
    const inMatch = first === "beslutning" || first === "behandling" ? DECISION_IN.exec(text) : null;
    if (inMatch) {
      body = cleanBody(inMatch[1] ?? "");
      dateText = inMatch[2] ?? null;
    } else {
      const itemMatch = BODY_DATE_ITEM.exec(text);
      const genitive = itemMatch ? null : GENITIVE_DECISION.exec(text);
      if (itemMatch && !/^(?:beslutning|behandling|indstilling)\b/iu.test(itemMatch[1] ?? "")) {
        body = cleanBody(itemMatch[1] ?? "");
        dateText = itemMatch[2] ?? null;
      } else if (genitive) {
        body = cleanBody(withoutGenitive(genitive[1] ?? ""));
        dateText = genitive[2] ?? null;
      }
    }
    const iso = dateText ? headDate(dateText)?.iso : undefined;
    if (iso) pairs.push({ body, iso });
  }
  const dateCounts = new Map<string, number>();
  for (const pair of pairs) dateCounts.set(pair.iso, (dateCounts.get(pair.iso) ?? 0) + 1);
  const date = [...dateCounts.entries()].sort((a, b) => b[1] - a[1])[0]?.[0] ?? null;
  return {
    date,
    bodyOn(on) {
      const counts = new Map<string, number>();
      for (const pair of pairs) {
        if (pair.body && (on === null || pair.iso === on))
          counts.set(pair.body, (counts.get(pair.body) ?? 0) + 1);
      }
      return [...counts.entries()].sort((a, b) => b[1] - a[1])[0]?.[0] ?? null;
    },
  };
}

/**
 * A committee, council or board name: "Social- og Sundhedsudvalget", "Økonomiudvalget", "Byrådet",
 * "Regionsrådet", "Kommunalbestyrelsen", "Magistraten", "Borgerrepræsentationen".
 */
const COMMITTEE =
  /(?<![\p{L}-])(?:\p{Lu}[\p{L}]*-\s(?:og|&)\s)?\p{Lu}[\p{L}-]*(?:udvalget|rådet|bestyrelsen)(?![\p{L}])|\b(?:Magistraten|Borgerrepræsentationen)\b/gu;

/** The committee the text names most often, when one stands out (named at least twice, more than any other). */
export function mostNamedCommittee(text: string): string | null {
  const counts = new Map<string, number>();
  for (const match of text.matchAll(COMMITTEE)) counts.set(match[0], (counts.get(match[0]) ?? 0) + 1);
  const [best, second] = [...counts.entries()].sort((a, b) => b[1] - a[1]);
  if (!best || best[1] < 2 || (second && second[1] === best[1])) return null;
  return best[0];
}
