/**
 * @module The body of one agenda item: title, case line, headed fields, unheaded notes and "./." annex
 * markers, read from the lines between its heading and the next heading.
 */
import type {
  CaseHistoryEntry,
  ExtraField,
  FieldBlock,
  ItemBlocks,
  ItemDecision,
  ItemFieldKey,
  ParsedItem,
  ParseWarning,
} from "../../domain/index.js";
import {
  type BlockContext,
  type FieldRange,
  fieldBlocks,
  hasStructure,
  itemBlocks,
  trailingTableStart,
  usualLineGap,
} from "./blocks.js";
import { readCaseHistory } from "./case-history.js";
import { type NumberedHeading, parseCaseLine, parseFieldHeading, parseNumberOnly } from "./headings.js";
import { type FieldStart, findFieldStarts, previousEnd, textStart } from "./item-fields.js";
import type { LineView, ViewLine } from "./line-view.js";

/** Cleaned text of the original lines lineStart..lineEnd (1-based, inclusive). */
export type TextOf = (lineStart: number, lineEnd: number) => string;

/** An accepted item heading: content positions of its first and last title line, and the number. */
export interface ItemHeading {
  readonly pos: number;
  /** Last position of a wrapped title (or of the title line after a number standing alone). */
  readonly end: number;
  readonly heading: NumberedHeading;
}

/** The heading's title, joined with its wrapped continuation. */
export function titleText(view: LineView, candidate: ItemHeading): string {
  const parts = [candidate.heading.title];
  const numberAlone = parseNumberOnly(view.content[candidate.pos]?.text ?? "") !== null;
  for (let pos = candidate.pos + (numberAlone ? 2 : 1); pos <= candidate.end; pos++) {
    const line = view.content[pos];
    if (line) parts.push(line.text);
  }
  return parts.join(" ").replace(/\s+/g, " ").trim();
}

