/**
 * @module Items printed without a number (real-world/08: a portal's page per item; real-world/25: the
 * Aarhus Magistrat's minutes): each item is a title line over the document's first field heading, which
 * every item repeats ("Beslutning" ... "Beslutning"). Web-page chrome, case lines, labels and the
 * meeting's place are never titles; where no title stands above a field, the item's title was lost and
 * no item is made.
 */
import type { ParsedItem, ParseWarning } from "../../domain/index.js";
import { parseFieldHeading } from "./headings.js";
import { buildItem, type TextOf } from "./item-body.js";
import { parseCaseMarkLine, readTitle, stripBullet } from "./item-lines.js";
import type { LineView, ViewLine } from "./line-view.js";

/** Links and buttons of a saved web page, between an item's title and its text. */
const WEB_CHROME =
  /^(?:se (?:alle )?bilag|til (?:toppen|top)|udskriv(?:\s.{0,40})?|hent som fil:?|fold .{0,30}|luk alle punkter.{0,20}|vælg|søg|abonnér|gå til indhold|you are here|print|del|læs mere|vis (?:mere|alle))$/iu;

/** A place line of the meeting header: a postal code and town, or a time ("kl. 19.00"). */
const PLACE_OR_TIME = /\b\d{4}\s+\p{Lu}[\p{L}-]+(?:\s+\p{Lu}[\p{L}-]+)?$|\bkl\.\s?\d/u;

/** How many lines above its first field heading an item's title may stand (chrome in between). */
const TITLE_REACH = 4;

function fieldKey(line: ViewLine): string | null {
  const text = stripBullet(line.text);
  return text.length <= 90 ? parseFieldHeading(text) : null;
}

/** The title above a field heading at `pos`, looking no higher than `floor`; null where none is printed. */
function titleAbove(
  content: readonly ViewLine[],
  pos: number,
  floor: number,
): { pos: number; title: string; closed: boolean } | null {
  for (let probe = pos - 1; probe > floor && probe >= pos - TITLE_REACH; probe--) {
    const text = (content[probe] as ViewLine).text;
    if (WEB_CHROME.test(stripBullet(text)) || parseCaseMarkLine(text)) continue;
    if (text.length > 160 || PLACE_OR_TIME.test(text) || fieldKey(content[probe] as ViewLine)) return null;
    const title = readTitle(text);
    return title ? { pos: probe, ...title } : null;
  }
  return null;
}

/** Finds items without numbers; an empty list where the document shows none. */
export function recogniseUnnumberedItems(
  view: LineView,
  textOf: TextOf,
  warnings: ParseWarning[],
): {
  readonly items: readonly ParsedItem[];
  readonly claimed: [number, number][];
  readonly itemsWithFields: number;
} {
  const content = view.content;
  let opening: string | null = null;
  const starts: number[] = [];
  content.forEach((line, pos) => {
    const key = fieldKey(line);
    if (!key) return;
    opening ??= key;
    if (key === opening) starts.push(pos);
  });
  const heads: { pos: number; title: string; closed: boolean }[] = [];
  let floor = -1;
  for (const start of starts) {
    const head = titleAbove(content, start, floor);
    if (head) heads.push(head);
    floor = start;
  }
  const items: ParsedItem[] = [];
  const claimed: [number, number][] = [];
  let itemsWithFields = 0;
  heads.forEach((head, index) => {
    const nextPos = heads[index + 1]?.pos ?? content.length;
    const built = buildItem(
      view,
      {
        pos: head.pos,
        end: head.pos,
        heading: { major: index + 1, minor: null, number: "(unnumbered)", title: head.title },
      },
      nextPos,
      null,
      textOf,
      warnings,
    );
    const { closed: _closed, ...rest } = built;
    items.push({ ...rest, number: null, title: head.title, ...(head.closed ? { closed: true } : {}) });
    if (Object.keys(built.fields).length > 0) itemsWithFields++;
    claimed.push([(content[head.pos] as ViewLine).line, (content[nextPos - 1] as ViewLine).line]);
  });
  return { items, claimed, itemsWithFields };
}
