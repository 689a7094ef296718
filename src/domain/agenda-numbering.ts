/**
 * @module The numbers of an agenda's items: section by section, "2.1, 2.2…", renumbered after every
 * add, move and removal, so the secretariat never types one. "Eventuelt" with its one standing item is
 * numbered as its section alone, "5", as in the seeds' minutes (seed 004: "5. Eventuelt" has no 5.1).
 */
import type { SectionPurpose } from "./agenda-template.js";

/** A section as numbering sees it: its purpose and its items' ids in order. */
export interface NumberedSection<Id> {
  readonly purpose: SectionPurpose;
  readonly items: readonly Id[];
}

export interface ItemNumber<Id> {
  readonly id: Id;
  /** 1-based section number, as text: "2". */
  readonly sectionNumber: string;
  /** "2.3", or "5" for Eventuelt's single item. */
  readonly number: string;
  /** 0-based order within the section. */
  readonly position: number;
}

/**
 * The number of every item, in agenda order.
 * @example numberAgenda([{ purpose: "regular", items: ["a", "b"] }, { purpose: "other", items: ["c"] }])
 *   // [{ id: "a", number: "1.1", … }, { id: "b", number: "1.2", … }, { id: "c", number: "2", … }]
 */
export function numberAgenda<Id>(sections: readonly NumberedSection<Id>[]): ItemNumber<Id>[] {
  return sections.flatMap((section, s) => {
    const sectionNumber = String(s + 1);
    const alone = section.purpose === "other" && section.items.length === 1;
    return section.items.map((id, i) => ({
      id,
      sectionNumber,
      number: alone ? sectionNumber : `${sectionNumber}.${i + 1}`,
      position: i,
    }));
  });
}

/**
 * Moves `id` to `position` (0-based, clamped) in section `to`, taking it out of wherever it was; the
 * sections are returned new, the input untouched.
 * @example moveInAgenda([{ purpose: "regular", items: [1, 2] }], 2, 0, 0)[0].items // [2, 1]
 */
export function moveInAgenda<Id, S extends NumberedSection<Id>>(
  sections: readonly S[],
  id: Id,
  to: number,
  position: number,
): S[] {
  const without = sections.map((s) => ({ ...s, items: s.items.filter((x) => x !== id) }));
  const target = without[to];
  if (!target) throw new RangeError(`no section ${to}`);
  const at = Math.max(0, Math.min(position, target.items.length));
  without[to] = { ...target, items: [...target.items.slice(0, at), id, ...target.items.slice(at)] };
  return without;
}

/**
 * Where a new section goes when the secretariat names no place: after the last ordinary section, so the
 * closing ones ("Punkter til næste møde", "Eventuelt") stay last; 0-based.
 * @example newSectionPlace(["regular", "regular", "next-meeting", "other"]) // 2
 */
export function newSectionPlace(purposes: readonly SectionPurpose[]): number {
  return purposes.lastIndexOf("regular") + 1;
}
