/**
 * @module Members who did not take part in an item: "Keld Hvalsø deltog ikke i sagens behandling."
 * (real-world/25) under the item's decision, "Nicolai Nicolaisen (A), ... og Jørgen Holst (Ø) deltog ikke
 * i Udvalget for sundhed for alles behandling af sagen." (real-world/14), "Torben Haack (F) deltog ikke
 * under punkterne 12-15." (real-world/04), "X erklærede sig inhabil", "X forlod mødet efter punkt 5", and
 * the "- deltog ikke i behandlingen af punkt: 6, 8, 9" of an attendance list. A treatment history's such
 * lines record an earlier meeting and are not read.
 */
import type { ParsedItem } from "../../domain/index.js";
import type { PartialAbsence } from "./attendance.js";
import { itemNumbers } from "./attendance-entry.js";
import { treatmentHistoryLines } from "./attendance-scope.js";
import { NAMES, namesIn } from "./attendance-sentences.js";
import type { LineView } from "./line-view.js";

const NUMBERS = "(\\d{1,3}(?:\\s*(?:,|og|&|[-–])\\s*\\d{1,3})*)";
/** "... deltog ikke i behandlingen af punkt: 6, 8, 9", "... deltog ikke under punkterne 12-15". */
const BY_NUMBER = new RegExp(
  `(${NAMES})\\s*-?\\s*deltog\\s+ikke\\s+(?:i\\s+behandlingen\\s+af|under|ved|i)\\s+(?:punkt(?:erne|et)?|pkt\\.?|sag(?:erne)?)\\s*:?\\s*${NUMBERS}`,
  "gu",
);
/** "... deltog ikke i sagens behandling", "... deltog ikke i X's behandling af sagen", "... inhabil". */
const THIS_ITEM = new RegExp(
  `(${NAMES})\\s+(?:deltog\\s+ikke\\s+i\\s+[^.]{0,100}?behandling(?:en)?\\b(?!\\s+af\\s+(?:punkt|pkt|sag(?:erne)?\\s+\\d))|(?:erklærede\\s+sig|var|blev\\s+erklæret)\\s+inhabil)`,
  "gu",
);
/** "X forlod mødet efter punkt 5" / "under punkt 5": the items from there on. */
const LEFT = new RegExp(
  `(${NAMES})\\s+forlod\\s+mødet\\s+(efter|under|før|inden)\\s+(?:behandlingen\\s+af\\s+)?(?:punkt|pkt\\.?)\\s*(\\d{1,3})`,
  "gu",
);

/**
 * Names not taking part, per item index. `listed` comes from the attendance lists. Items are matched by
 * the lines they span (a sentence under an item) or by their printed number (a sentence naming items).
 */
export function findNotParticipating(
  view: LineView,
  items: readonly ParsedItem[],
  listed: readonly PartialAbsence[],
): Map<number, string[]> {
  const out = new Map<number, string[]>();
  const add = (index: number, name: string): void => {
    const names = out.get(index) ?? [];
    if (!names.includes(name)) names.push(name);
    out.set(index, names);
  };
  const byNumber = (numbers: readonly string[], name: string): void => {
    items.forEach((item, index) => {
      if (item.number !== null && numbers.includes(item.number)) add(index, name);
    });
  };
  for (const absence of listed) byNumber(absence.items, absence.name);

  const history = treatmentHistoryLines(view);
  // The text of each region: the head (index -1) and each item, history lines left out.
  const regions = new Map<number, string[]>();
  // Items in the order of their first line, walked once alongside the lines.
  const order = items.map((_, index) => index).sort((a, b) => itemStart(items, a) - itemStart(items, b));
  let next = 0;
  let current = -1;
  for (const line of view.content) {
    while (next < order.length && itemStart(items, order[next] as number) <= line.line) {
      current = order[next] as number;
      next++;
    }
    if (history.has(line.line)) continue;
    const index = current >= 0 && line.line <= (items[current]?.source.lineEnd ?? 0) ? current : -1;
    const texts = regions.get(index) ?? [];
    texts.push(line.text);
    regions.set(index, texts);
  }
  for (const [index, texts] of regions) {
    const text = texts.join(" ");
    // Each pattern opens with a list of names, tried at every capital of the text: a text without the
    // pattern's verb cannot match it and is not scanned.
    const tookNoPart = text.includes("deltog");
    if (tookNoPart) {
      for (const match of text.matchAll(BY_NUMBER)) {
        const numbers = itemNumbers(match[2] ?? "");
        for (const name of namesIn(match[1] ?? "")) byNumber(numbers, name);
      }
    }
    if (index >= 0 && (tookNoPart || text.includes("inhabil"))) {
      for (const match of text.matchAll(THIS_ITEM))
        for (const name of namesIn(match[1] ?? "")) add(index, name);
    }
    if (!text.includes("forlod")) continue;
    for (const match of text.matchAll(LEFT)) {
      const from = Number(match[3]) + (match[2] === "efter" ? 1 : 0);
      const numbers = items
        .map((item) => item.number)
        .filter(
          (number): number is string => number !== null && /^\d+$/.test(number) && Number(number) >= from,
        );
      for (const name of namesIn(match[1] ?? "")) byNumber(numbers, name);
    }
  }
  return out;
}

function itemStart(items: readonly ParsedItem[], index: number): number {
  return items[index]?.source.lineStart ?? 0;
}
