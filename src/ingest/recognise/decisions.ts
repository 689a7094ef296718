/**
 * @module Decision headings that name a body or a date ("Beslutning i Udvalget for Ældre og Sundhed den
 * 04-06-2020", "Økonomiudvalgets beslutning 12.03.2024", "Sundheds- og Omsorgsudvalget, 03-03-2016, pkt.
 * 16"): one item of a municipal record often carries the decisions of several bodies, each under such a
 * heading. And which of them is the decision of the meeting the document records.
 */
import type { ParsedItem } from "../../domain/index.js";
import { findDates } from "./dates.js";

/** What a decision heading says: the deciding body and the date, each null when not printed. */
export interface DecisionHeading {
  readonly body: string | null;
  readonly date: string | null;
}

/** Words that make a name a political body's. */
const BODY_WORD =
  /udvalg|råd|rådet|bestyrelse|magistrat|kkr|borgerrepræsentation|repræsentantskab|forsamling|direktion|nævn|komit|bestyrelsen|forum/iu;

const WEEKDAY = /^(?:mandag|tirsdag|onsdag|torsdag|fredag|lørdag|søndag)(?:\s+|,\s*)/iu;

/** The date part of a heading and what stands before and after it. */
function splitDate(text: string): { before: string; date: string | null; after: string } {
  const dates = findDates(text);
  const found = dates[0];
  if (!found) return { before: text, date: null, after: "" };
  return {
    before: text.slice(0, found.index),
    date: found.iso,
    after: text.slice(found.index + found.length),
  };
}

/** A body name from the words around a date: without prepositions, "den", weekday and commas. */
function bodyName(text: string): string | null {
  let name = text
    .trim()
    .replace(/[,:]+$/u, "")
    .trim();
  name = name.replace(/\s+(?:den|d\.)$/iu, "").trim();
  name = name.replace(/,?\s*(?:mandag|tirsdag|onsdag|torsdag|fredag|lørdag|søndag)$/iu, "").trim();
  name = name
    .replace(/\s+(?:den|d\.)$/iu, "")
    .replace(/[,:]+$/u, "")
    .trim();
  name = name.replace(/^(?:i|fra|på|hos|af)\s+/iu, "").trim();
  return name.length > 0 ? name : null;
}

/** What may follow the date: an item number ("pkt. 56", ", punkt 3"), a time, or nothing. */
const AFTER_DATE =
  /^\s*(?:,?\s*(?:kl\.?\s*\d{1,2}[.:]\d{2}))?\s*(?:,?\s*(?:pkt|punkt)\.?\s*\d{1,4})?\s*[:.]?\s*$/iu;

/**
 * Reads a decision heading that names its body or date, or null. A bare "Beslutning" is the contract's
 * field and no dated decision.
 *
 * @example
 * parseDecisionHeading("Beslutning i Udvalget for Ældre og Sundhed den 04-06-2020");
 * // { body: "Udvalget for Ældre og Sundhed", date: "2020-06-04" }
 */
