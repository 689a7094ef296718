/**
 * @module The earlier treatments of a case, from the lines under its "Sagsforløb": labelled blocks
 * ("Udvalg: Aarhus Byråd" / "Dato: 26-03-2025" / "Punktnummer: 21", FirstAgenda), table rows flattened to
 * lines ("Økonomiudvalget 12-03-2024 45" under "Udvalg Dato Punkt") and dated lines ("27-01-2020
 * Magistraten", Aarhus' Magistrat). The text under each treatment is what it decided.
 */
import type { CaseHistoryEntry } from "../../domain/index.js";
import { findDates } from "./dates.js";

interface Draft {
  body: string | null;
  date: string | null;
  itemNumber: string | null;
  text: string[];
}

const LABEL =
  /(?:^|\s)(udvalg|organ|dato|mødedato|punktnummer|punkt\s?nr\.?|pkt\.?\s?nr\.?|punkt|pkt\.?)\s{0,2}:\s*/giu;

/** The labelled values of a line: "Udvalg: Aarhus Byråd Dato: 26-03-2025" gives both. */
function labelledValues(line: string): Map<string, string> | null {
  const labels = [...line.matchAll(LABEL)];
  const first = labels[0];
  if (!first || (first.index ?? 0) > 0) return null;
  const values = new Map<string, string>();
  labels.forEach((match, index) => {
    const next = labels[index + 1];
    const start = (match.index ?? 0) + match[0].length;
    const end = next ? (next.index ?? line.length) : line.length;
    const label = (match[1] ?? "").toLowerCase();
    const kind = /^(?:udvalg|organ)/.test(label) ? "body" : /dato/.test(label) ? "date" : "item";
    values.set(kind, line.slice(start, end).trim());
  });
  return values;
}

const TABLE_HEADER = /^(?:udvalg|organ|mødeforum)\b.{0,40}\bdato\b/iu;
/** "Økonomiudvalget 12-03-2024 45", "27-01-2020 Magistraten", "Byrådet, 27. august 2025, pkt. 3". */
const ITEM_NUMBER_AT_END = /[,\s]+(?:(?:pkt|punkt)\.?\s*)?(\d{1,4}(?:\.\d{1,2})?)\.?\s*$/iu;

/** A row naming a body and a date (a flattened table row or a dated line), or null. */
function datedRow(line: string): Draft | null {
  if (line.length > 100 || /[.!?]$/.test(line.replace(/\bpkt\.$/iu, ""))) return null;
  const found = findDates(line)[0];
  if (!found) return null;
  const before = line
    .slice(0, found.index)
    .replace(/[,\s]+$/u, "")
    .trim();
  let after = line.slice(found.index + found.length).trim();
  let itemNumber: string | null = null;
  const numbered = ITEM_NUMBER_AT_END.exec(` ${after}`);
  if (numbered?.[1]) {
    itemNumber = numbered[1];
    after = ` ${after}`.slice(0, numbered.index).trim();
  }
  after = after.replace(/^[,\s]+/u, "").trim();
  // The body stands on one side of the date, the other side is empty (or the item number).
  const body =
    before.length > 0 && after.length === 0 ? before : after.length > 0 && before.length === 0 ? after : null;
  if (body === null || !/^\p{Lu}/u.test(body) || body.split(/\s+/).length > 8) return null;
  return { body: body.replace(/[,:]+$/u, ""), date: found.iso, itemNumber, text: [] };
}

/**
 * Reads the treatments in the lines of a "Sagsforløb" field, in order; empty when the lines hold none
 * (a Sagsforløb written as running text).
 *
 * @example
 * readCaseHistory(["Udvalg: Aarhus Byråd", "Dato: 26-03-2025", "Punktnummer: 21", "Sagens behandling blev udsat."]);
 * // [{ body: "Aarhus Byråd", date: "2025-03-26", itemNumber: "21", text: "Sagens behandling blev udsat." }]
 */
export function readCaseHistory(lines: readonly string[]): CaseHistoryEntry[] {
  const drafts: Draft[] = [];
  let current: Draft | null = null;
  for (const raw of lines) {
    const line = raw.replace(/\s+/g, " ").trim();
    if (line === "") continue;
    const labelled = labelledValues(line);
    if (labelled) {
      const body = labelled.get("body");
      // A new "Udvalg:" opens a treatment; "Dato:" and "Punktnummer:" complete the open one.
      if (body !== undefined || current === null || (labelled.has("date") && current.date !== null)) {
        current = { body: null, date: null, itemNumber: null, text: [] };
        drafts.push(current);
      }
      if (body !== undefined) current.body = body;
      const date = labelled.get("date");
      if (date !== undefined) current.date = findDates(date)[0]?.iso ?? current.date;
      const item = labelled.get("item");
      if (item !== undefined && /^\d{1,4}(?:\.\d{1,2})?\.?$/.test(item))
        current.itemNumber = item.replace(/\.$/, "");
      continue;
    }
    if (TABLE_HEADER.test(line) && line.length < 80) continue;
    const row = datedRow(line);
    if (row) {
      current = row;
      drafts.push(current);
      continue;
    }
    if (current) current.text.push(line);
  }
  return drafts
    .filter((draft): draft is Draft & { body: string } => draft.body !== null && draft.body.length > 0)
    .map((draft) => ({
      body: draft.body,
      date: draft.date,
      itemNumber: draft.itemNumber,
      text: draft.text.join("\n"),
    }));
}