/** Builds one item from its heading up to (not including) the content position `nextPos`. */
export function buildItem(
  view: LineView,
  candidate: ItemHeading,
  nextPos: number,
  section: string | null,
  textOf: TextOf,
  warnings: ParseWarning[],
): ParsedItem {
  const content = view.content;
  const first = content[candidate.pos] as ViewLine;
  const last = content[nextPos - 1] ?? first;
  let caseNumber: string | null = null;
  let caseInitials: readonly string[] = [];
  let pos = candidate.end + 1;
  // The case line stands right under the title.
  for (let probe = pos; probe < Math.min(nextPos, pos + 3); probe++) {
    const line = content[probe];
    if (!line || parseFieldHeading(line.text)) break;
    const caseLine = parseCaseLine(line.text);
    if (caseLine) {
      caseNumber = caseLine.caseNumber;
      caseInitials = caseLine.initials;
      pos = probe + 1;
      break;
    }
  }
  const fieldStarts = findFieldStarts(view, pos, nextPos);
  // Parts per field, joined once at the end: a repeated heading appends, and joining as it goes would
  // copy the field so far on every repeat (quadratic in a long item that repeats its headings).
  const fieldParts = new Map<ItemFieldKey, string[]>();
  const notesParts: string[] = [];
  const firstStart = fieldStarts[0];
  const firstField = firstStart ? previousEnd(firstStart) + 1 : nextPos;
  if (firstField > pos) {
    const from = content[pos];
    const to = content[firstField - 1];
    if (from && to) notesParts.push(cutGlued(textOf(from.line, to.line), firstStart));
  }
  // Hyperlink targets that the extraction dumped after the item's last text (seeds/004 lines 1645-1646)
  // are no part of the decision: they go to the notes.
  let fieldsEnd = nextPos;
  if (fieldStarts.length > 0) {
    const lastStart = (fieldStarts[fieldStarts.length - 1] as FieldStart).pos;
    while (fieldsEnd - 1 > lastStart && isBareUrl((content[fieldsEnd - 1] as ViewLine).text)) fieldsEnd--;
    if (fieldsEnd < nextPos) {
      notesParts.push(textOf((content[fieldsEnd] as ViewLine).line, (content[nextPos - 1] as ViewLine).line));
    }
  }
  const blockContext: BlockContext = {
    textOf,
    gap: usualLineGap(content.slice(candidate.pos, nextPos)),
    bodyFontSize: view.bodyFontSize,
  };
  const blockRanges: FieldRange[] = [];
  const gluedTails = new Map<ItemFieldKey, string>();
  const extraFields: ExtraField[] = [];
  const decisions: ItemDecision[] = [];
  const caseHistory: CaseHistoryEntry[] = [];
  let liftedTable: { from: number; to: number } | null = null;
  fieldStarts.forEach((start, index) => {
    const next = fieldStarts[index + 1];
    let endPos = next ? previousEnd(next) : fieldsEnd - 1;
    const target = start.target;
    const isDecision = target.kind === "decision" || (target.kind === "field" && target.key === "beslutning");
    if (
      target.kind === "field" &&
      target.key === "beslutning" &&
      start.layout !== "inline" &&
      !next?.gluedText
    ) {
      // A table after the decision's last sentence was lifted there by the extraction (seeds/004 item
      // 2.5's budget table): it belongs to the account of the case, not to the decision.
      const from = start.pos + 1;
      const at = trailingTableStart(content.slice(from, endPos + 1), blockContext);
      if (at !== null) {
        liftedTable = { from: from + at, to: endPos };
        endPos = from + at - 1;
      }
    }
    if (isDecision && !next?.gluedText) {
      const notesFrom = decisionNotesStart(content, textStart(start) + 1, endPos);
      if (notesFrom !== null) {
        notesParts.push(textOf((content[notesFrom] as ViewLine).line, (content[endPos] as ViewLine).line));
        endPos = notesFrom - 1;
      }
    }
    const heading = content[start.pos] as ViewLine;
    const from = textStart(start);
    const to = content[endPos];
    const raw = endPos >= from && to ? textOf((content[from] as ViewLine).line, to.line) : "";
    const text = cutGlued(start.layout === "inline" ? raw.replace(/^[^:]*:\s*/u, "") : raw, next);
    const range = { from: start.layout === "inline" ? from + 1 : from, to: endPos };
    const source = { page: heading.page, lineStart: heading.line, lineEnd: (to ?? heading).line };
    // A label's text starts on its own line, which the block reader does not see: no blocks for it.
    const blocks =
      target.kind !== "field" && start.layout !== "inline"
        ? rangeBlocks(content, range, blockContext, next?.gluedText)
        : undefined;
    if (target.kind === "extra") {
      extraFields.push({
        key: target.key,
        heading: start.heading,
        text,
        ...(blocks ? { blocks } : {}),
        source,
      });
      return;
    }
    if (target.kind === "decision") {
      decisions.push({
        ...target.decision,
        heading: start.heading,
        text,
        ...(blocks ? { blocks } : {}),
        source,
      });
      return;
    }
    const key = target.key;
    if (key === "sagsforloeb" && endPos >= from) {
      pushAll(caseHistory, readCaseHistory(content.slice(from, endPos + 1).map((line) => line.text)));
    }
    if (start.layout !== "inline") {
      blockRanges.push({ key, from: range.from, to: range.to });
      if (next?.gluedText) gluedTails.set(key, next.gluedText);
    }
    const parts = fieldParts.get(key);
    if (parts !== undefined) {
      // A repeated heading (e.g. a second "Beslutning") continues the same field.
      parts.push(text);
      warnings.push({
        code: "ambiguous-heading",
        message: `Item ${candidate.heading.number}: the heading "${heading.text}" appears more than once; the parts are joined.`,
        source: { lineStart: heading.line, lineEnd: heading.line },
      });
    } else {
      fieldParts.set(key, [text]);
    }
  });
  if (liftedTable) {
    const { from, to } = liftedTable;
    const tableText = textOf((content[from] as ViewLine).line, (content[to] as ViewLine).line);
    const account = fieldParts.get("sagsfremstilling");
    if (account) {
      account.push(tableText);
      blockRanges.push({ key: "sagsfremstilling", from, to });
    } else {
      notesParts.push(tableText);
    }
  }
  const blocks = cutGluedBlocks(itemBlocks(content, blockRanges, blockContext), gluedTails);
  const fields: Partial<Record<ItemFieldKey, string>> = {};
  for (const [key, parts] of fieldParts) {
    // One part stays as it is (even when empty); repeated parts are joined without the empty ones.
    fields[key] =
      parts.length === 1 ? (parts[0] as string) : parts.filter((part) => part.length > 0).join("\n\n");
  }
  // Without a plain "Beslutning", the last dated decision stands in until the meeting is known
  // (settleDecisions picks the one of the meeting's day).
  const standIn = fields.beslutning === undefined ? decisions.at(-1) : undefined;
  let itemBlocksOut = blocks;
  if (standIn) {
    fields.beslutning = standIn.text;
    if (standIn.blocks) itemBlocksOut = { ...(blocks ?? {}), beslutning: standIn.blocks };
  }
  let annexMarkers = 0;
  for (let probe = candidate.pos; probe < nextPos; probe++) {
    const line = content[probe];
    if (line) annexMarkers += countAnnexMarkers(line.raw);
  }
  const title = titleText(view, candidate);
  const notes = notesParts.join("\n\n").trim();
  const closed = /\blukke(?:t|de)\b/iu.test(title) || undefined;
  return {
    number: candidate.heading.number,
    title,
    section,
    caseNumber,
    caseInitials,
    fields,
    ...(itemBlocksOut ? { blocks: itemBlocksOut } : {}),
    ...(extraFields.length > 0 ? { extraFields } : {}),
    ...(decisions.length > 0 ? { decisions } : {}),
    ...(caseHistory.length > 0 ? { caseHistory } : {}),
    notes: notes.length > 0 ? notes : null,
    annexMarkers,
    ...(closed ? { closed: true } : {}),
    source: { page: first.page, lineStart: first.line, lineEnd: last.line },
  };
}