export function parseDecisionHeading(heading: string): DecisionHeading | null {
  const text = heading.trim();
  if (text.length > 140 || /[.!?;]$/.test(text.replace(/\bpkt\.$/iu, ""))) return null;
  // "Beslutning i Byrådet den 27. august 2025", "Behandling i Udvalget ... onsdag den 28. august 2019, pkt. 1".
  const lead = /^(beslutning(?:er)?|behandling|afgørelse)\b\s*/iu.exec(text);
  if (lead?.[1]) {
    const rest = text.slice(lead[0].length);
    if (rest.length === 0) return null;
    const { before, date, after } = splitDate(rest);
    if (date !== null && !AFTER_DATE.test(after)) return null;
    const body = bodyName(before.replace(WEEKDAY, ""));
    const isBehandling = /^behandling/iu.test(lead[1]);
    // "Behandling af udkast til rammeaftale" is a title: a treatment heading says where and when.
    if (isBehandling && (date === null || !/^i\s/iu.test(rest))) return null;
    // "Beslutning om genåbning af caféer" is a title: a decision heading names a body, capitalised.
    if (body !== null && !/^\p{Lu}/u.test(body)) return null;
    if (body !== null && body.split(/\s+/).length > 10) return null;
    if (date === null && (body === null || !BODY_WORD.test(body))) return null;
    return { body, date };
  }
  // "Økonomiudvalgets beslutning 12.03.2024", "Byrådets beslutning den 27. august 2025".
  // Each pattern below is tried only on a heading that has what it cannot match without: most lines
  // checked here are running text, and these patterns backtrack over the whole line.
  const genitive = text.includes("beslutning")
    ? /^(\p{Lu}[\p{L}-]{2,40}(?:\s[\p{L}-]{1,30}){0,4})s\s+beslutning\b\s*(.*)$/u.exec(text)
    : null;
  if (genitive?.[1] && BODY_WORD.test(genitive[1])) {
    const { before, date, after } = splitDate(genitive[2] ?? "");
    if (date === null || !/^(?:den|d\.)?\s*$/iu.test(before.trim()) || !AFTER_DATE.test(after)) return null;
    return { body: genitive[1], date };
  }
  // "Sundheds- og Omsorgsudvalget, 03-03-2016, pkt. 16": the decision's place in a Roskilde page.
  const placed =
    text.includes(",") && /\d$/u.test(text)
      ? /^(\p{Lu}[^,]{2,80}),\s*(.{6,30}?),\s*(?:pkt|punkt)\.?\s*\d{1,4}$/iu.exec(text)
      : null;
  if (placed?.[1] && BODY_WORD.test(placed[1])) {
    const { before, date, after } = splitDate(placed[2] ?? "");
    if (date === null || before.trim().length > 0 || after.trim().length > 0) return null;
    return { body: placed[1].trim(), date };
  }
  return null;
}

/** Loosely the same body: "Byrådet" and "Aarhus Byråd", "KKR Nordjylland" and "KKR Nordjylland". */
function sameBody(a: string, b: string): boolean {
  const words = (text: string) =>
    text
      .toLowerCase()
      .replace(/(?:et|en)\b/gu, "")
      .split(/[^\p{L}]+/u)
      .filter((word) => word.length > 2);
  const left = new Set(words(a));
  return words(b).some((word) => left.has(word));
}

/**
 * Settles each item's Beslutning once the meeting is known: where the item has no plain "Beslutning"
 * heading, its Beslutning is the decision dated on the meeting's day (or, with no date to go by, named
 * after the meeting's body, else the last one). An agenda's dated decisions are earlier treatments, so an
 * agenda item whose decisions are all of other days has no Beslutning.
 */
export function settleDecisions(
  items: readonly ParsedItem[],
  meeting: { readonly date: string | null; readonly body: string | null; readonly agenda: boolean },
): ParsedItem[] {
  return items.map((item) => {
    const decisions = item.decisions;
    if (!decisions || decisions.length === 0) return item;
    // buildItem gives an item without a plain "Beslutning" heading its last decision for the time being.
    const provisional = decisions.some((decision) => decision.text === item.fields.beslutning);
    if (!provisional) return item;
    const ofDay = meeting.date ? decisions.filter((decision) => decision.date === meeting.date) : [];
    const ofBody =
      meeting.body !== null
        ? decisions.filter(
            (decision) => decision.body !== null && sameBody(decision.body, meeting.body ?? ""),
          )
        : [];
    const undated = decisions.every((decision) => decision.date === null);
    const chosen =
      ofDay.at(-1) ??
      (meeting.date === null || undated ? (ofBody.at(-1) ?? decisions.at(-1)) : null) ??
      (meeting.agenda ? null : decisions.at(-1));
    const fields = { ...item.fields };
    const blocks = { ...(item.blocks ?? {}) };
    delete blocks.beslutning;
    if (chosen) {
      fields.beslutning = chosen.text;
      if (chosen.blocks) blocks.beslutning = chosen.blocks;
    } else delete fields.beslutning;
    const { blocks: _old, ...rest } = item;
    return { ...rest, fields, ...(Object.keys(blocks).length > 0 ? { blocks } : {}) };
  });
}
