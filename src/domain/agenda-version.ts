/**
 * @module What a version of a sent agenda holds and what changed between two (issue 13): a change after
 * sending goes out as "Tillæg til dagsorden" with a note; when the secretariat writes none, the note says
 * which items were added, changed or withdrawn.
 */

/** One item as sent. */
export interface SentItem {
  readonly id: number;
  readonly number: string;
  readonly title: string;
  readonly public: boolean;
  /** A digest of the item's content (fields, case, annexes), to tell a change. */
  readonly digest: string;
}

/** One section as sent (versions sent before sections were kept have none). */
export interface SentSection {
  readonly id: number;
  readonly number: string;
  readonly title: string;
}

export interface AgendaSnapshot {
  readonly items: readonly SentItem[];
  readonly sections?: readonly SentSection[];
}

/**
 * The Danish lines that say what changed from `before` to `after`, empty when nothing did.
 * @example agendaChanges({ items: [] }, { items: [{ id: 1, number: "2.1", title: "Ny sag", public: true, digest: "x" }] })
 *   // ["Punkt 2.1 Ny sag er tilføjet."]
 */
export function agendaChanges(before: AgendaSnapshot, after: AgendaSnapshot): string[] {
  const was = new Map(before.items.map((i) => [i.id, i]));
  const lines: string[] = [];
  for (const item of after.items) {
    const old = was.get(item.id);
    // A closed item's title is not for every reader of the note.
    const name = item.public ? `${item.number} ${item.title}` : `${item.number} (lukket punkt)`;
    if (!old) lines.push(`Punkt ${name} er tilføjet.`);
    else if (old.digest !== item.digest || old.title !== item.title || old.public !== item.public) {
      lines.push(`Punkt ${name} er ændret.`);
    } else if (old.number !== item.number) lines.push(`Punkt ${old.number} er nu punkt ${item.number}.`);
  }
  lines.push(...sectionChanges(before.sections, after.sections));
  const kept = new Set(after.items.map((i) => i.id));
  for (const item of before.items) {
    if (!kept.has(item.id)) {
      lines.push(
        `Punkt ${item.public ? `${item.number} ${item.title}` : `${item.number} (lukket punkt)`} er udgået.`,
      );
    }
  }
  return lines;
}

/** The sections added, renamed or taken away; none when either version kept no sections. */
function sectionChanges(
  before: readonly SentSection[] | undefined,
  after: readonly SentSection[] | undefined,
): string[] {
  if (!before || !after) return [];
  const was = new Map(before.map((s) => [s.id, s]));
  const lines: string[] = [];
  for (const section of after) {
    const old = was.get(section.id);
    if (!old) lines.push(`Afsnit ${section.number} ${section.title} er tilføjet.`);
    else if (old.title !== section.title) lines.push(`Afsnit ${section.number} hedder nu ${section.title}.`);
  }
  const kept = new Set(after.map((s) => s.id));
  for (const section of before) {
    if (!kept.has(section.id)) lines.push(`Afsnit ${section.number} ${section.title} er udgået.`);
  }
  return lines;
}