/**
 * Minutes often go on after the decision with the minute-taker's notes under sub-headings of their own
 * (seeds/004 lines 1979-1983: "KKR Nordjylland tog orienteringen til efterretning." then "Erhvervshus
 * Nordjylland" and the notes from each orientation). Returns the content position of the first such
 * sub-heading: a short line without closing punctuation that follows a finished sentence and is followed
 * by text. A decision that runs on into a list ("Fra KKR Nordjylland blev det bl.a. bemærket,", line
 * 930) has no such line and stays whole.
 */
function decisionNotesStart(content: readonly ViewLine[], from: number, endPos: number): number | null {
  for (let pos = from; pos <= endPos; pos++) {
    const line = content[pos] as ViewLine;
    const previous = content[pos - 1] as ViewLine;
    // A protocol remark or a note of who left is no part of the decision, nor are the discussion notes
    // Rådsinfo's own minutes set under "Drøftelse" (authoring/render/minutes-template.ts).
    if (/^(?:protokolbemærkning|mindretalsudtalelse|fraværende|afbud)\b/iu.test(line.text)) return pos;
    if (/^drøftelse:?$/iu.test(line.text)) return pos;
    if (pos === endPos) break;
    const next = content[pos + 1] as ViewLine;
    if (line.text.length > 60 || !/^\p{Lu}/u.test(line.text) || /[.,:;!?]$/.test(line.text)) continue;
    if (/^\s*[-–—•·▪*]/u.test(line.raw) || (line.blankBefore === 0 && !line.pageStart)) continue;
    if (!/[.!?]["”)]?$/.test(previous.text) || next.text.length < 30) continue;
    return pos;
  }
  return null;
}

/** The field text without the heading glued to its end (the next field's heading). */
function cutGlued(text: string, next: FieldStart | undefined): string {
  const tail = next?.gluedText;
  if (!tail || !text.endsWith(tail)) return text;
  return text.slice(0, text.length - tail.length).trimEnd();
}

/** Blocks of one field range, without a glued heading at its end; undefined without structure. */
function rangeBlocks(
  content: readonly ViewLine[],
  range: { from: number; to: number },
  context: BlockContext,
  gluedTail: string | undefined,
): readonly FieldBlock[] | undefined {
  if (range.to < range.from) return undefined;
  const blocks = cutTail(fieldBlocks(content.slice(range.from, range.to + 1), context), gluedTail);
  return hasStructure(blocks) ? blocks : undefined;
}

/** Cuts a glued heading from the end of the last paragraph of blocks. */
function cutTail(blocks: FieldBlock[], tail: string | undefined): FieldBlock[] {
  const last = blocks.at(-1);
  if (!tail || last?.type !== "paragraph" || !last.text.endsWith(tail)) return blocks;
  const text = last.text.slice(0, last.text.length - tail.length).trimEnd();
  return [...blocks.slice(0, -1), ...(text.length > 0 ? [{ type: "paragraph" as const, text }] : [])];
}

function cutGluedBlocks(
  blocks: ItemBlocks | undefined,
  tails: ReadonlyMap<ItemFieldKey, string>,
): ItemBlocks | undefined {
  if (!blocks || tails.size === 0) return blocks;
  const out: Partial<Record<ItemFieldKey, readonly FieldBlock[]>> = { ...blocks };
  for (const [key, tail] of tails) {
    const fieldBlocksOf = out[key];
    if (fieldBlocksOf) out[key] = cutTail([...fieldBlocksOf], tail);
  }
  return out;
}

function pushAll<T>(target: T[], source: readonly T[]): void {
  for (const item of source) target.push(item);
}

/** A line that is one web address and nothing else. */
function isBareUrl(text: string): boolean {
  return text.length < 400 && /^(?:https?:\/\/|www\.)\S+$/iu.test(text);
}

/** Counts "./." annex markers (the KKR convention for "see annex") on a line. */
export function countAnnexMarkers(text: string): number {
  let count = 0;
  let at = text.indexOf("./.");
  while (at !== -1) {
    count++;
    at = text.indexOf("./.", at + 3);
  }
  return count;
}
